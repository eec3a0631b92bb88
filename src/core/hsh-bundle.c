/* hsh-bundle.c: building and validating a document bundle. */
#include "hsh-bundle.h"
#include "hsh-text.h"

static void
span_free (HshSpan *span)
{
  g_free (span->key);
  g_free (span->uuid);
  g_free (span->label);
  g_array_unref (span->ranges);
  g_free (span->text);
  g_hash_table_unref (span->attributes);
  g_free (span->actor);
  g_free (span->actor_wikidata);
  g_free (span->note);
  g_free (span->annotator);
  g_free (span->annotator_uuid);
  g_free (span);
}

static void
role_free (HshRoleRef *role)
{
  g_free (role->source);
  g_free (role->role);
  g_free (role->target);
  g_free (role);
}

HshBundle *
hsh_bundle_new (const char *title, const char *text)
{
  HshBundle *bundle = g_new0 (HshBundle, 1);
  bundle->title = g_strdup (title);
  bundle->text = g_strdup (text);
  bundle->metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  bundle->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) span_free);
  bundle->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) role_free);
  return bundle;
}

void
hsh_bundle_free (HshBundle *bundle)
{
  if (bundle == NULL)
    return;
  g_free (bundle->uuid);
  g_free (bundle->title);
  g_free (bundle->source);
  g_free (bundle->language);
  g_free (bundle->text);
  g_hash_table_unref (bundle->metadata);
  g_ptr_array_unref (bundle->spans);
  g_ptr_array_unref (bundle->roles);
  hsh_offset_index_free (bundle->text_index);
  g_free (bundle->sha256);
  g_free (bundle);
}

HshSpan *
hsh_bundle_add_span (HshBundle *bundle, const char *key, const char *label, gint64 start, gint64 end)
{
  HshSpan *span = g_new0 (HshSpan, 1);

  span->key = g_strdup (key);
  span->label = g_strdup (label);
  span->ranges = g_array_new (FALSE, FALSE, sizeof (HshRange));
  span->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  hsh_span_add_range (span, start, end);
  if (bundle->text_index == NULL)
    bundle->text_index = hsh_offset_index_new (bundle->text);
  span->text = hsh_offset_index_slice (bundle->text_index, start, end);
  g_ptr_array_add (bundle->spans, span);
  return span;
}

static int
compare_ranges (gconstpointer a, gconstpointer b)
{
  const HshRange *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start ? 1 : (x->end > y->end) - (x->end < y->end);
}

void
hsh_span_add_range (HshSpan *span, gint64 start, gint64 end)
{
  HshRange range = { start, end };
  g_array_append_val (span->ranges, range);
  g_array_sort (span->ranges, compare_ranges);
}

void
hsh_span_set_attribute (HshSpan *span, const char *name, const char *value)
{
  g_hash_table_insert (span->attributes, g_strdup (name), g_strdup (value));
}

HshRoleRef *
hsh_bundle_add_role (HshBundle *bundle, const char *source, const char *role, const char *target)
{
  HshRoleRef *ref = g_new0 (HshRoleRef, 1);
  ref->source = g_strdup (source);
  ref->role = g_strdup (role);
  ref->target = g_strdup (target);
  g_ptr_array_add (bundle->roles, ref);
  return ref;
}

HshSpan *
hsh_bundle_find_span (HshBundle *bundle, const char *key)
{
  for (guint i = 0; i < bundle->spans->len; i++)
    {
      HshSpan *span = g_ptr_array_index (bundle->spans, i);
      if (g_strcmp0 (span->key, key) == 0)
        return span;
    }
  return NULL;
}

char *
hsh_span_covered_text (const HshSpan *span, const char *text)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < span->ranges->len; i++)
    {
      HshRange *r = &g_array_index (span->ranges, HshRange, i);
      g_autofree char *part = hsh_text_slice (text, r->start, r->end);
      if (part == NULL)
        {
          g_string_free (joined, TRUE);
          return NULL;
        }
      if (i > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, part);
    }
  return g_string_free (joined, FALSE);
}

gboolean
hsh_bundle_validate (HshBundle *bundle, const char *where, GError **error)
{
  HshOffsetIndex *index;
  g_autoptr(GHashTable) keys = NULL;
  gint64 length;

  /* A plain document has nothing to check; imports of thousands of them skip the scan. */
  if (bundle->spans->len == 0 && bundle->roles->len == 0)
    return TRUE;
  if (bundle->text_index == NULL)
    bundle->text_index = hsh_offset_index_new (bundle->text);
  index = bundle->text_index;
  keys = g_hash_table_new (g_str_hash, g_str_equal);
  length = hsh_offset_index_length (index);

  for (guint i = 0; i < bundle->spans->len; i++)
    {
      HshSpan *span = g_ptr_array_index (bundle->spans, i);
      g_autoptr(GString) covered = g_string_new (NULL);

      if (span->key == NULL || !g_hash_table_add (keys, span->key))
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                       "%s: annotation “%s” appears twice", where, span->key ? span->key : "(no id)");
          return FALSE;
        }
      if (span->label == NULL || *span->label == '\0')
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                       "%s: annotation %s has no label", where, span->key);
          return FALSE;
        }
      if (span->ranges->len == 0)
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                       "%s: annotation %s covers no text", where, span->key);
          return FALSE;
        }
      for (guint r = 0; r < span->ranges->len; r++)
        {
          HshRange *range = &g_array_index (span->ranges, HshRange, r);
          if (range->start < 0 || range->end <= range->start || range->end > length)
            {
              g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                           "%s: annotation %s: offsets %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT
                           " are outside the %" G_GINT64_FORMAT "-character text",
                           where, span->key, range->start, range->end, length);
              return FALSE;
            }
          g_autofree char *part = hsh_offset_index_slice (index, range->start, range->end);
          if (r > 0)
            g_string_append_c (covered, ' ');
          g_string_append (covered, part);
        }
      if (span->text == NULL)
        span->text = g_strdup (covered->str);
      else if (g_strcmp0 (span->text, covered->str) != 0)
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                       "%s: annotation %s at offset %" G_GINT64_FORMAT " says it covers “%s” but the "
                       "text there is “%s”", where, span->key,
                       g_array_index (span->ranges, HshRange, 0).start, span->text, covered->str);
          return FALSE;
        }
    }
  for (guint i = 0; i < bundle->roles->len; i++)
    {
      HshRoleRef *role = g_ptr_array_index (bundle->roles, i);
      const char *missing = !g_hash_table_contains (keys, role->source) ? role->source
                          : !g_hash_table_contains (keys, role->target) ? role->target : NULL;
      if (missing != NULL)
        {
          g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                       "%s: role “%s” refers to annotation %s, which does not exist",
                       where, role->role, missing);
          return FALSE;
        }
    }
  return TRUE;
}

static HshSpan *
copy_span (const HshSpan *from)
{
  HshSpan *span = g_new0 (HshSpan, 1);
  GHashTableIter iter;
  gpointer name, value;

  span->key = g_strdup (from->key);
  span->uuid = g_strdup (from->uuid);
  span->label = g_strdup (from->label);
  span->ranges = g_array_copy (from->ranges);
  span->text = g_strdup (from->text);
  span->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, from->attributes);
  while (g_hash_table_iter_next (&iter, &name, &value))
    hsh_span_set_attribute (span, name, value);
  span->actor = g_strdup (from->actor);
  span->actor_wikidata = g_strdup (from->actor_wikidata);
  span->note = g_strdup (from->note);
  span->annotator = g_strdup (from->annotator);
  span->annotator_uuid = g_strdup (from->annotator_uuid);
  span->gold = from->gold;
  return span;
}

HshBundle *
hsh_bundle_copy (const HshBundle *from)
{
  HshBundle *bundle = hsh_bundle_new (from->title, from->text);

  bundle->uuid = g_strdup (from->uuid);
  bundle->source = g_strdup (from->source);
  bundle->language = g_strdup (from->language);
  bundle->direction = from->direction;
  bundle->sha256 = g_strdup (from->sha256);
  for (guint i = 0; i < from->spans->len; i++)
    g_ptr_array_add (bundle->spans, copy_span (g_ptr_array_index (from->spans, i)));
  for (guint i = 0; i < from->roles->len; i++)
    {
      const HshRoleRef *role = g_ptr_array_index (from->roles, i);
      hsh_bundle_add_role (bundle, role->source, role->role, role->target);
    }
  return bundle;
}
