/* hsh-annotation-index.c: sorted annotations and fragments, so that a click or a caret finds
 * its annotations with a binary search instead of asking the text buffer. */
#include "hsh-annotation-index.h"

#include <string.h>

typedef struct {
  gint64         start;
  gint64         end;
  HshAnnotation *annotation;
} Fragment;

struct _HshAnnotationIndex {
  gatomicrefcount  ref_count;
  GPtrArray       *annotations;  /* document order */
  GArray          *fragments;    /* Fragment, by start; built on the first query, then kept */
  GHashTable      *by_id;        /* id → HshAnnotation */
  gint64           longest;      /* at least the longest fragment: bounds the backward scan */
  gboolean         fragments_dirty;
};

static int
compare_annotations (const HshAnnotation *a,
                     const HshAnnotation *b)
{
  gint64 a_start = hsh_annotation_start (a), b_start = hsh_annotation_start (b);
  gint64 a_end = hsh_annotation_end (a), b_end = hsh_annotation_end (b);

  if (a_start != b_start)
    return a_start < b_start ? -1 : 1;
  if (a_end != b_end)
    return a_end > b_end ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

static int
compare_annotation_pointers (gconstpointer a,
                             gconstpointer b)
{
  return compare_annotations (*(HshAnnotation **) a, *(HshAnnotation **) b);
}

static int
compare_fragments (gconstpointer a,
                   gconstpointer b)
{
  const Fragment *fa = a, *fb = b;

  if (fa->start != fb->start)
    return fa->start < fb->start ? -1 : 1;
  return (fa->end < fb->end) - (fa->end > fb->end);
}

static void
rebuild_fragments (HshAnnotationIndex *self)
{
  g_array_set_size (self->fragments, 0);
  self->longest = 0;

  for (guint i = 0; i < self->annotations->len; i++)
    {
      HshAnnotation *annotation = g_ptr_array_index (self->annotations, i);

      for (guint j = 0; j < annotation->ranges->len; j++)
        {
          const HshRange *range = &g_array_index (annotation->ranges, HshRange, j);
          Fragment fragment = { range->start, range->end, annotation };

          g_array_append_val (self->fragments, fragment);
          self->longest = MAX (self->longest, range->end - range->start);
        }
    }

  g_array_sort (self->fragments, compare_fragments);
  self->fragments_dirty = FALSE;
}

/* The first fragment that does not sort before @fragment. */
static guint
fragments_lower_bound (HshAnnotationIndex *self,
                       const Fragment     *fragment)
{
  guint low = 0, high = self->fragments->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (compare_fragments (&g_array_index (self->fragments, Fragment, middle), fragment) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* A key press adds one annotation to 20,000: its fragments go in place instead of the whole
 * array being sorted again. */
static void
insert_fragments (HshAnnotationIndex *self,
                  HshAnnotation      *annotation)
{
  if (self->fragments_dirty)
    return;

  for (guint j = 0; j < annotation->ranges->len; j++)
    {
      const HshRange *range = &g_array_index (annotation->ranges, HshRange, j);
      Fragment fragment = { range->start, range->end, annotation };

      g_array_insert_val (self->fragments, fragments_lower_bound (self, &fragment), fragment);
      self->longest = MAX (self->longest, range->end - range->start);
    }
}

/* Fragments that sort equal sit together: look among them for @annotation's. A longest that
 * stays too large after a removal only lengthens the backward scan a little. */
static void
remove_fragments (HshAnnotationIndex *self,
                  HshAnnotation      *annotation)
{
  if (self->fragments_dirty)
    return;

  for (guint j = 0; j < annotation->ranges->len; j++)
    {
      const HshRange *range = &g_array_index (annotation->ranges, HshRange, j);
      Fragment key = { range->start, range->end, annotation };

      for (guint i = fragments_lower_bound (self, &key); i < self->fragments->len; i++)
        {
          const Fragment *fragment = &g_array_index (self->fragments, Fragment, i);

          if (compare_fragments (fragment, &key) != 0)
            break;
          if (fragment->annotation == annotation)
            {
              g_array_remove_index (self->fragments, i);
              break;
            }
        }
    }
}

static void
ensure_fragments (HshAnnotationIndex *self)
{
  if (self->fragments_dirty)
    rebuild_fragments (self);
}

HshAnnotationIndex *
hsh_annotation_index_new (GPtrArray *annotations)
{
  HshAnnotationIndex *self = g_new0 (HshAnnotationIndex, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_annotation_free);
  self->fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->fragments_dirty = TRUE;

  if (annotations != NULL)
    {
      for (guint i = 0; i < annotations->len; i++)
        {
          HshAnnotation *annotation = g_ptr_array_index (annotations, i);

          g_ptr_array_add (self->annotations, annotation);
          g_hash_table_insert (self->by_id, &annotation->id, annotation);
        }
      /* The index owns them now. */
      g_ptr_array_set_free_func (annotations, NULL);
      g_ptr_array_unref (annotations);
      g_ptr_array_sort (self->annotations, compare_annotation_pointers);
    }

  return self;
}

HshAnnotationIndex *
hsh_annotation_index_ref (HshAnnotationIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hsh_annotation_index_unref (HshAnnotationIndex *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->by_id);
  g_array_unref (self->fragments);
  g_ptr_array_unref (self->annotations);
  g_free (self);
}

guint
hsh_annotation_index_get_n_items (HshAnnotationIndex *self)
{
  return self->annotations->len;
}

HshAnnotation *
hsh_annotation_index_get_item (HshAnnotationIndex *self,
                               guint               position)
{
  g_return_val_if_fail (position < self->annotations->len, NULL);

  return g_ptr_array_index (self->annotations, position);
}

static guint
position_of (HshAnnotationIndex  *self,
             const HshAnnotation *annotation)
{
  guint low = 0, high = self->annotations->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (compare_annotations (g_ptr_array_index (self->annotations, middle), annotation) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

HshAnnotation *
hsh_annotation_index_lookup (HshAnnotationIndex *self,
                             gint64              annotation_id,
                             guint              *position)
{
  HshAnnotation *annotation = g_hash_table_lookup (self->by_id, &annotation_id);

  if (annotation != NULL && position != NULL)
    *position = position_of (self, annotation);

  return annotation;
}

guint
hsh_annotation_index_insert (HshAnnotationIndex *self,
                             HshAnnotation      *annotation)
{
  guint position;

  g_return_val_if_fail (annotation != NULL, 0);

  hsh_annotation_index_remove (self, annotation->id, NULL);
  position = position_of (self, annotation);
  g_ptr_array_insert (self->annotations, position, annotation);
  g_hash_table_insert (self->by_id, &annotation->id, annotation);
  insert_fragments (self, annotation);

  return position;
}

gboolean
hsh_annotation_index_remove (HshAnnotationIndex *self,
                             gint64              annotation_id,
                             guint              *position)
{
  HshAnnotation *annotation = g_hash_table_lookup (self->by_id, &annotation_id);
  guint found;

  if (annotation == NULL)
    return FALSE;

  found = position_of (self, annotation);
  g_assert (g_ptr_array_index (self->annotations, found) == annotation);
  g_hash_table_remove (self->by_id, &annotation_id);
  remove_fragments (self, annotation);
  /* Freed by the array: the fragments no longer point at it. */
  g_ptr_array_remove_index (self->annotations, found);

  if (position != NULL)
    *position = found;

  return TRUE;
}

/* The first fragment starting after @offset. */
static guint
fragments_upper_bound (HshAnnotationIndex *self,
                       gint64              offset)
{
  guint low = 0, high = self->fragments->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (g_array_index (self->fragments, Fragment, middle).start <= offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static int
compare_innermost (gconstpointer a,
                   gconstpointer b)
{
  const HshAnnotation *aa = *(HshAnnotation **) a, *bb = *(HshAnnotation **) b;
  gint64 a_length = hsh_annotation_end (aa) - hsh_annotation_start (aa);
  gint64 b_length = hsh_annotation_end (bb) - hsh_annotation_start (bb);

  if (a_length != b_length)
    return a_length < b_length ? -1 : 1;
  return -compare_annotations (aa, bb);
}

static void
add_unique (GPtrArray     *found,
            HshAnnotation *annotation)
{
  if (!g_ptr_array_find (found, annotation, NULL))
    g_ptr_array_add (found, annotation);
}

GPtrArray *
hsh_annotation_index_at (HshAnnotationIndex *self,
                         gint64              offset)
{
  GPtrArray *found = g_ptr_array_new ();
  guint i;

  ensure_fragments (self);

  /* Fragments covering @offset start at most `longest` before it. */
  for (i = fragments_upper_bound (self, offset); i > 0; i--)
    {
      const Fragment *fragment = &g_array_index (self->fragments, Fragment, i - 1);

      if (fragment->start < offset - self->longest)
        break;
      if (fragment->end > offset)
        add_unique (found, fragment->annotation);
    }

  g_ptr_array_sort (found, compare_innermost);
  return found;
}

GPtrArray *
hsh_annotation_index_overlapping (HshAnnotationIndex *self,
                                  gint64              start,
                                  gint64              end)
{
  GPtrArray *found = g_ptr_array_new ();
  guint upper;

  ensure_fragments (self);

  upper = fragments_upper_bound (self, MAX (start, end - 1));
  for (guint i = upper; i > 0; i--)
    {
      const Fragment *fragment = &g_array_index (self->fragments, Fragment, i - 1);

      if (fragment->start < start - self->longest)
        break;
      if (fragment->end > start && fragment->start < MAX (end, start + 1))
        add_unique (found, fragment->annotation);
    }

  g_ptr_array_sort (found, compare_annotation_pointers);
  return found;
}

static gboolean
same_ranges (GArray *a,
             GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (HshRange)) == 0;
}

/* What the reader's highlights depend on: the label's colour, where, and, for the layers, who
 * made the annotation and whether it is gold. */
static gboolean
drawn_alike (const HshAnnotation *a,
             const HshAnnotation *b)
{
  return a->label_id == b->label_id && a->author_id == b->author_id && a->gold == b->gold &&
         same_ranges (a->ranges, b->ranges);
}

static void
append_ranges (GArray              *ranges,
               const HshAnnotation *annotation)
{
  g_array_append_vals (ranges, annotation->ranges->data, annotation->ranges->len);
}

GArray *
hsh_annotation_index_changed_ranges (HshAnnotationIndex *before,
                                     HshAnnotationIndex *after)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (HshRange));

  g_return_val_if_fail (before != NULL && after != NULL, ranges);

  for (guint i = 0; i < after->annotations->len; i++)
    {
      const HshAnnotation *now = g_ptr_array_index (after->annotations, i);
      const HshAnnotation *was = g_hash_table_lookup (before->by_id, &now->id);

      if (was != NULL && drawn_alike (was, now))
        continue;
      append_ranges (ranges, now);
      if (was != NULL)
        append_ranges (ranges, was);
    }

  for (guint i = 0; i < before->annotations->len; i++)
    {
      const HshAnnotation *was = g_ptr_array_index (before->annotations, i);

      if (!g_hash_table_contains (after->by_id, &was->id))
        append_ranges (ranges, was);
    }

  return ranges;
}
