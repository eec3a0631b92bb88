/* hsh-document-view-highlight.c: HshDocumentView's highlights — one tag per label draws every
 * annotation of that label (identity stays in the index): the first screen at once, the rest of
 * the document in idle chunks. */
#include "config.h"

#include "hsh-document-view-private.h"

/* Highlights beyond the first screen are drawn in idle chunks, so the first frame comes fast;
 * each chunk stays well inside a frame. */
#define TAG_CHUNK 20000

/* Before the text view's first layout, what fits is estimated generously: letters 0.3 em wide —
 * narrower than any book face's average — and lines as close as the line spacing allows (a face
 * is at least one em high, and the extra spacing goes between lines), on the text area of the
 * last frame, or of a large screen before the first. */
#define NARROWEST_LETTER_EM 0.3
#define UNSHOWN_WIDTH 1920
#define UNSHOWN_HEIGHT 1200
#define SMALLEST_FIRST_SCREEN 1000

gint64
hsh_document_view_get_first_screen_length (HshDocumentView *self)
{
  int width, height;
  double em, line;

  g_return_val_if_fail (HSH_IS_DOCUMENT_VIEW (self), 0);

  width = gtk_widget_get_width (GTK_WIDGET (self->scroller));
  height = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  if (width <= 0 || height <= 0)
    {
      width = UNSHOWN_WIDTH;
      height = UNSHOWN_HEIGHT;
    }
  em = MAX (self->font_px, 1.0);
  line = MAX (self->line_px, em);
  return MAX (SMALLEST_FIRST_SCREEN, (gint64) ((width / (NARROWEST_LETTER_EM * em)) * (height / line)));
}

typedef struct {
  gint64 offset;
  int    delta;
} DepthChange;

static int
compare_depth_changes (gconstpointer a,
                       gconstpointer b)
{
  const DepthChange *da = a, *db = b;

  if (da->offset != db->offset)
    return da->offset < db->offset ? -1 : 1;
  return da->delta - db->delta;
}

/* Underlines what lies inside more than one annotation, so that a Claim holding an Actor
 * shows both: the inner label's colour wins, the underline says there is more. */
static void
draw_nesting (HshDocumentView *self,
              GArray          *changes)
{
  int depth = 0;

  g_array_sort (changes, compare_depth_changes);
  for (guint i = 0; i < changes->len; i++)
    {
      const DepthChange *change = &g_array_index (changes, DepthChange, i);

      depth += change->delta;
      if (depth >= 2 && i + 1 < changes->len)
        {
          gint64 next = g_array_index (changes, DepthChange, i + 1).offset;

          if (next > change->offset)
            _hsh_document_view_apply_tag (self, self->nested_tag, change->offset, next);
        }
    }
}

void
hsh_document_view_refresh (HshDocumentView *self,
                           gint64           start,
                           gint64           end)
{
  g_autoptr(GPtrArray) overlapping = NULL;
  g_autoptr(GArray) changes = NULL;
  GHashTableIter iter;
  gpointer tag;

  g_return_if_fail (HSH_IS_DOCUMENT_VIEW (self));

  start = CLAMP (start, 0, self->length);
  end = CLAMP (end, start, self->length);
  if (start == end || self->index == NULL)
    return;

  g_hash_table_iter_init (&iter, self->label_tags);
  while (g_hash_table_iter_next (&iter, NULL, &tag))
    _hsh_document_view_remove_tag (self, tag, start, end);
  _hsh_document_view_remove_tag (self, self->nested_tag, start, end);
  for (guint i = 0; i < self->layer_tags->len; i++)
    _hsh_document_view_remove_tag (self, g_ptr_array_index (self->layer_tags, i), start, end);

  changes = g_array_new (FALSE, FALSE, sizeof (DepthChange));
  overlapping = hsh_annotation_index_overlapping (self->index, start, end);
  for (guint i = 0; i < overlapping->len; i++)
    {
      const HshAnnotation *annotation = g_ptr_array_index (overlapping, i);
      GtkTextTag *label_tag = g_hash_table_lookup (self->label_tags, &annotation->label_id);

      if (self->highlight_func != NULL &&
          (label_tag = self->highlight_func (annotation, label_tag, self->highlight_data)) == NULL)
        continue;

      for (guint j = 0; j < annotation->ranges->len; j++)
        {
          const HshRange *range = &g_array_index (annotation->ranges, HshRange, j);
          DepthChange opening = { MAX (range->start, start), +1 };
          DepthChange closing = { MIN (range->end, end), -1 };

          if (opening.offset >= closing.offset)
            continue;
          if (label_tag != NULL)
            _hsh_document_view_apply_tag (self, label_tag, opening.offset, closing.offset);
          g_array_append_val (changes, opening);
          g_array_append_val (changes, closing);
        }
    }

  draw_nesting (self, changes);
}

void
hsh_document_view_refresh_ranges (HshDocumentView *self,
                                  GArray          *ranges)
{
  g_return_if_fail (HSH_IS_DOCUMENT_VIEW (self));

  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      const HshRange *range = &g_array_index (ranges, HshRange, i);

      hsh_document_view_refresh (self, range->start, range->end);
    }
}


/* Only as far as the index reaches: beyond it, the annotations are still being read. */
static gint64
drawable_end (HshDocumentView *self)
{
  return self->indexed_until < 0 ? self->length : MIN (self->length, self->indexed_until);
}

static gboolean
tag_next_chunk (gpointer user_data)
{
  HshDocumentView *self = user_data;
  gint64 start = self->tagged_until;
  gint64 end = MIN (drawable_end (self), start + TAG_CHUNK);

  hsh_document_view_refresh (self, start, end);
  self->tagged_until = end;

  if (end < drawable_end (self))
    return G_SOURCE_CONTINUE;

  self->tag_source = 0;
  return G_SOURCE_REMOVE;
}

/* Between frames, but before the text view's background layout of the whole text (priority
 * GDK_PRIORITY_REDRAW + 5): below it, a long document would stay without highlights for the
 * seconds that layout takes, wherever the coder scrolls. */
static void
schedule_tagging (HshDocumentView *self)
{
  if (self->tag_source == 0 && self->tagged_until < drawable_end (self))
    self->tag_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 2, tag_next_chunk, self, NULL);
}

void
_hsh_document_view_start_highlights (HshDocumentView *self)
{
  gint64 end;

  _hsh_document_view_stop_highlights (self);

  /* The text at the top, where a document opens, before its first frame. */
  end = drawable_end (self);
  if (self->length > HSH_DOCUMENT_VIEW_SHORT_TEXT)
    end = MIN (end, hsh_document_view_get_first_screen_length (self));
  hsh_document_view_refresh (self, 0, end);
  self->tagged_until = end;
  schedule_tagging (self);
}

void
_hsh_document_view_stop_highlights (HshDocumentView *self)
{
  g_clear_handle_id (&self->tag_source, g_source_remove);
}

/* Unless the coder has moved it or selected text meanwhile. */
static void
place_pending_caret (HshDocumentView *self)
{
  GtkTextIter caret, start;

  if (!self->caret_pending)
    return;

  self->caret_pending = FALSE;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &caret, gtk_text_buffer_get_insert (self->buffer));
  if (!gtk_text_iter_is_end (&caret) || gtk_text_buffer_get_has_selection (self->buffer))
    return;
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_place_cursor (self->buffer, &start);
}

static void
take_whole_index (HshDocumentView    *self,
                  HshAnnotationIndex *index)
{
  hsh_annotation_index_ref (index);
  g_clear_pointer (&self->index, hsh_annotation_index_unref);
  self->index = index;
  self->indexed_until = -1;
}

void
hsh_document_view_set_index (HshDocumentView    *self,
                             HshAnnotationIndex *index)
{
  g_return_if_fail (HSH_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (index != NULL);

  /* What is drawn already came from annotations the new index holds too: only the rest is
   * left to draw. */
  take_whole_index (self, index);
  schedule_tagging (self);
  place_pending_caret (self);
}

void
hsh_document_view_replace_index (HshDocumentView    *self,
                                 HshAnnotationIndex *index,
                                 GArray             *changed)
{
  gint64 drawn = self->tagged_until;

  g_return_if_fail (HSH_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (index != NULL);

  /* The text stays in the buffer: its layout, the caret and the scroll position with it. */
  take_whole_index (self, index);
  if (changed != NULL)
    hsh_document_view_refresh_ranges (self, changed);
  else
    hsh_document_view_refresh (self, 0, drawn);
  /* Underlines (nesting here, the selection next) make the text view measure their lines again,
   * while the rest of the window changes too (list, inspector). */
  _hsh_document_view_measure_in_layout (self);
  schedule_tagging (self);
  place_pending_caret (self);
}

static int
label_rank (HshCodebook    *codebook,
            const HshLabel *label,
            guint           position)
{
  g_autoptr(GPtrArray) roles = hsh_codebook_roles_for (codebook, label->id);

  /* Labels with roles (Claim, Commitment) are the containers of others: draw them below. */
  return (roles != NULL && roles->len > 0 ? 0 : 100000) + (int) position;
}

typedef struct {
  int             rank;
  const HshLabel *label;
} RankedLabel;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  return ((const RankedLabel *) a)->rank - ((const RankedLabel *) b)->rank;
}

static void
raise_tag (GtkTextBuffer *buffer,
           GtkTextTag    *tag)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  gtk_text_tag_set_priority (tag, gtk_text_tag_table_get_size (table) - 1);
}

void
hsh_document_view_set_codebook (HshDocumentView *self,
                                HshCodebook     *codebook)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (RankedLabel));
  GHashTableIter iter;
  gpointer tag;

  g_return_if_fail (HSH_IS_DOCUMENT_VIEW (self));

  g_hash_table_iter_init (&iter, self->label_tags);
  while (g_hash_table_iter_next (&iter, NULL, &tag))
    gtk_text_tag_table_remove (table, tag);
  g_hash_table_remove_all (self->label_tags);
  self->codebook = codebook;

  if (codebook == NULL)
    return;

  for (guint i = 0; i < codebook->labels->len; i++)
    {
      const HshLabel *label = g_ptr_array_index (codebook->labels, i);
      RankedLabel entry = { label_rank (codebook, label, i), label };

      g_array_append_val (ranked, entry);
    }
  g_array_sort (ranked, compare_ranked);

  for (guint i = 0; i < ranked->len; i++)
    {
      const HshLabel *label = g_array_index (ranked, RankedLabel, i).label;
      g_autofree char *name = g_strdup_printf ("label:%s", label->path);
      GtkTextTag *label_tag;
      gint64 *key = g_new (gint64, 1);

      /* Colours only: a tag that changed the font would split Arabic shaping. The text stays
       * dark on the light label colours, also in a dark theme. */
      label_tag = gtk_text_buffer_create_tag (self->buffer, name,
                                              "background", label->color != NULL ? label->color : "#deddda",
                                              "foreground", "#1e1e1e",
                                              NULL);
      *key = label->id;
      g_hash_table_insert (self->label_tags, key, label_tag);
    }

  raise_tag (self->buffer, self->align_tag);
  raise_tag (self->buffer, self->nested_tag);
  raise_tag (self->buffer, self->selected_tag);
  raise_tag (self->buffer, self->find_tag);
  raise_tag (self->buffer, self->find_current_tag);
}

void
hsh_document_view_set_highlight_func (HshDocumentView  *self,
                                      HshHighlightFunc  func,
                                      gpointer          user_data,
                                      GDestroyNotify    destroy,
                                      GPtrArray        *tags)
{
  g_return_if_fail (HSH_IS_DOCUMENT_VIEW (self));

  if (self->highlight_destroy != NULL)
    self->highlight_destroy (self->highlight_data);
  self->highlight_func = func;
  self->highlight_data = user_data;
  self->highlight_destroy = destroy;
  g_ptr_array_set_size (self->layer_tags, 0);
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    g_ptr_array_add (self->layer_tags, g_object_ref (g_ptr_array_index (tags, i)));

  hsh_document_view_refresh (self, 0, drawable_end (self));
}

GtkTextTag *
hsh_document_view_get_label_tag (HshDocumentView *self,
                                 gint64           label_id)
{
  g_return_val_if_fail (HSH_IS_DOCUMENT_VIEW (self), NULL);

  return g_hash_table_lookup (self->label_tags, &label_id);
}


GtkTextTag *
hsh_document_view_get_named_tag (HshDocumentView *self,
                                 const char      *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

  return gtk_text_tag_table_lookup (table, name);
}


void
_hsh_document_view_init_highlights (HshDocumentView *self)
{
  self->label_tags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->layer_tags = g_ptr_array_new_with_free_func (g_object_unref);
  self->indexed_until = -1;
}

void
_hsh_document_view_finalize_highlights (HshDocumentView *self)
{
  _hsh_document_view_stop_highlights (self);
  g_clear_pointer (&self->index, hsh_annotation_index_unref);
  g_clear_pointer (&self->label_tags, g_hash_table_unref);
  if (self->highlight_destroy != NULL)
    self->highlight_destroy (self->highlight_data);
  self->highlight_destroy = NULL;
  g_clear_pointer (&self->layer_tags, g_ptr_array_unref);
}
