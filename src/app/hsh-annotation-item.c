/* hsh-annotation-item.c: one annotation as a row of the annotation list's model — a copy of what
 * the row shows, so that a row never points into an index that has moved on. */
#include "hsh-annotation-item.h"

struct _HshAnnotationItem
{
  GObject   parent_instance;

  gint64    id;
  gint64    start;
  char     *text;
  char     *label;
  char     *color;
  gboolean  discontinuous;
};

G_DEFINE_FINAL_TYPE (HshAnnotationItem, hsh_annotation_item, G_TYPE_OBJECT)

static void
hsh_annotation_item_finalize (GObject *object)
{
  HshAnnotationItem *self = HSH_ANNOTATION_ITEM (object);

  g_free (self->text);
  g_free (self->label);
  g_free (self->color);

  G_OBJECT_CLASS (hsh_annotation_item_parent_class)->finalize (object);
}

static void
hsh_annotation_item_class_init (HshAnnotationItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hsh_annotation_item_finalize;
}

static void
hsh_annotation_item_init (HshAnnotationItem *self)
{
}

HshAnnotationItem *
hsh_annotation_item_new (const HshAnnotation *annotation,
                         const HshLabel      *label)
{
  HshAnnotationItem *self;

  g_return_val_if_fail (annotation != NULL, NULL);

  self = g_object_new (HSH_TYPE_ANNOTATION_ITEM, NULL);
  self->id = annotation->id;
  self->start = hsh_annotation_start (annotation);
  self->text = g_strdup (annotation->text != NULL ? annotation->text : "");
  self->label = g_strdup (label != NULL ? label->path : "?");
  self->color = g_strdup (label != NULL ? label->color : NULL);
  self->discontinuous = annotation->ranges->len > 1;

  return self;
}

gint64
hsh_annotation_item_get_id (HshAnnotationItem *self)
{
  return self->id;
}

gint64
hsh_annotation_item_get_start (HshAnnotationItem *self)
{
  return self->start;
}

const char *
hsh_annotation_item_get_text (HshAnnotationItem *self)
{
  return self->text;
}

const char *
hsh_annotation_item_get_label (HshAnnotationItem *self)
{
  return self->label;
}

const char *
hsh_annotation_item_get_color (HshAnnotationItem *self)
{
  return self->color;
}

gboolean
hsh_annotation_item_is_discontinuous (HshAnnotationItem *self)
{
  return self->discontinuous;
}
