/* hsh-window-collab.c: HshWindow's hold on its project file — the lock, the read-only view with
 * its banner when someone else has the file open, following their changes, opening a copy —
 * and the reader's layers. The shared folder lives in hsh-window-team.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hsh-identity.h"
#include "hsh-publish.h"
#include "hsh-reader-layer.h"
#include "hsh-window-private.h"

#define LOCK_REFRESH_SECONDS 60
#define RELOAD_DELAY_MS 500

/* Lock and read-only view ------------------------------------------------------------------ */

static void
stop_following (HshWindow *self)
{
  if (self->project_monitor != NULL)
    g_file_monitor_cancel (self->project_monitor);
  if (self->wal_monitor != NULL)
    g_file_monitor_cancel (self->wal_monitor);
  g_clear_object (&self->project_monitor);
  g_clear_object (&self->wal_monitor);
  g_clear_handle_id (&self->reload_source, g_source_remove);
}

static void
release_lock (HshWindow *self)
{
  g_clear_handle_id (&self->lock_refresh_source, g_source_remove);
  g_clear_pointer (&self->lock, hsh_lock_release);
}

static gboolean
refresh_lock (gpointer user_data)
{
  HshWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->lock != NULL && !hsh_lock_refresh (self->lock, &error))
    {
      /* Another machine took the lock after we slept: keep working, but say so. */
      hsh_window_toast (self, error->message);
      self->lock_refresh_source = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
reload_after_change (gpointer user_data)
{
  HshWindow *self = user_data;

  self->reload_source = 0;
  _hsh_window_reload_project (self);
  return G_SOURCE_REMOVE;
}

static void
on_project_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    HshWindow         *self)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CHANGED &&
      event != G_FILE_MONITOR_EVENT_CREATED)
    return;

  /* A commit writes the -wal several times: re-read once it has settled. */
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_after_change, self);
}

static GFileMonitor *
follow_file (HshWindow  *self,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);

  if (monitor == NULL)
    {
      g_debug ("Cannot follow changes of %s: %s", path, error->message);
      return NULL;
    }
  g_file_monitor_set_rate_limit (monitor, RELOAD_DELAY_MS);
  g_signal_connect_object (monitor, "changed", G_CALLBACK (on_project_changed), self, 0);
  return monitor;
}

static void
follow_project (HshWindow  *self,
                const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  self->project_monitor = follow_file (self, path);
  self->wal_monitor = follow_file (self, wal);
}

gboolean
hsh_window_open_project (HshWindow   *self,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GError) lock_error = NULL;
  g_autoptr(HshLockHolder) holder = NULL;
  g_autoptr(HshStore) store = NULL;
  g_autoptr(HshIdentity) identity = NULL;
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *banner = NULL;
  HshLock *lock;

  g_return_val_if_fail (HSH_IS_WINDOW (self), FALSE);

  stop_following (self);
  release_lock (self);

  lock = hsh_lock_acquire (absolute, &holder, &lock_error);
  if (lock == NULL)
    {
      g_autofree char *who = holder != NULL ? hsh_lock_holder_describe (holder) : NULL;

      /* Translators: the banner of a project someone else has open; %s names them, as in
       * "Layla Haddad on lab-pc-3 (process 4121), since 2024-05-02 10:42". */
      banner = who != NULL ? g_strdup_printf (_("Opened read-only: %s has this project open"), who)
                           : g_strdup_printf (_("Opened read-only: %s"), lock_error->message);
    }

  store = hsh_store_open (absolute, lock != NULL ? HSH_STORE_OPEN_DEFAULT : HSH_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    {
      g_clear_pointer (&lock, hsh_lock_release);
      return FALSE;
    }

  identity = hsh_identity_load ();
  if (identity != NULL && !hsh_store_set_annotator (store, identity->uuid, identity->name, error))
    {
      g_clear_pointer (&lock, hsh_lock_release);
      return FALSE;
    }

  self->lock = lock;
  if (lock != NULL)
    self->lock_refresh_source = g_timeout_add_seconds (LOCK_REFRESH_SECONDS, refresh_lock, self);
  else
    follow_project (self, absolute);

  hsh_banner_set_title (self->banner, banner);
  hsh_banner_set_revealed (self->banner, banner != NULL);
  hsh_window_set_store (self, store);

  return TRUE;
}

HshBanner *
hsh_window_get_banner (HshWindow *self)
{
  g_return_val_if_fail (HSH_IS_WINDOW (self), NULL);

  return self->banner;
}

/* Open a copy ------------------------------------------------------------------------------- */

/* A consistent copy even while the holder writes: the snapshot that publishing makes, written
 * beside the destination and renamed to it. */
static gboolean
copy_project (HshStore    *store,
              const char  *destination,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (destination);
  g_autofree char *scratch = g_build_filename (folder, ".hashiya-copy-XXXXXX", NULL);
  g_autofree char *snapshot = NULL;
  gboolean ok = FALSE;

  if (g_mkdtemp (scratch) == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write into %s: %s"),
                   folder, g_strerror (saved));
      return FALSE;
    }

  snapshot = hsh_store_publish (store, scratch, error);
  if (snapshot != NULL)
    {
      ok = g_rename (snapshot, destination) == 0;
      if (!ok)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write %s: %s"),
                       destination, g_strerror (saved));
          g_unlink (snapshot);
        }
    }
  g_rmdir (scratch);
  return ok;
}

static void
open_copy_at (HshWindow  *self,
              const char *destination)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_path_get_basename (destination);

  if (g_file_test (destination, G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("%s already exists; choose another name"), destination);
      _hsh_window_show_error (self, error);
      return;
    }

  if (!copy_project (self->store, destination, &error) || !hsh_window_open_project (self, destination, &error))
    {
      _hsh_window_show_error (self, error);
      return;
    }

  /* Translators: after "Open a Copy"; %s is the new file's name. */
  message = g_strdup_printf (_("Working on your own copy, %s"), name);
  hsh_window_toast (self, message);
}

static void
on_copy_response (GtkNativeDialog *chooser,
                  int              response,
                  HshWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        open_copy_at (self, path);
    }
  g_object_unref (chooser);
}

static void
open_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (self->store == NULL)
    return;

  base = g_path_get_basename (hsh_store_get_path (self->store));
  if ((dot = strrchr (base, '.')) != NULL)
    *dot = '\0';
  /* Translators: the suggested name of a copy, from the project's name. */
  name = g_strdup_printf (_("%s (my copy).hashiya"), base);
  chooser = gtk_file_chooser_native_new (_("Open a Copy"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Copy and Open"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_copy_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Tests and scripts name the copy; people choose it above. */
static void
open_copy_at_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HshWindow *self = HSH_WINDOW (widget);

  if (self->store != NULL)
    open_copy_at (self, g_variant_get_string (parameter, NULL));
}

/* Layers ------------------------------------------------------------------------------------- */

static GPtrArray *
list_coders (HshWindow *self)
{
  GPtrArray *annotators = self->store != NULL ? hsh_store_list_annotators (self->store, NULL) : NULL;

  return annotators != NULL ? annotators : g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_annotator_free);
}

static void
select_layer_entry (HshWindow *self)
{
  self->filling_layers = TRUE;
  for (guint i = 0; i < self->layer_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->layer_ids, i), self->layer) == 0)
      gtk_drop_down_set_selected (self->layer_dropdown, i);
  self->filling_layers = FALSE;
}

static void
fill_layers (HshWindow *self)
{
  g_autoptr(GPtrArray) coders = list_coders (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  static const struct { const char *id; const char *name; } fixed[] = {
    { "all", N_("Everyone’s Annotations") },
    { "mine", N_("My Annotations") },
    { "coders", N_("All Coders, by Coder") },
    { "gold", N_("Gold Layer") },
  };

  g_ptr_array_set_size (self->layer_ids, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      g_ptr_array_add (self->layer_ids, g_strdup (fixed[i].id));
      gtk_string_list_append (names, _(fixed[i].name));
    }
  for (guint i = 0; i < coders->len; i++)
    {
      const HshAnnotator *coder = g_ptr_array_index (coders, i);
      /* Translators: a layer of the reader, "Layla’s Annotations". */
      g_autofree char *name = g_strdup_printf (_("%s’s Annotations"), coder->name);

      g_ptr_array_add (self->layer_ids, g_strdup_printf ("coder:%" G_GINT64_FORMAT, coder->id));
      gtk_string_list_append (names, name);
    }

  self->filling_layers = TRUE;
  gtk_drop_down_set_model (self->layer_dropdown, G_LIST_MODEL (names));
  self->filling_layers = FALSE;
  self->layers_store = self->store;
  select_layer_entry (self);
}

void
_hsh_window_apply_layer (HshWindow *self)
{
  g_autoptr(GPtrArray) coders = list_coders (self);
  HshReaderLayer layer;

  if (!hsh_reader_layer_parse (self->layer, self->store != NULL ? hsh_store_get_annotator_id (self->store) : 0, &layer))
    hsh_reader_layer_parse ("all", 0, &layer);
  hsh_reader_layer_apply (&layer, self->document_view, coders);
}

void
hsh_window_set_layer (HshWindow  *self,
                      const char *layer)
{
  HshReaderLayer parsed;

  g_return_if_fail (HSH_IS_WINDOW (self));

  if (!hsh_reader_layer_parse (layer, 0, &parsed))
    {
      g_warning ("“%s” is not a layer of the reader", layer);
      return;
    }

  g_free (self->layer);
  self->layer = g_strdup (layer);
  if (self->layers_store != self->store)
    fill_layers (self);
  else
    select_layer_entry (self);
  _hsh_window_apply_layer (self);
}

static void
show_layer_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  hsh_window_set_layer (HSH_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_layer_selected (HshWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->layer_dropdown);

  if (self->filling_layers || selected >= self->layer_ids->len)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-layer", "s",
                              (const char *) g_ptr_array_index (self->layer_ids, selected));
}

/* Wiring ------------------------------------------------------------------------------------- */

void
_hsh_window_update_collab_actions (HshWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean writable = self->store != NULL && !hsh_store_is_read_only (self->store);
  static const char *editing_actions[] = {
    "win.relabel", "win.set-attribute", "win.set-role", "win.pick-role", "win.set-actor",
    "win.new-actor-from-mention", "win.set-note",
  };

  if (self->layer_ids == NULL)
    return;

  /* A read-only view reads and exports; everything that would write is off. */
  for (guint i = 0; i < G_N_ELEMENTS (editing_actions); i++)
    gtk_widget_action_set_enabled (widget, editing_actions[i], writable);
  gtk_widget_action_set_enabled (widget, "win.open-copy", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "win.open-copy-at", self->store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->layer_dropdown), self->store != NULL);

  /* A new project (or a project re-read after a merge) has other coders. */
  if (self->layers_store != self->store)
    {
      fill_layers (self);
      _hsh_window_apply_layer (self);
    }
  _hsh_window_update_team_actions (self);
}

void
_hsh_window_class_init_collab (GtkWidgetClass *widget_class)
{
  g_type_ensure (HSH_TYPE_BANNER);
  gtk_widget_class_bind_template_child_full (widget_class, "banner", FALSE, G_STRUCT_OFFSET (HshWindow, banner));
  gtk_widget_class_bind_template_child_full (widget_class, "layer_dropdown", FALSE,
                                             G_STRUCT_OFFSET (HshWindow, layer_dropdown));

  gtk_widget_class_install_action (widget_class, "win.open-copy", NULL, open_copy_action);
  gtk_widget_class_install_action (widget_class, "win.open-copy-at", "s", open_copy_at_action);
  gtk_widget_class_install_action (widget_class, "win.show-layer", "s", show_layer_action);
  _hsh_window_class_init_team (widget_class);
}

void
_hsh_window_init_collab (HshWindow *self)
{
  self->layer = g_strdup ("all");
  self->layer_ids = g_ptr_array_new_with_free_func (g_free);
  fill_layers (self);
  g_signal_connect_object (self->layer_dropdown, "notify::selected", G_CALLBACK (on_layer_selected),
                           self, G_CONNECT_SWAPPED);
}

void
_hsh_window_dispose_collab (HshWindow *self)
{
  if (self->collab_cancellable != NULL)
    g_cancellable_cancel (self->collab_cancellable);
  g_clear_object (&self->collab_cancellable);
  stop_following (self);
  release_lock (self);
  g_clear_pointer (&self->layer, g_free);
  g_clear_pointer (&self->layer_ids, g_ptr_array_unref);
  self->layers_store = NULL;
}
