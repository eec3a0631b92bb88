/* hsh-app-util.c: small helpers the widgets share — colour swatches, dates, invisible characters,
 * work deferred until a frame is on screen. */
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

/* Work after the next frame ------------------------------------------------------------------- */

#define AFTER_PAINT_FALLBACK_MS 250

/* A clock whose surface went away has dropped its handlers already. */
static void
disconnect_clock (HshAfterPaint *self)
{
  if (self->clock != NULL && self->handler != 0 &&
      g_signal_handler_is_connected (self->clock, self->handler))
    g_signal_handler_disconnect (self->clock, self->handler);
  self->handler = 0;
  g_clear_object (&self->clock);
}

static gboolean
run_after_paint (gpointer user_data)
{
  HshAfterPaint *self = user_data;

  self->source = 0;
  disconnect_clock (self);
  self->func (self->data);
  return G_SOURCE_REMOVE;
}

static void
on_painted (GdkFrameClock *clock,
            HshAfterPaint *self)
{
  disconnect_clock (self);
  g_clear_handle_id (&self->source, g_source_remove);
  self->source = g_idle_add_full (self->priority, run_after_paint, self, NULL);
}

void
hsh_after_paint_schedule (HshAfterPaint *self,
                          GtkWidget     *widget,
                          int            priority,
                          GSourceFunc    func,
                          gpointer       data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  hsh_after_paint_cancel (self);
  self->priority = priority;
  self->func = func;
  self->data = data;

  if (clock == NULL || !gtk_widget_get_mapped (widget))
    {
      self->source = g_idle_add_full (priority, run_after_paint, self, NULL);
      return;
    }

  self->clock = g_object_ref (clock);
  self->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_painted), self);
  self->source = g_timeout_add_full (priority, AFTER_PAINT_FALLBACK_MS, run_after_paint, self, NULL);
}

void
hsh_after_paint_cancel (HshAfterPaint *self)
{
  disconnect_clock (self);
  g_clear_handle_id (&self->source, g_source_remove);
}

gboolean
hsh_after_paint_is_pending (HshAfterPaint *self)
{
  return self->source != 0;
}

guint
hsh_label_keyval (const HshLabel *label)
{
  guint keyval;

  if (label->shortcut == NULL || *label->shortcut == '\0')
    return 0;

  keyval = gdk_keyval_from_name (label->shortcut);
  if (keyval == GDK_KEY_VoidSymbol && g_utf8_strlen (label->shortcut, -1) == 1)
    keyval = gdk_unicode_to_keyval (g_utf8_get_char (label->shortcut));
  return keyval == GDK_KEY_VoidSymbol ? 0 : keyval;
}

char *
hsh_label_key_name (const HshLabel *label)
{
  guint keyval = hsh_label_keyval (label);

  return keyval != 0 ? gtk_accelerator_get_label (keyval, 0) : NULL;
}
