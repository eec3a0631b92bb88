/* hsh-window-document.c: HshWindow's open document — showing and reloading it, selecting its
 * annotations, and finding text in it. */
#include "config.h"

#include <glib/gi18n.h>

#include "hsh-annotation-list.h"
#include "hsh-document-sidebar.h"
#include "hsh-inspector.h"
#include "hsh-window-private.h"

/* Document ---------------------------------------------------------------------------------- */

static gboolean show_document_count (gpointer user_data);

void
_hsh_window_clear_document (HshWindow *self)
{
  hsh_after_paint_cancel (&self->completion);
  /* The count a change left for the next frame still goes to the document's row. */
  if (hsh_after_paint_is_pending (&self->count_update))
    {
      hsh_after_paint_cancel (&self->count_update);
      show_document_count (self);
    }
  self->index_complete = FALSE;
  g_clear_pointer (&self->document, hsh_document_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->index, hsh_annotation_index_unref);
  g_clear_pointer (&self->fold, hsh_arabic_fold_free);
  g_array_set_size (self->find_hits, 0);
  self->selected_id = 0;
  self->picking_source = 0;
  self->picking_role = 0;
}

static HshDocument *
copy_document (const HshDocument *document)
{
  HshDocument *copy = g_memdup2 (document, sizeof *document);

  copy->uuid = g_strdup (document->uuid);
  copy->sha256 = g_strdup (document->sha256);
  copy->title = g_strdup (document->title);
  copy->source = g_strdup (document->source);
  copy->language = g_strdup (document->language);
  copy->status = g_strdup (document->status);
  return copy;
}

void
_hsh_window_remember_documents (HshWindow *self,
                                GPtrArray *documents)
{
  if (self->known_documents == NULL)
    self->known_documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                   (GDestroyNotify) hsh_document_free);
  g_hash_table_remove_all (self->known_documents);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      HshDocument *copy = copy_document (g_ptr_array_index (documents, i));

      g_hash_table_insert (self->known_documents, &copy->id, copy);
    }
}

static void
remember_document (HshWindow         *self,
                   const HshDocument *document)
{
  HshDocument *copy = copy_document (document);

  if (self->known_documents != NULL)
    g_hash_table_replace (self->known_documents, &copy->id, copy);
  else
    hsh_document_free (copy);
}

/* The store counts a document's annotations whenever it reads the document (≈ 4 ms for 20,000):
 * a long one opens with what the sidebar was given — its text never changes, and the rest is
 * read again with the whole index, after the first frame. */
static HshDocument *
get_document (HshWindow  *self,
              gint64      document_id,
              gint64      short_length,
              GError    **error)
{
  const HshDocument *known = self->known_documents != NULL
                             ? g_hash_table_lookup (self->known_documents, &document_id) : NULL;

  if (known != NULL && known->length > short_length)
    return copy_document (known);
  return hsh_store_get_document (self->store, document_id, error);
}

/* What may have changed in the store since the sidebar was filled. */
static void
refresh_document (HshWindow *self)
{
  g_autoptr(GError) error = NULL;
  HshDocument *fresh = hsh_store_get_document (self->store, self->document->id, &error);
  gboolean direction_changed, renamed;

  if (fresh == NULL)
    {
      _hsh_window_show_error (self, error);
      return;
    }

  direction_changed = fresh->direction != self->document->direction;
  renamed = g_strcmp0 (fresh->title, self->document->title) != 0;
  hsh_document_free (self->document);
  self->document = fresh;
  remember_document (self, fresh);

  if (direction_changed)
    hsh_document_view_set_direction (self->document_view, fresh->direction);
  if (renamed)
    _hsh_window_update_title (self);
  _hsh_window_notify_document (self);
}

static gboolean
show_document_count (gpointer user_data)
{
  HshWindow *self = user_data;

  hsh_document_sidebar_update_document (self->sidebar, self->document);
  return G_SOURCE_REMOVE;
}

/* Annotations change only the document's count, which the index knows: no need to count 20,000
 * rows in the store on every key press. The sidebar shows it a frame later: repainting its row
 * with the reader's would widen what that frame redraws to the whole window. */
static void
update_document_count (HshWindow *self)
{
  self->document->annotation_count = hsh_annotation_index_get_n_items (self->index);
  hsh_after_paint_schedule (&self->count_update, GTK_WIDGET (self), G_PRIORITY_DEFAULT_IDLE,
                            show_document_count, self);
}

/* The whole index replaces the first screen's: the reader draws the rest, the list shows every
 * annotation, and the selection points into the new index. */
static void
complete_index (HshWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *annotations = hsh_store_list_annotations (self->store, self->document->id, &error);
  gint64 selected = self->selected_id;

  if (annotations == NULL)
    {
      _hsh_window_show_error (self, error);
      return;
    }

  g_clear_pointer (&self->index, hsh_annotation_index_unref);
  self->index = hsh_annotation_index_new (annotations);
  self->index_complete = TRUE;

  refresh_document (self);
  hsh_document_view_set_index (self->document_view, self->index);
  hsh_annotation_list_set_annotations (self->annotation_list, self->index, self->codebook);
  hsh_document_sidebar_select (self->sidebar, self->document->id);
  update_document_count (self);
  if (selected != 0)
    {
      self->selected_id = 0;
      _hsh_window_select_annotation_in_place (self, selected);
    }
  _hsh_window_update_actions (self);
}

static gboolean
complete_index_cb (gpointer user_data)
{
  complete_index (user_data);
  return G_SOURCE_REMOVE;
}

gboolean
hsh_window_show_document (HshWindow  *self,
                          gint64      document_id,
                          GError    **error)
{
  g_autoptr(HshDocument) document = NULL;
  g_autofree char *text = NULL;
  GPtrArray *annotations;
  gint64 first_screen = hsh_document_view_get_first_screen_length (self->document_view);
  /* A long document opens with the annotations of its first screen and reads the rest after
   * its first frame. */
  gint64 short_length = MAX (HSH_DOCUMENT_VIEW_SHORT_TEXT, first_screen);
  gboolean complete;

  g_return_val_if_fail (HSH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  hsh_inspector_flush_note (self->inspector);

  document = get_document (self, document_id, short_length, error);
  if (document == NULL)
    return FALSE;
  text = hsh_store_get_document_text (self->store, document_id, error);
  if (text == NULL)
    return FALSE;
  complete = document->length <= short_length;
  annotations = complete ? hsh_store_list_annotations (self->store, document_id, error)
                         : hsh_store_list_annotations_in_range (self->store, document_id, 0, first_screen, error);
  if (annotations == NULL)
    return FALSE;

  _hsh_window_clear_document (self);
  self->document = g_steal_pointer (&document);
  self->text = g_steal_pointer (&text);
  self->index = hsh_annotation_index_new (annotations);
  self->index_complete = complete;

  hsh_document_view_load (self->document_view, self->text, self->document->direction, self->index,
                          complete ? -1 : first_screen);
  /* The list and the sidebar's row wait for the whole index, one frame later: building, taking
   * down or repainting them now would hold back the first frame of the text. The row is
   * usually selected already, where the coder chose the document. */
  if (complete)
    {
      hsh_annotation_list_set_annotations (self->annotation_list, self->index, self->codebook);
      hsh_document_sidebar_select (self->sidebar, document_id);
    }
  hsh_inspector_show (self->inspector, self->index, NULL);
  hsh_inspector_set_picking (self->inspector, NULL);

  if (gtk_search_bar_get_search_mode (self->search_bar))
    hsh_window_find (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  _hsh_window_update_title (self);
  _hsh_window_notify_document (self);
  _hsh_window_update_actions (self);
  /* Reading the rest (≈ 30 ms for 20,000 annotations) goes before the text view's background
   * layout of the whole document (priority GDK_PRIORITY_REDRAW + 5), which would hold it back
   * for seconds. */
  if (!complete)
    hsh_after_paint_schedule (&self->completion, GTK_WIDGET (self), GDK_PRIORITY_REDRAW + 1,
                              complete_index_cb, self);

  return TRUE;
}

gint64
hsh_window_get_document_id (HshWindow *self)
{
  return self->document != NULL ? self->document->id : 0;
}

void
_hsh_window_refresh_document_row (HshWindow *self)
{
  g_autoptr(HshDocument) document = NULL;

  if (self->document == NULL)
    return;

  document = hsh_store_get_document (self->store, self->document->id, NULL);
  if (document == NULL)
    return;

  hsh_document_sidebar_update_document (self->sidebar, document);
  remember_document (self, document);
  hsh_document_free (self->document);
  self->document = g_steal_pointer (&document);
}

/* Reads the open document's annotations again into a new index and draws what changed, in the
 * text the reader already holds: its caret, selection and scroll position stay. @changed gets
 * the ranges whose highlights changed (NULL when the old index held only the first screen). */
static gboolean
reload_annotations (HshWindow  *self,
                    GArray    **changed)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *annotations = hsh_store_list_annotations (self->store, self->document->id, &error);
  HshAnnotationIndex *index;
  gint64 selected = self->selected_id;
  HshDirection direction = self->document->direction;

  if (annotations == NULL)
    {
      _hsh_window_show_error (self, error);
      return FALSE;
    }

  index = hsh_annotation_index_new (annotations);
  *changed = self->index_complete ? hsh_annotation_index_changed_ranges (self->index, index) : NULL;
  hsh_after_paint_cancel (&self->completion);
  g_clear_pointer (&self->index, hsh_annotation_index_unref);
  self->index = index;
  self->index_complete = TRUE;
  /* An undo may have changed the document's direction rather than its annotations. */
  _hsh_window_refresh_document_row (self);
  if (self->document->direction != direction)
    hsh_document_view_set_direction (self->document_view, self->document->direction);

  hsh_document_view_replace_index (self->document_view, self->index, *changed);
  hsh_annotation_list_set_annotations (self->annotation_list, self->index, self->codebook);
  if (hsh_annotation_index_lookup (self->index, selected, NULL) == NULL)
    selected = 0;
  /* Selected again in place: the reader stays where the coder is reading. */
  self->selected_id = 0;
  _hsh_window_select_annotation_in_place (self, selected);
  _hsh_window_notify_document (self);
  return TRUE;
}

void
_hsh_window_reload_document (HshWindow *self)
{
  g_autoptr(GArray) changed = NULL;

  if (self->document != NULL)
    reload_annotations (self, &changed);
}

void
_hsh_window_reload_document_and_reveal (HshWindow *self)
{
  g_autoptr(GArray) changed = NULL;

  if (self->document != NULL && reload_annotations (self, &changed))
    hsh_document_view_reveal_ranges (self->document_view, changed);
}

void
_hsh_window_reload_annotation (HshWindow *self,
                               gint64     annotation_id,
                               GArray    *old_ranges)
{
  g_autoptr(GError) error = NULL;
  HshAnnotation *annotation;
  const HshLabel *label;
  guint position;

  /* Until the whole index is read, the list is empty and the count unknown: reading it brings
   * this change along. */
  if (hsh_annotation_index_remove (self->index, annotation_id, &position) && self->index_complete)
    hsh_annotation_list_remove (self->annotation_list, position);
  hsh_document_view_refresh_ranges (self->document_view, old_ranges);

  annotation = hsh_store_get_annotation (self->store, annotation_id, &error);
  if (annotation == NULL)
    {
      /* Deleted: what it covered was redrawn above. */
      if (self->selected_id == annotation_id)
        hsh_window_select_annotation (self, 0);
      if (self->index_complete)
        update_document_count (self);
      return;
    }

  label = hsh_codebook_label (self->codebook, annotation->label_id);
  position = hsh_annotation_index_insert (self->index, annotation);
  if (self->index_complete)
    {
      hsh_annotation_list_insert (self->annotation_list, position, annotation, label);
      update_document_count (self);
    }
  hsh_document_view_refresh_ranges (self->document_view, annotation->ranges);

  if (self->selected_id == annotation_id)
    {
      self->selected_id = 0;
      hsh_window_select_annotation (self, annotation_id);
    }
}

/* Selection --------------------------------------------------------------------------------- */

static void
select_annotation (HshWindow *self,
                   gint64     annotation_id,
                   gboolean   reveal)
{
  HshAnnotation *annotation = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->index != NULL && annotation_id != 0)
    annotation = hsh_annotation_index_lookup (self->index, annotation_id, &position);
  if (annotation == NULL || !self->index_complete)
    position = GTK_INVALID_LIST_POSITION;

  if (self->selected_id == (annotation != NULL ? annotation->id : 0) && annotation_id != 0)
    return;

  hsh_inspector_flush_note (self->inspector);
  self->selected_id = annotation != NULL ? annotation->id : 0;
  hsh_document_view_set_selected_annotation (self->document_view, annotation, reveal);
  hsh_annotation_list_select (self->annotation_list, position);
  hsh_inspector_show (self->inspector, self->index, annotation);
  _hsh_window_update_actions (self);
}

void
hsh_window_select_annotation (HshWindow *self,
                              gint64     annotation_id)
{
  g_return_if_fail (HSH_IS_WINDOW (self));

  select_annotation (self, annotation_id, TRUE);
}

void
_hsh_window_select_annotation_in_place (HshWindow *self,
                                        gint64     annotation_id)
{
  select_annotation (self, annotation_id, FALSE);
}

gint64
hsh_window_get_selected_annotation (HshWindow *self)
{
  return self->selected_id;
}

void
_hsh_window_cancel_picking (HshWindow *self)
{
  self->picking_source = 0;
  self->picking_role = 0;
  hsh_inspector_set_picking (self->inspector, NULL);
}

static void
fill_picked_role (HshWindow *self,
                  GPtrArray *here)
{
  const HshRoleDef *role = hsh_codebook_role (self->codebook, self->picking_role);

  for (guint i = 0; role != NULL && i < here->len; i++)
    {
      const HshAnnotation *candidate = g_ptr_array_index (here, i);

      if (hsh_codebook_label_is_a (self->codebook, candidate->label_id, role->target_label_id))
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "win.set-role", "(xxx)",
                                      self->picking_source, self->picking_role, candidate->id);
          _hsh_window_cancel_picking (self);
          return;
        }
    }

  hsh_window_toast (self, _("No annotation that can fill this role lies there"));
}

/* A click selects the innermost annotation there; clicking again reaches the next one out. */
static void
on_offset_clicked (HshWindow *self,
                   gint64     offset)
{
  g_autoptr(GPtrArray) here = NULL;
  guint next = 0;

  if (self->index == NULL)
    return;

  here = hsh_annotation_index_at (self->index, offset);
  if (self->picking_role != 0)
    {
      fill_picked_role (self, here);
      return;
    }

  if (here->len == 0)
    {
      hsh_window_select_annotation (self, 0);
      return;
    }

  for (guint i = 0; i < here->len; i++)
    if (((HshAnnotation *) g_ptr_array_index (here, i))->id == self->selected_id)
      next = (i + 1) % here->len;

  /* What was clicked is on screen. */
  _hsh_window_select_annotation_in_place (self, ((HshAnnotation *) g_ptr_array_index (here, next))->id);
}

/* Find -------------------------------------------------------------------------------------- */

guint
hsh_window_find (HshWindow  *self,
                 const char *query)
{
  g_autoptr(GArray) hits = NULL;

  g_return_val_if_fail (HSH_IS_WINDOW (self), 0);

  g_array_set_size (self->find_hits, 0);
  self->find_current = -1;

  if (self->text != NULL && query != NULL && *query != '\0')
    {
      /* Folded once per document: searching as the coder types stays cheap. */
      if (self->fold == NULL)
        self->fold = hsh_arabic_fold_new (self->text, HSH_ARABIC_FOLD_DEFAULT);
      hits = hsh_arabic_find_all (self->fold, query, HSH_ARABIC_MATCH_ANYWHERE);
      for (guint i = 0; hits != NULL && i < hits->len; i++)
        g_array_append_val (self->find_hits, g_array_index (hits, HshArabicHit, i).span);
    }

  if (self->find_hits->len > 0)
    {
      gint64 caret = hsh_document_view_get_caret (self->document_view);

      self->find_current = 0;
      for (guint i = 0; i < self->find_hits->len; i++)
        if (g_array_index (self->find_hits, HshRange, i).start >= caret)
          {
            self->find_current = i;
            break;
          }
    }

  _hsh_window_find_step (self, 0);
  return self->find_hits->len;
}

void
_hsh_window_find_step (HshWindow *self,
                       int        step)
{
  g_autofree char *status = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  int n = (int) self->find_hits->len;

  if (n > 0)
    self->find_current = ((self->find_current + step) % n + n) % n;

  hsh_document_view_set_find_hits (self->document_view, self->find_hits, n > 0 ? self->find_current : -1);

  if (n > 0)
    /* Translators: position of the current match among all, e.g. "2 of 5". */
    status = g_strdup_printf (_("%d of %d"), self->find_current + 1, n);
  else if (query != NULL && *query != '\0')
    status = g_strdup (_("No matches"));
  gtk_label_set_label (self->search_status, status != NULL ? status : "");
}

static void
on_search_changed (HshWindow *self)
{
  hsh_window_find (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate (HshWindow *self)
{
  _hsh_window_find_step (self, +1);
}

static void
on_search_next (HshWindow *self)
{
  _hsh_window_find_step (self, +1);
}

static void
on_search_previous (HshWindow *self)
{
  _hsh_window_find_step (self, -1);
}

static void
on_search_stop (HshWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode_changed (HshWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      g_array_set_size (self->find_hits, 0);
      hsh_document_view_set_find_hits (self->document_view, NULL, -1);
      gtk_widget_grab_focus (GTK_WIDGET (hsh_document_view_get_text_view (self->document_view)));
    }
  else
    on_search_changed (self);
}

void
_hsh_window_init_find (HshWindow *self)
{
  GtkShortcutController *shift_enter;

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_object_bind_property (self->find_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_changed), self, G_CONNECT_SWAPPED);
  shift_enter = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shift_enter,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("win.find-previous")));
  gtk_shortcut_controller_add_shortcut (shift_enter,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("win.find-previous")));
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), GTK_EVENT_CONTROLLER (shift_enter));
}

void
_hsh_window_class_init_document (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_offset_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
}
