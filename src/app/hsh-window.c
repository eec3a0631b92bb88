/* hsh-window.c: the annotation workbench — one project, its documents, the reader, the codebook
 * palette, the annotation list and the inspector: construction, project open and close, import,
 * properties. The open document lives in hsh-window-document.c, actions in hsh-window-actions.c. */
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

/* Libadwaita 1.2 crashes when a toast is dismissed within about half a second of appearing
 * (Ctrl+Z held down): its state is freed once it has faded out (0.3 s), while the animation
 * that shows it in place of another (0.5 s) still runs. A message that comes sooner than this
 * goes into the toast on screen; a later one replaces it, with four seconds of its own. */
#define TOAST_REPLACEABLE_AFTER_US (G_USEC_PER_SEC)

static void
on_toast_dismissed (HshWindow *self,
                    AdwToast  *toast)
{
  if (self->last_toast == toast)
    g_clear_object (&self->last_toast);
}

void
hsh_window_toast (HshWindow  *self,
                  const char *message)
{
  /* Libadwaita 1.2 reads a toast's title as markup: a path or a quoted span with "&" or "<"
   * must show as written. */
  g_autofree char *title = g_markup_escape_text (message, -1);
  gint64 now = g_get_monotonic_time ();
  AdwToast *toast;

  /* The newest message shows at once: queued behind the one on screen, it would show seconds
   * late, when the coder has moved on ("Undone" still there after a redo). */
  if (self->last_toast != NULL && now - self->last_toast_shown < TOAST_REPLACEABLE_AFTER_US)
    {
      adw_toast_set_title (self->last_toast, title);
      return;
    }
  if (self->last_toast != NULL)
    adw_toast_dismiss (self->last_toast);

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 4);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, G_CONNECT_SWAPPED);
  g_set_object (&self->last_toast, toast);
  self->last_toast_shown = now;
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
      guint keyval = hsh_label_keyval (label);
      GtkShortcut *shortcut;

      if (keyval == 0)
        continue;

      shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                   gtk_named_action_new ("win.tag"));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_int64 (label->id));
      gtk_shortcut_controller_add_shortcut (controller, shortcut);
    }
}

/* Project ----------------------------------------------------------------------------------- */

void
_hsh_window_update_title (HshWindow *self)
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

  _hsh_window_remember_documents (self, documents);
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
  hsh_document_view_load (self->document_view, NULL, HSH_DIRECTION_AUTO, NULL, -1);
  hsh_annotation_list_set_annotations (self->annotation_list, NULL, NULL);
  hsh_document_view_set_codebook (self->document_view, NULL);
  _hsh_window_clear_document (self);
  _hsh_window_remember_documents (self, NULL);
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
      _hsh_window_update_title (self);
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

  _hsh_window_update_title (self);
  _hsh_window_update_actions (self);
}

HshStore *
hsh_window_get_store (HshWindow *self)
{
  g_return_val_if_fail (HSH_IS_WINDOW (self), NULL);

  return self->store;
}

/* Import ------------------------------------------------------------------------------------ */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         HshWindow     *self)
{
  GdkFileList *file_list;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  file_list = g_value_get_boxed (value);
  /* The import dialog shows the guessed format of each file before anything is written. */
  _hsh_window_show_import_dialog (self, gdk_file_list_get_files (file_list));

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

/* The document's direction and status are window properties the document menu binds to. */
void
_hsh_window_notify_document (HshWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_DIRECTION]);
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

  _hsh_window_dispose_collab (self);

  _hsh_window_clear_document (self);
  g_clear_object (&self->last_toast);
  g_clear_pointer (&self->known_documents, g_hash_table_unref);
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

  _hsh_window_class_init_document (widget_class);
  _hsh_window_class_init_actions (klass);
  _hsh_window_class_init_corpus (widget_class);
  _hsh_window_class_init_collab (widget_class);
}

static void
hsh_window_init (HshWindow *self)
{
  GtkDropTarget *drop;

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

  _hsh_window_init_find (self);
  _hsh_window_init_collab (self);

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
