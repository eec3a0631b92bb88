/* hsh-inspector.c: the selected annotation in detail — text, label, actor, note and provenance,
 * with its attributes and roles from hsh-inspector-fields.c. Edits go through win.* actions, so
 * the window keeps the reader, the list and the undo history in step. */
#include "config.h"

#include <glib/gi18n.h>

#include "hsh-app-util.h"
#include "hsh-inspector-private.h"

G_DEFINE_FINAL_TYPE (HshInspector, hsh_inspector, GTK_TYPE_WIDGET)

void
_hsh_inspector_activate (HshInspector *self,
                         const char   *action,
                         GVariant     *parameter)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (self), action, parameter);
}

GtkStringList *
_hsh_inspector_string_list_with_none (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, "—");
  return list;
}

gint64
_hsh_inspector_row_id (gpointer    row,
                       const char *key)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), key);

  return id != NULL ? *id : 0;
}

void
_hsh_inspector_set_row_id (gpointer    row,
                           const char *key,
                           gint64      id)
{
  g_object_set_data_full (G_OBJECT (row), key, g_memdup2 (&id, sizeof id), g_free);
}

/* Label, actor, note, provenance ------------------------------------------------------------ */

static void
on_label_selected (HshInspector *self)
{
  guint selected = adw_combo_row_get_selected (self->label_row);
  const HshLabel *label;

  if (self->updating || self->codebook == NULL || selected >= self->codebook->labels->len)
    return;

  label = g_ptr_array_index (self->codebook->labels, selected);
  _hsh_inspector_activate (self, "win.relabel", g_variant_new ("(xx)", self->annotation_id, label->id));
}

static void
on_actor_selected (HshInspector *self)
{
  guint selected = adw_combo_row_get_selected (self->actor_row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION || selected >= self->actor_ids->len)
    return;

  _hsh_inspector_activate (self, "win.set-actor",
                           g_variant_new ("(xx)", self->annotation_id, g_array_index (self->actor_ids, gint64, selected)));
}

static void
on_new_actor_clicked (HshInspector *self)
{
  _hsh_inspector_activate (self, "win.new-actor-from-mention", g_variant_new_int64 (self->annotation_id));
}

/* Whether the registry still lists exactly the actors the inspector shows. */
static gboolean
same_actors (HshInspector *self,
             GPtrArray    *actors)
{
  if (actors == NULL || actors->len + 1 != self->actor_ids->len)
    return FALSE;

  for (guint i = 0; i < actors->len; i++)
    {
      const HshActor *actor = g_ptr_array_index (actors, i);

      if (actor->id != g_array_index (self->actor_ids, gint64, i + 1) ||
          g_strcmp0 (actor->name, g_ptr_array_index (self->actor_names, i)) != 0)
        return FALSE;
    }
  return TRUE;
}

/* A new model for the actor chooser costs more than reading the registry: made only when the
 * registry changed, which also outdates the attribute rows that list actors. */
static void
update_actors (HshInspector *self)
{
  g_autoptr(GPtrArray) actors = hsh_store_list_actors (self->store, NULL);
  g_autoptr(GtkStringList) names = NULL;
  gint64 none = 0;

  if (same_actors (self, actors))
    return;

  names = _hsh_inspector_string_list_with_none ();
  g_array_set_size (self->actor_ids, 0);
  g_array_append_val (self->actor_ids, none);
  g_ptr_array_set_size (self->actor_names, 0);
  for (guint i = 0; actors != NULL && i < actors->len; i++)
    {
      const HshActor *actor = g_ptr_array_index (actors, i);

      gtk_string_list_append (names, actor->name);
      g_array_append_val (self->actor_ids, actor->id);
      g_ptr_array_add (self->actor_names, g_strdup (actor->name));
    }

  adw_combo_row_set_model (self->actor_row, G_LIST_MODEL (names));
  _hsh_inspector_forget_fields (self);
}

static void
show_actor (HshInspector        *self,
            const HshAnnotation *annotation)
{
  const HshLabel *actor_label;
  guint selected = 0;

  update_actors (self);
  for (guint i = 1; i < self->actor_ids->len; i++)
    if (g_array_index (self->actor_ids, gint64, i) == annotation->actor_id)
      selected = i;
  adw_combo_row_set_selected (self->actor_row, selected);

  /* Only mentions link to the actor registry; a Claim has a speaker role instead. */
  actor_label = hsh_codebook_label_by_path (self->codebook, "Actor");
  gtk_widget_set_visible (GTK_WIDGET (self->actor_row),
                          actor_label == NULL || annotation->actor_id != 0 ||
                          hsh_codebook_label_is_a (self->codebook, annotation->label_id, actor_label->id));
}

static void
show_header (HshInspector        *self,
             const HshAnnotation *annotation)
{
  const HshLabel *label = hsh_codebook_label (self->codebook, annotation->label_id);
  g_autofree char *shown = NULL;
  g_autoptr(GString) ranges = g_string_new (NULL);
  guint n_invisible = 0;

  hsh_color_swatch_set_color (self->swatch, label != NULL ? label->color : NULL);
  gtk_label_set_label (self->label_title, label != NULL ? label->path : _("Unknown label"));
  gtk_label_set_label (self->covered_label, annotation->text);

  shown = hsh_show_invisible_characters (annotation->text, &n_invisible);
  gtk_label_set_label (self->invisible_label, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->invisible_label), n_invisible > 0);

  for (guint i = 0; i < annotation->ranges->len; i++)
    {
      const HshRange *range = &g_array_index (annotation->ranges, HshRange, i);

      g_string_append_printf (ranges, "%s%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT,
                              i > 0 ? ", " : "", range->start, range->end);
    }
  /* Translators: the code-point ranges an annotation covers, e.g. "Characters 1109–1120". */
  g_string_prepend (ranges, annotation->ranges->len > 1 ? _("Fragments ") : _("Characters "));
  gtk_label_set_label (self->ranges_label, ranges->str);
}

static void
show_details (HshInspector        *self,
              const HshAnnotation *annotation)
{
  g_autofree char *note = hsh_store_get_annotation_note (self->store, annotation->id);
  g_autofree char *created = hsh_format_timestamp (annotation->created);
  g_autofree char *modified = hsh_format_timestamp (annotation->modified);
  /* The project names every annotator, this coder too (renaming oneself renames them there). */
  g_autofree char *author = annotation->author_id != 0
                            ? hsh_store_get_annotator_name (self->store, annotation->author_id) : NULL;
  guint label_position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < self->codebook->labels->len; i++)
    if (((HshLabel *) g_ptr_array_index (self->codebook->labels, i))->id == annotation->label_id)
      label_position = i;
  adw_combo_row_set_selected (self->label_row, label_position);

  /* The buffer holds the previous note, stored already (hsh_inspector_show flushes it): most
   * annotations have none, and an unchanged note is not laid out again. */
  if (g_strcmp0 (self->note, note != NULL ? note : "") != 0)
    {
      g_free (self->note);
      self->note = g_strdup (note != NULL ? note : "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), self->note, -1);
    }

  adw_action_row_set_subtitle (self->author_row, author != NULL ? author : _("Another annotator"));
  adw_action_row_set_subtitle (self->created_row, created);
  adw_action_row_set_subtitle (self->modified_row, modified);
}

void
hsh_inspector_show (HshInspector        *self,
                    HshAnnotationIndex  *index,
                    const HshAnnotation *annotation)
{
  g_return_if_fail (HSH_IS_INSPECTOR (self));

  if (annotation == NULL || self->annotation_id != annotation->id)
    hsh_inspector_flush_note (self);

  self->updating = TRUE;
  if (index != NULL)
    hsh_annotation_index_ref (index);
  g_clear_pointer (&self->index, hsh_annotation_index_unref);
  self->index = index;

  if (annotation == NULL || self->store == NULL || self->codebook == NULL)
    {
      self->annotation_id = 0;
      _hsh_inspector_hide_fields (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      self->updating = FALSE;
      return;
    }

  self->annotation_id = annotation->id;
  self->document_id = annotation->document_id;
  show_header (self, annotation);
  show_details (self, annotation);
  show_actor (self, annotation);
  _hsh_inspector_show_fields (self, annotation);
  gtk_stack_set_visible_child_name (self->stack, "annotation");
  self->updating = FALSE;
}

void
hsh_inspector_flush_note (HshInspector *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *note = NULL;

  if (self->annotation_id == 0 || self->updating)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (note, self->note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);
  _hsh_inspector_activate (self, "win.set-note", g_variant_new ("(xs)", self->annotation_id, note));
}

void
hsh_inspector_set_picking (HshInspector *self,
                           const char   *role_name)
{
  g_autofree char *message = NULL;

  g_return_if_fail (HSH_IS_INSPECTOR (self));

  if (role_name != NULL)
    {
      /* Translators: shown while the coder picks the annotation that fills a role. */
      message = g_strdup_printf (_("Click the annotation that is the %s, or press Escape"), role_name);
      gtk_label_set_label (self->picking_label, message);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->picking_label), role_name != NULL);
}

void
hsh_inspector_set_project (HshInspector *self,
                           HshStore     *store,
                           HshCodebook  *codebook)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_return_if_fail (HSH_IS_INSPECTOR (self));

  hsh_inspector_show (self, NULL, NULL);
  _hsh_inspector_forget_fields (self);
  g_array_set_size (self->actor_ids, 0);
  g_ptr_array_set_size (self->actor_names, 0);
  self->store = store;
  self->codebook = codebook;

  for (guint i = 0; codebook != NULL && i < codebook->labels->len; i++)
    gtk_string_list_append (labels, ((HshLabel *) g_ptr_array_index (codebook->labels, i))->path);

  self->updating = TRUE;
  adw_combo_row_set_model (self->label_row, G_LIST_MODEL (labels));
  self->updating = FALSE;
}

gint64
hsh_inspector_get_annotation_id (HshInspector *self)
{
  return self->annotation_id;
}

static void
on_note_focus_left (HshInspector *self)
{
  hsh_inspector_flush_note (self);
}

static void
hsh_inspector_dispose (GObject *object)
{
  GtkWidget *child;
  HshInspector *self = HSH_INSPECTOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HSH_TYPE_INSPECTOR);
  /* The template's root has no id, so it is not among the children cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  _hsh_inspector_finalize_fields (self);

  G_OBJECT_CLASS (hsh_inspector_parent_class)->dispose (object);
}

static void
hsh_inspector_finalize (GObject *object)
{
  HshInspector *self = HSH_INSPECTOR (object);

  g_clear_pointer (&self->actor_ids, g_array_unref);
  g_clear_pointer (&self->actor_names, g_ptr_array_unref);
  g_clear_pointer (&self->index, hsh_annotation_index_unref);
  g_free (self->note);

  G_OBJECT_CLASS (hsh_inspector_parent_class)->finalize (object);
}

static void
hsh_inspector_class_init (HshInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hsh_inspector_dispose;
  object_class->finalize = hsh_inspector_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hashiya/Hashiya/hsh-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, HshInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, HshInspector, picking_label);
  gtk_widget_class_bind_template_child (widget_class, HshInspector, title_box);
  gtk_widget_class_bind_template_child (widget_class, HshInspector, label_title);
  gtk_widget_class_bind_template_child (widget_class, HshInspector, covered_label);
  gtk_widget_class_bind_template_child (widget_class, HshInspector, invisible_label);
  gtk_widget_class_bind_template_child (widget_class, HshInspector, ranges_label);
  gtk_widget_class_bind_template_child (widget_class, HshInspector, label_row);
  gtk_widget_class_bind_template_child (widget_class, HshInspector, actor_row);
  gtk_widget_class_bind_template_child (widget_class, HshInspector, attributes_group);
  gtk_widget_class_bind_template_child (widget_class, HshInspector, roles_group);
  gtk_widget_class_bind_template_child (widget_class, HshInspector, note_view);
  gtk_widget_class_bind_template_child (widget_class, HshInspector, author_row);
  gtk_widget_class_bind_template_child (widget_class, HshInspector, created_row);
  gtk_widget_class_bind_template_child (widget_class, HshInspector, modified_row);
  gtk_widget_class_bind_template_callback (widget_class, on_label_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_actor_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_new_actor_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
hsh_inspector_init (HshInspector *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  _hsh_inspector_init_fields (self);
  self->actor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->actor_names = g_ptr_array_new_with_free_func (g_free);

  self->swatch = hsh_color_swatch_new (NULL);
  gtk_box_prepend (self->title_box, self->swatch);

  /* The note is stored when the coder leaves it, not on every key: each store is an undo step. */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_note_focus_left), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), focus);
}
