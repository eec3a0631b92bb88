/* hsh-format-csv.h: one CSV row per annotation for spreadsheets, pandas and R (export only).
 * Offsets are code points, stated in each row's offset_unit column. */
#pragma once

#include "hsh-format.h"

G_BEGIN_DECLS

extern const HshFormat hsh_format_csv;

gboolean hsh_csv_write        (GPtrArray              *bundles,
                               const char             *path,
                               const HshExportOptions *options,
                               GError                **error);
/* For a streamed export: the header (after a UTF-8 BOM when @options ask for Excel), with one
 * column for each of @attribute_names (sorted), then the rows of each bundle in turn. */
void     hsh_csv_append_header (GString               *out,
                               GPtrArray              *attribute_names,
                               const HshExportOptions *options);
/* One row for each span of @bundle that @options accept. */
void     hsh_csv_append_bundle (GString               *out,
                               const HshBundle        *bundle,
                               const HshExportOptions *options,
                               GPtrArray              *attribute_names);
/* Appends @value as one RFC 4180 field (NULL: an empty one). A value that a spreadsheet would
 * run as a formula (starting with = + - @, a tab or a carriage return) gets a leading
 * apostrophe, and is quoted; a plain number such as "-5" is no formula and stays as it is. */
void     hsh_csv_append_field (GString                *out,
                               const char             *value);

G_END_DECLS
