/* hsh-test-ui.h: what the UI tests share — GTK started by hand, windows on a project, waiting on
 * the main loop, reading the reader's highlights and saving screenshots. */
#pragma once

#include <adwaita.h>

#include "hsh-window.h"

G_BEGIN_DECLS

/* Starts GTK and libadwaita as docs/testing.md says: not gtk_test_init(), whose en_US.UTF-8
 * locale does not exist here. FALSE, with the TAP skip line printed, when there is no display. */
gboolean   hsh_test_ui_init            (int         *argc,
                                        char      ***argv);
/* Runs the main loop for @milliseconds, so that timers and redraws happen. */
void       hsh_test_ui_spin            (guint        milliseconds);

/* Runs the main loop until @condition holds, for at most 30 s, then asserts it. */
#define HSH_TEST_UI_WAIT_FOR(condition) \
  G_STMT_START { \
    gint64 until_ = g_get_monotonic_time () + 30 * G_USEC_PER_SEC; \
    while (!(condition) && g_get_monotonic_time () < until_) \
      g_main_context_iteration (NULL, FALSE); \
    g_assert_true (condition); \
  } G_STMT_END

/* A window on @store (NULL: none yet) at 1280×800, shown and drawn once; the caller owns it. */
HshWindow *hsh_test_ui_window_for      (HshStore    *store);
/* The visible toplevel of @type, or NULL. */
GtkWidget *hsh_test_ui_find_toplevel   (GType        type);
/* Activates @action on @window, asserting that it exists and is enabled. */
void       hsh_test_ui_activate        (HshWindow   *window,
                                        const char  *action,
                                        GVariant    *parameter);
/* Activates @action in the update phase of @window's next frame, then waits for that frame to
 * be drawn: its layout and paint follow at once, with no idle callback in between, as for a key
 * press that arrives when a frame is due. */
void       hsh_test_ui_activate_in_frame (HshWindow *window,
                                          const char *action,
                                          GVariant   *parameter);
/* The id of the codebook label at @path in @window's project, asserting it exists. */
gint64     hsh_test_ui_label_id        (HshWindow   *window,
                                        const char  *path);
/* Whether the reader of @window draws @tag at @offset; FALSE for no tag. */
gboolean   hsh_test_ui_has_tag_at      (HshWindow   *window,
                                        GtkTextTag  *tag,
                                        gint64       offset);
/* Saves what @widget draws as @name in the build directory, once pending redraws are done. */
void       hsh_test_ui_save_screenshot (GtkWidget   *widget,
                                        const char  *name);

G_END_DECLS
