/* hsh-inspector-fields.c: the inspector's attribute and role rows. Each label's rows are made once
 * and kept, hidden while another label is on show, so that selecting an annotation — as every
 * key press that tags does — only fills in values; a role's candidates are listed when its
 * chooser opens, not each time the row is shown. */
#include "config.h"

#include <glib/gi18n.h>

#include "hsh-inspector-private.h"

typedef struct {
  GPtrArray *attribute_rows;   /* GtkWidget, in attributes_group */
  GPtrArray *role_rows;        /* AdwActionRow, in roles_group */
} RowSet;

/* The rows belong to their groups; a set only lists them. */
static void
row_set_free (RowSet *set)
{
  g_ptr_array_unref (set->attribute_rows);
  g_ptr_array_unref (set->role_rows);
  g_free (set);
}

/* Attributes -------------------------------------------------------------------------------- */

static void
set_attribute (HshInspector *self,
               gint64        attribute_id,
               const char   *value)
{
  _hsh_inspector_activate (self, "win.set-attribute",
                           g_variant_new ("(xxs)", self->annotation_id, attribute_id, value != NULL ? value : ""));
}

static void
on_attribute_entry_applied (AdwEntryRow  *row,
                            HshInspector *self)
{
  set_attribute (self, _hsh_inspector_row_id (row, "hsh-attribute"), gtk_editable_get_text (GTK_EDITABLE (row)));
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
  set_attribute (self, _hsh_inspector_row_id (row, "hsh-attribute"),
                 selected == 0 ? "" : gtk_string_object_get_string (item));
}

static GtkWidget *
create_choice_row (HshInspector          *self,
                   const HshAttributeDef *definition)
{
  g_autoptr(GtkStringList) choices = _hsh_inspector_string_list_with_none ();
  GtkWidget *row = adw_combo_row_new ();

  if (definition->type == HSH_ATTRIBUTE_CHOICE)
    {
      for (guint i = 0; definition->choices != NULL && definition->choices[i] != NULL; i++)
        gtk_string_list_append (choices, definition->choices[i]);
    }
  else
    {
      /* The actor registry as the inspector last read it: a change there makes new rows. */
      for (guint i = 0; i < self->actor_names->len; i++)
        gtk_string_list_append (choices, g_ptr_array_index (self->actor_names, i));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), definition->name);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_attribute_choice_selected), self);
  return row;
}

static GtkWidget *
create_entry_row (HshInspector          *self,
                  const HshAttributeDef *definition)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), definition->name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  if (definition->type == HSH_ATTRIBUTE_NUMBER)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
  if (definition->type == HSH_ATTRIBUTE_DATE)
    {
      /* Translators: title of a date attribute row; the format is what the store accepts. */
      g_autofree char *title = g_strdup_printf (_("%s (YYYY-MM-DD)"), definition->name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }
  g_signal_connect (row, "apply", G_CALLBACK (on_attribute_entry_applied), self);
  return row;
}

static GtkWidget *
create_attribute_row (HshInspector          *self,
                      const HshAttributeDef *definition)
{
  GtkWidget *row;

  if (definition->type == HSH_ATTRIBUTE_CHOICE || definition->type == HSH_ATTRIBUTE_ACTOR)
    row = create_choice_row (self, definition);
  else
    row = create_entry_row (self, definition);

  _hsh_inspector_set_row_id (row, "hsh-attribute", definition->id);
  return row;
}

static void
fill_attribute_row (GtkWidget  *row,
                    const char *value)
{
  if (ADW_IS_COMBO_ROW (row))
    {
      GListModel *choices = adw_combo_row_get_model (ADW_COMBO_ROW (row));
      guint selected = 0;

      for (guint i = 1; value != NULL && i < g_list_model_get_n_items (choices); i++)
        if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), value) == 0)
          selected = i;
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
}

/* Roles ------------------------------------------------------------------------------------- */

static char *
describe_candidate (const HshAnnotation *candidate)
{
  /* Translators: a candidate for a role: the mention's text and where it starts. */
  return g_strdup_printf (_("%s · %lu"), candidate->text, (gulong) hsh_annotation_start (candidate));
}

static void
on_pick_clicked (GtkButton    *button,
                 HshInspector *self)
{
  _hsh_inspector_activate (self, "win.pick-role",
                           g_variant_new ("(xx)", self->annotation_id, _hsh_inspector_row_id (button, "hsh-role")));
}

static void
on_candidate_chosen (GtkListView  *list_view,
                     guint         position,
                     HshInspector *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list_view), GTK_TYPE_POPOVER);
  GArray *candidates = g_object_get_data (G_OBJECT (list_view), "hsh-candidates");
  gint64 role_id = _hsh_inspector_row_id (list_view, "hsh-role");
  gint64 target = 0;

  if (position > 0 && position - 1 < candidates->len)
    target = g_array_index (candidates, gint64, position - 1);

  gtk_popover_popdown (GTK_POPOVER (popover));
  _hsh_inspector_activate (self, "win.set-role", g_variant_new ("(xxx)", self->annotation_id, role_id, target));
}

static void
setup_candidate (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_candidate (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (item));
}

/* Every annotation of the document that can fill the role, listed only now that the coder
 * opens the chooser: on 20,000 annotations that is a few milliseconds, once, instead of on
 * every selection. The list view makes rows for what is on screen only. */
static void
build_role_chooser (GtkMenuButton *button,
                    gpointer       user_data)
{
  HshInspector *self = user_data;
  gint64 role_id = _hsh_inspector_row_id (button, "hsh-role");
  const HshRoleDef *role = hsh_codebook_role (self->codebook, role_id);
  GtkStringList *choices = _hsh_inspector_string_list_with_none ();
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection;
  GtkWidget *popover, *scroller, *list_view;
  guint n = self->index != NULL ? hsh_annotation_index_get_n_items (self->index) : 0;

  for (guint i = 0; role != NULL && i < n; i++)
    {
      const HshAnnotation *candidate = hsh_annotation_index_get_item (self->index, i);
      g_autofree char *description = NULL;

      if (candidate->id == self->annotation_id ||
          !hsh_codebook_label_is_a (self->codebook, candidate->label_id, role->target_label_id))
        continue;

      description = describe_candidate (candidate);
      gtk_string_list_append (choices, description);
      g_array_append_val (candidates, candidate->id);
    }

  g_signal_connect (factory, "setup", G_CALLBACK (setup_candidate), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_candidate), NULL);
  selection = gtk_single_selection_new (G_LIST_MODEL (choices));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list_view), TRUE);
  gtk_widget_add_css_class (list_view, "navigation-sidebar");
  g_object_set_data_full (G_OBJECT (list_view), "hsh-candidates", candidates, (GDestroyNotify) g_array_unref);
  _hsh_inspector_set_row_id (list_view, "hsh-role", role_id);
  g_signal_connect (list_view, "activate", G_CALLBACK (on_candidate_chosen), self);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  /* Wide enough for a mention and its offset; the labels ellipsize, so they ask for nothing. */
  gtk_widget_set_size_request (scroller, 300, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list_view);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  gtk_menu_button_set_popover (button, popover);
}

static GtkWidget *
create_role_row (HshInspector     *self,
                 const HshRoleDef *role)
{
  const HshLabel *target_label = hsh_codebook_label (self->codebook, role->target_label_id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *chooser = gtk_menu_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *value = gtk_label_new ("—");
  GtkWidget *pick = gtk_button_new_from_icon_name ("find-location-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), role->name);
  if (target_label != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), target_label->path);
  _hsh_inspector_set_row_id (row, "hsh-role", role->id);

  /* Shows who fills the role; its list is made when it opens (build_role_chooser). */
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (value), 22);
  gtk_box_append (GTK_BOX (content), value);
  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("pan-down-symbolic"));
  gtk_menu_button_set_child (GTK_MENU_BUTTON (chooser), content);
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (chooser), FALSE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (chooser), build_role_chooser, self, NULL);
  gtk_widget_set_valign (chooser, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (chooser, _("Choose the Annotation"));
  _hsh_inspector_set_row_id (chooser, "hsh-role", role->id);
  g_object_set_data (G_OBJECT (row), "hsh-value", value);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chooser);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), chooser);

  gtk_widget_set_valign (pick, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pick, "flat");
  gtk_widget_set_tooltip_text (pick, _("Pick in the Text"));
  _hsh_inspector_set_row_id (pick, "hsh-role", role->id);
  g_signal_connect (pick, "clicked", G_CALLBACK (on_pick_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pick);

  return row;
}

static void
fill_role_row (HshInspector        *self,
               GtkWidget           *row,
               const HshAnnotation *annotation,
               GPtrArray           *links)
{
  GtkLabel *value = g_object_get_data (G_OBJECT (row), "hsh-value");
  gint64 role_id = _hsh_inspector_row_id (row, "hsh-role");
  const HshAnnotation *target = NULL;
  g_autofree char *description = NULL;

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const HshRoleLink *link = g_ptr_array_index (links, i);

      if (link->source_id == annotation->id && link->role_id == role_id && self->index != NULL)
        target = hsh_annotation_index_lookup (self->index, link->target_id, NULL);
    }

  if (target != NULL)
    description = describe_candidate (target);
  gtk_label_set_label (value, description != NULL ? description : "—");
}

/* Row sets ---------------------------------------------------------------------------------- */

static RowSet *
create_row_set (HshInspector *self,
                gint64        label_id)
{
  g_autoptr(GPtrArray) definitions = hsh_codebook_attributes_for (self->codebook, label_id);
  g_autoptr(GPtrArray) roles = hsh_codebook_roles_for (self->codebook, label_id);
  RowSet *set = g_new0 (RowSet, 1);

  set->attribute_rows = g_ptr_array_new ();
  set->role_rows = g_ptr_array_new ();

  for (guint i = 0; definitions != NULL && i < definitions->len; i++)
    {
      GtkWidget *row = create_attribute_row (self, g_ptr_array_index (definitions, i));

      gtk_widget_set_visible (row, FALSE);
      adw_preferences_group_add (self->attributes_group, row);
      g_ptr_array_add (set->attribute_rows, row);
    }

  for (guint i = 0; roles != NULL && i < roles->len; i++)
    {
      GtkWidget *row = create_role_row (self, g_ptr_array_index (roles, i));

      gtk_widget_set_visible (row, FALSE);
      adw_preferences_group_add (self->roles_group, row);
      g_ptr_array_add (set->role_rows, row);
    }

  return set;
}

static void
set_rows_visible (RowSet   *set,
                  gboolean  visible)
{
  for (guint i = 0; i < set->attribute_rows->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (set->attribute_rows, i), visible);
  for (guint i = 0; i < set->role_rows->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (set->role_rows, i), visible);
}

static void
fill_attributes (HshInspector        *self,
                 RowSet              *set,
                 const HshAnnotation *annotation)
{
  g_autoptr(GHashTable) values = NULL;

  if (set->attribute_rows->len == 0)
    return;

  values = hsh_store_get_attribute_values (self->store, annotation->id, NULL);
  for (guint i = 0; i < set->attribute_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (set->attribute_rows, i);
      gint64 attribute_id = _hsh_inspector_row_id (row, "hsh-attribute");

      fill_attribute_row (row, values != NULL ? g_hash_table_lookup (values, &attribute_id) : NULL);
    }
}

static void
fill_roles (HshInspector        *self,
            RowSet              *set,
            const HshAnnotation *annotation)
{
  g_autoptr(GPtrArray) links = NULL;

  if (set->role_rows->len == 0)
    return;

  links = hsh_store_list_role_links (self->store, annotation->document_id, NULL);
  for (guint i = 0; i < set->role_rows->len; i++)
    fill_role_row (self, g_ptr_array_index (set->role_rows, i), annotation, links);
}

void
_hsh_inspector_show_fields (HshInspector        *self,
                            const HshAnnotation *annotation)
{
  RowSet *set = g_hash_table_lookup (self->row_sets, &annotation->label_id);

  if (set == NULL)
    {
      gint64 *key = g_memdup2 (&annotation->label_id, sizeof annotation->label_id);

      set = create_row_set (self, annotation->label_id);
      g_hash_table_insert (self->row_sets, key, set);
    }

  if (self->shown_rows != set)
    {
      _hsh_inspector_hide_fields (self);
      set_rows_visible (set, TRUE);
      self->shown_rows = set;
    }

  fill_attributes (self, set, annotation);
  fill_roles (self, set, annotation);
  gtk_widget_set_visible (GTK_WIDGET (self->attributes_group), set->attribute_rows->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->roles_group), set->role_rows->len > 0);
}

void
_hsh_inspector_hide_fields (HshInspector *self)
{
  if (self->shown_rows != NULL)
    set_rows_visible (self->shown_rows, FALSE);
  self->shown_rows = NULL;
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
}

void
_hsh_inspector_forget_fields (HshInspector *self)
{
  GHashTableIter iter;
  gpointer value;

  self->shown_rows = NULL;
  g_hash_table_iter_init (&iter, self->row_sets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      RowSet *set = value;

      remove_rows (self->attributes_group, set->attribute_rows);
      remove_rows (self->roles_group, set->role_rows);
    }
  g_hash_table_remove_all (self->row_sets);
}

void
_hsh_inspector_init_fields (HshInspector *self)
{
  self->row_sets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) row_set_free);
}

void
_hsh_inspector_finalize_fields (HshInspector *self)
{
  g_clear_pointer (&self->row_sets, g_hash_table_unref);
}
