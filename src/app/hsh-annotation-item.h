/* hsh-annotation-item.h: one annotation as a row of the annotation list's model. */
#pragma once

#include <glib-object.h>
#include "hsh-model.h"

G_BEGIN_DECLS

#define HSH_TYPE_ANNOTATION_ITEM (hsh_annotation_item_get_type ())
G_DECLARE_FINAL_TYPE (HshAnnotationItem, hsh_annotation_item, HSH, ANNOTATION_ITEM, GObject)

HshAnnotationItem *hsh_annotation_item_new         (const HshAnnotation *annotation,
                                                    const HshLabel      *label);
gint64             hsh_annotation_item_get_id      (HshAnnotationItem   *self);
gint64             hsh_annotation_item_get_start   (HshAnnotationItem   *self);
const char        *hsh_annotation_item_get_text    (HshAnnotationItem   *self);
const char        *hsh_annotation_item_get_label   (HshAnnotationItem   *self);
const char        *hsh_annotation_item_get_color   (HshAnnotationItem   *self);
gboolean           hsh_annotation_item_is_discontinuous (HshAnnotationItem *self);

G_END_DECLS
