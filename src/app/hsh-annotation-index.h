/* hsh-annotation-index.h: a document's annotations sorted by position, answering "what lies here". */
#pragma once

#include "hsh-model.h"

G_BEGIN_DECLS

typedef struct _HshAnnotationIndex HshAnnotationIndex;

/* Takes @annotations (HshAnnotation, any order, freed with the index). */
HshAnnotationIndex *hsh_annotation_index_new         (GPtrArray          *annotations);
HshAnnotationIndex *hsh_annotation_index_ref         (HshAnnotationIndex *self);
void                hsh_annotation_index_unref       (HshAnnotationIndex *self);

guint               hsh_annotation_index_get_n_items (HshAnnotationIndex *self);
/* Annotations in document order: by start, then longest first. */
HshAnnotation      *hsh_annotation_index_get_item    (HshAnnotationIndex *self,
                                                      guint               position);
HshAnnotation      *hsh_annotation_index_lookup      (HshAnnotationIndex *self,
                                                      gint64              annotation_id,
                                                      guint              *position);
/* Takes @annotation; returns its position in document order. */
guint               hsh_annotation_index_insert      (HshAnnotationIndex *self,
                                                      HshAnnotation      *annotation);
/* Removes and frees the annotation; returns FALSE when it is not there. */
gboolean            hsh_annotation_index_remove      (HshAnnotationIndex *self,
                                                      gint64              annotation_id,
                                                      guint              *position);

/* The annotations with a fragment covering code point @offset, innermost (shortest) first. */
GPtrArray          *hsh_annotation_index_at          (HshAnnotationIndex *self,
                                                      gint64              offset);
/* The annotations with a fragment overlapping [@start, @end), in document order. */
GPtrArray          *hsh_annotation_index_overlapping (HshAnnotationIndex *self,
                                                      gint64              start,
                                                      gint64              end);

/* The fragments (HshRange, in no order) of every annotation the reader draws differently in
 * @after than in @before: added, removed, or changed in label, fragments, author or gold. */
GArray             *hsh_annotation_index_changed_ranges (HshAnnotationIndex *before,
                                                         HshAnnotationIndex *after);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshAnnotationIndex, hsh_annotation_index_unref)

G_END_DECLS
