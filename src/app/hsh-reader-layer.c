/* hsh-reader-layer.c: which annotations the reader draws, and the per-coder tags that colour
 * them by coder. */
#include "config.h"

#include <string.h>

#include "hsh-reader-layer.h"

/* Light, distinct colours that keep dark text readable (GNOME palette, 1 and 2 shades). */
static const char *coder_colors[] = {
  "#99c1f1", "#f9f06b", "#8ff0a4", "#ffbe6f", "#dc8add", "#f66151", "#cdab8f", "#62a0ea",
  "#57e389", "#c0bfbc",
};

/* The last colour, grey, is kept for annotations without an author. */
const char *
hsh_reader_layer_coder_color (guint position)
{
  if (position == G_N_ELEMENTS (coder_colors) - 1)
    return coder_colors[position];
  return coder_colors[position % (G_N_ELEMENTS (coder_colors) - 1)];
}

gboolean
hsh_reader_layer_parse (const char     *id,
                        gint64          my_id,
                        HshReaderLayer *layer)
{
  g_return_val_if_fail (layer != NULL, FALSE);

  layer->coder_id = 0;
  if (g_strcmp0 (id, "all") == 0)
    layer->kind = HSH_READER_LAYER_EVERYTHING;
  else if (g_strcmp0 (id, "mine") == 0)
    {
      layer->kind = HSH_READER_LAYER_MINE;
      layer->coder_id = my_id;
    }
  else if (g_strcmp0 (id, "coders") == 0)
    layer->kind = HSH_READER_LAYER_ALL_CODERS;
  else if (g_strcmp0 (id, "gold") == 0)
    layer->kind = HSH_READER_LAYER_GOLD;
  else if (id != NULL && g_str_has_prefix (id, "coder:"))
    {
      char *end = NULL;

      layer->kind = HSH_READER_LAYER_CODER;
      layer->coder_id = g_ascii_strtoll (id + strlen ("coder:"), &end, 10);
      return end != NULL && *end == '\0' && layer->coder_id > 0;
    }
  else
    return FALSE;

  return TRUE;
}

gboolean
hsh_reader_layer_accepts (const HshReaderLayer *layer,
                          const HshAnnotation  *annotation)
{
  switch (layer->kind)
    {
    case HSH_READER_LAYER_MINE:
    case HSH_READER_LAYER_CODER:
      return !annotation->gold && annotation->author_id == layer->coder_id;
    case HSH_READER_LAYER_ALL_CODERS:
      return !annotation->gold;
    case HSH_READER_LAYER_GOLD:
      return annotation->gold;
    case HSH_READER_LAYER_EVERYTHING:
    default:
      return TRUE;
    }
}

static char *
coder_tag_name (gint64 annotator_id)
{
  return g_strdup_printf ("coder:%" G_GINT64_FORMAT, annotator_id);
}

GtkTextTag *
hsh_reader_layer_coder_tag (HshDocumentView *view,
                            gint64           annotator_id)
{
  g_autofree char *name = coder_tag_name (annotator_id);

  return hsh_document_view_get_named_tag (view, name);
}

typedef struct {
  HshReaderLayer  layer;
  GHashTable     *coder_tags;   /* annotator id → GtkTextTag */
} Drawing;

static void
drawing_free (Drawing *drawing)
{
  g_hash_table_unref (drawing->coder_tags);
  g_free (drawing);
}

static GtkTextTag *
choose_tag (const HshAnnotation *annotation,
            GtkTextTag          *label_tag,
            gpointer             user_data)
{
  const Drawing *drawing = user_data;

  if (!hsh_reader_layer_accepts (&drawing->layer, annotation))
    return NULL;
  if (drawing->layer.kind != HSH_READER_LAYER_ALL_CODERS)
    return label_tag;

  return g_hash_table_lookup (drawing->coder_tags, &annotation->author_id);
}

static GtkTextTag *
ensure_coder_tag (HshDocumentView *view,
                  gint64           annotator_id,
                  guint            position)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (hsh_document_view_get_text_view (view));
  g_autofree char *name = coder_tag_name (annotator_id);
  GtkTextTag *tag = hsh_document_view_get_named_tag (view, name);

  if (tag == NULL)
    {
      /* Colours only, like the label tags, so that Arabic shaping is never split. Lowest
       * priority: the selection, nesting and find tags stay visible above it. */
      tag = gtk_text_buffer_create_tag (buffer, name,
                                        "background", hsh_reader_layer_coder_color (position),
                                        "foreground", "#1e1e1e",
                                        NULL);
      gtk_text_tag_set_priority (tag, 0);
    }
  return tag;
}

void
hsh_reader_layer_apply (const HshReaderLayer *layer,
                        HshDocumentView      *view,
                        GPtrArray            *annotators)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  Drawing *drawing;

  g_return_if_fail (layer != NULL);
  g_return_if_fail (HSH_IS_DOCUMENT_VIEW (view));

  drawing = g_new0 (Drawing, 1);
  drawing->layer = *layer;
  drawing->coder_tags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  /* Annotations without an author (imported, or from the sample) share one neutral colour. */
  {
    static const gint64 nobody = 0;
    GtkTextTag *tag = ensure_coder_tag (view, nobody, G_N_ELEMENTS (coder_colors) - 1);

    g_hash_table_insert (drawing->coder_tags, g_memdup2 (&nobody, sizeof nobody), tag);
    g_ptr_array_add (tags, tag);
  }
  for (guint i = 0; annotators != NULL && i < annotators->len; i++)
    {
      const HshAnnotator *annotator = g_ptr_array_index (annotators, i);
      GtkTextTag *tag = ensure_coder_tag (view, annotator->id, i);

      g_hash_table_insert (drawing->coder_tags, g_memdup2 (&annotator->id, sizeof annotator->id), tag);
      g_ptr_array_add (tags, tag);
    }

  /* The coder tags are handed over in every layer, so that the view clears them when it
   * redraws after coming back from "all coders". */
  if (layer->kind == HSH_READER_LAYER_EVERYTHING)
    {
      hsh_document_view_set_highlight_func (view, NULL, NULL, NULL, tags);
      drawing_free (drawing);
    }
  else
    hsh_document_view_set_highlight_func (view, choose_tag, drawing, (GDestroyNotify) drawing_free, tags);
}
