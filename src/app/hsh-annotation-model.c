/* hsh-annotation-model.c: the annotation list's model. It reads the index instead of copying
 * it, so opening a document with 20,000 annotations makes only the rows on screen, and a new
 * annotation is one items-changed signal instead of a rebuilt list. */
#include "config.h"

#include "hsh-annotation-item.h"
#include "hsh-annotation-model.h"

struct _HshAnnotationModel
{
  GObject             parent_instance;

  HshAnnotationIndex *index;
  HshCodebook        *codebook;
  guint               n_items;   /* what the views were last told */
};

static GType
hsh_annotation_model_get_item_type (GListModel *model)
{
  return HSH_TYPE_ANNOTATION_ITEM;
}

static guint
hsh_annotation_model_get_n_items (GListModel *model)
{
  return HSH_ANNOTATION_MODEL (model)->n_items;
}

static gpointer
hsh_annotation_model_get_item (GListModel *model,
                               guint       position)
{
  HshAnnotationModel *self = HSH_ANNOTATION_MODEL (model);
  const HshAnnotation *annotation;

  if (self->index == NULL || position >= self->n_items)
    return NULL;

  annotation = hsh_annotation_index_get_item (self->index, position);
  return hsh_annotation_item_new (annotation, self->codebook != NULL
                                              ? hsh_codebook_label (self->codebook, annotation->label_id)
                                              : NULL);
}

static void
hsh_annotation_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hsh_annotation_model_get_item_type;
  iface->get_n_items = hsh_annotation_model_get_n_items;
  iface->get_item = hsh_annotation_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (HshAnnotationModel, hsh_annotation_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hsh_annotation_model_list_model_init))

HshAnnotationModel *
hsh_annotation_model_new (void)
{
  return g_object_new (HSH_TYPE_ANNOTATION_MODEL, NULL);
}

void
hsh_annotation_model_set_index (HshAnnotationModel *self,
                                HshAnnotationIndex *index,
                                HshCodebook        *codebook)
{
  guint removed;

  g_return_if_fail (HSH_IS_ANNOTATION_MODEL (self));

  if (index != NULL)
    hsh_annotation_index_ref (index);
  g_clear_pointer (&self->index, hsh_annotation_index_unref);
  self->index = index;
  self->codebook = codebook;

  removed = self->n_items;
  self->n_items = index != NULL ? hsh_annotation_index_get_n_items (index) : 0;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

void
hsh_annotation_model_inserted (HshAnnotationModel *self,
                               guint               position)
{
  g_return_if_fail (HSH_IS_ANNOTATION_MODEL (self));
  g_return_if_fail (self->index != NULL && position <= self->n_items);

  self->n_items++;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
hsh_annotation_model_removed (HshAnnotationModel *self,
                              guint               position)
{
  g_return_if_fail (HSH_IS_ANNOTATION_MODEL (self));

  if (position >= self->n_items)
    return;

  self->n_items--;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

static void
hsh_annotation_model_finalize (GObject *object)
{
  HshAnnotationModel *self = HSH_ANNOTATION_MODEL (object);

  g_clear_pointer (&self->index, hsh_annotation_index_unref);

  G_OBJECT_CLASS (hsh_annotation_model_parent_class)->finalize (object);
}

static void
hsh_annotation_model_class_init (HshAnnotationModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hsh_annotation_model_finalize;
}

static void
hsh_annotation_model_init (HshAnnotationModel *self)
{
}
