/* hsh-types.c: the error domain, enum names as stored in project files, and the clock. */
#include "hsh-types.h"

G_DEFINE_QUARK (hsh-error-quark, hsh_error)

static const char *const direction_names[] = { "auto", "rtl", "ltr" };
static const char *const attribute_type_names[] = { "text", "number", "date", "choice", "actor" };

const char *
hsh_direction_to_string (HshDirection direction)
{
  g_return_val_if_fail (direction <= HSH_DIRECTION_LTR, "auto");
  return direction_names[direction];
}

HshDirection
hsh_direction_from_string (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (direction_names); i++)
    if (g_strcmp0 (name, direction_names[i]) == 0)
      return (HshDirection) i;
  return HSH_DIRECTION_AUTO;
}

const char *
hsh_attribute_type_to_string (HshAttributeType type)
{
  g_return_val_if_fail (type <= HSH_ATTRIBUTE_ACTOR, "text");
  return attribute_type_names[type];
}

gboolean
hsh_attribute_type_from_string (const char *name, HshAttributeType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (attribute_type_names); i++)
    if (g_strcmp0 (name, attribute_type_names[i]) == 0)
      {
        *type = (HshAttributeType) i;
        return TRUE;
      }
  return FALSE;
}

gint64
hsh_now_ms (void)
{
  return g_get_real_time () / 1000;
}
