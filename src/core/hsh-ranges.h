/* hsh-ranges.h: an annotation's ranges as stored in its row — "start-end" fragments joined by
 * ";" in text order ("2572-2577;2579-2584") — with the hull kept beside them for the index. */
#pragma once

#include <glib.h>
#include "hsh-types.h"

G_BEGIN_DECLS

/* "3-12" or "2572-2577;2579-2584"; @ranges must be sorted. */
char   *hsh_ranges_format (const HshRange *ranges,
                           guint           n_ranges);
/* Appends the ranges of @text to @ranges; FALSE (and @ranges as it was) when @text is not a
 * sorted list of non-empty, non-overlapping fragments — as a damaged or hostile file may hold. */
gboolean hsh_ranges_parse (const char     *text,
                           GArray         *ranges);

G_END_DECLS
