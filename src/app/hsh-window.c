/* hsh-window.c: the annotation workbench — one project, its documents, the reader, the codebook
 * palette, the annotation list and the inspector. Actions live in hsh-window-actions.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "hsh-annotation-list.h"
#include "hsh-document-sidebar.h"
#include "hsh-format.h"
#include "hsh-inspector.h"
#include "hsh-window-private.h"

G_DEFINE_FINAL_TYPE (HshWindow, hsh_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT_DIRECTION,
  PROP_DOCUMENT_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
hsh_window_toast (HshWindow  *self,
                  const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_hsh_window_show_error (HshWindow    *self,
                        const GError *error)
{
  /* Refusals (a number that is not one) are the coder's to read, not a program fault. */
  g_debug ("%s", error->message);
  hsh_window_toast (self, error->message);
}

/* Label keys -------------------------------------------------------------------------------- */

/* Each label's key tags the selection while the reader has the focus; elsewhere (entries of the
 * inspector, the find bar) keys keep their usual meaning. */
static void
install_label_shortcuts (HshWindow *self)
{
  GtkShortcutController *controller = GTK_SHORTCUT_CONTROLLER (self->label_shortcuts);
  GListModel *model = G_LIST_MODEL (controller);

  while (g_list_model_get_n_items (model) > 0)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (model, 0);

      gtk_shortcut_controller_remove_shortcut (controller, shortcut);
    }

  for (guint i = 0; self->codebook != NULL && i < self->codebook->labels->len; i++)
    {
      const HshLabel *label = g_ptr_array_index (self->codebook->labels, i);
      guint keyval;
      GtkShortcut *shortcut;

      if (label->shortcut == NULL || *label->shortcut == '\0')
        continue;
      keyval = gdk_keyval_from_name (label->shortcut);
      if (keyval == GDK_KEY_VoidSymbol && g_utf8_strlen (label->shortcut, -1) == 1)
        keyval = gdk_unicode_to_keyval (g_utf8_get_char (label->shortcut));
      if (keyval == GDK_KEY_VoidSymbol || keyval == 0)
        continue;

      shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                   gtk_named_action_new ("win.tag"));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_int64 (label->id));
      gtk_shortcut_controller_add_shortcut (controller, shortcut);
    }
}

/* Project ----------------------------------------------------------------------------------- */

static void
clear_document (HshWindow *self)
{
  g_clear_pointer (&self->document, hsh_document_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->index, hsh_annotation_index_unref);
  g_clear_pointer (&self->fold, hsh_arabic_fold_free);
  g_array_set_size (self->find_hits, 0);
  self->selected_id = 0;
  self->picking_source = 0;
  self->picking_role = 0;
}

static void
update_title (HshWindow *self)
{
  g_autofree char *project = NULL;

  if (self->store == NULL)
    {
      adw_window_title_set_title (self->window_title, "Hashiya");
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  project = g_path_get_basename (hsh_store_get_path (self->store));
  adw_window_title_set_title (self->window_title,
                              self->document != NULL && self->document->title != NULL
                              ? self->document->title : project);
  adw_window_title_set_subtitle (self->window_title, project);
}

static void
reload_sidebar (HshWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *documents = hsh_store_list_documents (self->store, &error);

  if (documents == NULL)
    {
      _hsh_window_show_error (self, error);
      return;
    }

  hsh_document_sidebar_set_documents (self->sidebar, documents);
  if (self->document != NULL)
    hsh_document_sidebar_select (self->sidebar, self->document->id);
}

void
hsh_window_set_store (HshWindow *self,
                      HshStore  *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  g_return_if_fail (HSH_IS_WINDOW (self));

  hsh_inspector_flush_note (self->inspector);
  hsh_inspector_set_project (self->inspector, NULL, NULL);
  hsh_document_view_load (self->document_view, NULL, HSH_DIRECTION_AUTO, NULL);
  hsh_annotation_list_set_annotations (self->annotation_list, NULL, NULL);
  hsh_document_view_set_codebook (self->document_view, NULL);
  clear_document (self);
  g_clear_pointer (&self->codebook, hsh_codebook_free);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->codebook = hsh_store_load_codebook (store, &error);
      if (self->codebook == NULL)
        {
          _hsh_window_show_error (self, error);
          g_clear_error (&error);
        }
    }

  hsh_document_view_set_codebook (self->document_view, self->codebook);
  hsh_codebook_palette_set_codebook (self->palette, self->codebook);
  hsh_inspector_set_project (self->inspector, self->store, self->codebook);
  install_label_shortcuts (self);

  if (store == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      update_title (self);
      _hsh_window_update_actions (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "workbench");
  reload_sidebar (self);

  documents = hsh_store_list_documents (store, NULL);
  if (documents != NULL && documents->len > 0)
    {
      const HshDocument *first = g_ptr_array_index (documents, 0);

      if (!hsh_window_show_document (self, first->id, &error))
        _hsh_window_show_error (self, error);
    }

  update_title (self);
  _hsh_window_update_actions (self);
}

HshStore *
hsh_window_get_store (HshWindow *self)
{
  g_return_val_if_fail (HSH_IS_WINDOW (self), NULL);

  return self->store;
}

/* Document ---------------------------------------------------------------------------------- */

gboolean
hsh_window_show_document (HshWindow  *self,
                          gint64      document_id,
                          GError    **error)
{
  g_autoptr(HshDocument) document = NULL;
  g_autofree char *text = NULL;
  GPtrArray *annotations;

  g_return_val_if_fail (HSH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  hsh_inspector_flush_note (self->inspector);

  document = hsh_store_get_document (self->store, document_id, error);
  if (document == NULL)
    return FALSE;
  text = hsh_store_get_document_text (self->store, document_id, error);
  if (text == NULL)
    return FALSE;
  annotations = hsh_store_list_annotations (self->store, document_id, error);
  if (annotations == NULL)
    return FALSE;

  clear_document (self);
  self->document = g_steal_pointer (&document);
  self->text = g_steal_pointer (&text);
  self->index = hsh_annotation_index_new (annotations);

  hsh_document_view_load (self->document_view, self->text, self->document->direction, self->index);
  hsh_annotation_list_set_annotations (self->annotation_list, self->index, self->codebook);
  hsh_inspector_show (self->inspector, self->index, NULL);
  hsh_inspector_set_picking (self->inspector, NULL);
  hsh_document_sidebar_select (self->sidebar, document_id);

  if (gtk_search_bar_get_search_mode (self->search_bar))
    hsh_window_find (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_DIRECTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_STATUS]);
  _hsh_window_update_actions (self);

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
  hsh_document_free (self->document);
  self->document = g_steal_pointer (&document);
}

void
_hsh_window_reload_document (HshWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 selected = self->selected_id;
  GPtrArray *annotations;

  if (self->document == NULL)
    return;

  annotations = hsh_store_list_annotations (self->store, self->document->id, &error);
  if (annotations == NULL)
    {
      _hsh_window_show_error (self, error);
      return;
    }

  g_clear_pointer (&self->index, hsh_annotation_index_unref);
  self->index = hsh_annotation_index_new (annotations);
  _hsh_window_refresh_document_row (self);

  /* Same text: only the highlights, the list and the selection change. */
  hsh_document_view_load (self->document_view, self->text, self->document->direction, self->index);
  hsh_annotation_list_set_annotations (self->annotation_list, self->index, self->codebook);
  self->selected_id = 0;
  hsh_window_select_annotation (self, hsh_annotation_index_lookup (self->index, selected, NULL) != NULL ? selected : 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_DIRECTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_STATUS]);
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

  if (hsh_annotation_index_remove (self->index, annotation_id, &position))
    hsh_annotation_list_remove (self->annotation_list, position);
  hsh_document_view_refresh_ranges (self->document_view, old_ranges);

  annotation = hsh_store_get_annotation (self->store, annotation_id, &error);
  if (annotation == NULL)
    {
      /* Deleted: what it covered was redrawn above. */
      if (self->selected_id == annotation_id)
        hsh_window_select_annotation (self, 0);
      _hsh_window_refresh_document_row (self);
      return;
    }

  label = hsh_codebook_label (self->codebook, annotation->label_id);
  position = hsh_annotation_index_insert (self->index, annotation);
  hsh_annotation_list_insert (self->annotation_list, position, annotation, label);
  hsh_document_view_refresh_ranges (self->document_view, annotation->ranges);
  _hsh_window_refresh_document_row (self);

  if (self->selected_id == annotation_id)
    {
      self->selected_id = 0;
      hsh_window_select_annotation (self, annotation_id);
    }
}

/* Selection --------------------------------------------------------------------------------- */

void
hsh_window_select_annotation (HshWindow *self,
                              gint64     annotation_id)
{
  HshAnnotation *annotation = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (HSH_IS_WINDOW (self));

  if (self->index != NULL && annotation_id != 0)
    annotation = hsh_annotation_index_lookup (self->index, annotation_id, &position);
  if (annotation == NULL)
    position = GTK_INVALID_LIST_POSITION;

  if (self->selected_id == (annotation != NULL ? annotation->id : 0) && annotation_id != 0)
    return;

  hsh_inspector_flush_note (self->inspector);
  self->selected_id = annotation != NULL ? annotation->id : 0;
  hsh_document_view_set_selected_annotation (self->document_view, annotation);
  hsh_annotation_list_select (self->annotation_list, position);
  hsh_inspector_show (self->inspector, self->index, annotation);
  _hsh_window_update_actions (self);
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

  hsh_window_select_annotation (self, ((HshAnnotation *) g_ptr_array_index (here, next))->id);
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

/* Import ------------------------------------------------------------------------------------ */

static const HshFormat *
format_for_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  const HshFormat *const *formats = hsh_formats_all ();

  for (guint i = 0; formats != NULL && formats[i] != NULL; i++)
    {
      g_autofree char *suffix = NULL;

      if (formats[i]->read == NULL || formats[i]->extension == NULL || g_strcmp0 (formats[i]->id, "text") == 0)
        continue;
      suffix = g_strconcat (".", formats[i]->extension, NULL);
      if (g_str_has_suffix (name, suffix))
        return formats[i];
    }

  return hsh_format_lookup ("text");
}

gboolean
hsh_window_import_files (HshWindow  *self,
                         GSList     *files,
                         GError    **error)
{
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  HshImportSummary summary = { 0 };
  g_autofree char *message = NULL;

  g_return_val_if_fail (HSH_IS_WINDOW (self), FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, HSH_ERROR, HSH_ERROR_FAILED, _("Open or create a project before importing documents"));
      return FALSE;
    }

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);
      const HshFormat *format = format_for_file (l->data);

      if (path == NULL || format == NULL || format->read == NULL)
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, _("Cannot import %s"),
                       path != NULL ? path : g_file_peek_path (l->data));
          return FALSE;
        }
      if (!format->read (path, bundles, NULL, error))
        return FALSE;
    }

  if (!hsh_store_import_bundles (self->store, bundles, &summary, NULL, error))
    return FALSE;

  reload_sidebar (self);
  if (self->document == NULL && summary.documents > 0)
    {
      g_autoptr(GPtrArray) documents = hsh_store_list_documents (self->store, NULL);

      if (documents != NULL && documents->len > 0)
        hsh_window_show_document (self, ((HshDocument *) g_ptr_array_index (documents, 0))->id, NULL);
    }

  if (summary.duplicates > 0)
    /* Translators: after an import; the second number counts texts already in the project. */
    message = g_strdup_printf (_("Imported %u documents; %u were already in the project"),
                               summary.documents, summary.duplicates);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u document", "Imported %u documents",
                                            summary.documents),
                               summary.documents);
  hsh_window_toast (self, message);

  return TRUE;
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         HshWindow     *self)
{
  g_autoptr(GError) error = NULL;
  GdkFileList *file_list;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  file_list = g_value_get_boxed (value);
  if (!hsh_window_import_files (self, gdk_file_list_get_files (file_list), &error))
    {
      _hsh_window_show_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Recent projects --------------------------------------------------------------------------- */

static void
update_recent_menu (HshWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "app.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }
}

/* Properties -------------------------------------------------------------------------------- */

static void
set_document_direction (HshWindow  *self,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  HshDirection direction = hsh_direction_from_string (name);

  if (self->document == NULL || direction == self->document->direction)
    return;

  if (!hsh_store_set_document_direction (self->store, self->document->id, direction, &error))
    {
      _hsh_window_show_error (self, error);
      return;
    }

  self->document->direction = direction;
  hsh_document_view_set_direction (self->document_view, direction);
  _hsh_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_DIRECTION]);
}

static void
set_document_status (HshWindow  *self,
                     const char *status)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || status == NULL || g_strcmp0 (status, self->document->status) == 0)
    return;

  if (!hsh_store_set_document_status (self->store, self->document->id, status, &error))
    {
      _hsh_window_show_error (self, error);
      return;
    }

  _hsh_window_refresh_document_row (self);
  _hsh_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_STATUS]);
}

static void
hsh_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HshWindow *self = HSH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_DIRECTION:
      g_value_set_string (value, hsh_direction_to_string (self->document != NULL ? self->document->direction
                                                                                 : HSH_DIRECTION_AUTO));
      break;
    case PROP_DOCUMENT_STATUS:
      g_value_set_string (value, self->document != NULL && self->document->status != NULL
                                 ? self->document->status : "new");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hsh_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HshWindow *self = HSH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_DIRECTION:
      set_document_direction (self, g_value_get_string (value));
      break;
    case PROP_DOCUMENT_STATUS:
      set_document_status (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Accessors --------------------------------------------------------------------------------- */

HshAnnotationIndex *
hsh_window_get_index (HshWindow *self)
{
  return self->index;
}

HshCodebook *
hsh_window_get_codebook (HshWindow *self)
{
  return self->codebook;
}

HshDocumentView *
hsh_window_get_document_view (HshWindow *self)
{
  return self->document_view;
}

HshInspector *
hsh_window_get_inspector (HshWindow *self)
{
  return self->inspector;
}

HshAnnotationList *
hsh_window_get_annotation_list (HshWindow *self)
{
  return self->annotation_list;
}

HshDocumentSidebar *
hsh_window_get_sidebar (HshWindow *self)
{
  return self->sidebar;
}

/* Lifecycle --------------------------------------------------------------------------------- */

static gboolean
hsh_window_close_request (GtkWindow *window)
{
  HshWindow *self = HSH_WINDOW (window);
  int width, height;

  hsh_inspector_flush_note (self->inspector);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (hsh_window_parent_class)->close_request (window);
}

static void
hsh_window_dispose (GObject *object)
{
  HshWindow *self = HSH_WINDOW (object);

  clear_document (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HSH_TYPE_WINDOW);
  g_clear_pointer (&self->codebook, hsh_codebook_free);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hsh_window_parent_class)->dispose (object);
}

static void
hsh_window_finalize (GObject *object)
{
  HshWindow *self = HSH_WINDOW (object);

  g_clear_pointer (&self->find_hits, g_array_unref);

  G_OBJECT_CLASS (hsh_window_parent_class)->finalize (object);
}

static void
hsh_window_class_init (HshWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hsh_window_dispose;
  object_class->finalize = hsh_window_finalize;
  object_class->get_property = hsh_window_get_property;
  object_class->set_property = hsh_window_set_property;
  window_class->close_request = hsh_window_close_request;

  properties[PROP_DOCUMENT_DIRECTION] =
    g_param_spec_string ("document-direction", NULL, NULL, "auto",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_STATUS] =
    g_param_spec_string ("document-status", NULL, NULL, "new",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HSH_TYPE_DOCUMENT_SIDEBAR);
  g_type_ensure (HSH_TYPE_DOCUMENT_VIEW);
  g_type_ensure (HSH_TYPE_CODEBOOK_PALETTE);
  g_type_ensure (HSH_TYPE_ANNOTATION_LIST);
  g_type_ensure (HSH_TYPE_INSPECTOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hashiya/Hashiya/hsh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HshWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HshWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HshWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HshWindow, document_menu_button);
  gtk_widget_class_bind_template_child (widget_class, HshWindow, find_button);
  gtk_widget_class_bind_template_child (widget_class, HshWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HshWindow, document_view);
  gtk_widget_class_bind_template_child (widget_class, HshWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, HshWindow, annotation_list);
  gtk_widget_class_bind_template_child (widget_class, HshWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, HshWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HshWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HshWindow, search_status);
  gtk_widget_class_bind_template_child (widget_class, HshWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_offset_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);

  _hsh_window_class_init_actions (klass);
}

static void
hsh_window_init (HshWindow *self)
{
  GtkDropTarget *drop;
  GtkShortcutController *shift_enter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->find_hits = g_array_new (FALSE, FALSE, sizeof (HshRange));
  self->find_current = -1;
  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->label_shortcuts = gtk_shortcut_controller_new ();
  /* Capture: the reader's text view must not see the label keys first. */
  gtk_event_controller_set_propagation_phase (self->label_shortcuts, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self->document_view), self->label_shortcuts);

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

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  _hsh_window_update_actions (self);
}

HshWindow *
hsh_window_new (GtkApplication *application)
{
  return g_object_new (HSH_TYPE_WINDOW, "application", application, NULL);
}
