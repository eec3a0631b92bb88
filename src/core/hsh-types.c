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

char *
hsh_uuid_new (void)
{
  static GMutex lock;
  static gint64 last_ms;
  static guint32 sequence;
  guint8 bytes[16];
  gint64 ms = hsh_now_ms ();
  guint32 r1 = g_random_int (), r2 = g_random_int ();

  /* Within one millisecond a counter in the random bits keeps the order of creation. */
  g_mutex_lock (&lock);
  sequence = ms == last_ms ? sequence + 1 : (g_random_int () & 0x3ff);
  last_ms = ms;
  g_mutex_unlock (&lock);
  for (int i = 0; i < 6; i++)
    bytes[i] = (guint8) (ms >> (40 - 8 * i));
  bytes[6] = (guint8) (0x70 | ((sequence >> 8) & 0x0f));   /* version 7 */
  bytes[7] = (guint8) sequence;
  bytes[8] = (guint8) (0x80 | (r1 & 0x3f));                /* RFC variant */
  bytes[9] = (guint8) (r1 >> 8);
  bytes[10] = (guint8) (r1 >> 16);
  bytes[11] = (guint8) (r1 >> 24);
  for (int i = 0; i < 4; i++)
    bytes[12 + i] = (guint8) (r2 >> (8 * i));
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                          bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
}
