/* hsh-document-sidebar.c: the project's documents with their annotation counts and progress,
 * filtered by title and status; choosing one opens it (win.show-document). */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "hsh-document-sidebar.h"

struct _HshDocumentSidebar
{
  GtkWidget       parent_instance;

  GtkSearchEntry *filter_entry;
  GtkDropDown    *status_filter;
  GtkListBox     *list_box;

  GHashTable     *rows;   /* document id → GtkListBoxRow */
};

G_DEFINE_FINAL_TYPE (HshDocumentSidebar, hsh_document_sidebar, GTK_TYPE_WIDGET)

static const char *status_names[] = { NULL, "new", "in-progress", "done" };

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "done") == 0)
    return _("Done");
  if (g_strcmp0 (status, "in-progress") == 0)
    return _("In progress");
  return _("New");
}

static void
fill_row (GtkListBoxRow     *row,
          const HshDocument *document)
{
  GtkWidget *box = gtk_list_box_row_get_child (row);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *details = NULL;

  gtk_label_set_label (GTK_LABEL (title), document->title != NULL ? document->title : _("Untitled"));
  details = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu annotation · %s", "%lu annotations · %s",
                                          (gulong) document->annotation_count),
                             (gulong) document->annotation_count, status_label (document->status));
  gtk_label_set_label (GTK_LABEL (subtitle), details);

  g_object_set_data_full (G_OBJECT (row), "hsh-title",
                          g_utf8_casefold (document->title != NULL ? document->title : "", -1), g_free);
  g_object_set_data_full (G_OBJECT (row), "hsh-status",
                          g_strdup (document->status != NULL ? document->status : "new"), g_free);
}

static GtkWidget *
create_row (const HshDocument *document)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "hsh-id", g_memdup2 (&document->id, sizeof document->id), g_free);
  fill_row (GTK_LIST_BOX_ROW (row), document);

  return row;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  HshDocumentSidebar *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  guint status = gtk_drop_down_get_selected (self->status_filter);
  const char *title = g_object_get_data (G_OBJECT (row), "hsh-title");

  if (status > 0 && status < G_N_ELEMENTS (status_names) &&
      g_strcmp0 (g_object_get_data (G_OBJECT (row), "hsh-status"), status_names[status]) != 0)
    return FALSE;

  if (query != NULL && *query != '\0')
    {
      g_autofree char *folded = g_utf8_casefold (query, -1);

      return title != NULL && strstr (title, folded) != NULL;
    }

  return TRUE;
}

static void
on_filter_changed (HshDocumentSidebar *self)
{
  gtk_list_box_invalidate_filter (self->list_box);
}

static void
on_row_activated (HshDocumentSidebar *self,
                  GtkListBoxRow      *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "hsh-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-document", "x", *id);
}

void
hsh_document_sidebar_set_documents (HshDocumentSidebar *self,
                                    GPtrArray          *documents)
{
  g_autoptr(GPtrArray) owned = documents;
  GtkWidget *child;

  g_return_if_fail (HSH_IS_DOCUMENT_SIDEBAR (self));

  g_hash_table_remove_all (self->rows);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; owned != NULL && i < owned->len; i++)
    {
      const HshDocument *document = g_ptr_array_index (owned, i);
      GtkWidget *row = create_row (document);
      gint64 *key = g_new (gint64, 1);

      *key = document->id;
      gtk_list_box_append (self->list_box, row);
      g_hash_table_insert (self->rows, key, row);
    }
}

void
hsh_document_sidebar_update_document (HshDocumentSidebar *self,
                                      const HshDocument  *document)
{
  GtkListBoxRow *row;

  g_return_if_fail (HSH_IS_DOCUMENT_SIDEBAR (self));

  row = g_hash_table_lookup (self->rows, &document->id);
  if (row == NULL)
    return;

  fill_row (row, document);
  gtk_list_box_row_changed (row);
}

void
hsh_document_sidebar_select (HshDocumentSidebar *self,
                             gint64              document_id)
{
  GtkListBoxRow *row = g_hash_table_lookup (self->rows, &document_id);

  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
  else
    gtk_list_box_unselect_all (self->list_box);
}

guint
hsh_document_sidebar_get_n_visible (HshDocumentSidebar *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && filter_row (GTK_LIST_BOX_ROW (child), self))
      n++;

  return n;
}

static void
hsh_document_sidebar_dispose (GObject *object)
{
  GtkWidget *child;
  HshDocumentSidebar *self = HSH_DOCUMENT_SIDEBAR (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), HSH_TYPE_DOCUMENT_SIDEBAR);
  /* The template's root has no id, so it is not among the children cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (hsh_document_sidebar_parent_class)->dispose (object);
}

static void
hsh_document_sidebar_class_init (HshDocumentSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hsh_document_sidebar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hashiya/Hashiya/hsh-document-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, HshDocumentSidebar, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, HshDocumentSidebar, status_filter);
  gtk_widget_class_bind_template_child (widget_class, HshDocumentSidebar, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentsidebar");
}

static void
hsh_document_sidebar_init (HshDocumentSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_list_box_set_filter_func (self->list_box, filter_row, self, NULL);
}
