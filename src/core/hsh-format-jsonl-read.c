/* hsh-format-jsonl-read.c: reading Hashiya JSONL and doccano's JSONL exports into bundles, a
 * document at a time (hsh-jsonl-chunks.c reads the file), so that a corpus of any size is never
 * whole in memory. Each line is parsed by json-glib. */
#include "hsh-format-jsonl.h"
#include "hsh-jsonl-chunks.h"
#include "hsh-text.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static gboolean
invalid (GError **error, const char *where, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError **error, const char *where, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "%s: %s", where, message);
  return FALSE;
}

/* json-glib reports "<data>:LINE:COLUMN: Parse error: …" relative to the chunk; translate that
 * to the file's line and column so the user can find the place in an editor. */
static gboolean
malformed (GError **error, const char *path, const Chunk *chunk, const GError *parse_error)
{
  guint line = 1, column = 1;
  int consumed = 0;
  const char *detail = parse_error->message;

  if (sscanf (detail, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    detail += consumed;
  if (g_str_has_prefix (detail, "Parse error: "))
    detail += strlen ("Parse error: ");
  if (line == 1)
    column += chunk->column - 1;
  g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "%s: line %u, column %u: malformed JSON: %s",
               path, chunk->line + line - 1, column, detail);
  return FALSE;
}

static char *
scalar_to_string (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return json_to_string (node, FALSE);
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
      }
    }
}

/* An optional string member: absent and null give NULL, anything else but a string fails. */
static gboolean
get_string (JsonObject *object, const char *name, char **out, const char *where, GError **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, where, "“%s” must be a string", name);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
node_int (JsonNode *node, gint64 *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

/* doccano ids are numbers, Hashiya keys strings: both become the span's key. */
static char *
node_key (JsonNode *node)
{
  gint64 number;

  if (node_int (node, &number))
    return g_strdup_printf ("%" G_GINT64_FORMAT, number);
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return NULL;
}

static JsonArray *
get_array (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
get_object (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
check_member_type (JsonObject *object, const char *name, JsonNodeType type, const char *what,
                   const char *where, GError **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || JSON_NODE_TYPE (node) == type)
    return TRUE;
  return invalid (error, where, "“%s” must be %s", name, what);
}

static void
read_string_map (JsonObject *object, GHashTable *into)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    {
      char *text = scalar_to_string (value);
      if (text != NULL)
        g_hash_table_insert (into, g_strdup (name), text);
    }
}

/* Native spans ------------------------------------------------------------------------------ */

static gboolean
read_ranges (JsonArray *ranges, HshSpan *span, const char *where, GError **error)
{
  for (guint r = 0; r < json_array_get_length (ranges); r++)
    {
      JsonNode *node = json_array_get_element (ranges, r);
      JsonArray *pair = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      gint64 start, end;

      if (pair == NULL || json_array_get_length (pair) != 2 ||
          !node_int (json_array_get_element (pair, 0), &start) ||
          !node_int (json_array_get_element (pair, 1), &end))
        return invalid (error, where, "annotation %s: each range must be [start, end] in whole numbers",
                        span->key);
      hsh_span_add_range (span, start, end);
    }
  return TRUE;
}

static gboolean
read_pair (JsonObject *span_object, const char *name, const char *first_name, char **first,
           const char *second_name, char **second, const char *where, GError **error)
{
  JsonObject *pair;

  if (!check_member_type (span_object, name, JSON_NODE_OBJECT, "an object", where, error))
    return FALSE;
  if ((pair = get_object (span_object, name)) == NULL)
    return TRUE;
  return get_string (pair, first_name, first, where, error) &&
         get_string (pair, second_name, second, where, error);
}

static gboolean
read_native_span (JsonObject *object, HshBundle *bundle, const char *where, GError **error)
{
  g_autofree char *key = node_key (json_object_get_member (object, "id"));
  g_autofree char *label = NULL;
  JsonArray *ranges = get_array (object, "ranges");
  JsonObject *attributes = get_object (object, "attributes");
  JsonNode *gold = json_object_get_member (object, "gold");
  HshSpan *span;

  if (key == NULL)
    return invalid (error, where, "an annotation has no “id”");
  if (!get_string (object, "label", &label, where, error))
    return FALSE;
  if (ranges == NULL || json_array_get_length (ranges) == 0)
    return invalid (error, where, "annotation %s has no “ranges”", key);
  span = g_new0 (HshSpan, 1);
  g_ptr_array_add (bundle->spans, span);
  span->key = g_steal_pointer (&key);
  span->label = g_steal_pointer (&label);
  span->ranges = g_array_new (FALSE, FALSE, sizeof (HshRange));
  span->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (attributes != NULL)
    read_string_map (attributes, span->attributes);
  span->gold = gold != NULL && JSON_NODE_HOLDS_VALUE (gold) && json_node_get_boolean (gold);
  return read_ranges (ranges, span, where, error) &&
         get_string (object, "uuid", &span->uuid, where, error) &&
         get_string (object, "text", &span->text, where, error) &&
         get_string (object, "note", &span->note, where, error) &&
         read_pair (object, "actor", "name", &span->actor, "wikidata", &span->actor_wikidata, where, error) &&
         read_pair (object, "annotator", "name", &span->annotator, "uuid", &span->annotator_uuid, where, error);
}

static gboolean
read_native_roles (JsonArray *roles, HshBundle *bundle, const char *where, GError **error)
{
  for (guint i = 0; roles != NULL && i < json_array_get_length (roles); i++)
    {
      JsonNode *node = json_array_get_element (roles, i);
      JsonObject *role = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *source = NULL, *name = NULL, *target = NULL;

      if (role == NULL)
        return invalid (error, where, "each role must be an object");
      if (!get_string (role, "source", &source, where, error) ||
          !get_string (role, "role", &name, where, error) ||
          !get_string (role, "target", &target, where, error))
        return FALSE;
      if (source == NULL || name == NULL || target == NULL)
        return invalid (error, where, "a role needs “source”, “role” and “target”");
      hsh_bundle_add_role (bundle, source, name, target);
    }
  return TRUE;
}

static gboolean
check_native_header (JsonObject *object, const char *text, const char *where, GError **error)
{
  gint64 version = 0;
  g_autofree char *offsets = NULL;
  g_autofree char *sha256 = NULL;

  if (!node_int (json_object_get_member (object, "hashiya"), &version) || version < 1)
    return invalid (error, where, "“hashiya” must be a format version number");
  if (version > HSH_JSONL_VERSION)
    return invalid (error, where, "written by a newer Hashiya (format %" G_GINT64_FORMAT "); "
                    "update Hashiya to read it", version);
  if (!get_string (object, "offsets", &offsets, where, error) ||
      !get_string (object, "sha256", &sha256, where, error))
    return FALSE;
  if (offsets != NULL && strcmp (offsets, "unicode-code-points") != 0)
    return invalid (error, where, "offsets counted in “%s” are not supported; expected "
                    "“unicode-code-points”", offsets);
  if (sha256 != NULL)
    {
      g_autofree char *actual = hsh_text_sha256 (text);
      if (g_ascii_strcasecmp (sha256, actual) != 0)
        return invalid (error, where, "the text does not match its “sha256”: it was changed after "
                        "export, so the offsets cannot be trusted");
    }
  return TRUE;
}

static gboolean
read_native (JsonObject *object, HshBundle *bundle, const char *where, GError **error)
{
  JsonArray *spans = get_array (object, "spans");
  JsonObject *metadata = get_object (object, "metadata");
  g_autofree char *direction = NULL;

  if (!check_native_header (object, bundle->text, where, error) ||
      !get_string (object, "uuid", &bundle->uuid, where, error) ||
      !get_string (object, "title", &bundle->title, where, error) ||
      !get_string (object, "source", &bundle->source, where, error) ||
      !get_string (object, "language", &bundle->language, where, error) ||
      !get_string (object, "direction", &direction, where, error) ||
      !check_member_type (object, "spans", JSON_NODE_ARRAY, "a list", where, error) ||
      !check_member_type (object, "roles", JSON_NODE_ARRAY, "a list", where, error))
    return FALSE;
  bundle->direction = hsh_direction_from_string (direction);
  if (metadata != NULL)
    read_string_map (metadata, bundle->metadata);
  for (guint i = 0; spans != NULL && i < json_array_get_length (spans); i++)
    {
      JsonNode *node = json_array_get_element (spans, i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, where, "each annotation must be an object");
      if (!read_native_span (json_node_get_object (node), bundle, where, error))
        return FALSE;
    }
  return read_native_roles (get_array (object, "roles"), bundle, where, error);
}

/* doccano ------------------------------------------------------------------------------------ */

/* "label": [[start, end, "LABEL"], …] for spans, or ["positive", …] for document categories. */
static gboolean
read_doccano_labels (JsonArray *labels, HshBundle *bundle, const char *where, GError **error)
{
  g_autoptr(GPtrArray) categories = g_ptr_array_new_null_terminated (0, NULL, TRUE);

  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      JsonNode *node = json_array_get_element (labels, i);
      JsonArray *triple = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      g_autofree char *key = g_strdup_printf ("T%u", i + 1);
      gint64 start, end;
      const char *label;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_ptr_array_add (categories, (gpointer) json_node_get_string (node));
          continue;
        }
      if (triple == NULL || json_array_get_length (triple) != 3 ||
          !node_int (json_array_get_element (triple, 0), &start) ||
          !node_int (json_array_get_element (triple, 1), &end) ||
          (label = json_array_get_string_element (triple, 2)) == NULL)
        return invalid (error, where, "label %u must be [start, end, \"LABEL\"]", i + 1);
      hsh_bundle_add_span (bundle, key, label, start, end);
    }
  if (categories->len > 0)
    g_hash_table_insert (bundle->metadata, g_strdup ("categories"),
                         g_strjoinv ("; ", (char **) categories->pdata));
  return TRUE;
}

static gboolean
read_doccano_entities (JsonArray *entities, HshBundle *bundle, const char *where, GError **error)
{
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonNode *node = json_array_get_element (entities, i);
      JsonObject *entity = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *key = NULL;
      gint64 start, end;
      const char *label;

      if (entity == NULL ||
          (key = node_key (json_object_get_member (entity, "id"))) == NULL ||
          !node_int (json_object_get_member (entity, "start_offset"), &start) ||
          !node_int (json_object_get_member (entity, "end_offset"), &end) ||
          (label = json_object_get_string_member_with_default (entity, "label", NULL)) == NULL)
        return invalid (error, where, "entity %u needs “id”, “start_offset”, “end_offset” and “label”",
                        i + 1);
      hsh_bundle_add_span (bundle, key, label, start, end);
    }
  return TRUE;
}

static gboolean
read_doccano_relations (JsonArray *relations, HshBundle *bundle, const char *where, GError **error)
{
  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonNode *node = json_array_get_element (relations, i);
      JsonObject *relation = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *from = NULL, *to = NULL;
      const char *type;

      if (relation == NULL ||
          (from = node_key (json_object_get_member (relation, "from_id"))) == NULL ||
          (to = node_key (json_object_get_member (relation, "to_id"))) == NULL ||
          (type = json_object_get_string_member_with_default (relation, "type", NULL)) == NULL)
        return invalid (error, where, "relation %u needs “from_id”, “to_id” and “type”", i + 1);
      hsh_bundle_add_role (bundle, from, type, to);
    }
  return TRUE;
}

static gboolean
read_doccano (JsonObject *object, HshBundle *bundle, const char *where, GError **error)
{
  JsonArray *labels = get_array (object, "label");
  JsonArray *entities = get_array (object, "entities");
  JsonArray *relations = get_array (object, "relations");
  JsonObject *meta = get_object (object, "meta");
  JsonNode *id = json_object_get_member (object, "id");

  if (meta != NULL)
    read_string_map (meta, bundle->metadata);
  if (id != NULL && JSON_NODE_HOLDS_VALUE (id))
    g_hash_table_insert (bundle->metadata, g_strdup ("doccano_id"), scalar_to_string (id));
  return (labels == NULL || read_doccano_labels (labels, bundle, where, error)) &&
         (entities == NULL || read_doccano_entities (entities, bundle, where, error)) &&
         (relations == NULL || read_doccano_relations (relations, bundle, where, error));
}

/* The file ------------------------------------------------------------------------------------ */

static HshBundle *
read_document (JsonNode *root, const char *default_title, const char *where, GError **error)
{
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  g_autoptr(HshBundle) bundle = NULL;
  const char *text;

  if (object == NULL)
    {
      invalid (error, where, "each line must hold one JSON object (a document)");
      return NULL;
    }
  if ((text = json_object_get_string_member_with_default (object, "text", NULL)) == NULL)
    {
      invalid (error, where, "no “text”: each document needs its text in a “text” string "
               "(doccano's import calls this column “text” by default)");
      return NULL;
    }
  bundle = hsh_bundle_new (default_title, text);
  if (json_object_has_member (object, "hashiya"))
    {
      g_clear_pointer (&bundle->title, g_free);
      if (!read_native (object, bundle, where, error))
        return NULL;
    }
  else if (!read_doccano (object, bundle, where, error))
    return NULL;
  if (!hsh_bundle_validate (bundle, where, error))
    return NULL;
  return g_steal_pointer (&bundle);
}

static char *
title_stem (const char *path)
{
  char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return base;
}

struct _HshJsonlReader {
  char       *path;
  char       *stem;        /* of the file's name: doccano documents are titled "stem 1", "stem 2"… */
  guint       documents;   /* read so far */
  guint64     size;        /* of the file, for progress */
  ChunkFile   file;
  JsonParser *parser;      /* one for every line */
};

HshJsonlReader *
hsh_jsonl_reader_new (const char *path, GError **error)
{
  g_autoptr(HshJsonlReader) reader = NULL;
  struct stat info;

  g_return_val_if_fail (path != NULL, NULL);

  reader = g_new0 (HshJsonlReader, 1);
  reader->path = g_strdup (path);
  reader->stem = title_stem (path);
  reader->file.fd = -1;
  reader->parser = json_parser_new_immutable ();
  if (!hsh_chunk_file_open (&reader->file, reader->path, error))
    return NULL;
  reader->size = fstat (reader->file.fd, &info) == 0 ? (guint64) info.st_size : 0;
  return g_steal_pointer (&reader);
}

HshBundle *
hsh_jsonl_reader_next (HshJsonlReader *reader, GCancellable *cancellable, GError **error)
{
  g_autofree char *where = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) parse_error = NULL;
  HshBundle *bundle;
  Chunk chunk;

  g_return_val_if_fail (reader != NULL, NULL);

  if (!hsh_chunk_file_next (&reader->file, &chunk, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!json_parser_load_from_data (reader->parser, chunk.start, (gssize) chunk.length, &parse_error))
    {
      malformed (error, reader->path, &chunk, parse_error);
      return NULL;
    }
  where = g_strdup_printf ("%s, line %u", reader->path, chunk.line);
  title = g_strdup_printf ("%s %u", reader->stem, reader->documents + 1);
  if ((bundle = read_document (json_parser_get_root (reader->parser), title, where, error)) != NULL)
    reader->documents++;
  return bundle;
}

double
hsh_jsonl_reader_get_fraction (HshJsonlReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  if (reader->size == 0)
    return 1;
  return MIN (1.0, (double) (reader->file.offset + reader->file.pos) / (double) reader->size);
}

void
hsh_jsonl_reader_free (HshJsonlReader *reader)
{
  if (reader == NULL)
    return;
  hsh_chunk_file_close (&reader->file);
  g_clear_object (&reader->parser);
  g_free (reader->path);
  g_free (reader->stem);
  g_free (reader);
}

gboolean
hsh_jsonl_read (const char *path, GPtrArray *bundles, GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_bundle_free);
  g_autoptr(HshJsonlReader) reader = hsh_jsonl_reader_new (path, error);
  GError *read_error = NULL;
  HshBundle *bundle;

  if (reader == NULL)
    return FALSE;
  while ((bundle = hsh_jsonl_reader_next (reader, cancellable, &read_error)) != NULL)
    g_ptr_array_add (found, bundle);
  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return FALSE;
    }
  g_ptr_array_set_free_func (found, NULL);
  g_ptr_array_extend_and_steal (bundles, g_steal_pointer (&found));
  return TRUE;
}
