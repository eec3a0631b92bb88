/* hsh-app-util.c: small helpers the widgets share — colour swatches, dates, invisible characters. */
#include "hsh-app-util.h"

#include <glib/gi18n.h>

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const GdkRGBA *rgba = g_object_get_data (G_OBJECT (area), "hsh-swatch-color");
  double radius = MIN (width, height) / 4.0;

  if (rgba == NULL)
    return;

  cairo_new_sub_path (cr);
  cairo_arc (cr, width - radius, radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, width - radius, height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, radius, height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, radius, radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, rgba);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

GtkWidget *
hsh_color_swatch_new (const char *color)
{
  GtkWidget *swatch = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 14);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, NULL, NULL);
  hsh_color_swatch_set_color (swatch, color);

  return swatch;
}

void
hsh_color_swatch_set_color (GtkWidget  *swatch,
                            const char *color)
{
  GdkRGBA rgba;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    gdk_rgba_parse (&rgba, "#c0bfbc");

  g_object_set_data_full (G_OBJECT (swatch), "hsh-swatch-color",
                          gdk_rgba_copy (&rgba), (GDestroyNotify) gdk_rgba_free);
  gtk_widget_queue_draw (swatch);
}

char *
hsh_format_timestamp (gint64 milliseconds)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (milliseconds <= 0)
    return g_strdup ("—");

  utc = g_date_time_new_from_unix_utc (milliseconds / 1000);
  if (utc == NULL)
    return g_strdup ("—");
  local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static const char *
invisible_name (gunichar c)
{
  switch (c)
    {
    case 0x200E: return "LRM";
    case 0x200F: return "RLM";
    case 0x061C: return "ALM";
    case 0x200C: return "ZWNJ";
    case 0x200D: return "ZWJ";
    case 0x0640: return "TATWEEL";
    case 0x200B: return "ZWSP";
    case 0x00A0: return "NBSP";
    case 0x2066: return "LRI";
    case 0x2067: return "RLI";
    case 0x2068: return "FSI";
    case 0x2069: return "PDI";
    case 0x202A: return "LRE";
    case 0x202B: return "RLE";
    case 0x202C: return "PDF";
    case 0x202D: return "LRO";
    case 0x202E: return "RLO";
    case 0xFEFF: return "BOM";
    case 0x00AD: return "SHY";
    case '\t': return "TAB";
    case '\n': return "LF";
    default: return NULL;
    }
}

char *
hsh_show_invisible_characters (const char *text,
                               guint      *n_invisible)
{
  GString *shown = g_string_new (NULL);
  guint count = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *name = invisible_name (c);

      if (name != NULL)
        {
          /* Isolated, so that the marker's Latin letters do not reorder the Arabic around it. */
          g_string_append_printf (shown, "\u2068⟨%s⟩\u2069", name);
          count++;
        }
      else
        g_string_append_unichar (shown, c);
    }

  if (n_invisible != NULL)
    *n_invisible = count;

  return g_string_free (shown, FALSE);
}
