/* hsh-app-util.h: small helpers the widgets share — colour swatches, dates, invisible characters,
 * label keys, work deferred until a frame is on screen. */
#pragma once

#include <gtk/gtk.h>

#include "hsh-model.h"

G_BEGIN_DECLS

/* A small rounded square of @color ("#rrggbb"), as the palette and lists show a label. */
GtkWidget *hsh_color_swatch_new         (const char *color);
void       hsh_color_swatch_set_color   (GtkWidget  *swatch,
                                         const char *color);
/* A stored timestamp (milliseconds, UTC) in the user's time zone, or "—". */
char      *hsh_format_timestamp         (gint64      milliseconds);
/* @text with direction marks, joiners, tatweel and other invisible characters written as
 * ⟨RLM⟩-style markers, so that a coder sees what the span really holds. */
char      *hsh_show_invisible_characters (const char *text,
                                          guint      *n_invisible);

/* The key that tags as @label, from its shortcut (a key name such as "l" or "F5", or one
 * character), or 0 when it has none GTK knows. */
guint      hsh_label_keyval             (const HshLabel *label);
/* How the palette and tooltips show @label's key: as GNOME writes keys ("L", "F5"), so that
 * "l" and "1" do not look alike; NULL without a key. */
char      *hsh_label_key_name           (const HshLabel *label);

/* Work the coder should see one frame later rather than have it hold back the frame that shows
 * what they did: it runs in an idle of @priority once the widget's next frame is painted — not
 * before, as a plain idle may while the frame clock waits for its slot. Embedded in its owner,
 * zero-initialised; one pending run at a time. */
typedef struct {
  GdkFrameClock *clock;
  gulong         handler;
  guint          source;
  int            priority;
  GSourceFunc    func;
  gpointer       data;
} HshAfterPaint;

/* Replaces a pending run. Without a frame clock (not shown), or when no frame comes within a
 * quarter of a second (minimised), it runs anyway. */
void       hsh_after_paint_schedule     (HshAfterPaint *self,
                                         GtkWidget     *widget,
                                         int            priority,
                                         GSourceFunc    func,
                                         gpointer       data);
void       hsh_after_paint_cancel       (HshAfterPaint *self);
gboolean   hsh_after_paint_is_pending   (HshAfterPaint *self);

G_END_DECLS
