/* hsh-document-view.c: the reader — a read-only text view showing a document with its highlights
 * (drawn by hsh-document-view-highlight.c), its direction, the selection and find hits. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hsh-document-view-private.h"

G_DEFINE_FINAL_TYPE (HshDocumentView, hsh_document_view, GTK_TYPE_WIDGET)

enum {
  OFFSET_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_hsh_document_view_get_iter (HshDocumentView *self,
                             gint64           offset,
                             GtkTextIter     *iter)
{
  gtk_text_buffer_get_iter_at_offset (self->buffer, iter, (int) CLAMP (offset, 0, self->length));
}

void
_hsh_document_view_measure_in_layout (HshDocumentView *self)
{
  /* GTK 4.8's text view measures invalidated lines in its snapshot unless it is resized first.
   * Measuring there changes the scrollbar's range while the scrolled window draws: the
   * scrollbar's trough is then drawn without an allocation, and GTK warns "Trying to snapshot
   * GtkGizmo … without a current allocation". Resized, it measures in the layout phase, before
   * the scrollbar is allocated. */
  gtk_widget_queue_resize (GTK_WIDGET (self->text_view));
}

void
_hsh_document_view_apply_tag (HshDocumentView *self,
                              GtkTextTag      *tag,
                              gint64           start,
                              gint64           end)
{
  GtkTextIter start_iter, end_iter;

  _hsh_document_view_get_iter (self, start, &start_iter);
  _hsh_document_view_get_iter (self, end, &end_iter);
  gtk_text_buffer_apply_tag (self->buffer, tag, &start_iter, &end_iter);
}

void
_hsh_document_view_remove_tag (HshDocumentView *self,
                               GtkTextTag      *tag,
                               gint64           start,
                               gint64           end)
{
  GtkTextIter start_iter, end_iter;

  _hsh_document_view_get_iter (self, start, &start_iter);
  _hsh_document_view_get_iter (self, end, &end_iter);
  gtk_text_buffer_remove_tag (self->buffer, tag, &start_iter, &end_iter);
}

static void
sanitize_family (GString *family)
{
  g_string_replace (family, "\"", "", 0);
  g_string_replace (family, "\\", "", 0);
  g_string_replace (family, ";", "", 0);
  g_string_replace (family, "}", "", 0);
}

/* Fonts come from CSS on the text view, never from tags: one face for the whole paragraph
 * keeps Arabic letters joined across highlight boundaries. */
static void
update_font (HshDocumentView *self)
{
  g_autofree char *family_setting = g_settings_get_string (self->settings, "reader-font");
  g_autoptr(GString) family = g_string_new (family_setting);
  int size = g_settings_get_int (self->settings, "reader-font-size");
  double spacing = g_settings_get_double (self->settings, "reader-line-spacing");
  double size_px = size * 96.0 / 72.0;
  g_autofree char *css = NULL;
  int inside_wrap;

  self->font_px = size_px;
  self->line_px = size_px * MAX (1.0, spacing);
  sanitize_family (family);
  css = g_strdup_printf ("textview.reader { font-family: \"%s\", \"Noto Naskh Arabic\", "
                         "\"Amiri\", \"DejaVu Sans\", serif; font-size: %dpt; }",
                         family->str, size);
  gtk_css_provider_load_from_data (self->font_provider, css, -1);

  /* Arabic needs room for its ascenders and marks; the extra space goes between the lines
   * of a paragraph, and a little more between paragraphs. */
  inside_wrap = (int) lround (size_px * MAX (0.0, spacing - 1.0));
  gtk_text_view_set_pixels_inside_wrap (self->text_view, inside_wrap);
  gtk_text_view_set_pixels_below_lines (self->text_view, inside_wrap + (int) lround (size_px * 0.6));
}

static void
on_settings_changed (HshDocumentView *self,
                     const char      *key,
                     GSettings       *settings)
{
  if (g_str_has_prefix (key, "reader-"))
    update_font (self);
}

static gboolean
is_rtl_script (GUnicodeScript script)
{
  switch (script)
    {
    case G_UNICODE_SCRIPT_ARABIC:
    case G_UNICODE_SCRIPT_HEBREW:
    case G_UNICODE_SCRIPT_SYRIAC:
    case G_UNICODE_SCRIPT_THAANA:
    case G_UNICODE_SCRIPT_NKO:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The direction of the first letter, as the Unicode bidi algorithm (and Pango) decides a
 * paragraph's; neutral when there is none. */
static PangoDirection
paragraph_direction (const char *line,
                     gsize       bytes)
{
  for (const char *p = line; p < line + bytes; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeScript script = g_unichar_get_script (c);

      if (!g_unichar_isalpha (c))
        continue;
      if (is_rtl_script (script))
        return PANGO_DIRECTION_RTL;
      if (g_unichar_isalpha (c) && script != G_UNICODE_SCRIPT_COMMON && script != G_UNICODE_SCRIPT_INHERITED)
        return PANGO_DIRECTION_LTR;
    }

  return PANGO_DIRECTION_NEUTRAL;
}

/* GtkTextView takes each paragraph's base direction from its first strong character and
 * applies the widget direction only to paragraphs without one. An override therefore sets the
 * widget direction, and aligns the paragraphs whose own direction disagrees to the
 * override's side. */
static void
apply_direction (HshDocumentView *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  PangoDirection wanted;
  const char *line;
  gint64 line_start = 0;

  /* Justification is a size property: even removing the tag where it is not makes the text
   * view lay out the whole document again. */
  if (self->align_applied)
    _hsh_document_view_remove_tag (self, self->align_tag, 0, self->length);
  self->align_applied = FALSE;

  switch (self->direction)
    {
    case HSH_DIRECTION_RTL:
      gtk_widget_set_direction (GTK_WIDGET (self->text_view), GTK_TEXT_DIR_RTL);
      wanted = PANGO_DIRECTION_RTL;
      break;
    case HSH_DIRECTION_LTR:
      gtk_widget_set_direction (GTK_WIDGET (self->text_view), GTK_TEXT_DIR_LTR);
      wanted = PANGO_DIRECTION_LTR;
      break;
    case HSH_DIRECTION_AUTO:
    default:
      gtk_widget_set_direction (GTK_WIDGET (self->text_view), GTK_TEXT_DIR_NONE);
      return;
    }

  /* Only an override needs the text: read from the buffer, instead of a copy kept for it. */
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  for (line = text; line != NULL && *line != '\0';)
    {
      const char *newline = strchr (line, '\n');
      gsize bytes = newline != NULL ? (gsize) (newline - line) : strlen (line);
      gint64 chars = g_utf8_strlen (line, bytes);
      PangoDirection found = paragraph_direction (line, bytes);

      /* Right justification means "the end side" of the paragraph's own direction. */
      if (found != PANGO_DIRECTION_NEUTRAL && found != wanted)
        {
          _hsh_document_view_apply_tag (self, self->align_tag, line_start, line_start + chars);
          self->align_applied = TRUE;
        }

      line_start += chars + 1;
      line = newline != NULL ? newline + 1 : NULL;
    }
}

void
hsh_document_view_set_direction (HshDocumentView *self,
                                 HshDirection     direction)
{
  g_return_if_fail (HSH_IS_DOCUMENT_VIEW (self));

  self->direction = direction;
  apply_direction (self);
}

void
hsh_document_view_load (HshDocumentView    *self,
                        const char         *text,
                        HshDirection        direction,
                        HshAnnotationIndex *index,
                        gint64              indexed_until)
{
  GtkTextIter start;

  g_return_if_fail (HSH_IS_DOCUMENT_VIEW (self));

  _hsh_document_view_stop_highlights (self);
  g_clear_pointer (&self->index, hsh_annotation_index_unref);
  if (index != NULL)
    self->index = hsh_annotation_index_ref (index);
  self->indexed_until = indexed_until;

  gtk_text_buffer_set_text (self->buffer, text != NULL ? text : "", -1);
  self->length = gtk_text_buffer_get_char_count (self->buffer);
  _hsh_document_view_measure_in_layout (self);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  /* The caret goes to the top. Placing it makes the text view lay out the line under it, which
   * a long document leaves to after its first frame (hsh_document_view_set_index()); until
   * then the caret waits at the end, where nothing draws it. */
  self->caret_pending = indexed_until >= 0;
  if (!self->caret_pending)
    gtk_text_buffer_place_cursor (self->buffer, &start);

  g_array_set_size (self->selected_ranges, 0);
  _hsh_document_view_start_highlights (self);

  self->direction = direction;
  apply_direction (self);

  /* To the top, without asking the text view where the first line lies, which lays it out. */
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), 0);
}

GtkTextView *
hsh_document_view_get_text_view (HshDocumentView *self)
{
  g_return_val_if_fail (HSH_IS_DOCUMENT_VIEW (self), NULL);

  return self->text_view;
}

gboolean
hsh_document_view_get_selection (HshDocumentView *self,
                                 gint64          *start,
                                 gint64          *end)
{
  GtkTextIter start_iter, end_iter;

  g_return_val_if_fail (HSH_IS_DOCUMENT_VIEW (self), FALSE);

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start_iter, &end_iter))
    return FALSE;

  *start = gtk_text_iter_get_offset (&start_iter);
  *end = gtk_text_iter_get_offset (&end_iter);
  return *start < *end;
}

void
hsh_document_view_select (HshDocumentView *self,
                          gint64           start,
                          gint64           end)
{
  GtkTextIter start_iter, end_iter;

  _hsh_document_view_get_iter (self, start, &start_iter);
  _hsh_document_view_get_iter (self, end, &end_iter);
  gtk_text_buffer_select_range (self->buffer, &end_iter, &start_iter);
}

void
hsh_document_view_collapse_selection (HshDocumentView *self)
{
  GtkTextIter caret;

  g_return_if_fail (HSH_IS_DOCUMENT_VIEW (self));

  /* Only the selection's other end moves: moving the caret would make the text view lay out
   * its paragraph at once, for the input method, before the frame lays it out again. */
  gtk_text_buffer_get_iter_at_mark (self->buffer, &caret, gtk_text_buffer_get_insert (self->buffer));
  gtk_text_buffer_move_mark (self->buffer, gtk_text_buffer_get_selection_bound (self->buffer), &caret);
}

gint64
hsh_document_view_get_caret (HshDocumentView *self)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  return gtk_text_iter_get_offset (&iter);
}

/* Asks the text view where @offset lies, which lays out its line. */
static gboolean
offset_in_sight (HshDocumentView *self,
                 gint64           offset)
{
  GtkTextIter iter;
  GdkRectangle visible, location;

  _hsh_document_view_get_iter (self, offset, &iter);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);

  return visible.height > 0 &&
         location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

/* With @use_align, @offset's line goes @yalign down the reader; without, the view scrolls the
 * least that brings it into sight. The text view scrolls once that line is laid out. */
static void
scroll_to (HshDocumentView *self,
           gint64           offset,
           gboolean         use_align,
           double           yalign)
{
  GtkTextMark *mark = gtk_text_buffer_get_mark (self->buffer, "hsh-scroll");
  GtkTextIter iter;

  _hsh_document_view_get_iter (self, offset, &iter);
  gtk_text_buffer_move_mark (self->buffer, mark, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, mark, 0, use_align, 0, yalign);
}

/* Leaves the view alone when the target is in sight; otherwise brings it to the upper third,
 * with the lines before it for context. */
static void
scroll_to_offset (HshDocumentView *self,
                  gint64           offset)
{
  if (!offset_in_sight (self, offset))
    scroll_to (self, offset, TRUE, 0.3);
}

/* The paragraphs the reader shows, whole: a cheap first test of what may be in sight. */
static void
get_paragraphs_in_sight (HshDocumentView *self,
                         gint64          *start,
                         gint64          *end)
{
  GdkRectangle visible;
  GtkTextIter top, bottom;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_line_at_y (self->text_view, &top, visible.y, NULL);
  gtk_text_view_get_line_at_y (self->text_view, &bottom, visible.y + visible.height, NULL);
  if (!gtk_text_iter_ends_line (&bottom))
    gtk_text_iter_forward_to_line_end (&bottom);
  *start = gtk_text_iter_get_offset (&top);
  *end = gtk_text_iter_get_offset (&bottom);
}

void
hsh_document_view_reveal_ranges (HshDocumentView *self,
                                 GArray          *ranges)
{
  const HshRange *first = NULL;
  gint64 shown_start, shown_end;

  g_return_if_fail (HSH_IS_DOCUMENT_VIEW (self));

  if (ranges == NULL || ranges->len == 0)
    return;

  get_paragraphs_in_sight (self, &shown_start, &shown_end);
  for (guint i = 0; i < ranges->len; i++)
    {
      const HshRange *range = &g_array_index (ranges, HshRange, i);

      if (range->start >= shown_start && range->start <= shown_end && offset_in_sight (self, range->start))
        return;
      if (first == NULL || range->start < first->start)
        first = range;
    }

  scroll_to (self, first->start, FALSE, 0);
}

void
hsh_document_view_get_place (HshDocumentView *self,
                             HshReaderPlace  *place)
{
  GtkTextIter iter;
  GdkRectangle visible;

  g_return_if_fail (HSH_IS_DOCUMENT_VIEW (self));

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  place->caret = gtk_text_iter_get_offset (&iter);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_selection_bound (self->buffer));
  place->bound = gtk_text_iter_get_offset (&iter);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, visible.x, visible.y);
  place->top = gtk_text_iter_get_offset (&iter);
}

void
hsh_document_view_set_place (HshDocumentView      *self,
                             const HshReaderPlace *place)
{
  g_return_if_fail (HSH_IS_DOCUMENT_VIEW (self));

  /* The caret is where the coder left it, not where a newly loaded text would put it. */
  self->caret_pending = FALSE;
  hsh_document_view_select (self, place->bound, place->caret);

  scroll_to (self, place->top, TRUE, 0);
}

void
hsh_document_view_set_selected_annotation (HshDocumentView     *self,
                                           const HshAnnotation *annotation,
                                           gboolean             reveal)
{
  g_return_if_fail (HSH_IS_DOCUMENT_VIEW (self));

  /* Only where it was: an underline is a size property, and removing it from the whole text
   * would make the text view lay out the whole document again on every selection. */
  for (guint i = 0; i < self->selected_ranges->len; i++)
    {
      const HshRange *range = &g_array_index (self->selected_ranges, HshRange, i);

      _hsh_document_view_remove_tag (self, self->selected_tag, range->start, range->end);
    }
  g_array_set_size (self->selected_ranges, 0);
  if (annotation == NULL)
    return;

  for (guint i = 0; i < annotation->ranges->len; i++)
    {
      const HshRange *range = &g_array_index (annotation->ranges, HshRange, i);

      _hsh_document_view_apply_tag (self, self->selected_tag, range->start, range->end);
    }
  g_array_append_vals (self->selected_ranges, annotation->ranges->data, annotation->ranges->len);

  if (reveal)
    scroll_to_offset (self, hsh_annotation_start (annotation));
}

void
hsh_document_view_set_find_hits (HshDocumentView *self,
                                 GArray          *hits,
                                 int              current)
{
  g_return_if_fail (HSH_IS_DOCUMENT_VIEW (self));

  _hsh_document_view_remove_tag (self, self->find_tag, 0, self->length);
  _hsh_document_view_remove_tag (self, self->find_current_tag, 0, self->length);

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      const HshRange *hit = &g_array_index (hits, HshRange, i);

      _hsh_document_view_apply_tag (self, (int) i == current ? self->find_current_tag : self->find_tag,
                 hit->start, hit->end);
    }

  if (hits != NULL && current >= 0 && (guint) current < hits->len)
    {
      const HshRange *hit = &g_array_index (hits, HshRange, current);

      hsh_document_view_select (self, hit->start, hit->start);
      scroll_to_offset (self, hit->start);
    }
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   HshDocumentView *self)
{
  GtkTextIter iter;
  int buffer_x, buffer_y;

  /* A drag made a selection to tag: that is not a click on an annotation. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (self->buffer))
    return;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &buffer_x, &buffer_y);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, buffer_x, buffer_y))
    return;

  g_signal_emit (self, signals[OFFSET_CLICKED], 0, (gint64) gtk_text_iter_get_offset (&iter));
}

static void
hsh_document_view_dispose (GObject *object)
{
  GtkWidget *child;
  HshDocumentView *self = HSH_DOCUMENT_VIEW (object);

  _hsh_document_view_stop_highlights (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HSH_TYPE_DOCUMENT_VIEW);
  /* The template's root has no id, so it is not among the children cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (hsh_document_view_parent_class)->dispose (object);
}

static void
hsh_document_view_finalize (GObject *object)
{
  HshDocumentView *self = HSH_DOCUMENT_VIEW (object);

  _hsh_document_view_finalize_highlights (self);
  g_clear_pointer (&self->selected_ranges, g_array_unref);
  g_clear_object (&self->font_provider);
  g_clear_object (&self->settings);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (hsh_document_view_parent_class)->finalize (object);
}

static void
hsh_document_view_class_init (HshDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hsh_document_view_dispose;
  object_class->finalize = hsh_document_view_finalize;

  /* A plain click (not a drag) at a code-point offset: the window selects what lies there. */
  signals[OFFSET_CLICKED] =
    g_signal_new ("offset-clicked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hashiya/Hashiya/hsh-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HshDocumentView, scroller);
  gtk_widget_class_bind_template_child (widget_class, HshDocumentView, text_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentview");
}

static void
hsh_document_view_init (HshDocumentView *self)
{
  GtkGesture *click;
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = g_object_ref (gtk_text_view_get_buffer (self->text_view));
  _hsh_document_view_init_highlights (self);
  self->selected_ranges = g_array_new (FALSE, FALSE, sizeof (HshRange));

  self->align_tag = gtk_text_buffer_create_tag (self->buffer, "align-override",
                                                "justification", GTK_JUSTIFY_RIGHT,
                                                NULL);
  self->nested_tag = gtk_text_buffer_create_tag (self->buffer, "nested",
                                                 "underline", PANGO_UNDERLINE_SINGLE,
                                                 "underline-rgba", &(GdkRGBA) { 0.37, 0.36, 0.39, 1 },
                                                 NULL);
  /* No overline: GTK 4.8 frees a tag's overline colour twice when the cursor moves over it. */
  self->selected_tag = gtk_text_buffer_create_tag (self->buffer, "selected-annotation",
                                                   "underline", PANGO_UNDERLINE_DOUBLE,
                                                   "underline-rgba", &(GdkRGBA) { 0.11, 0.44, 0.85, 1 },
                                                   NULL);
  self->find_tag = gtk_text_buffer_create_tag (self->buffer, "find-hit",
                                               "background", "#ffa348",
                                               "foreground", "#1e1e1e",
                                               NULL);
  self->find_current_tag = gtk_text_buffer_create_tag (self->buffer, "find-current",
                                                       "background", "#e66100",
                                                       "foreground", "#ffffff",
                                                       NULL);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_create_mark (self->buffer, "hsh-scroll", &start, TRUE);

  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->text_view)),
                                  GTK_STYLE_PROVIDER (self->font_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed),
                           self, G_CONNECT_SWAPPED);
  update_font (self);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));
}
