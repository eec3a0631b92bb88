/* hsh-inspector-private.h: HshInspector's state, shared by hsh-inspector.c (header, label, actor,
 * note, provenance) and hsh-inspector-fields.c (the label's attribute and role rows). */
#pragma once

#include <adwaita.h>
#include "hsh-inspector.h"

G_BEGIN_DECLS

struct _HshInspector
{
  GtkWidget            parent_instance;

  GtkStack            *stack;
  GtkLabel            *picking_label;
  GtkBox              *title_box;
  GtkLabel            *label_title;
  GtkLabel            *covered_label;
  GtkLabel            *invisible_label;
  GtkLabel            *ranges_label;
  AdwComboRow         *label_row;
  AdwComboRow         *actor_row;
  AdwPreferencesGroup *attributes_group;
  AdwPreferencesGroup *roles_group;
  GtkTextView         *note_view;
  AdwActionRow        *author_row;
  AdwActionRow        *created_row;
  AdwActionRow        *modified_row;

  GtkWidget           *swatch;
  HshStore            *store;
  HshCodebook         *codebook;
  HshAnnotationIndex  *index;          /* of the shown annotation's document: role candidates */
  GHashTable          *row_sets;       /* label id → RowSet: its attribute and role rows */
  gpointer             shown_rows;     /* the RowSet on show, or NULL */
  GArray              *actor_ids;      /* gint64, parallel to actor_row's items */
  GPtrArray           *actor_names;    /* char *, the same */
  gint64               annotation_id;
  gint64               document_id;
  char                *note;           /* as stored, to tell whether it changed */
  gboolean             updating;
};

/* hsh-inspector-fields.c */
void     _hsh_inspector_init_fields     (HshInspector        *self);
void     _hsh_inspector_finalize_fields (HshInspector        *self);
/* Drops every row set, after the codebook or the actors they list changed. */
void     _hsh_inspector_forget_fields   (HshInspector        *self);
/* Shows the attribute and role rows of @annotation's label, filled with its values. */
void     _hsh_inspector_show_fields     (HshInspector        *self,
                                         const HshAnnotation *annotation);
void     _hsh_inspector_hide_fields     (HshInspector        *self);

/* hsh-inspector.c */
void     _hsh_inspector_activate        (HshInspector        *self,
                                         const char          *action,
                                         GVariant            *parameter);
GtkStringList *_hsh_inspector_string_list_with_none (void);
gint64   _hsh_inspector_row_id          (gpointer             row,
                                         const char          *key);
void     _hsh_inspector_set_row_id      (gpointer             row,
                                         const char          *key,
                                         gint64               id);

G_END_DECLS
