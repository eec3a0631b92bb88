/* hsh-check-list.h: a list of things to tick inside an AdwExpanderRow — the documents, labels
 * or annotators an export or report is restricted to. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Empties @row; @everything is its subtitle while every item is ticked ("Every label"). */
void    hsh_check_list_reset       (AdwExpanderRow     *row,
                                    const char         *everything);
/* Adds an item standing for @value, ticked, indented by @depth. */
void    hsh_check_list_add         (AdwExpanderRow     *row,
                                    const char         *title,
                                    const char         *value,
                                    guint               depth);
/* The values ticked, or NULL when every item is ticked (no restriction). */
GStrv   hsh_check_list_dup_checked (AdwExpanderRow     *row);
/* Ticks the items of @values only (NULL: every item). */
void    hsh_check_list_set_checked (AdwExpanderRow     *row,
                                    const char *const  *values);

G_END_DECLS
