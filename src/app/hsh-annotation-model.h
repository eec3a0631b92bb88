/* hsh-annotation-model.h: a list model over a document's annotation index, making rows on demand. */
#pragma once

#include <gio/gio.h>
#include "hsh-annotation-index.h"

G_BEGIN_DECLS

#define HSH_TYPE_ANNOTATION_MODEL (hsh_annotation_model_get_type ())
G_DECLARE_FINAL_TYPE (HshAnnotationModel, hsh_annotation_model, HSH, ANNOTATION_MODEL, GObject)

HshAnnotationModel *hsh_annotation_model_new       (void);
/* Shows @index (NULL: nothing); @codebook names and colours the labels and must outlive it. */
void                hsh_annotation_model_set_index (HshAnnotationModel *self,
                                                    HshAnnotationIndex *index,
                                                    HshCodebook        *codebook);
/* The index gained an annotation at @position, or lost the one there. */
void                hsh_annotation_model_inserted  (HshAnnotationModel *self,
                                                    guint               position);
void                hsh_annotation_model_removed   (HshAnnotationModel *self,
                                                    guint               position);

G_END_DECLS
