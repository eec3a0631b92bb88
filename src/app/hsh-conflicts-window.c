/* hsh-conflicts-window.c: each unresolved conflict as the version kept in the project (read
 * from the model) beside the version listed by the merge (its JSON), with Keep and Take. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "hsh-conflicts-window.h"
#include "hsh-merge.h"
#include "hsh-refusal-dialog.h"

struct _HshConflictsWindow
{
  AdwWindow   parent_instance;

  GtkStack   *stack;
  GtkBox     *list;

  HshWindow  *window;   /* weak */
  guint       n_shown;
};

G_DEFINE_FINAL_TYPE (HshConflictsWindow, hsh_conflicts_window, ADW_TYPE_WINDOW)

enum {
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static HshStore *
get_store (HshConflictsWindow *self)
{
  return self->window != NULL ? hsh_window_get_store (self->window) : NULL;
}

/* Describing versions ------------------------------------------------------------------------ */

static const char *
referenced_uuid (JsonObject *columns,
                 const char *column)
{
  JsonNode *node = json_object_get_member (columns, column);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_get_string_member_with_default (json_node_get_object (node), "uuid", NULL);
}

static const HshLabel *
label_by_uuid (HshCodebook *codebook,
               const char  *uuid)
{
  for (guint i = 0; codebook != NULL && uuid != NULL && i < codebook->labels->len; i++)
    if (g_strcmp0 (((HshLabel *) g_ptr_array_index (codebook->labels, i))->uuid, uuid) == 0)
      return g_ptr_array_index (codebook->labels, i);
  return NULL;
}

static char *
annotator_name_by_uuid (HshStore   *store,
                        const char *uuid)
{
  g_autoptr(GPtrArray) annotators = hsh_store_list_annotators (store, NULL);

  for (guint i = 0; annotators != NULL && uuid != NULL && i < annotators->len; i++)
    if (g_strcmp0 (((HshAnnotator *) g_ptr_array_index (annotators, i))->uuid, uuid) == 0)
      return g_strdup (((HshAnnotator *) g_ptr_array_index (annotators, i))->name);
  return g_strdup (_("someone unknown"));
}

static gint64
document_by_uuid (HshStore   *store,
                  const char *uuid)
{
  g_autoptr(GPtrArray) documents = hsh_store_list_documents (store, NULL);

  for (guint i = 0; documents != NULL && uuid != NULL && i < documents->len; i++)
    if (g_strcmp0 (((HshDocument *) g_ptr_array_index (documents, i))->uuid, uuid) == 0)
      return ((HshDocument *) g_ptr_array_index (documents, i))->id;
  return 0;
}

/* The annotation as it is in the project now; core has no lookup by UUID, so it is found
 * among its document's annotations. */
static HshAnnotation *
current_annotation (HshStore   *store,
                    const char *document_uuid,
                    const char *uuid)
{
  gint64 document_id = document_by_uuid (store, document_uuid);
  g_autoptr(GPtrArray) annotations = document_id != 0 ? hsh_store_list_annotations (store, document_id, NULL) : NULL;

  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    if (g_strcmp0 (((HshAnnotation *) g_ptr_array_index (annotations, i))->uuid, uuid) == 0)
      return g_ptr_array_steal_index (annotations, i);
  return NULL;
}

static void
append_ranges (GString *text,
               GArray  *ranges)
{
  for (guint i = 0; i < ranges->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                            g_array_index (ranges, HshRange, i).start, g_array_index (ranges, HshRange, i).end);
}

/* The label in bold, then the covered text: both come from colleagues' files, so escaped. */
static void
append_escaped (GString    *text,
                const char *label,
                const char *covered)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n«%s»\n", label, covered);

  g_string_append (text, markup);
}

static char *
describe_current_annotation (HshStore            *store,
                             HshCodebook         *codebook,
                             const HshAnnotation *annotation)
{
  const HshLabel *label;
  g_autofree char *author = NULL;
  GString *text;

  if (annotation == NULL)
    return g_strdup (_("Deleted in this project"));

  label = hsh_codebook_label (codebook, annotation->label_id);
  author = hsh_store_get_annotator_name (store, annotation->author_id);
  text = g_string_new (NULL);
  /* Translators: one version of a conflicting annotation: label, then covered text, offsets, author. */
  append_escaped (text, label != NULL ? label->path : "?", annotation->text);
  append_ranges (text, annotation->ranges);
  g_string_append_printf (text, _("\nby %s"), author != NULL ? author : "?");
  if (annotation->gold)
    g_string_append (text, _(" · gold"));
  return g_string_free (text, FALSE);
}

static char *
describe_listed_annotation (HshStore    *store,
                            HshCodebook *codebook,
                            JsonObject  *version)
{
  JsonObject *columns = json_object_get_object_member (version, "columns");
  JsonArray *ranges = json_object_has_member (version, "ranges") ? json_object_get_array_member (version, "ranges") : NULL;
  const HshLabel *label = label_by_uuid (codebook, referenced_uuid (columns, "label_id"));
  g_autofree char *author = annotator_name_by_uuid (store, json_object_get_string_member_with_default (version, "author", NULL));
  GString *text = g_string_new (NULL);

  if (json_object_get_int_member_with_default (columns, "deleted", 0) != 0)
    g_string_append_printf (text, "<b>%s</b>\n", _("Deleted"));
  append_escaped (text, label != NULL ? label->path : "?", json_object_get_string_member_with_default (columns, "text", ""));
  for (guint i = 0; ranges != NULL && i < json_array_get_length (ranges); i++)
    {
      JsonArray *range = json_array_get_array_element (ranges, i);

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                              json_array_get_int_element (range, 0), json_array_get_int_element (range, 1));
    }
  g_string_append_printf (text, _("\nby %s"), author);
  if (json_object_get_int_member_with_default (columns, "gold", 0) != 0)
    g_string_append (text, _(" · gold"));
  return g_string_free (text, FALSE);
}

/* Other tables (labels, attribute values, links…): their columns as they were listed. */
static char *
describe_listed_columns (JsonObject *version)
{
  JsonObject *columns = json_object_get_object_member (version, "columns");
  g_autoptr(GList) names = columns != NULL ? json_object_get_members (columns) : NULL;
  GString *text = g_string_new (NULL);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (columns, l->data);
      g_autofree char *value = JSON_NODE_HOLDS_VALUE (node) ? json_to_string (node, FALSE) : g_strdup ("…");

      g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "\n" : "", (char *) l->data, value);
    }
  return g_string_free (text, FALSE);
}

/* Cards -------------------------------------------------------------------------------------- */

static GtkWidget *
version_box (const char *heading,
             const char *markup)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (NULL);
  gtk_widget_add_css_class (box, "conflict-version");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_markup (GTK_LABEL (body), markup);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_add_css_class (body, "annotation-text");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  return box;
}

static GtkWidget *
decision_button (const char *label,
                 const char *action,
                 gint64      conflict_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", conflict_id);
  return button;
}

static char *
escape_all (const char *text)
{
  return g_markup_escape_text (text, -1);
}

static GtkWidget *
conflict_card (HshConflictsWindow *self,
               const HshConflict  *conflict)
{
  HshStore *store = get_store (self);
  HshCodebook *codebook = hsh_window_get_codebook (self->window);
  g_autoptr(JsonNode) root = json_from_string (conflict->version, NULL);
  JsonObject *version = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  g_autofree char *source = g_path_get_basename (conflict->source != NULL ? conflict->source : "?");
  g_autofree char *heading = NULL;
  g_autofree char *current = NULL;
  g_autofree char *listed = NULL;
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title, *versions, *buttons;

  if (version != NULL && g_str_equal (conflict->table, "annotation") && json_object_has_member (version, "columns"))
    {
      g_autoptr(HshAnnotation) annotation =
        current_annotation (store, referenced_uuid (json_object_get_object_member (version, "columns"), "document_id"),
                            conflict->row_uuid);

      current = describe_current_annotation (store, codebook, annotation);
      listed = describe_listed_annotation (store, codebook, version);
    }
  else
    {
      g_autofree char *columns = version != NULL ? describe_listed_columns (version) : g_strdup (conflict->version);

      current = g_strdup (_("As it is in this project"));
      listed = escape_all (columns);
    }

  /* Translators: a conflict's heading: the kind of row ("annotation") and the file it came from. */
  heading = g_strdup_printf (_("%s edited differently in %s"), conflict->table, source);
  title = gtk_label_new (heading);
  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);

  versions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (versions), TRUE);
  gtk_box_append (GTK_BOX (versions), version_box (_("Kept in this project"), current));
  gtk_box_append (GTK_BOX (versions), version_box (_("Listed from the merge"), listed));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), decision_button (_("_Keep Current"), "conflicts.keep", conflict->id));
  gtk_box_append (GTK_BOX (buttons), decision_button (_("_Take Listed"), "conflicts.take", conflict->id));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_start (versions, 12);
  gtk_widget_set_margin_end (versions, 12);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_widget_set_margin_bottom (buttons, 12);
  gtk_box_append (GTK_BOX (card), title);
  gtk_box_append (GTK_BOX (card), versions);
  gtk_box_append (GTK_BOX (card), buttons);
  return card;
}

static void
reload (HshConflictsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  GtkWidget *child;
  HshStore *store = get_store (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_box_remove (self->list, child);
  self->n_shown = 0;

  conflicts = store != NULL ? hsh_store_list_conflicts (store, &error) : NULL;
  if (error != NULL)
    g_warning ("Cannot list the conflicts: %s", error->message);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      gtk_box_append (self->list, conflict_card (self, g_ptr_array_index (conflicts, i)));
      self->n_shown++;
    }
  gtk_stack_set_visible_child_name (self->stack, self->n_shown > 0 ? "list" : "empty");
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HshConflictsWindow *self = HSH_CONFLICTS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  HshStore *store = get_store (self);

  if (store == NULL)
    return;
  if (!hsh_store_resolve_conflict (store, g_variant_get_int64 (parameter), g_str_equal (action_name, "conflicts.take"), &error))
    {
      hsh_show_refusal (GTK_WINDOW (self), _("Cannot Resolve the Conflict"), error);
      return;
    }

  g_signal_emit (self, signals[RESOLVED], 0);
  reload (self);
}

guint
hsh_conflicts_window_get_n_shown (HshConflictsWindow *self)
{
  g_return_val_if_fail (HSH_IS_CONFLICTS_WINDOW (self), 0);

  return self->n_shown;
}

static void
hsh_conflicts_window_dispose (GObject *object)
{
  HshConflictsWindow *self = HSH_CONFLICTS_WINDOW (object);

  g_clear_weak_pointer (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), HSH_TYPE_CONFLICTS_WINDOW);

  G_OBJECT_CLASS (hsh_conflicts_window_parent_class)->dispose (object);
}

static void
hsh_conflicts_window_class_init (HshConflictsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hsh_conflicts_window_dispose;

  /* A conflict was resolved: the row may have changed under the workbench. */
  signals[RESOLVED] = g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hashiya/Hashiya/hsh-conflicts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HshConflictsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HshConflictsWindow, list);

  gtk_widget_class_install_action (widget_class, "conflicts.keep", "x", resolve_action);
  gtk_widget_class_install_action (widget_class, "conflicts.take", "x", resolve_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hsh_conflicts_window_init (HshConflictsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HshConflictsWindow *
hsh_conflicts_window_new (HshWindow *window)
{
  HshConflictsWindow *self;

  g_return_val_if_fail (HSH_IS_WINDOW (window), NULL);

  self = g_object_new (HSH_TYPE_CONFLICTS_WINDOW, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  reload (self);
  return self;
}
