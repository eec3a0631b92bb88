/* hsh-format-tei.h: TEI P5 export (one <TEI> per document, a <teiCorpus> for several), with
 * annotations inline as persName, orgName, placeName, date, rs and seg when they nest, or as
 * standoff <annotation>s pointing into the paragraphs with string-range() in code points. */
#pragma once

#include "hsh-format.h"

G_BEGIN_DECLS

extern const HshFormat hsh_format_tei;

gboolean hsh_tei_write (GPtrArray              *bundles,
                        const char             *path,
                        const HshExportOptions *options,
                        GError                **error);

G_END_DECLS
