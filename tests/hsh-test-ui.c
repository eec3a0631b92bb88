/* hsh-test-ui.c: what the UI tests share — GTK started by hand, windows, waiting, screenshots. */
#include "hsh-test-ui.h"

#include <locale.h>

gboolean
hsh_test_ui_init (int    *argc,
                  char ***argv)
{
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();
  return TRUE;
}

void
hsh_test_ui_spin (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

HshWindow *
hsh_test_ui_window_for (HshStore *store)
{
  HshWindow *window = g_object_ref_sink (hsh_window_new (NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  if (store != NULL)
    hsh_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

GtkWidget *
hsh_test_ui_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

void
hsh_test_ui_activate (HshWindow  *window,
                      const char *action,
                      GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
}

typedef struct {
  HshWindow  *window;
  const char *action;
  GVariant   *parameter;
  gboolean    done;
} FrameActivation;

static gboolean
activate_on_tick (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  FrameActivation *activation = user_data;

  hsh_test_ui_activate (activation->window, activation->action, activation->parameter);
  activation->done = TRUE;
  return G_SOURCE_REMOVE;
}

void
hsh_test_ui_activate_in_frame (HshWindow  *window,
                               const char *action,
                               GVariant   *parameter)
{
  FrameActivation activation = { window, action, parameter, FALSE };

  if (parameter != NULL)
    g_variant_ref_sink (parameter);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), activate_on_tick, &activation, NULL);
  HSH_TEST_UI_WAIT_FOR (activation.done);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_clear_pointer (&parameter, g_variant_unref);
}

gint64
hsh_test_ui_label_id (HshWindow  *window,
                      const char *path)
{
  HshLabel *label = hsh_codebook_label_by_path (hsh_window_get_codebook (window), path);

  g_assert_nonnull (label);
  return label->id;
}

gboolean
hsh_test_ui_has_tag_at (HshWindow  *window,
                        GtkTextTag *tag,
                        gint64      offset)
{
  GtkTextView *view = hsh_document_view_get_text_view (hsh_window_get_document_view (window));
  GtkTextIter iter;

  /* A layer that draws no such label has no tag for it: nothing is drawn. */
  if (tag == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, (int) offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

void
hsh_test_ui_save_screenshot (GtkWidget  *widget,
                             const char *name)
{
  const char *build_dir = g_getenv ("HASHIYA_BUILD_DIR");
  g_autofree char *path = g_build_filename (build_dir != NULL ? build_dir : ".", name, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderNode *node;
  GtkSnapshot *snapshot;
  int width, height;

  /* The snapshot comes back empty while a redraw is pending. */
  gtk_test_widget_wait_for_draw (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}
