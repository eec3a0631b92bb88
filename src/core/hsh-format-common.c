/* hsh-format-common.c: what the brat, CoNLL and WebAnno formats share: files, tokens, sentences. */
#include "hsh-format-common.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

gboolean
hsh_format_load_file (const char *path, char **data, gsize *length, GError **error)
{
  g_autoptr(GError) local = NULL;

  if (g_file_get_contents (path, data, length, &local))
    return TRUE;
  g_set_error (error, HSH_ERROR,
               g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT) ? HSH_ERROR_NOT_FOUND : HSH_ERROR_IO,
               "%s", local->message);
  return FALSE;
}

gboolean
hsh_format_save_file (const char *path, const GString *contents, GError **error)
{
  g_autoptr(GError) local = NULL;

  if (g_file_set_contents (path, contents->str, (gssize) contents->len, &local))
    return TRUE;
  g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "%s", local->message);
  return FALSE;
}

gboolean
hsh_format_make_folder (const char *path, GError **error)
{
  int saved;

  if (g_mkdir_with_parents (path, 0777) == 0)
    return TRUE;
  saved = errno;
  g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "Cannot create the folder %s: %s", path, g_strerror (saved));
  return FALSE;
}

gsize
hsh_format_line_byte (const char *data, gsize length, guint line)
{
  guint current = 1;
  gsize i = 0;

  while (i < length && current < line)
    {
      if (data[i] == '\r' && i + 1 < length && data[i + 1] == '\n')
        i++;
      if (data[i] == '\n' || data[i] == '\r')
        current++;
      i++;
    }
  return i;
}

/* Characters that would make a file name unsafe on some file system, or hide the file. */
static gboolean
unsafe_in_file_name (gunichar c)
{
  return c < 0x20 || c == 0x7F || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL);
}

char *
hsh_format_file_stem (const HshBundle *bundle, guint index, GHashTable *used)
{
  g_autoptr(GString) stem = g_string_new (NULL);
  char *unique;

  for (const char *p = bundle->title; p != NULL && *p != '\0' && stem->len < 120; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (stem, unsafe_in_file_name (c) || (stem->len == 0 && c == '.') ? '_' : c);
    }
  if (stem->len == 0)
    g_string_printf (stem, "document-%u", index + 1);
  unique = g_strdup (stem->str);
  for (guint n = 2; g_hash_table_contains (used, unique); n++)
    {
      g_free (unique);
      unique = g_strdup_printf ("%s-%u", stem->str, n);
    }
  g_hash_table_add (used, g_strdup (unique));
  return unique;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
hsh_format_list_folder (const char *path, const char *suffix, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &local);
  GPtrArray *names;
  const char *name;

  if (dir == NULL)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_IO, "%s", local->message);
      return NULL;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix) && name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

gunichar *
hsh_format_code_points (const char *text, gint64 *length)
{
  glong n = 0;
  gunichar *chars = g_utf8_to_ucs4_fast (text, -1, &n);

  *length = n;
  return chars;
}

char *
hsh_format_chars_to_utf8 (const gunichar *chars, gint64 start, gint64 end)
{
  return g_ucs4_to_utf8 (chars + start, (glong) (end - start), NULL, NULL, NULL);
}

static gboolean
is_direction_mark (gunichar c)
{
  return c == 0x200E || c == 0x200F || c == 0x061C ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || is_direction_mark (c);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Punctuation that may sit inside a word: "12.5", "U.N", "al-Quds", "l'état". */
static gboolean
joins_words (gunichar c)
{
  return c == 0x2019 || (c < 0x80 && strchr (".,-'/:_@&", (int) c) != NULL);
}

static gboolean
stands_alone (const gunichar *chars, gint64 length, gint64 i)
{
  gunichar c = chars[i];

  if (!g_unichar_ispunct (c))
    return FALSE;
  if (!joins_words (c))
    return TRUE;
  return !(i > 0 && i + 1 < length && is_word_char (chars[i - 1]) && is_word_char (chars[i + 1]));
}

GArray *
hsh_format_tokenize (const gunichar *chars, gint64 length, const guint8 *cuts)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (HshRange));
  gint64 i = 0;

  while (i < length)
    {
      HshRange token = { i, i + 1 };

      if (is_separator (chars[i]))
        {
          i++;
          continue;
        }
      if (!stands_alone (chars, length, i))
        while (token.end < length && !is_separator (chars[token.end]) &&
               !stands_alone (chars, length, token.end) && (cuts == NULL || !cuts[token.end]))
          token.end++;
      g_array_append_val (tokens, token);
      i = token.end;
    }
  return tokens;
}

static gboolean
is_sentence_final (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026 || c == 0x06D4;
}

static gboolean
sentence_break (const gunichar *chars, const HshRange *before, const HshRange *after, const guint8 *bridged)
{
  gboolean line_break = FALSE;
  gboolean joined = bridged != NULL;

  for (gint64 p = before->end; p <= after->start; p++)
    {
      if (p < after->start && (chars[p] == '\n' || chars[p] == 0x2029))
        line_break = TRUE;
      if (bridged != NULL && !bridged[p])
        joined = FALSE;
    }
  if (joined)
    return FALSE;
  return line_break || (before->end - before->start == 1 && is_sentence_final (chars[before->start]));
}

GArray *
hsh_format_sentence_starts (const gunichar *chars, GArray *tokens, const guint8 *bridged)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint first = 0;

  if (tokens->len == 0)
    return starts;
  g_array_append_val (starts, first);
  for (guint k = 1; k < tokens->len; k++)
    if (sentence_break (chars, &g_array_index (tokens, HshRange, k - 1),
                        &g_array_index (tokens, HshRange, k), bridged))
      g_array_append_val (starts, k);
  return starts;
}

void
hsh_format_bridge (guint8 *bridged, gint64 start, gint64 end)
{
  for (gint64 p = start + 1; p < end; p++)
    bridged[p] = 1;
}
