/* bench-ui-support.h: what the reader benchmarks share — GTK set up by hand, the 1 MB Arabic
 * document with its 20,000 annotations in a scratch project, and waiting for drawn frames. */
#pragma once

#include <gtk/gtk.h>
#include "hsh-model.h"

G_BEGIN_DECLS

typedef struct {
  char     *dir;
  char     *path;
  HshStore *store;
  gint64    small_id;   /* the sample article, to switch away from */
  gint64    large_id;   /* the 1 MB document */
  char     *text;       /* the large document's text */
  gint64    length;     /* in code points */
  gsize     bytes;
  guint     n_annotations;
  GArray   *word_starts; /* gint64 code-point offsets where words begin */
} BenchProject;

/* Initialises GTK and libadwaita the way docs/testing.md says; FALSE without a display. */
gboolean      bench_ui_init               (void);
/* A scratch project holding the sample article, then a document of about @bytes UTF-8 bytes
 * made of the sample's paragraphs repeated, carrying @n_annotations on the default codebook. */
BenchProject *bench_project_new           (gsize          bytes,
                                           guint          n_annotations);
void          bench_project_free          (BenchProject  *project);

/* Frames of @widget's window count for bench_settle (). */
void          bench_watch_frames          (GtkWidget     *widget);
/* Runs the main loop until no watched window has drawn for @quiet_ms: animations started by the
 * previous step (the overlay scrollbars' fade in and out after a document switch: ≈ 3 s of
 * frames at the refresh rate) have ended and do not throttle or share the measured frame. */
void          bench_settle                (guint          quiet_ms);

/* Runs the main loop until @widget's surface has painted a frame for which @ready (checked
 * right after the paint, NULL: any frame) holds; returns the monotonic time of that paint. */
gint64        bench_wait_for_frame        (GtkWidget     *widget,
                                           gboolean     (*ready) (gpointer data),
                                           gpointer       data);
/* Iterates the main loop for @milliseconds, so idle work finishes and frame pacing resets. */
void          bench_spin                  (guint          milliseconds);
/* Sorts @values (double) and returns the middle one. */
double        bench_median                (GArray        *values);
double        bench_resident_megabytes    (void);
/* Offset of the word start nearest after @offset. */
gint64        bench_project_word_at       (BenchProject  *project,
                                           gint64         offset,
                                           guint         *word_index);

G_END_DECLS
