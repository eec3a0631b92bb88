/* hsh-annotation-list.h: the annotations of the open document, in reading order. */
#pragma once

#include <gtk/gtk.h>
#include "hsh-annotation-index.h"

G_BEGIN_DECLS

#define HSH_TYPE_ANNOTATION_LIST (hsh_annotation_list_get_type ())
G_DECLARE_FINAL_TYPE (HshAnnotationList, hsh_annotation_list, HSH, ANNOTATION_LIST, GtkWidget)

void        hsh_annotation_list_set_annotations (HshAnnotationList   *self,
                                                 HshAnnotationIndex  *index,
                                                 HshCodebook         *codebook);
void        hsh_annotation_list_insert          (HshAnnotationList   *self,
                                                 guint                position,
                                                 const HshAnnotation *annotation,
                                                 const HshLabel      *label);
void        hsh_annotation_list_remove          (HshAnnotationList   *self,
                                                 guint                position);
/* Selects the row at @position (GTK_INVALID_LIST_POSITION: none) without telling the window. */
void        hsh_annotation_list_select          (HshAnnotationList   *self,
                                                 guint                position);
GListModel *hsh_annotation_list_get_model       (HshAnnotationList   *self);

G_END_DECLS
