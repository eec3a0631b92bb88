/* hsh-codebook-palette.c: the codebook's labels with their colours and keys; clicking one tags
 * the selection (win.tag), the same action the label's key triggers in the reader. */
#include "config.h"

#include <glib/gi18n.h>

#include "hsh-app-util.h"
#include "hsh-codebook-palette.h"

struct _HshCodebookPalette
{
  GtkWidget   parent_instance;

  GtkFlowBox *flow_box;
};

G_DEFINE_FINAL_TYPE (HshCodebookPalette, hsh_codebook_palette, GTK_TYPE_WIDGET)

static GtkWidget *
create_label_button (const HshLabel *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (label->name);
  g_autofree char *key_name = hsh_label_key_name (label);
  g_autofree char *tooltip = NULL;

  gtk_box_append (GTK_BOX (box), hsh_color_swatch_new (label->color));
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), name);

  if (key_name != NULL)
    {
      GtkWidget *key = gtk_label_new (key_name);

      gtk_widget_add_css_class (key, "palette-key");
      gtk_widget_add_css_class (key, "dim-label");
      gtk_box_append (GTK_BOX (box), key);
      /* Translators: tooltip of a label in the palette: its path, then its key. */
      tooltip = g_strdup_printf (_("Tag the selection as %s (%s)"), label->path, key_name);
    }
  else
    tooltip = g_strdup_printf (_("Tag the selection as %s"), label->path);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "palette-label");
  if (label->depth > 0)
    gtk_widget_add_css_class (button, "palette-child");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.tag");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", label->id);

  return button;
}

void
hsh_codebook_palette_set_codebook (HshCodebookPalette *self,
                                   HshCodebook        *codebook)
{
  GtkWidget *child;

  g_return_if_fail (HSH_IS_CODEBOOK_PALETTE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);

  for (guint i = 0; codebook != NULL && i < codebook->labels->len; i++)
    gtk_flow_box_append (self->flow_box, create_label_button (g_ptr_array_index (codebook->labels, i)));
}

static void
hsh_codebook_palette_dispose (GObject *object)
{
  GtkWidget *child;
  gtk_widget_dispose_template (GTK_WIDGET (object), HSH_TYPE_CODEBOOK_PALETTE);
  /* The template's root has no id, so it is not among the children cleared above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (hsh_codebook_palette_parent_class)->dispose (object);
}

static void
hsh_codebook_palette_class_init (HshCodebookPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hsh_codebook_palette_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hashiya/Hashiya/hsh-codebook-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, HshCodebookPalette, flow_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "codebookpalette");
}

static void
hsh_codebook_palette_init (HshCodebookPalette *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
