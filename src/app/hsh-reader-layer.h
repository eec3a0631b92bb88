/* hsh-reader-layer.h: which annotations the reader draws — everyone's by label, mine, one
 * coder's, all coders' coloured by coder, or the gold layer. */
#pragma once

#include "hsh-document-view.h"

G_BEGIN_DECLS

typedef enum {
  HSH_READER_LAYER_EVERYTHING,  /* every annotation, coloured by label */
  HSH_READER_LAYER_MINE,        /* the current annotator's, not gold */
  HSH_READER_LAYER_CODER,       /* one coder's, not gold */
  HSH_READER_LAYER_ALL_CODERS,  /* every coder's, not gold, coloured by coder */
  HSH_READER_LAYER_GOLD,        /* the adjudicated gold layer */
} HshReaderLayerKind;

typedef struct {
  HshReaderLayerKind kind;
  gint64             coder_id;  /* HSH_READER_LAYER_CODER: whose; MINE: the current annotator */
} HshReaderLayer;

/* "all", "mine", "coder:12", "coders" or "gold"; FALSE for anything else. */
gboolean    hsh_reader_layer_parse      (const char        *id,
                                         gint64             my_id,
                                         HshReaderLayer    *layer);
/* Whether @annotation belongs to @layer. */
gboolean    hsh_reader_layer_accepts    (const HshReaderLayer *layer,
                                         const HshAnnotation  *annotation);
/* Makes @view draw @layer. Colouring by coder adds one tag per annotator of @annotators
 * (HshAnnotator) to the view's buffer — never one per annotation. */
void        hsh_reader_layer_apply      (const HshReaderLayer *layer,
                                         HshDocumentView      *view,
                                         GPtrArray            *annotators);
/* The tag that draws @annotator_id's work when colouring by coder, or NULL. */
GtkTextTag *hsh_reader_layer_coder_tag  (HshDocumentView      *view,
                                         gint64                annotator_id);
/* The colour ("#rrggbb") of the @position-th coder. */
const char *hsh_reader_layer_coder_color (guint                position);

G_END_DECLS
