/* hsh-inspector.c: the selected annotation in detail — text, label, attributes, roles, actor,
 * note and provenance. Edits go through win.* actions, so the window keeps the reader, the
 * list and the undo history in step. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hsh-app-util.h"
#include "hsh-identity.h"
#include "hsh-inspector.h"

struct _HshInspector
{
  GtkWidget            parent_instance;

  GtkStack            *stack;
  GtkLabel            *picking_label;
  GtkBox              *title_box;
  GtkLabel            *label_title;
  GtkLabel            *covered_label;
  GtkLabel            *invisible_label;
  GtkLabel            *ranges_label;
  AdwComboRow         *label_row;
  AdwComboRow         *actor_row;
  AdwPreferencesGroup *attributes_group;
  AdwPreferencesGroup *roles_group;
  GtkTextView         *note_view;
  AdwActionRow        *author_row;
  AdwActionRow        *created_row;
  AdwActionRow        *modified_row;

  GtkWidget           *swatch;
  HshStore            *store;
  HshCodebook         *codebook;
  GPtrArray           *dynamic_rows;   /* rows added to the attribute and role groups */
  GArray              *actor_ids;      /* gint64, parallel to actor_row's items */
  GHashTable          *authors;        /* annotation uuid → annotator name, of one document */
  gint64               authors_document;
  gint64               annotation_id;
  gint64               document_id;
  char                *note;           /* as stored, to tell whether it changed */
  char                *current_author;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (HshInspector, hsh_inspector, GTK_TYPE_WIDGET)

static void
activate (HshInspector *self,
          const char   *action,
          GVariant     *parameter)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (self), action, parameter);
}

static GtkStringList *
string_list_with_none (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, "—");
  return list;
}

static void
clear_dynamic_rows (HshInspector *self)
{
  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
}

static void
add_row (HshInspector        *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, row);
}

static gint64
row_id (gpointer    row,
        const char *key)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), key);

  return id != NULL ? *id : 0;
}

static void
set_row_id (gpointer    row,
            const char *key,
            gint64      id)
{
  g_object_set_data_full (G_OBJECT (row), key, g_memdup2 (&id, sizeof id), g_free);
}

/* Attributes -------------------------------------------------------------------------------- */

static void
set_attribute (HshInspector *self,
               gint64        attribute_id,
               const char   *value)
{
  activate (self, "win.set-attribute",
            g_variant_new ("(xxs)", self->annotation_id, attribute_id, value != NULL ? value : ""));
}

static void
on_attribute_entry_applied (AdwEntryRow  *row,
                            HshInspector *self)
{
  set_attribute (self, row_id (row, "hsh-attribute"), gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_attribute_choice_selected (AdwComboRow  *row,
                              GParamSpec   *pspec,
                              HshInspector *self)
{
  guint selected = adw_combo_row_get_selected (row);
  GListModel *model = adw_combo_row_get_model (row);
  g_autoptr(GtkStringObject) item = NULL;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  item = g_list_model_get_item (model, selected);
  set_attribute (self, row_id (row, "hsh-attribute"),
                 selected == 0 ? "" : gtk_string_object_get_string (item));
}

static GtkWidget *
create_choice_row (HshInspector  *self,
                   const char    *title,
                   GtkStringList *choices,
                   const char    *value)
{
  GtkWidget *row = adw_combo_row_new ();
  guint selected = 0;

  for (guint i = 1; value != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (choices)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (choices, i), value) == 0)
      selected = i;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

static GtkWidget *
create_attribute_row (HshInspector          *self,
                      const HshAttributeDef *definition,
                      const char            *value)
{
  GtkWidget *row;

  switch (definition->type)
    {
    case HSH_ATTRIBUTE_CHOICE:
    case HSH_ATTRIBUTE_ACTOR:
      {
        g_autoptr(GtkStringList) choices = string_list_with_none ();

        if (definition->type == HSH_ATTRIBUTE_CHOICE)
          {
            for (guint i = 0; definition->choices != NULL && definition->choices[i] != NULL; i++)
              gtk_string_list_append (choices, definition->choices[i]);
          }
        else
          {
            g_autoptr(GPtrArray) actors = hsh_store_list_actors (self->store, NULL);

            for (guint i = 0; actors != NULL && i < actors->len; i++)
              gtk_string_list_append (choices, ((HshActor *) g_ptr_array_index (actors, i))->name);
          }

        row = create_choice_row (self, definition->name, choices, value);
        g_signal_connect (row, "notify::selected", G_CALLBACK (on_attribute_choice_selected), self);
      }
      break;

    case HSH_ATTRIBUTE_NUMBER:
    case HSH_ATTRIBUTE_DATE:
    case HSH_ATTRIBUTE_TEXT:
    default:
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), definition->name);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
      if (definition->type == HSH_ATTRIBUTE_NUMBER)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
      if (definition->type == HSH_ATTRIBUTE_DATE)
        {
          /* Translators: title of a date attribute row; the format is what the store accepts. */
          g_autofree char *title = g_strdup_printf (_("%s (YYYY-MM-DD)"), definition->name);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        }
      g_signal_connect (row, "apply", G_CALLBACK (on_attribute_entry_applied), self);
      break;
    }

  set_row_id (row, "hsh-attribute", definition->id);
  return row;
}

static void
show_attributes (HshInspector        *self,
                 const HshAnnotation *annotation)
{
  g_autoptr(GPtrArray) definitions = hsh_codebook_attributes_for (self->codebook, annotation->label_id);
  g_autoptr(GHashTable) values = hsh_store_get_attribute_values (self->store, annotation->id, NULL);

  for (guint i = 0; definitions != NULL && i < definitions->len; i++)
    {
      const HshAttributeDef *definition = g_ptr_array_index (definitions, i);
      const char *value = values != NULL ? g_hash_table_lookup (values, &definition->id) : NULL;

      add_row (self, self->attributes_group, create_attribute_row (self, definition, value));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->attributes_group), definitions != NULL && definitions->len > 0);
}

/* Roles ------------------------------------------------------------------------------------- */

static void
on_role_selected (AdwComboRow  *row,
                  GParamSpec   *pspec,
                  HshInspector *self)
{
  GArray *candidates = g_object_get_data (G_OBJECT (row), "hsh-candidates");
  guint selected = adw_combo_row_get_selected (row);
  gint64 target = 0;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0 && selected - 1 < candidates->len)
    target = g_array_index (candidates, gint64, selected - 1);

  activate (self, "win.set-role",
            g_variant_new ("(xxx)", self->annotation_id, row_id (row, "hsh-role"), target));
}

static void
on_pick_clicked (GtkButton    *button,
                 HshInspector *self)
{
  activate (self, "win.pick-role",
            g_variant_new ("(xx)", self->annotation_id, row_id (button, "hsh-role")));
}

static char *
describe_candidate (const HshAnnotation *candidate)
{
  /* Translators: a candidate for a role: the mention's text and where it starts. */
  return g_strdup_printf (_("%s · %lu"), candidate->text, (gulong) hsh_annotation_start (candidate));
}

static GtkWidget *
create_role_row (HshInspector        *self,
                 HshAnnotationIndex  *index,
                 const HshAnnotation *annotation,
                 const HshRoleDef    *role,
                 GPtrArray           *links)
{
  g_autoptr(GtkStringList) choices = string_list_with_none ();
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *row = adw_combo_row_new ();
  GtkWidget *pick = gtk_button_new_from_icon_name ("find-location-symbolic");
  const HshLabel *target_label = hsh_codebook_label (self->codebook, role->target_label_id);
  gint64 linked = 0;
  guint selected = 0;

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const HshRoleLink *link = g_ptr_array_index (links, i);

      if (link->source_id == annotation->id && link->role_id == role->id)
        linked = link->target_id;
    }

  for (guint i = 0; index != NULL && i < hsh_annotation_index_get_n_items (index); i++)
    {
      const HshAnnotation *candidate = hsh_annotation_index_get_item (index, i);
      g_autofree char *description = NULL;

      if (candidate->id == annotation->id ||
          !hsh_codebook_label_is_a (self->codebook, candidate->label_id, role->target_label_id))
        continue;

      description = describe_candidate (candidate);
      gtk_string_list_append (choices, description);
      g_array_append_val (candidates, candidate->id);
      if (candidate->id == linked)
        selected = candidates->len;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), role->name);
  if (target_label != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), target_label->path);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "hsh-candidates", candidates, (GDestroyNotify) g_array_unref);
  set_row_id (row, "hsh-role", role->id);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_role_selected), self);

  gtk_widget_set_valign (pick, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pick, "flat");
  gtk_widget_set_tooltip_text (pick, _("Pick in the Text"));
  set_row_id (pick, "hsh-role", role->id);
  g_signal_connect (pick, "clicked", G_CALLBACK (on_pick_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pick);

  return row;
}

static void
show_roles (HshInspector        *self,
            HshAnnotationIndex  *index,
            const HshAnnotation *annotation)
{
  g_autoptr(GPtrArray) roles = hsh_codebook_roles_for (self->codebook, annotation->label_id);
  g_autoptr(GPtrArray) links = NULL;

  if (roles != NULL && roles->len > 0)
    links = hsh_store_list_role_links (self->store, annotation->document_id, NULL);

  for (guint i = 0; roles != NULL && i < roles->len; i++)
    add_row (self, self->roles_group,
             create_role_row (self, index, annotation, g_ptr_array_index (roles, i), links));

  gtk_widget_set_visible (GTK_WIDGET (self->roles_group), roles != NULL && roles->len > 0);
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
  activate (self, "win.relabel", g_variant_new ("(xx)", self->annotation_id, label->id));
}

static void
on_actor_selected (HshInspector *self)
{
  guint selected = adw_combo_row_get_selected (self->actor_row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION || selected >= self->actor_ids->len)
    return;

  activate (self, "win.set-actor",
            g_variant_new ("(xx)", self->annotation_id, g_array_index (self->actor_ids, gint64, selected)));
}

static void
on_new_actor_clicked (HshInspector *self)
{
  activate (self, "win.new-actor-from-mention", g_variant_new_int64 (self->annotation_id));
}

static void
show_actor (HshInspector        *self,
            const HshAnnotation *annotation)
{
  g_autoptr(GPtrArray) actors = hsh_store_list_actors (self->store, NULL);
  g_autoptr(GtkStringList) names = string_list_with_none ();
  const HshLabel *actor_label;
  gint64 none = 0;
  guint selected = 0;

  g_array_set_size (self->actor_ids, 0);
  g_array_append_val (self->actor_ids, none);
  for (guint i = 0; actors != NULL && i < actors->len; i++)
    {
      const HshActor *actor = g_ptr_array_index (actors, i);

      gtk_string_list_append (names, actor->name);
      g_array_append_val (self->actor_ids, actor->id);
      if (actor->id == annotation->actor_id)
        selected = self->actor_ids->len - 1;
    }

  adw_combo_row_set_model (self->actor_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->actor_row, selected);

  /* Only mentions link to the actor registry; a Claim has a speaker role instead. */
  actor_label = hsh_codebook_label_by_path (self->codebook, "Actor");
  gtk_widget_set_visible (GTK_WIDGET (self->actor_row),
                          actor_label == NULL || annotation->actor_id != 0 ||
                          hsh_codebook_label_is_a (self->codebook, annotation->label_id, actor_label->id));
}

static const char *
author_name (HshInspector        *self,
             const HshAnnotation *annotation)
{
  if (annotation->author_id == hsh_store_get_annotator_id (self->store))
    {
      g_autoptr(HshIdentity) identity = hsh_identity_load ();

      g_free (self->current_author);
      self->current_author = g_strdup (identity != NULL ? identity->name : NULL);
      if (self->current_author != NULL)
        return self->current_author;
    }

  /* The model names annotators only in exported bundles: read them once per document. */
  if (self->authors_document != annotation->document_id)
    {
      g_autoptr(HshBundle) bundle = hsh_store_export_bundle (self->store, annotation->document_id, NULL);

      g_hash_table_remove_all (self->authors);
      self->authors_document = annotation->document_id;
      for (guint i = 0; bundle != NULL && i < bundle->spans->len; i++)
        {
          const HshSpan *span = g_ptr_array_index (bundle->spans, i);

          if (span->uuid != NULL && span->annotator != NULL)
            g_hash_table_insert (self->authors, g_strdup (span->uuid), g_strdup (span->annotator));
        }
    }

  return g_hash_table_lookup (self->authors, annotation->uuid);
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
  const char *author = author_name (self, annotation);
  guint label_position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < self->codebook->labels->len; i++)
    if (((HshLabel *) g_ptr_array_index (self->codebook->labels, i))->id == annotation->label_id)
      label_position = i;
  adw_combo_row_set_selected (self->label_row, label_position);

  g_free (self->note);
  self->note = g_strdup (note != NULL ? note : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), self->note, -1);

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
  clear_dynamic_rows (self);

  if (annotation == NULL || self->store == NULL || self->codebook == NULL)
    {
      self->annotation_id = 0;
      gtk_stack_set_visible_child_name (self->stack, "empty");
      self->updating = FALSE;
      return;
    }

  self->annotation_id = annotation->id;
  self->document_id = annotation->document_id;
  show_header (self, annotation);
  show_details (self, annotation);
  show_actor (self, annotation);
  show_attributes (self, annotation);
  show_roles (self, index, annotation);
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
  activate (self, "win.set-note", g_variant_new ("(xs)", self->annotation_id, note));
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
  self->store = store;
  self->codebook = codebook;
  self->authors_document = 0;
  g_hash_table_remove_all (self->authors);

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
  g_clear_pointer (&self->dynamic_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (hsh_inspector_parent_class)->dispose (object);
}

static void
hsh_inspector_finalize (GObject *object)
{
  HshInspector *self = HSH_INSPECTOR (object);

  g_clear_pointer (&self->actor_ids, g_array_unref);
  g_clear_pointer (&self->authors, g_hash_table_unref);
  g_free (self->note);
  g_free (self->current_author);

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

  self->dynamic_rows = g_ptr_array_new ();
  self->actor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->authors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->swatch = hsh_color_swatch_new (NULL);
  gtk_box_prepend (self->title_box, self->swatch);

  /* The note is stored when the coder leaves it, not on every key: each store is an undo step. */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_note_focus_left), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), focus);
}
