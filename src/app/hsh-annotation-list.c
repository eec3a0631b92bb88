/* hsh-annotation-list.c: the annotations of the open document, in reading order; choosing one
 * selects it in the reader and the inspector (through win.select-annotation). */
#include "config.h"

#include <glib/gi18n.h>

#include "hsh-annotation-item.h"
#include "hsh-annotation-list.h"
#include "hsh-annotation-model.h"
#include "hsh-app-util.h"

struct _HshAnnotationList
{
  GtkWidget           parent_instance;

  GtkListView        *list_view;
  GtkLabel           *count_label;

  HshAnnotationModel *items;
  GtkSingleSelection *selection;
  gboolean            updating;
  HshAfterPaint       scroll;
  guint               scroll_position;
};

G_DEFINE_FINAL_TYPE (HshAnnotationList, hsh_annotation_list, GTK_TYPE_WIDGET)

static void
update_count (HshAnnotationList *self)
{
  g_autofree char *count = g_strdup_printf ("%u", g_list_model_get_n_items (G_LIST_MODEL (self->items)));

  gtk_label_set_label (self->count_label, count);
}

void
hsh_annotation_list_set_annotations (HshAnnotationList  *self,
                                     HshAnnotationIndex *index,
                                     HshCodebook        *codebook)
{
  g_return_if_fail (HSH_IS_ANNOTATION_LIST (self));

  self->updating = TRUE;
  hsh_annotation_model_set_index (self->items, index, codebook);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
  update_count (self);
}

/* The index already holds @annotation at @position: the model reads it from there. */
void
hsh_annotation_list_insert (HshAnnotationList   *self,
                            guint                position,
                            const HshAnnotation *annotation,
                            const HshLabel      *label)
{
  self->updating = TRUE;
  hsh_annotation_model_inserted (self->items, position);
  self->updating = FALSE;
  update_count (self);
}

void
hsh_annotation_list_remove (HshAnnotationList *self,
                            guint              position)
{
  self->updating = TRUE;
  hsh_annotation_model_removed (self->items, position);
  self->updating = FALSE;
  update_count (self);
}

static gboolean
scroll_to_selected (gpointer user_data)
{
  HshAnnotationList *self = user_data;

  if (self->scroll_position < g_list_model_get_n_items (G_LIST_MODEL (self->items)))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", self->scroll_position);
  return G_SOURCE_REMOVE;
}

void
hsh_annotation_list_select (HshAnnotationList *self,
                            guint              position)
{
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating = FALSE;

  hsh_after_paint_cancel (&self->scroll);
  if (position != GTK_INVALID_LIST_POSITION && gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    {
      /* Scrolling far makes the list view build and shape a screen of new rows (≈ 30 ms in a
       * long document): it follows one frame after the reader, which shows the tag first. */
      self->scroll_position = position;
      hsh_after_paint_schedule (&self->scroll, GTK_WIDGET (self), G_PRIORITY_DEFAULT_IDLE,
                                scroll_to_selected, self);
    }
}

GListModel *
hsh_annotation_list_get_model (HshAnnotationList *self)
{
  return G_LIST_MODEL (self->items);
}

static void
on_selection_changed (HshAnnotationList *self)
{
  HshAnnotationItem *item;

  if (self->updating)
    return;

  item = gtk_single_selection_get_selected_item (self->selection);
  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.select-annotation", "x",
                                hsh_annotation_item_get_id (item));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_box_append (GTK_BOX (box), hsh_color_swatch_new (NULL));
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_add_css_class (text, "annotation-text");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (texts), text);
  gtk_box_append (GTK_BOX (texts), label);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  HshAnnotationItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *swatch = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (swatch);
  GtkWidget *text = gtk_widget_get_first_child (texts);
  GtkWidget *label = gtk_widget_get_next_sibling (text);
  g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, hsh_annotation_item_get_start (item));
  g_autofree char *where = NULL;

  hsh_color_swatch_set_color (swatch, hsh_annotation_item_get_color (item));
  gtk_label_set_label (GTK_LABEL (text), hsh_annotation_item_get_text (item));

  /* Translators: an annotation's label and where it starts, e.g. "Actor/State · 74". */
  where = g_strdup_printf (hsh_annotation_item_is_discontinuous (item) ? _("%s · %s · discontinuous")
                                                                     : _("%s · %s"),
                           hsh_annotation_item_get_label (item), start);
  gtk_label_set_label (GTK_LABEL (label), where);
}

static void
hsh_annotation_list_dispose (GObject *object)
{
  GtkWidget *child;
  HshAnnotationList *self = HSH_ANNOTATION_LIST (object);

  hsh_after_paint_cancel (&self->scroll);
  gtk_widget_dispose_template (GTK_WIDGET (self), HSH_TYPE_ANNOTATION_LIST);
  /* The template's root has no id, so it is not among the children cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (hsh_annotation_list_parent_class)->dispose (object);
}

static void
hsh_annotation_list_class_init (HshAnnotationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hsh_annotation_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hashiya/Hashiya/hsh-annotation-list.ui");
  gtk_widget_class_bind_template_child (widget_class, HshAnnotationList, list_view);
  gtk_widget_class_bind_template_child (widget_class, HshAnnotationList, count_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "annotationlist");
}

static void
hsh_annotation_list_init (HshAnnotationList *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = hsh_annotation_model_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  update_count (self);
}
