/* hsh-check-list.c: a list of things to tick inside an AdwExpanderRow. */
#include "config.h"

#include <glib/gi18n.h>

#include "hsh-check-list.h"

/* The row's check buttons, in order; each carries its value as "hsh-value". */
static GPtrArray *
get_checks (AdwExpanderRow *row)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (row), "hsh-checks");

  if (checks == NULL)
    {
      checks = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (row), "hsh-checks", checks, (GDestroyNotify) g_ptr_array_unref);
    }
  return checks;
}

static void
update_subtitle (AdwExpanderRow *row)
{
  GPtrArray *checks = get_checks (row);
  guint checked = 0;

  for (guint i = 0; i < checks->len; i++)
    checked += gtk_check_button_get_active (g_ptr_array_index (checks, i));

  if (checked == checks->len)
    adw_expander_row_set_subtitle (row, g_object_get_data (G_OBJECT (row), "hsh-everything"));
  else
    {
      /* Translators: how many items of a list are ticked, "3 of 12". */
      g_autofree char *subtitle = g_strdup_printf (_("%u of %u"), checked, checks->len);

      adw_expander_row_set_subtitle (row, subtitle);
    }
}

void
hsh_check_list_reset (AdwExpanderRow *row,
                      const char     *everything)
{
  GPtrArray *checks = get_checks (row);

  /* Each check's row is its parent's parent: remove the rows, not the checks. */
  for (guint i = 0; i < checks->len; i++)
    adw_expander_row_remove (row, g_object_get_data (G_OBJECT (g_ptr_array_index (checks, i)), "hsh-row"));
  g_ptr_array_set_size (checks, 0);
  g_object_set_data_full (G_OBJECT (row), "hsh-everything", g_strdup (everything), g_free);
  adw_expander_row_set_subtitle (row, everything);
}

void
hsh_check_list_add (AdwExpanderRow *row,
                    const char     *title,
                    const char     *value,
                    guint           depth)
{
  GtkWidget *item = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (item), FALSE);
  gtk_widget_set_margin_start (check, 18 * (int) depth);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (item), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (item), check);
  g_object_set_data_full (G_OBJECT (check), "hsh-value", g_strdup (value), g_free);
  g_object_set_data (G_OBJECT (check), "hsh-row", item);
  g_signal_connect_object (check, "toggled", G_CALLBACK (update_subtitle), row, G_CONNECT_SWAPPED);

  adw_expander_row_add_row (row, item);
  g_ptr_array_add (get_checks (row), check);
}

GStrv
hsh_check_list_dup_checked (AdwExpanderRow *row)
{
  GPtrArray *checks = get_checks (row);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint checked = 0;

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      {
        g_strv_builder_add (builder, g_object_get_data (g_ptr_array_index (checks, i), "hsh-value"));
        checked++;
      }

  return checked == checks->len ? NULL : g_strv_builder_end (builder);
}

void
hsh_check_list_set_checked (AdwExpanderRow     *row,
                            const char *const  *values)
{
  GPtrArray *checks = get_checks (row);

  for (guint i = 0; i < checks->len; i++)
    {
      const char *value = g_object_get_data (g_ptr_array_index (checks, i), "hsh-value");

      gtk_check_button_set_active (g_ptr_array_index (checks, i),
                                   values == NULL || g_strv_contains (values, value));
    }
}
