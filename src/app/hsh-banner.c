/* hsh-banner.c: a message across the top of the window with one button. */
#include "config.h"

#include "hsh-banner.h"

struct _HshBanner
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *title_label;
  GtkButton   *button;
};

G_DEFINE_FINAL_TYPE (HshBanner, hsh_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_BUTTON_LABEL,
  PROP_BUTTON_ACTION,
  PROP_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
hsh_banner_set_title (HshBanner  *self,
                      const char *title)
{
  g_return_if_fail (HSH_IS_BANNER (self));

  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
hsh_banner_get_title (HshBanner *self)
{
  g_return_val_if_fail (HSH_IS_BANNER (self), NULL);

  return gtk_label_get_text (self->title_label);
}

void
hsh_banner_set_revealed (HshBanner *self,
                         gboolean   revealed)
{
  g_return_if_fail (HSH_IS_BANNER (self));

  gtk_revealer_set_reveal_child (self->revealer, revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

gboolean
hsh_banner_get_revealed (HshBanner *self)
{
  g_return_val_if_fail (HSH_IS_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

static void
hsh_banner_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HshBanner *self = HSH_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, hsh_banner_get_title (self));
      break;
    case PROP_BUTTON_LABEL:
      g_value_set_string (value, gtk_button_get_label (self->button));
      break;
    case PROP_BUTTON_ACTION:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (self->button)));
      break;
    case PROP_REVEALED:
      g_value_set_boolean (value, hsh_banner_get_revealed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hsh_banner_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HshBanner *self = HSH_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      hsh_banner_set_title (self, g_value_get_string (value));
      break;
    case PROP_BUTTON_LABEL:
      gtk_button_set_label (self->button, g_value_get_string (value));
      break;
    case PROP_BUTTON_ACTION:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), g_value_get_string (value));
      break;
    case PROP_REVEALED:
      hsh_banner_set_revealed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hsh_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HSH_TYPE_BANNER);

  G_OBJECT_CLASS (hsh_banner_parent_class)->dispose (object);
}

static void
hsh_banner_class_init (HshBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hsh_banner_dispose;
  object_class->get_property = hsh_banner_get_property;
  object_class->set_property = hsh_banner_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUTTON_LABEL] = g_param_spec_string ("button-label", NULL, NULL, NULL,
                                                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUTTON_ACTION] = g_param_spec_string ("button-action", NULL, NULL, NULL,
                                                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEALED] = g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hashiya/Hashiya/hsh-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, HshBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, HshBanner, title_label);
  gtk_widget_class_bind_template_child (widget_class, HshBanner, button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
  gtk_widget_class_set_css_name (widget_class, "hshbanner");
}

static void
hsh_banner_init (HshBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
