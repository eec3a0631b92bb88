/* hsh-application.c: the Hashiya application — opening projects (from the command line, the
 * file chooser or the recent list), asking who is annotating, and the app-wide actions. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hsh-application.h"
#include "hsh-identity.h"
#include "hsh-model.h"
#include "hsh-preferences-window.h"
#include "hsh-refusal-dialog.h"
#include "hsh-sample.h"
#include "hsh-window.h"

#define MAX_RECENT 10

struct _HshApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        open_sample;
  gboolean        asked_identity;
};

G_DEFINE_FINAL_TYPE (HshApplication, hsh_application, ADW_TYPE_APPLICATION)

static HshWindow *
get_window (HshApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (HSH_IS_WINDOW (window))
    return HSH_WINDOW (window);

  return hsh_window_new (GTK_APPLICATION (self));
}

static void
show_error (HshApplication *self,
            const char     *heading,
            const GError   *error)
{
  hsh_show_refusal (GTK_WINDOW (get_window (self)), heading, error);
}

/* Identity ---------------------------------------------------------------------------------- */

static void
set_annotator_everywhere (HshApplication    *self,
                          const HshIdentity *identity)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      g_autoptr(GError) error = NULL;
      HshStore *store;

      if (!HSH_IS_WINDOW (l->data) || (store = hsh_window_get_store (l->data)) == NULL)
        continue;
      if (!hsh_store_set_annotator (store, identity->uuid, identity->name, &error))
        g_warning ("Cannot record the annotator: %s", error->message);
    }
}

static void
on_identity_response (AdwMessageDialog *dialog,
                      const char       *response,
                      HshApplication   *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "hsh-entry");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(HshIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  identity = hsh_identity_new (*name != '\0' ? name : g_get_real_name ());
  if (!hsh_identity_save (identity, &error))
    g_warning ("Cannot save the annotator's name: %s", error->message);
  set_annotator_everywhere (self, identity);
}

/* Every change carries its author: ask for a name once, before the first annotation. */
static void
ask_identity (HshApplication *self,
              GtkWindow      *parent)
{
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->asked_identity)
    return;
  self->asked_identity = TRUE;

  dialog = adw_message_dialog_new (parent, _("Who Is Annotating?"),
                                   _("Your name is stored with every annotation you make, so that "
                                     "a team can tell coders apart when merging their work."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), g_get_real_name ());
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("_Continue"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "hsh-entry", entry);
  g_signal_connect (dialog, "response", G_CALLBACK (on_identity_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Projects ---------------------------------------------------------------------------------- */

static void
remember_project (HshApplication *self,
                  const char     *path)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (recent[i], path) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char *const *) updated);
  g_settings_set_string (self->settings, "last-project", path);
}

gboolean
hsh_application_open_project (HshApplication  *self,
                              const char      *path,
                              GError         **error)
{
  g_autoptr(HshIdentity) identity = NULL;
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  HshWindow *window;

  g_return_val_if_fail (HSH_IS_APPLICATION (self), FALSE);

  /* A project already open here is shown, not opened a second time read-only. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HSH_IS_WINDOW (l->data) && hsh_window_get_store (l->data) != NULL &&
        g_strcmp0 (hsh_store_get_path (hsh_window_get_store (l->data)), absolute) == 0)
      {
        gtk_window_present (l->data);
        return TRUE;
      }

  /* The window takes the project's lock, or opens it read-only when someone else has it. */
  window = get_window (self);
  if (!hsh_window_open_project (window, absolute, error))
    return FALSE;
  identity = hsh_identity_load ();
  gtk_window_present (GTK_WINDOW (window));
  remember_project (self, absolute);

  if (identity == NULL)
    ask_identity (self, GTK_WINDOW (window));

  return TRUE;
}

char *
hsh_application_ensure_sample (GError **error)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "hashiya", NULL);
  g_autofree char *path = g_build_filename (folder, "sample.hashiya", NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create the folder %s: %s"), folder, g_strerror (saved));
      return NULL;
    }

  if (!hsh_sample_create (path, error))
    return NULL;

  return g_steal_pointer (&path);
}

static void
open_sample (HshApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = hsh_application_ensure_sample (&error);

  if (path == NULL || !hsh_application_open_project (self, path, &error))
    show_error (self, _("Cannot Open the Sample Project"), error);
}

/* Actions ----------------------------------------------------------------------------------- */

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  open_sample (HSH_APPLICATION (user_data));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HshApplication *self = HSH_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;

  if (!hsh_application_open_project (self, g_variant_get_string (parameter, NULL), &error))
    show_error (self, _("Cannot Open the Project"), error);
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  HshApplication  *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);

      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "hsh-create")))
        {
          g_autoptr(HshStore) store = hsh_store_open (path, HSH_STORE_OPEN_CREATE, &error);

          if (store == NULL || !hsh_store_install_default_codebook (store, &error))
            {
              show_error (self, _("Cannot Create the Project"), error);
              g_object_unref (dialog);
              return;
            }
        }

      if (!hsh_application_open_project (self, path, &error))
        show_error (self, _("Cannot Open the Project"), error);
    }

  g_object_unref (dialog);
}

static void
choose_project (HshApplication *self,
                gboolean        create)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (create ? _("New Project") : _("Open Project"),
                                        gtk_application_get_active_window (GTK_APPLICATION (self)),
                                        create ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        create ? _("_Create") : _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Hashiya projects"));
  gtk_file_filter_add_suffix (filter, "hashiya");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Untitled.hashiya"));

  g_object_set_data (G_OBJECT (dialog), "hsh-create", GINT_TO_POINTER (create));
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  choose_project (HSH_APPLICATION (user_data), FALSE);
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  choose_project (HSH_APPLICATION (user_data), TRUE);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (hsh_preferences_window_new (parent)));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Hashiya developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (parent,
                         "application-name", _("Hashiya"),
                         "application-icon", APP_ID,
                         "version", VERSION,
                         "developer-name", _("The Hashiya developers"),
                         "developers", developers,
                         "comments", _("Annotate Arabic news for political science: actors, claims and commitments."),
                         "website", "https://github.com/hashiya/hashiya",
                         "issue-url", "https://github.com/hashiya/hashiya/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *application = G_APPLICATION (user_data);

  /* Closing the windows stores any note being typed. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (application);
}

/* Renames the annotator everywhere; the UUID, which merges go by, stays. */
static void
rename_annotator_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  HshApplication *self = HSH_APPLICATION (user_data);
  g_autofree char *name = g_strstrip (g_strdup (g_variant_get_string (parameter, NULL)));
  g_autoptr(HshIdentity) identity = hsh_identity_load ();
  g_autoptr(GError) error = NULL;

  if (*name == '\0')
    return;
  if (identity == NULL)
    identity = hsh_identity_new (name);
  g_free (identity->name);
  identity->name = g_steal_pointer (&name);
  if (!hsh_identity_save (identity, &error))
    g_warning ("Cannot save the annotator's name: %s", error->message);
  set_annotator_everywhere (self, identity);
}

static const GActionEntry app_actions[] = {
  { "open", open_action },
  { "new", new_action },
  { "open-sample", open_sample_action },
  { "open-recent", open_recent_action, "s" },
  { "preferences", preferences_action },
  { "rename-annotator", rename_annotator_action, "s" },
  { "about", about_action },
  { "quit", quit_action },
};

/* Lifecycle --------------------------------------------------------------------------------- */

static void
open_default_project (HshApplication *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-project");
  g_autoptr(GError) error = NULL;

  if (*last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS) &&
      hsh_application_open_project (self, last, &error))
    return;

  if (error != NULL)
    g_warning ("Cannot reopen %s: %s", last, error->message);
  open_sample (self);
}

static void
hsh_application_activate (GApplication *application)
{
  HshApplication *self = HSH_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->open_sample)
    {
      self->open_sample = FALSE;
      open_sample (self);
      return;
    }

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  open_default_project (self);
}

static void
hsh_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  HshApplication *self = HSH_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL || !hsh_application_open_project (self, path, &error))
        {
          if (error == NULL)
            g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local project files can be opened"));
          show_error (self, _("Cannot Open the Project"), error);
        }
    }
}

static int
hsh_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  HshApplication *self = HSH_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("hashiya %s\n", VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "sample"))
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* Another instance runs: ask it to open the sample; otherwise open it at activation. */
      if (g_application_get_is_remote (application))
        {
          g_action_group_activate_action (G_ACTION_GROUP (application), "open-sample", NULL);
          return 0;
        }
      self->open_sample = TRUE;
    }

  return -1;
}

static void
hsh_application_startup (GApplication *application)
{
  HshApplication *self = HSH_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.open", { "<Primary>o", NULL } },
    { "app.new", { "<Primary>n", NULL } },
    { "app.preferences", { "<Primary>comma", NULL } },
    { "app.quit", { "<Primary>q", NULL } },
    { "win.show-help-overlay", { "<Primary>question", NULL } },
  };

  G_APPLICATION_CLASS (hsh_application_parent_class)->startup (application);

  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
hsh_application_dispose (GObject *object)
{
  HshApplication *self = HSH_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hsh_application_parent_class)->dispose (object);
}

static void
hsh_application_class_init (HshApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hsh_application_dispose;
  application_class->activate = hsh_application_activate;
  application_class->open = hsh_application_open;
  application_class->startup = hsh_application_startup;
  application_class->handle_local_options = hsh_application_handle_local_options;
}

static void
hsh_application_init (HshApplication *self)
{
  static const GOptionEntry options[] = {
    { "sample", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the annotated sample project"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PROJECT.hashiya]"));
}

HshApplication *
hsh_application_new (void)
{
  return g_object_new (HSH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/hashiya/Hashiya",
                       NULL);
}
