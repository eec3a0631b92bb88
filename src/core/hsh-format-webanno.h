/* hsh-format-webanno.h: WebAnno TSV 3.3, the exchange format of WebAnno and INCEpTION (export).
 *
 * One span layer, DKPro's NamedEntity, with the features `identifier` (the actor's Wikidata id,
 * `*` when none) and `value` (the label path, "Actor/State"), followed by one feature per
 * attribute name used in the document (`*` where a span lacks it). Role links are a relation
 * layer `webanno.custom.HashiyaRole` with the feature `role`, written on the row of the span that
 * fills the role and pointing at the span that has it. Layers without annotations are left out,
 * so plain named entities give exactly the header INCEpTION writes for them.
 *
 * Offsets are UTF-16 code units over the whole document. Tokens are those of
 * hsh-format-common.h; a sentence is a line, or ends at sentence-final punctuation. An annotation
 * starting or ending inside a token (a name glued to its clitic: «ومحمد») gets a sub-token row
 * `4-3.1`; one starting or ending in the space between tokens is trimmed to the tokens, as the
 * format requires; one covering no token at all (only white space or direction marks) cannot
 * be written and is left out. A discontinuous span is written as one annotation per fragment,
 * its role links on the first. Several documents are written to a folder, one TITLE.tsv each. */
#pragma once

#include "hsh-format.h"

G_BEGIN_DECLS

extern const HshFormat hsh_format_webanno;

G_END_DECLS
