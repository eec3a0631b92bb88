/* hsh-window-actions.c: the win.* actions of the workbench — tagging, editing annotations,
 * undo and redo, find, import — and their keyboard bindings. */
#include "config.h"

#include <glib/gi18n.h>

#include "hsh-oplog.h"
#include "hsh-window-private.h"

static HshAnnotation *
selected_annotation (HshWindow *self)
{
  if (self->index == NULL || self->selected_id == 0)
    return NULL;

  return hsh_annotation_index_lookup (self->index, self->selected_id, NULL);
}

static GArray *
copy_ranges (const HshAnnotation *annotation)
{
  return annotation != NULL ? g_array_copy (annotation->ranges) : NULL;
}

/* Applies a change made to one annotation in the store, or says why it was refused. */
static void
finish_edit (HshWindow    *self,
             gboolean      ok,
             gint64        annotation_id,
             GArray       *old_ranges,
             const GError *error)
{
  if (!ok)
    {
      _hsh_window_show_error (self, error);
      /* Put back what the inspector showed before the refused edit. */
      hsh_inspector_show (self->inspector, self->index, selected_annotation (self));
    }
  else
    _hsh_window_reload_annotation (self, annotation_id, old_ranges);

  _hsh_window_update_actions (self);
}

/* Tagging ----------------------------------------------------------------------------------- */

static void
relabel (HshWindow *self,
         gint64     annotation_id,
         gint64     label_id)
{
  g_autoptr(GError) error = NULL;
  HshAnnotation *annotation = hsh_annotation_index_lookup (self->index, annotation_id, NULL);
  g_autoptr(GArray) old_ranges = copy_ranges (annotation);
  gboolean ok;

  if (annotation == NULL || annotation->label_id == label_id)
    return;

  ok = hsh_store_set_annotation_label (self->store, annotation_id, label_id, &error);
  finish_edit (self, ok, annotation_id, old_ranges, error);
}

/* With text selected, a label's key tags it; with nothing selected, it relabels the selected
 * annotation, so that a wrong key is corrected by pressing the right one. */
static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 label_id = g_variant_get_int64 (parameter);
  HshRange range;
  gint64 id;

  if (self->document == NULL || hsh_codebook_label (self->codebook, label_id) == NULL)
    return;

  if (!hsh_document_view_get_selection (self->document_view, &range.start, &range.end))
    {
      if (self->selected_id != 0)
        relabel (self, self->selected_id, label_id);
      else
        hsh_window_toast (self, _("Select some text to tag first"));
      return;
    }

  id = hsh_store_create_annotation (self->store, self->document->id, label_id, &range, 1, &error);
  if (id == 0)
    {
      _hsh_window_show_error (self, error);
      return;
    }

  _hsh_window_reload_annotation (self, id, NULL);
  /* Collapse the selection so that the next key relabels instead of tagging twice. */
  hsh_document_view_collapse_selection (self->document_view);
  _hsh_window_select_annotation_in_place (self, id);
  _hsh_window_update_actions (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  HshAnnotation *annotation = selected_annotation (self);
  g_autoptr(GArray) old_ranges = copy_ranges (annotation);
  gint64 id;

  if (annotation == NULL)
    return;

  id = annotation->id;
  finish_edit (self, hsh_store_delete_annotation (self->store, id, &error), id, old_ranges, error);
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const HshRange *ra = a, *rb = b;

  return (ra->start > rb->start) - (ra->start < rb->start);
}

/* Sorts and merges touching fragments: a discontinuous span has gaps between its fragments. */
static void
normalize_ranges (GArray *ranges)
{
  guint kept = 0;

  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      HshRange range = g_array_index (ranges, HshRange, i);

      if (kept > 0 && range.start <= g_array_index (ranges, HshRange, kept - 1).end)
        {
          HshRange *last = &g_array_index (ranges, HshRange, kept - 1);

          last->end = MAX (last->end, range.end);
        }
      else
        g_array_index (ranges, HshRange, kept++) = range;
    }
  g_array_set_size (ranges, kept);
}

static void
set_ranges (HshWindow     *self,
            HshAnnotation *annotation,
            GArray        *ranges)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) old_ranges = copy_ranges (annotation);
  gint64 id = annotation->id;
  gboolean ok;

  ok = hsh_store_set_annotation_ranges (self->store, id, (HshRange *) (gpointer) ranges->data, ranges->len, &error);
  finish_edit (self, ok, id, old_ranges, error);
}

static void
add_fragment_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  HshAnnotation *annotation = selected_annotation (self);
  g_autoptr(GArray) ranges = NULL;
  HshRange range;

  if (annotation == NULL)
    return;

  if (!hsh_document_view_get_selection (self->document_view, &range.start, &range.end))
    {
      hsh_window_toast (self, _("Select the text to add to the annotation first"));
      return;
    }

  ranges = g_array_copy (annotation->ranges);
  g_array_append_val (ranges, range);
  normalize_ranges (ranges);
  hsh_document_view_collapse_selection (self->document_view);
  set_ranges (self, annotation, ranges);
}

/* Moves the start of the first fragment or the end of the last one by one code point, in
 * logical order whatever the direction of the text on screen. */
static void
move_boundary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  HshAnnotation *annotation = selected_annotation (self);
  g_autoptr(GArray) ranges = NULL;
  gboolean at_start = g_str_has_suffix (action_name, "-start");
  int delta = g_str_has_prefix (action_name, "win.grow") ? 1 : -1;
  HshRange *range;

  if (annotation == NULL)
    return;

  ranges = g_array_copy (annotation->ranges);
  if (at_start)
    {
      range = &g_array_index (ranges, HshRange, 0);
      range->start -= delta;
    }
  else
    {
      range = &g_array_index (ranges, HshRange, ranges->len - 1);
      range->end += delta;
    }

  if (range->start < 0 || range->end > self->document->length || range->start >= range->end)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  normalize_ranges (ranges);
  set_ranges (self, annotation, ranges);
}

/* Selects the annotations under the caret one after the other, innermost first. */
static void
cycle_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  g_autoptr(GPtrArray) here = NULL;
  gint64 caret;
  guint next = 0;

  if (self->index == NULL)
    return;

  caret = hsh_document_view_get_caret (self->document_view);
  here = hsh_annotation_index_at (self->index, caret);
  if (here->len == 0 && caret > 0)
    {
      g_ptr_array_unref (here);
      here = hsh_annotation_index_at (self->index, caret - 1);
    }
  if (here->len == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  for (guint i = 0; i < here->len; i++)
    if (((HshAnnotation *) g_ptr_array_index (here, i))->id == self->selected_id)
      next = (i + 1) % here->len;

  hsh_window_select_annotation (self, ((HshAnnotation *) g_ptr_array_index (here, next))->id);
}

static void
select_annotation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  hsh_window_select_annotation (HSH_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);

  if (self->picking_role != 0)
    _hsh_window_cancel_picking (self);
  else
    hsh_window_select_annotation (self, 0);
}

/* Inspector edits --------------------------------------------------------------------------- */

static void
relabel_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gint64 annotation_id, label_id;

  g_variant_get (parameter, "(xx)", &annotation_id, &label_id);
  relabel (HSH_WINDOW (widget), annotation_id, label_id);
}

static void
set_attribute_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 annotation_id, attribute_id;
  const char *value;
  gboolean ok;

  g_variant_get (parameter, "(xx&s)", &annotation_id, &attribute_id, &value);
  if (hsh_annotation_index_lookup (self->index, annotation_id, NULL) == NULL)
    return;

  ok = hsh_store_set_attribute_value (self->store, annotation_id, attribute_id, value, &error);
  finish_edit (self, ok, annotation_id, NULL, error);
}

static void
set_role_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = NULL;
  gint64 source_id, role_id, target_id;
  gboolean ok = TRUE;

  g_variant_get (parameter, "(xxx)", &source_id, &role_id, &target_id);
  if (self->document == NULL || hsh_annotation_index_lookup (self->index, source_id, NULL) == NULL)
    return;

  links = hsh_store_list_role_links (self->store, self->document->id, &error);
  if (links == NULL)
    {
      _hsh_window_show_error (self, error);
      return;
    }

  /* A role holds one filler here: picking another replaces it. */
  for (guint i = 0; ok && i < links->len; i++)
    {
      const HshRoleLink *link = g_ptr_array_index (links, i);

      if (link->source_id != source_id || link->role_id != role_id)
        continue;
      if (link->target_id == target_id)
        return;
      ok = hsh_store_delete_role_link (self->store, link->id, &error);
    }

  if (ok && target_id != 0)
    ok = hsh_store_add_role_link (self->store, source_id, role_id, target_id, &error) != 0;

  finish_edit (self, ok, source_id, NULL, error);
}

static void
pick_role_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  const HshRoleDef *role;
  gint64 source_id, role_id;

  g_variant_get (parameter, "(xx)", &source_id, &role_id);
  role = hsh_codebook_role (self->codebook, role_id);
  if (role == NULL)
    return;

  self->picking_source = source_id;
  self->picking_role = role_id;
  hsh_inspector_set_picking (self->inspector, role->name);
  gtk_widget_grab_focus (GTK_WIDGET (hsh_document_view_get_text_view (self->document_view)));
}

static void
set_actor_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  HshAnnotation *annotation;
  gint64 annotation_id, actor_id;
  gboolean ok;

  g_variant_get (parameter, "(xx)", &annotation_id, &actor_id);
  annotation = hsh_annotation_index_lookup (self->index, annotation_id, NULL);
  if (annotation == NULL || annotation->actor_id == actor_id)
    return;

  ok = hsh_store_set_annotation_actor (self->store, annotation_id, actor_id, &error);
  finish_edit (self, ok, annotation_id, NULL, error);
}

static void
new_actor_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 annotation_id = g_variant_get_int64 (parameter);
  HshAnnotation *annotation = hsh_annotation_index_lookup (self->index, annotation_id, NULL);
  gint64 actor_id;

  if (annotation == NULL)
    return;

  actor_id = hsh_store_ensure_actor (self->store, annotation->text, NULL, &error);
  if (actor_id == 0)
    {
      _hsh_window_show_error (self, error);
      return;
    }

  finish_edit (self, hsh_store_set_annotation_actor (self->store, annotation_id, actor_id, &error),
               annotation_id, NULL, error);
}

static void
set_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 annotation_id;
  const char *note;

  g_variant_get (parameter, "(x&s)", &annotation_id, &note);
  if (!hsh_store_set_annotation_note (self->store, annotation_id, note, &error))
    _hsh_window_show_error (self, error);
  _hsh_window_update_actions (self);
}

/* Undo and redo ----------------------------------------------------------------------------- */

static void
undo_redo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  gboolean undo = g_str_equal (action_name, "win.undo");
  gint64 document_id = 0;
  gboolean ok;

  if (self->store == NULL)
    return;

  hsh_inspector_flush_note (self->inspector);
  if (undo)
    ok = hsh_store_undo (self->store, &document_id, &description, &error);
  else
    ok = hsh_store_redo (self->store, &document_id, &description, &error);

  if (!ok)
    {
      _hsh_window_show_error (self, error);
      return;
    }

  /* The operation may have touched another document: show it, so the coder sees what changed. */
  if (document_id != 0 && document_id != hsh_window_get_document_id (self))
    {
      if (!hsh_window_show_document (self, document_id, &error))
        _hsh_window_show_error (self, error);
      _hsh_window_refresh_document_row (self);
    }
  else
    _hsh_window_reload_document_and_reveal (self);

  if (description != NULL)
    {
      /* Translators: after undo or redo, followed by what was undone ("Tag “فرنسا” as Actor/State"). */
      message = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), description);
      hsh_window_toast (self, message);
    }
  _hsh_window_update_actions (self);
}

/* Documents, find, import ------------------------------------------------------------------- */

static void
show_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 document_id = g_variant_get_int64 (parameter);

  if (document_id == hsh_window_get_document_id (self))
    return;
  if (!hsh_window_show_document (self, document_id, &error))
    _hsh_window_show_error (self, error);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  gint64 start, end;

  /* Selected text is what the coder most likely wants to find. */
  if (hsh_document_view_get_selection (self->document_view, &start, &end) && end - start < 200)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (hsh_document_view_get_text_view (self->document_view));
      GtkTextIter start_iter, end_iter;
      g_autofree char *selected = NULL;

      gtk_text_buffer_get_selection_bounds (buffer, &start_iter, &end_iter);
      selected = gtk_text_iter_get_slice (&start_iter, &end_iter);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  _hsh_window_find_step (self, g_str_equal (action_name, "win.find-next") ? +1 : -1);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _hsh_window_show_import_dialog (HSH_WINDOW (widget), NULL);
}

/* Enabling ---------------------------------------------------------------------------------- */

void
_hsh_window_update_actions (HshWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_document = self->document != NULL;
  gboolean has_selected = selected_annotation (self) != NULL;
  gboolean writable = self->store != NULL && !hsh_store_is_read_only (self->store);
  static const char *annotation_actions[] = {
    "win.delete-annotation", "win.add-fragment", "win.grow-start", "win.shrink-start",
    "win.grow-end", "win.shrink-end",
  };

  gtk_widget_action_set_enabled (widget, "win.tag", has_document && writable);
  for (guint i = 0; i < G_N_ELEMENTS (annotation_actions); i++)
    gtk_widget_action_set_enabled (widget, annotation_actions[i], has_selected && writable);
  gtk_widget_action_set_enabled (widget, "win.undo", writable && hsh_store_can_undo (self->store));
  gtk_widget_action_set_enabled (widget, "win.redo", writable && hsh_store_can_redo (self->store));
  gtk_widget_action_set_enabled (widget, "win.import", writable);
  gtk_widget_action_set_enabled (widget, "win.find", has_document);
  gtk_widget_action_set_enabled (widget, "win.cycle-annotations", has_document);
  gtk_widget_action_set_enabled (widget, "win.document-direction", has_document && writable);
  gtk_widget_action_set_enabled (widget, "win.document-status", has_document && writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->document_menu_button), has_document);
  gtk_widget_set_sensitive (GTK_WIDGET (self->find_button), has_document);
  _hsh_window_update_corpus_actions (self);
  _hsh_window_update_collab_actions (self);
}

void
_hsh_window_class_init_actions (HshWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.tag", "x", tag_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "win.add-fragment", NULL, add_fragment_action);
  gtk_widget_class_install_action (widget_class, "win.grow-start", NULL, move_boundary_action);
  gtk_widget_class_install_action (widget_class, "win.shrink-start", NULL, move_boundary_action);
  gtk_widget_class_install_action (widget_class, "win.grow-end", NULL, move_boundary_action);
  gtk_widget_class_install_action (widget_class, "win.shrink-end", NULL, move_boundary_action);
  gtk_widget_class_install_action (widget_class, "win.cycle-annotations", NULL, cycle_action);
  gtk_widget_class_install_action (widget_class, "win.select-annotation", "x", select_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "win.relabel", "(xx)", relabel_action);
  gtk_widget_class_install_action (widget_class, "win.set-attribute", "(xxs)", set_attribute_action);
  gtk_widget_class_install_action (widget_class, "win.set-role", "(xxx)", set_role_action);
  gtk_widget_class_install_action (widget_class, "win.pick-role", "(xx)", pick_role_action);
  gtk_widget_class_install_action (widget_class, "win.set-actor", "(xx)", set_actor_action);
  gtk_widget_class_install_action (widget_class, "win.new-actor-from-mention", "x", new_actor_action);
  gtk_widget_class_install_action (widget_class, "win.set-note", "(xs)", set_note_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.show-document", "x", show_document_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_step_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_step_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_property_action (widget_class, "win.document-direction", "document-direction");
  gtk_widget_class_install_property_action (widget_class, "win.document-status", "document-status");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-annotation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.delete-annotation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_ALT_MASK, "win.add-fragment", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.grow-start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.shrink-start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.grow-end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "win.shrink-end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "win.cycle-annotations", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.escape", NULL);
}
