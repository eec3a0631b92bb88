/* hsh-preferences-window.c: who is annotating (a name that can change, a UUID that stays), and
 * the reader's font, size and line spacing, kept in GSettings; the reader follows them. */
#include "config.h"

#include <glib/gi18n.h>

#include <pango/pangocairo.h>

#include "hsh-identity.h"
#include "hsh-preferences-window.h"

struct _HshPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *name_row;
  AdwActionRow         *uuid_row;
  AdwComboRow          *font_row;
  GtkSpinButton        *size_spin;
  GtkSpinButton        *spacing_spin;

  GSettings            *settings;
  GtkStringList        *fonts;
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (HshPreferencesWindow, hsh_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Faces that carry Arabic well, best first; only those installed are offered. */
static const char *arabic_faces[] = {
  "Noto Naskh Arabic", "Amiri", "Noto Naskh Arabic UI", "Noto Sans Arabic", "Noto Kufi Arabic",
  "Scheherazade New", "KacstBook", "DejaVu Sans", "FreeSerif",
};

static gboolean
family_installed (PangoFontMap *font_map,
                  const char   *name)
{
  PangoFontFamily **families = NULL;
  int n_families = 0;
  gboolean found = FALSE;

  pango_font_map_list_families (font_map, &families, &n_families);
  for (int i = 0; i < n_families && !found; i++)
    found = g_ascii_strcasecmp (pango_font_family_get_name (families[i]), name) == 0;
  g_free (families);

  return found;
}

static void
fill_fonts (HshPreferencesWindow *self)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  g_autofree char *current = g_settings_get_string (self->settings, "reader-font");
  guint selected = 0;
  gboolean current_listed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (arabic_faces); i++)
    if (family_installed (font_map, arabic_faces[i]))
      {
        gtk_string_list_append (self->fonts, arabic_faces[i]);
        if (g_strcmp0 (arabic_faces[i], current) == 0)
          current_listed = TRUE;
      }

  if (!current_listed)
    gtk_string_list_append (self->fonts, current);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->fonts)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->fonts, i), current) == 0)
      selected = i;

  self->updating = TRUE;
  adw_combo_row_set_model (self->font_row, G_LIST_MODEL (self->fonts));
  adw_combo_row_set_selected (self->font_row, selected);
  self->updating = FALSE;
}

static void
on_font_selected (HshPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->font_row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  g_settings_set_string (self->settings, "reader-font", gtk_string_list_get_string (self->fonts, selected));
}

static void
show_identity (HshPreferencesWindow *self)
{
  g_autoptr(HshIdentity) identity = hsh_identity_load ();

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), identity != NULL ? identity->name : "");
  /* The UUID is what merges match annotators by: it never changes with the name. */
  adw_action_row_set_subtitle (self->uuid_row, identity != NULL ? identity->uuid : "—");
}

static void
on_name_applied (HshPreferencesWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "app.rename-annotator", "s",
                              gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  show_identity (self);
}

static void
hsh_preferences_window_dispose (GObject *object)
{
  HshPreferencesWindow *self = HSH_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HSH_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->fonts);

  G_OBJECT_CLASS (hsh_preferences_window_parent_class)->dispose (object);
}

static void
hsh_preferences_window_class_init (HshPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hsh_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hashiya/Hashiya/hsh-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HshPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, HshPreferencesWindow, uuid_row);
  gtk_widget_class_bind_template_child (widget_class, HshPreferencesWindow, font_row);
  gtk_widget_class_bind_template_child (widget_class, HshPreferencesWindow, size_spin);
  gtk_widget_class_bind_template_child (widget_class, HshPreferencesWindow, spacing_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_font_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_name_applied);
}

static void
hsh_preferences_window_init (HshPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->fonts = gtk_string_list_new (NULL);
  fill_fonts (self);
  show_identity (self);

  g_settings_bind (self->settings, "reader-font-size",
                   gtk_spin_button_get_adjustment (self->size_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reader-line-spacing",
                   gtk_spin_button_get_adjustment (self->spacing_spin), "value", G_SETTINGS_BIND_DEFAULT);
}

HshPreferencesWindow *
hsh_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (HSH_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
