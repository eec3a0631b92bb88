/* hsh-format-jsonl-read.c: reading Hashiya JSONL and doccano's JSONL exports into bundles, a
 * document at a time, so that a corpus of any size is never whole in memory. */
#include "hsh-format-jsonl.h"
#include "hsh-text.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The file, a chunk at a time ------------------------------------------------------------- */

/* One JSON value of the file: where it starts, for messages, and its bytes, lent until the next
 * chunk is read. */
typedef struct {
  const char *start;
  gsize       length;
  guint       line;
  guint       column;
} Chunk;

/* The file, read in blocks into a buffer that grows to hold the longest chunk. Offsets (@offset,
 * @line_start) count bytes from the start of the file. */
typedef struct {
  const char *path;
  int         fd;
  char       *data;
  gsize       capacity;
  gsize       filled;       /* bytes of @data read from the file */
  gsize       pos;          /* where scanning goes on, in @data */
  guint64     offset;       /* file offset of data[0] */
  guint64     line_start;   /* file offset where the current line begins */
  guint       line;
  gboolean    at_end;
} ChunkFile;

#define BLOCK_SIZE (1 << 20)

static gboolean
file_error (GError **error, const ChunkFile *file, const char *what, int saved_errno)
{
  g_autofree char *name = g_filename_display_name (file->path);

  g_set_error (error, HSH_ERROR, saved_errno == ENOENT ? HSH_ERROR_NOT_FOUND : HSH_ERROR_IO,
               "Failed to %s file “%s”: %s", what, name, g_strerror (saved_errno));
  return FALSE;
}

/* Drops the bytes before @keep (nothing is scanning them any more) and reads the next block
 * after the rest. */
static gboolean
refill (ChunkFile *file, gsize keep, GError **error)
{
  gssize n;

  memmove (file->data, file->data + keep, file->filled - keep);
  file->filled -= keep;
  file->pos -= keep;
  file->offset += keep;
  if (file->capacity - file->filled < BLOCK_SIZE)
    {
      file->capacity = MAX (2 * file->capacity, file->filled + BLOCK_SIZE);
      file->data = g_realloc (file->data, file->capacity);
    }
  do
    n = read (file->fd, file->data + file->filled, file->capacity - file->filled);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    return file_error (error, file, "read from", errno);
  file->at_end = n == 0;
  file->filled += (gsize) n;
  return TRUE;
}

static gboolean
chunk_file_open (ChunkFile *file, const char *path, GError **error)
{
  memset (file, 0, sizeof *file);
  file->path = path;
  file->line = 1;
  file->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (file->fd < 0)
    return file_error (error, file, "open", errno);
  if (!refill (file, 0, error))
    return FALSE;
  /* Editors on Windows like to start UTF-8 files with a byte-order mark; JSON forbids it. */
  if (file->filled >= 3 && memcmp (file->data, "\xEF\xBB\xBF", 3) == 0)
    file->pos = file->line_start = 3;
  return TRUE;
}

static void
chunk_file_close (ChunkFile *file)
{
  if (file->fd >= 0)
    close (file->fd);
  g_clear_pointer (&file->data, g_free);
}

static inline void
count_line (ChunkFile *file)
{
  file->line++;
  file->line_start = file->offset + file->pos + 1;
}

/* Moves past blank space; FALSE only when reading failed. */
static gboolean
skip_blank (ChunkFile *file, GError **error)
{
  for (;;)
    {
      for (; file->pos < file->filled; file->pos++)
        {
          char ch = file->data[file->pos];
          if (ch == '\n')
            count_line (file);
          else if (ch != ' ' && ch != '\t' && ch != '\r')
            return TRUE;
        }
      if (file->at_end)
        return TRUE;
      if (!refill (file, file->pos, error))
        return FALSE;
    }
}

/* The bytes that change the scanner's state, inside a string and outside one; it skips the
 * others a run at a time. */
static const guint8 stops_in_string[256] = { ['"'] = 1, ['\\'] = 1, ['\n'] = 1 };
static const guint8 stops_outside[256] = {
  ['"'] = 1, ['{'] = 1, ['}'] = 1, ['['] = 1, [']'] = 1, ['\n'] = 1,
};

/* Finds the next top-level value: normally one line, but doccano also writes pretty-printed
 * objects over several lines, so an object runs to its matching brace. Anything else runs to
 * the end of its line and lets the JSON parser name what is wrong with it. FALSE at the end of
 * the file, or when reading failed (@error set). */
static gboolean
next_chunk (ChunkFile *file, Chunk *chunk, GError **error)
{
  int depth = 0;
  gboolean in_string = FALSE, escaped = FALSE, is_object;
  gsize start;

  if (!skip_blank (file, error) || file->pos >= file->filled)
    return FALSE;
  start = file->pos;
  is_object = file->data[start] == '{';
  chunk->line = file->line;
  chunk->column = (guint) (file->offset + file->pos - file->line_start) + 1;
  for (;;)
    {
      const guint8 *stops = in_string ? stops_in_string : stops_outside;
      char ch;

      if (file->pos >= file->filled)
        {
          if (file->at_end)
            break;
          if (!refill (file, start, error))
            return FALSE;
          start = 0;
          continue;
        }
      /* A backslash in a string hides the next byte, whatever it is. */
      if (escaped)
        {
          escaped = FALSE;
          file->pos++;
          continue;
        }
      while (file->pos < file->filled && !stops[(guchar) file->data[file->pos]])
        file->pos++;
      if (file->pos >= file->filled)
        continue;
      ch = file->data[file->pos];
      if (ch == '\n')
        {
          count_line (file);
          if (!is_object)
            break;
        }
      else if (in_string)
        {
          if (ch == '\\')
            escaped = TRUE;
          else if (ch == '"')
            in_string = FALSE;
        }
      else if (ch == '"')
        in_string = TRUE;
      else if (ch == '{' || ch == '[')
        depth++;
      else if (--depth == 0)
        {
          file->pos++;
          break;
        }
      file->pos++;
    }
  chunk->start = file->data + start;
  chunk->length = file->pos - start;
  return TRUE;
}

/* JSON values ------------------------------------------------------------------------------ */

/* A parsed JSON value. Values live in an arena that the next chunk reuses, so a line of a
 * hundred annotations costs no allocation once the arena has grown to its size. */
typedef enum {
  VALUE_NULL,
  VALUE_BOOLEAN,
  VALUE_INT,
  VALUE_DOUBLE,
  VALUE_STRING,
  VALUE_ARRAY,
  VALUE_OBJECT,
} ValueKind;

typedef struct _Value Value;
struct _Value {
  ValueKind   kind;
  guint       size;    /* elements or members of an array or object */
  const char *name;    /* a member's name */
  Value      *first;   /* first element or member of an array or object */
  Value      *next;    /* next element or member of the same array or object */
  union {
    gboolean    boolean;
    gint64      integer;
    double      number;
    const char *string;
  } as;
};

#define VALUES_PER_BLOCK 4096

/* Blocks of values that never move, so values point at each other. */
typedef struct {
  GPtrArray *blocks;
  guint      block;    /* the block being filled */
  guint      used;     /* values used in it */
} ValueArena;

static void
value_arena_reset (ValueArena *arena)
{
  arena->block = 0;
  arena->used = 0;
}

static Value *
value_new (ValueArena *arena, ValueKind kind)
{
  Value *value;

  if (arena->used == VALUES_PER_BLOCK)
    {
      arena->block++;
      arena->used = 0;
    }
  if (arena->block == arena->blocks->len)
    g_ptr_array_add (arena->blocks, g_new (Value, VALUES_PER_BLOCK));
  value = (Value *) g_ptr_array_index (arena->blocks, arena->block) + arena->used++;
  memset (value, 0, sizeof *value);
  value->kind = kind;
  return value;
}

/* Appends @child to @parent's elements or members, after @last (NULL: it is the first). */
static void
value_append (Value *parent, Value **last, Value *child)
{
  if (*last != NULL)
    (*last)->next = child;
  else
    parent->first = child;
  *last = child;
  parent->size++;
}

/* What parses one chunk into values: json-glib, one parser for every line (the project's rule:
 * a well-kept parser reads untrusted files, never one of ours), its tree viewed as values. */
typedef struct {
  ValueArena  arena;
  JsonParser *json_glib;        /* its tree backs the values of the chunk it parsed last */
} ChunkParser;

static void
chunk_parser_init (ChunkParser *parser)
{
  parser->arena.blocks = g_ptr_array_new_with_free_func (g_free);
  parser->json_glib = json_parser_new_immutable ();
}

static void
chunk_parser_clear (ChunkParser *parser)
{
  g_clear_pointer (&parser->arena.blocks, g_ptr_array_unref);
  g_clear_object (&parser->json_glib);
}

/* Parsing, by json-glib --------------------------------------------------------------------- */

/* The values of json-glib's tree; strings point into it. Members come in the order json-glib
 * keeps them (first appearance). */
static Value *
adopt_node (ValueArena *arena, JsonNode *node)
{
  Value *value, *last = NULL;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        value = value_new (arena, VALUE_OBJECT);
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            Value *child = adopt_node (arena, member);
            child->name = name;
            value_append (value, &last, child);
          }
        return value;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        value = value_new (arena, VALUE_ARRAY);
        for (guint i = 0; i < json_array_get_length (array); i++)
          value_append (value, &last, adopt_node (arena, json_array_get_element (array, i)));
        return value;
      }
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          value = value_new (arena, VALUE_INT);
          value->as.integer = json_node_get_int (node);
          return value;
        case G_TYPE_DOUBLE:
          value = value_new (arena, VALUE_DOUBLE);
          value->as.number = json_node_get_double (node);
          return value;
        case G_TYPE_BOOLEAN:
          value = value_new (arena, VALUE_BOOLEAN);
          value->as.boolean = json_node_get_boolean (node);
          return value;
        case G_TYPE_STRING:
          value = value_new (arena, VALUE_STRING);
          value->as.string = json_node_get_string (node);
          return value;
        default:
          break;
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
  return value_new (arena, VALUE_NULL);
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

/* The chunk's root value (NULL for a chunk holding no value, such as a lone comment), or FALSE
 * with @error naming the place when it is not JSON. */
static gboolean
parse_chunk (ChunkParser *parser, const Chunk *chunk, const char *path, Value **root, GError **error)
{
  g_autoptr(GError) parse_error = NULL;
  JsonNode *node;

  if (!json_parser_load_from_data (parser->json_glib, chunk->start, (gssize) chunk->length, &parse_error))
    return malformed (error, path, chunk, parse_error);
  value_arena_reset (&parser->arena);
  node = json_parser_get_root (parser->json_glib);
  *root = node != NULL ? adopt_node (&parser->arena, node) : NULL;
  return TRUE;
}

/* Reading values ---------------------------------------------------------------------------- */

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

static const Value *
member (const Value *object, const char *name)
{
  /* Most names differ in their first letter: comparing it first spares most calls to strcmp. */
  for (const Value *found = object->first; found != NULL; found = found->next)
    if (found->name[0] == name[0] && strcmp (found->name, name) == 0)
      return found;
  return NULL;
}

static gboolean
is_scalar (const Value *value)
{
  return value != NULL && value->kind != VALUE_NULL && value->kind != VALUE_ARRAY && value->kind != VALUE_OBJECT;
}

static const char *
string_value (const Value *value)
{
  return value != NULL && value->kind == VALUE_STRING ? value->as.string : NULL;
}

static JsonNode *
value_to_node (const Value *value)
{
  JsonNode *node;

  switch (value->kind)
    {
    case VALUE_NULL:    return json_node_init_null (json_node_alloc ());
    case VALUE_BOOLEAN: return json_node_init_boolean (json_node_alloc (), value->as.boolean);
    case VALUE_INT:     return json_node_init_int (json_node_alloc (), value->as.integer);
    case VALUE_DOUBLE:  return json_node_init_double (json_node_alloc (), value->as.number);
    case VALUE_STRING:  return json_node_init_string (json_node_alloc (), value->as.string);
    case VALUE_ARRAY:
      {
        JsonArray *array = json_array_sized_new (value->size);
        for (const Value *element = value->first; element != NULL; element = element->next)
          json_array_add_element (array, value_to_node (element));
        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);
        return node;
      }
    case VALUE_OBJECT:
    default:
      {
        JsonObject *object = json_object_new ();
        for (const Value *found = value->first; found != NULL; found = found->next)
          json_object_set_member (object, found->name, value_to_node (found));
        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, object);
        return node;
      }
    }
}

/* A value as the text stored for a metadata field or an attribute; NULL for null. Arrays and
 * objects are kept as JSON, written by json-glib as before. */
static char *
scalar_to_string (const Value *value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (value->kind)
    {
    case VALUE_NULL:    return NULL;
    case VALUE_STRING:  return g_strdup (value->as.string);
    case VALUE_INT:     return g_strdup_printf ("%" G_GINT64_FORMAT, value->as.integer);
    case VALUE_BOOLEAN: return g_strdup (value->as.boolean ? "true" : "false");
    case VALUE_DOUBLE:  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value->as.number));
    case VALUE_ARRAY:
    case VALUE_OBJECT:
    default:
      {
        g_autoptr(JsonNode) node = value_to_node (value);
        return json_to_string (node, FALSE);
      }
    }
}

/* An optional string member: absent and null give NULL, anything else but a string fails. */
static gboolean
get_string (const Value *object, const char *name, char **out, const char *where, GError **error)
{
  const Value *found = member (object, name);

  *out = NULL;
  if (found == NULL || found->kind == VALUE_NULL)
    return TRUE;
  if (found->kind != VALUE_STRING)
    return invalid (error, where, "“%s” must be a string", name);
  *out = g_strdup (found->as.string);
  return TRUE;
}

static gboolean
value_int (const Value *value, gint64 *out)
{
  if (value == NULL || value->kind != VALUE_INT)
    return FALSE;
  *out = value->as.integer;
  return TRUE;
}

/* doccano ids are numbers, Hashiya keys strings: both become the span's key. */
static char *
value_key (const Value *value)
{
  gint64 number;

  if (value_int (value, &number))
    return g_strdup_printf ("%" G_GINT64_FORMAT, number);
  return g_strdup (string_value (value));
}

static const Value *
get_array (const Value *object, const char *name)
{
  const Value *found = member (object, name);
  return found != NULL && found->kind == VALUE_ARRAY ? found : NULL;
}

static const Value *
get_object (const Value *object, const char *name)
{
  const Value *found = member (object, name);
  return found != NULL && found->kind == VALUE_OBJECT ? found : NULL;
}

static gboolean
check_member_kind (const Value *object, const char *name, ValueKind kind, const char *what,
                   const char *where, GError **error)
{
  const Value *found = member (object, name);

  if (found == NULL || found->kind == VALUE_NULL || found->kind == kind)
    return TRUE;
  return invalid (error, where, "“%s” must be %s", name, what);
}

/* Copies an object's scalar members into @into (name → text). They go in the order json-glib's
 * own hash table of the members listed them, which decides the order of @into, so that the
 * stored metadata and attributes come out exactly as they did when json-glib read the file. */
static void
read_string_map (const Value *object, GHashTable *into)
{
  g_autoptr(GHashTable) in_json_glib_order = NULL;
  GHashTableIter iter;
  gpointer name, value;

  if (object->size <= 1)
    {
      char *text = object->first != NULL ? scalar_to_string (object->first) : NULL;
      if (text != NULL)
        g_hash_table_insert (into, g_strdup (object->first->name), text);
      return;
    }
  in_json_glib_order = g_hash_table_new (g_str_hash, g_str_equal);
  for (const Value *found = object->first; found != NULL; found = found->next)
    g_hash_table_replace (in_json_glib_order, (gpointer) found->name, (gpointer) found);
  g_hash_table_iter_init (&iter, in_json_glib_order);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      char *text = scalar_to_string (value);
      if (text != NULL)
        g_hash_table_insert (into, g_strdup (name), text);
    }
}

/* Native spans ------------------------------------------------------------------------------ */

static gboolean
read_ranges (const Value *ranges, HshSpan *span, const char *where, GError **error)
{
  for (const Value *pair = ranges->first; pair != NULL; pair = pair->next)
    {
      gint64 start, end;

      if (pair->kind != VALUE_ARRAY || pair->size != 2 ||
          !value_int (pair->first, &start) || !value_int (pair->first->next, &end))
        return invalid (error, where, "annotation %s: each range must be [start, end] in whole numbers",
                        span->key);
      hsh_span_add_range (span, start, end);
    }
  return TRUE;
}

static gboolean
read_pair (const Value *span_object, const char *name, const char *first_name, char **first,
           const char *second_name, char **second, const char *where, GError **error)
{
  const Value *pair;

  if (!check_member_kind (span_object, name, VALUE_OBJECT, "an object", where, error))
    return FALSE;
  if ((pair = get_object (span_object, name)) == NULL)
    return TRUE;
  return get_string (pair, first_name, first, where, error) &&
         get_string (pair, second_name, second, where, error);
}

/* What json-glib's json_node_get_boolean made of a value: numbers count when not zero. */
static gboolean
value_is_true (const Value *value)
{
  switch (value->kind)
    {
    case VALUE_BOOLEAN: return value->as.boolean;
    case VALUE_INT:     return value->as.integer != 0;
    case VALUE_DOUBLE:  return value->as.number != 0.0;
    default:            return FALSE;
    }
}

static gboolean
read_native_span (const Value *object, HshBundle *bundle, const char *where, GError **error)
{
  g_autofree char *key = value_key (member (object, "id"));
  g_autofree char *label = NULL;
  const Value *ranges = get_array (object, "ranges");
  const Value *attributes = get_object (object, "attributes");
  const Value *gold = member (object, "gold");
  HshSpan *span;

  if (key == NULL)
    return invalid (error, where, "an annotation has no “id”");
  if (!get_string (object, "label", &label, where, error))
    return FALSE;
  if (ranges == NULL || ranges->size == 0)
    return invalid (error, where, "annotation %s has no “ranges”", key);
  span = g_new0 (HshSpan, 1);
  g_ptr_array_add (bundle->spans, span);
  span->key = g_steal_pointer (&key);
  span->label = g_steal_pointer (&label);
  span->ranges = g_array_sized_new (FALSE, FALSE, sizeof (HshRange), ranges->size);
  span->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (attributes != NULL)
    read_string_map (attributes, span->attributes);
  span->gold = is_scalar (gold) && value_is_true (gold);
  return read_ranges (ranges, span, where, error) &&
         get_string (object, "uuid", &span->uuid, where, error) &&
         get_string (object, "text", &span->text, where, error) &&
         get_string (object, "note", &span->note, where, error) &&
         read_pair (object, "actor", "name", &span->actor, "wikidata", &span->actor_wikidata, where, error) &&
         read_pair (object, "annotator", "name", &span->annotator, "uuid", &span->annotator_uuid, where, error);
}

static gboolean
read_native_roles (const Value *roles, HshBundle *bundle, const char *where, GError **error)
{
  for (const Value *role = roles != NULL ? roles->first : NULL; role != NULL; role = role->next)
    {
      g_autofree char *source = NULL, *name = NULL, *target = NULL;

      if (role->kind != VALUE_OBJECT)
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
check_native_header (const Value *object, const char *text, const char *where, GError **error)
{
  gint64 version = 0;
  g_autofree char *offsets = NULL;
  g_autofree char *sha256 = NULL;

  if (!value_int (member (object, "hashiya"), &version) || version < 1)
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
read_native (const Value *object, HshBundle *bundle, const char *where, GError **error)
{
  const Value *spans = get_array (object, "spans");
  const Value *metadata = get_object (object, "metadata");
  g_autofree char *direction = NULL;

  if (!check_native_header (object, bundle->text, where, error) ||
      !get_string (object, "uuid", &bundle->uuid, where, error) ||
      !get_string (object, "title", &bundle->title, where, error) ||
      !get_string (object, "source", &bundle->source, where, error) ||
      !get_string (object, "language", &bundle->language, where, error) ||
      !get_string (object, "direction", &direction, where, error) ||
      !check_member_kind (object, "spans", VALUE_ARRAY, "a list", where, error) ||
      !check_member_kind (object, "roles", VALUE_ARRAY, "a list", where, error))
    return FALSE;
  bundle->direction = hsh_direction_from_string (direction);
  if (metadata != NULL)
    read_string_map (metadata, bundle->metadata);
  for (const Value *span = spans != NULL ? spans->first : NULL; span != NULL; span = span->next)
    {
      if (span->kind != VALUE_OBJECT)
        return invalid (error, where, "each annotation must be an object");
      if (!read_native_span (span, bundle, where, error))
        return FALSE;
    }
  return read_native_roles (get_array (object, "roles"), bundle, where, error);
}

/* doccano ------------------------------------------------------------------------------------ */

/* "label": [[start, end, "LABEL"], …] for spans, or ["positive", …] for document categories. */
static gboolean
read_doccano_labels (const Value *labels, HshBundle *bundle, const char *where, GError **error)
{
  g_autoptr(GPtrArray) categories = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  guint i = 0;

  for (const Value *label = labels->first; label != NULL; label = label->next, i++)
    {
      g_autofree char *key = g_strdup_printf ("T%u", i + 1);
      gint64 start, end;
      const char *name;

      if (label->kind == VALUE_STRING)
        {
          g_ptr_array_add (categories, (gpointer) label->as.string);
          continue;
        }
      if (label->kind != VALUE_ARRAY || label->size != 3 ||
          !value_int (label->first, &start) ||
          !value_int (label->first->next, &end) ||
          (name = string_value (label->first->next->next)) == NULL)
        return invalid (error, where, "label %u must be [start, end, \"LABEL\"]", i + 1);
      hsh_bundle_add_span (bundle, key, name, start, end);
    }
  if (categories->len > 0)
    g_hash_table_insert (bundle->metadata, g_strdup ("categories"),
                         g_strjoinv ("; ", (char **) categories->pdata));
  return TRUE;
}

static gboolean
read_doccano_entities (const Value *entities, HshBundle *bundle, const char *where, GError **error)
{
  guint i = 0;

  for (const Value *entity = entities->first; entity != NULL; entity = entity->next, i++)
    {
      g_autofree char *key = NULL;
      gint64 start, end;
      const char *label;

      if (entity->kind != VALUE_OBJECT ||
          (key = value_key (member (entity, "id"))) == NULL ||
          !value_int (member (entity, "start_offset"), &start) ||
          !value_int (member (entity, "end_offset"), &end) ||
          (label = string_value (member (entity, "label"))) == NULL)
        return invalid (error, where, "entity %u needs “id”, “start_offset”, “end_offset” and “label”",
                        i + 1);
      hsh_bundle_add_span (bundle, key, label, start, end);
    }
  return TRUE;
}

static gboolean
read_doccano_relations (const Value *relations, HshBundle *bundle, const char *where, GError **error)
{
  guint i = 0;

  for (const Value *relation = relations->first; relation != NULL; relation = relation->next, i++)
    {
      g_autofree char *from = NULL, *to = NULL;
      const char *type;

      if (relation->kind != VALUE_OBJECT ||
          (from = value_key (member (relation, "from_id"))) == NULL ||
          (to = value_key (member (relation, "to_id"))) == NULL ||
          (type = string_value (member (relation, "type"))) == NULL)
        return invalid (error, where, "relation %u needs “from_id”, “to_id” and “type”", i + 1);
      hsh_bundle_add_role (bundle, from, type, to);
    }
  return TRUE;
}

static gboolean
read_doccano (const Value *object, HshBundle *bundle, const char *where, GError **error)
{
  const Value *labels = get_array (object, "label");
  const Value *entities = get_array (object, "entities");
  const Value *relations = get_array (object, "relations");
  const Value *meta = get_object (object, "meta");
  const Value *id = member (object, "id");

  if (meta != NULL)
    read_string_map (meta, bundle->metadata);
  if (is_scalar (id))
    g_hash_table_insert (bundle->metadata, g_strdup ("doccano_id"), scalar_to_string (id));
  return (labels == NULL || read_doccano_labels (labels, bundle, where, error)) &&
         (entities == NULL || read_doccano_entities (entities, bundle, where, error)) &&
         (relations == NULL || read_doccano_relations (relations, bundle, where, error));
}

/* The file ------------------------------------------------------------------------------------ */

static HshBundle *
read_document (const Value *root, const char *default_title, const char *where, GError **error)
{
  g_autoptr(HshBundle) bundle = NULL;
  const char *text;

  if (root == NULL || root->kind != VALUE_OBJECT)
    {
      invalid (error, where, "each line must hold one JSON object (a document)");
      return NULL;
    }
  if ((text = string_value (member (root, "text"))) == NULL)
    {
      invalid (error, where, "no “text”: each document needs its text in a “text” string "
               "(doccano's import calls this column “text” by default)");
      return NULL;
    }
  bundle = hsh_bundle_new (default_title, text);
  if (member (root, "hashiya") != NULL)
    {
      g_clear_pointer (&bundle->title, g_free);
      if (!read_native (root, bundle, where, error))
        return NULL;
    }
  else if (!read_doccano (root, bundle, where, error))
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
  ChunkParser parser;
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
  chunk_parser_init (&reader->parser);
  if (!chunk_file_open (&reader->file, reader->path, error))
    return NULL;
  reader->size = fstat (reader->file.fd, &info) == 0 ? (guint64) info.st_size : 0;
  return g_steal_pointer (&reader);
}

HshBundle *
hsh_jsonl_reader_next (HshJsonlReader *reader, GCancellable *cancellable, GError **error)
{
  g_autofree char *where = NULL;
  g_autofree char *title = NULL;
  HshBundle *bundle;
  Value *root;
  Chunk chunk;

  g_return_val_if_fail (reader != NULL, NULL);

  if (!next_chunk (&reader->file, &chunk, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !parse_chunk (&reader->parser, &chunk, reader->path, &root, error))
    return NULL;
  where = g_strdup_printf ("%s, line %u", reader->path, chunk.line);
  title = g_strdup_printf ("%s %u", reader->stem, reader->documents + 1);
  if ((bundle = read_document (root, title, where, error)) != NULL)
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
  chunk_file_close (&reader->file);
  chunk_parser_clear (&reader->parser);
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
