/* hsh-bundle-store.c: moving document bundles into a project. An import is one transaction (all
 * or nothing) and writes rows directly, not through the operation log; bundles can be written
 * into it as they are read, so that a corpus of any size imports in bounded memory. */
#include "hsh-corpus.h"
#include "hsh-model-private.h"
#include "hsh-ranges.h"
#include "hsh-text.h"

/* What the rows of one span became, for the role links of its bundle. */
typedef struct {
  gint64 annotation;   /* 0: the span was already in the project (same UUID) */
  gint64 label;
} StoredSpan;

struct _HshImport {
  HshStore        *store;
  HshCodebook     *codebook;        /* reloaded when the import adds labels or definitions */
  GHashTable      *label_ids;       /* path → gint64 */
  GHashTable      *annotator_ids;   /* uuid or name → gint64 */
  GHashTable      *actor_ids;       /* name → gint64 */
  /* The codebook answers "which attribute (role) of this label has that name" through a list
   * built per question, too slow to ask once per attribute value; so the answers are kept here
   * (label id → name → gint64), and forgotten with the codebook. */
  GHashTable      *attribute_ids;
  GHashTable      *role_ids;
  /* Of the bundle being imported, kept from bundle to bundle to save allocations: */
  GHashTable      *span_index;      /* span key → its index + 1 */
  GArray          *stored;          /* StoredSpan, one per span */
  /* Prepared once: the rows written for every span. */
  sqlite3_stmt    *insert_annotation;
  sqlite3_stmt    *insert_attribute;
  sqlite3_stmt    *insert_note;
  sqlite3_stmt    *insert_role_link;
  HshImportSummary summary;
  gboolean         outermost;       /* no transaction was open when the import began */
};

static gint64 *
boxed_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static gint64
insert_returning_id (HshStore *store, sqlite3_stmt *stmt, const char *what, GError **error)
{
  if (!hsh_store_step_done (store, stmt, what, error))
    return 0;
  return sqlite3_last_insert_rowid (hsh_store_get_db (store));
}

/* After the import added to the codebook: what was looked up in it may have changed. */
static void
forget_codebook (HshImport *im)
{
  g_clear_pointer (&im->codebook, hsh_codebook_free);
  g_hash_table_remove_all (im->attribute_ids);
  g_hash_table_remove_all (im->role_ids);
}

static gint64
label_id (HshImport *im, const char *path, GError **error)
{
  gint64 *cached = g_hash_table_lookup (im->label_ids, path);
  gint64 id;

  if (cached != NULL)
    return *cached;
  if (!(id = hsh_store_ensure_label (im->store, path, error)))
    return 0;
  g_hash_table_insert (im->label_ids, g_strdup (path), boxed_id (id));
  forget_codebook (im);
  return id;
}

static HshCodebook *
codebook (HshImport *im, GError **error)
{
  if (im->codebook == NULL)
    im->codebook = hsh_store_load_codebook (im->store, error);
  return im->codebook;
}

static gint64
annotator_id (HshImport *im, const HshSpan *span, GError **error)
{
  static const char find_sql[] = "SELECT id FROM annotator WHERE uuid = ?1 OR (?1 IS NULL AND name = ?2) ORDER BY id LIMIT 1";
  static const char insert_sql[] =
    "INSERT INTO annotator (uuid, name, created, modified) VALUES (?1, ?2, ?3, ?3)";
  const char *key = span->annotator_uuid != NULL ? span->annotator_uuid : span->annotator;
  gint64 *cached;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (key == NULL)
    return hsh_store_get_annotator_id (im->store);
  if ((cached = g_hash_table_lookup (im->annotator_ids, key)))
    return *cached;
  if (!(stmt = hsh_store_statement (im->store, find_sql, error)))
    return -1;
  sqlite3_bind_text (stmt, 1, span->annotator_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, span->annotator, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      g_autofree char *uuid = span->annotator_uuid != NULL && g_uuid_string_is_valid (span->annotator_uuid)
                              ? g_strdup (span->annotator_uuid) : hsh_uuid_new ();
      if (!(stmt = hsh_store_statement (im->store, insert_sql, error)))
        return -1;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, span->annotator != NULL ? span->annotator : uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, hsh_now_ms ());
      if (!(id = insert_returning_id (im->store, stmt, "storing an annotator", error)))
        return -1;
    }
  g_hash_table_insert (im->annotator_ids, g_strdup (key), boxed_id (id));
  return id;
}

static gint64
actor_id (HshImport *im, const char *name, const char *wikidata, GError **error)
{
  static const char find_sql[] = "SELECT id FROM actor WHERE name = ?1 AND deleted = 0 ORDER BY id LIMIT 1";
  static const char insert_sql[] =
    "INSERT INTO actor (uuid, name, wikidata, author, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?5)";
  gint64 *cached = g_hash_table_lookup (im->actor_ids, name);
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (cached != NULL)
    return *cached;
  if (!(stmt = hsh_store_statement (im->store, find_sql, error)))
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    {
      g_autofree char *uuid = hsh_uuid_new ();
      if (!(stmt = hsh_store_statement (im->store, insert_sql, error)))
        return 0;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, wikidata, -1, SQLITE_TRANSIENT);
      hsh_model_bind_author (im->store, stmt, 4);
      sqlite3_bind_int64 (stmt, 5, hsh_now_ms ());
      if (!(id = insert_returning_id (im->store, stmt, "storing an actor", error)))
        return 0;
    }
  g_hash_table_insert (im->actor_ids, g_strdup (name), boxed_id (id));
  return id;
}

/* The id of the definition named @name among @defined (HshAttributeDef or HshRoleDef, which
 * begin alike: id, uuid, label_id, name), or 0. */
static gint64
find_definition (GPtrArray *defined, const char *name)
{
  for (guint i = 0; i < defined->len; i++)
    {
      HshRoleDef *def = g_ptr_array_index (defined, i);
      if (g_strcmp0 (def->name, name) == 0)
        return def->id;
    }
  return 0;
}

G_STATIC_ASSERT (G_STRUCT_OFFSET (HshAttributeDef, name) == G_STRUCT_OFFSET (HshRoleDef, name));

/* Adds a definition the codebook lacks; @sql binds ?1 uuid, ?2 label, ?3 name, ?4 @target,
 * ?5 author, ?6 now. */
static gint64
insert_definition (HshImport *im, const char *sql, gint64 label, const char *name, gint64 target,
                   const char *what, GError **error)
{
  g_autofree char *uuid = hsh_uuid_new ();
  sqlite3_stmt *stmt = hsh_store_statement (im->store, sql, error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, label);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, target);
  hsh_model_bind_author (im->store, stmt, 5);
  sqlite3_bind_int64 (stmt, 6, hsh_now_ms ());
  forget_codebook (im);
  return insert_returning_id (im->store, stmt, what, error);
}

/* A definition found before for @label and @name in @known (label id → name → id), or 0. */
static gint64
known_definition (GHashTable *known, gint64 label, const char *name)
{
  GHashTable *names = g_hash_table_lookup (known, &label);
  gint64 *id = names != NULL ? g_hash_table_lookup (names, name) : NULL;

  return id != NULL ? *id : 0;
}

static gint64
remember_definition (GHashTable *known, gint64 label, const char *name, gint64 id)
{
  GHashTable *names = g_hash_table_lookup (known, &label);

  if (id == 0)
    return 0;
  if (names == NULL)
    {
      names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (known, boxed_id (label), names);
    }
  g_hash_table_insert (names, g_strdup (name), boxed_id (id));
  return id;
}

/* The attribute definition of that name for the label, created as free text on the label when
 * the codebook lacks it, so that no imported value is lost. */
static gint64
attribute_id (HshImport *im, gint64 label, const char *name, GError **error)
{
  static const char insert_sql[] =
    "INSERT INTO attribute_def (uuid, label_id, name, type, position, author, created, modified) "
    "VALUES (?1, ?2, ?3, 'text', 1000, ?5, ?6, ?6)";  /* ?4 (a target) is not used here */
  HshCodebook *book;
  g_autoptr(GPtrArray) defined = NULL;
  gint64 id;

  if ((id = known_definition (im->attribute_ids, label, name)))
    return id;
  if ((book = codebook (im, error)) == NULL)
    return 0;
  defined = hsh_codebook_attributes_for (book, label);
  if (!(id = find_definition (defined, name)))
    id = insert_definition (im, insert_sql, label, name, 0, "storing an attribute definition", error);
  return remember_definition (im->attribute_ids, label, name, id);
}

static gint64
top_label (HshCodebook *book, gint64 label)
{
  HshLabel *found;
  for (guint steps = 0; steps <= book->labels->len && (found = hsh_codebook_label (book, label)) && found->parent_id != 0; steps++)
    label = found->parent_id;
  return label;
}

/* The role of that name for the source label, created (targeting the top label of @target_label)
 * when the codebook lacks it. */
static gint64
role_id (HshImport *im, gint64 source_label, gint64 target_label, const char *name, GError **error)
{
  static const char insert_sql[] =
    "INSERT INTO role_def (uuid, label_id, name, target_label_id, position, author, created, modified) "
    "VALUES (?1, ?2, ?3, ?4, 1000, ?5, ?6, ?6)";
  HshCodebook *book;
  g_autoptr(GPtrArray) defined = NULL;
  gint64 id;

  if ((id = known_definition (im->role_ids, source_label, name)))
    return id;
  if ((book = codebook (im, error)) == NULL)
    return 0;
  defined = hsh_codebook_roles_for (book, source_label);
  if (!(id = find_definition (defined, name)))
    id = insert_definition (im, insert_sql, source_label, name, top_label (book, target_label),
                            "storing a role definition", error);
  return remember_definition (im->role_ids, source_label, name, id);
}

/* Planning, on any thread ------------------------------------------------------------------ */

typedef struct {
  const char *uuid;        /* the span's own when valid, else one made for it */
  /* The ranges as stored and the hull beside them: what hsh_model_bind_ranges binds, made here
   * so that the writing thread does not format a million of them. */
  char       *ranges;
  gint64      start;
  gint64      end;
  guint       first_row;   /* its attribute values' and note's UUIDs, in @uuids from here */
} PlannedSpan;

struct _HshImportPlan {
  PlannedSpan *spans;
  guint        n_spans;
  GPtrArray   *uuids;        /* made, in the order the rows they are for are written */
  guint        first_role;   /* the role links' UUIDs, in @uuids from here */
};

static const char *
make_uuid (HshImportPlan *plan)
{
  char *uuid = hsh_uuid_new ();
  g_ptr_array_add (plan->uuids, uuid);
  return uuid;
}

static void
plan_span (HshImportPlan *plan, const HshSpan *span, PlannedSpan *planned)
{
  const HshRange *ranges = (const HshRange *) (void *) span->ranges->data;
  guint rows = g_hash_table_size (span->attributes) + (span->note != NULL ? 1 : 0);

  planned->uuid = span->uuid != NULL && g_uuid_string_is_valid (span->uuid) ? span->uuid : make_uuid (plan);
  planned->ranges = hsh_ranges_format (ranges, span->ranges->len);
  planned->start = span->ranges->len > 0 ? ranges[0].start : 0;
  for (guint r = 0; r < span->ranges->len; r++)
    planned->end = MAX (planned->end, ranges[r].end);
  planned->first_row = plan->uuids->len;
  for (guint r = 0; r < rows; r++)
    make_uuid (plan);
}

HshImportPlan *
hsh_import_plan_new (const HshBundle *bundle)
{
  HshImportPlan *plan;

  g_return_val_if_fail (bundle != NULL, NULL);

  plan = g_new0 (HshImportPlan, 1);
  plan->n_spans = bundle->spans->len;
  plan->spans = g_new0 (PlannedSpan, plan->n_spans);
  plan->uuids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < plan->n_spans; i++)
    plan_span (plan, g_ptr_array_index (bundle->spans, i), &plan->spans[i]);
  plan->first_role = plan->uuids->len;
  for (guint i = 0; i < bundle->roles->len; i++)
    make_uuid (plan);
  return plan;
}

void
hsh_import_plan_free (HshImportPlan *plan)
{
  if (plan == NULL)
    return;
  for (guint i = 0; i < plan->n_spans; i++)
    g_free (plan->spans[i].ranges);
  g_free (plan->spans);
  g_ptr_array_unref (plan->uuids);
  g_free (plan);
}

/* Writing, on the import's thread ---------------------------------------------------------- */

/* One bundle being written. Strings are bound SQLITE_STATIC: the bundle and its plan keep
 * them until the row is stored, so a million annotations need not copy each once more. */
typedef struct {
  HshImport           *im;
  const HshImportPlan *plan;
  gint64               document;
  gint64               now;   /* the rows of one document are created together */
} Writing;

static gboolean
uuid_exists (HshStore *store, const char *uuid)
{
  sqlite3_stmt *stmt = hsh_store_statement (store, "SELECT 1 FROM annotation WHERE uuid = ?1", NULL);
  gboolean found;

  if (uuid == NULL || stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static void
bind_id_or_null (sqlite3_stmt *stmt, int index, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
insert_attributes (Writing *w, const PlannedSpan *planned, gint64 annotation, gint64 label,
                   const HshSpan *span, gint64 author, GError **error)
{
  sqlite3_stmt *stmt = w->im->insert_attribute;
  guint row = planned->first_row;
  GHashTableIter iter;
  gpointer name, value;

  if (g_hash_table_size (span->attributes) == 0)
    return TRUE;
  g_hash_table_iter_init (&iter, span->attributes);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      gint64 attribute = attribute_id (w->im, label, name, error);

      if (attribute == 0)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (w->plan->uuids, row++), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, annotation);
      sqlite3_bind_int64 (stmt, 3, attribute);
      sqlite3_bind_text (stmt, 4, value, -1, SQLITE_STATIC);
      bind_id_or_null (stmt, 5, author);
      sqlite3_bind_int64 (stmt, 6, w->now);
      if (!hsh_store_step_done (w->im->store, stmt, "storing an attribute", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_note (Writing *w, const PlannedSpan *planned, gint64 annotation, const HshSpan *span,
             gint64 author, GError **error)
{
  sqlite3_stmt *stmt = w->im->insert_note;
  guint row = planned->first_row + g_hash_table_size (span->attributes);

  sqlite3_bind_text (stmt, 1, g_ptr_array_index (w->plan->uuids, row), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, w->document);
  sqlite3_bind_int64 (stmt, 3, annotation);
  sqlite3_bind_text (stmt, 4, span->note, -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 5, author);
  sqlite3_bind_int64 (stmt, 6, w->now);
  return hsh_store_step_done (w->im->store, stmt, "storing a note", error);
}

/* Which label, author and actor a span's row refers to, when all three are known already:
 * then finding them creates nothing, and whether the span is new can wait for its INSERT. */
static gboolean
known_references (HshImport *im, const HshSpan *span, gint64 *label, gint64 *author, gint64 *actor)
{
  const char *annotator = span->annotator_uuid != NULL ? span->annotator_uuid : span->annotator;
  gint64 *known_label = g_hash_table_lookup (im->label_ids, span->label);
  gint64 *known_author = annotator != NULL ? g_hash_table_lookup (im->annotator_ids, annotator) : NULL;
  gint64 *known_actor = span->actor != NULL ? g_hash_table_lookup (im->actor_ids, span->actor) : NULL;

  if (known_label == NULL || (annotator != NULL && known_author == NULL) || (span->actor != NULL && known_actor == NULL))
    return FALSE;
  *label = *known_label;
  *author = annotator != NULL ? *known_author : hsh_store_get_annotator_id (im->store);
  *actor = span->actor != NULL ? *known_actor : 0;
  return TRUE;
}

/* Finds (or creates) what the span's row refers to; FALSE with @error set when that failed. */
static gboolean
find_references (HshImport *im, const HshSpan *span, gint64 *label, gint64 *author, gint64 *actor, GError **error)
{
  *actor = 0;
  return (*label = label_id (im, span->label, error)) != 0 &&
         (*author = annotator_id (im, span, error)) >= 0 &&
         (span->actor == NULL || (*actor = actor_id (im, span->actor, span->actor_wikidata, error)) != 0);
}

/* Inserts the span's annotation row unless one with its UUID is there already: the id, 0 when it
 * was there, -1 on error. */
static gint64
insert_annotation (Writing *w, const PlannedSpan *planned, const HshSpan *span,
                   gint64 label, gint64 author, gint64 actor, GError **error)
{
  sqlite3_stmt *stmt = w->im->insert_annotation;
  sqlite3 *db = hsh_store_get_db (w->im->store);

  sqlite3_bind_text (stmt, 1, planned->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, w->document);
  sqlite3_bind_int64 (stmt, 3, label);
  sqlite3_bind_text (stmt, 4, span->text, -1, SQLITE_STATIC);
  bind_id_or_null (stmt, 5, actor);
  sqlite3_bind_int (stmt, 6, span->gold ? 1 : 0);
  bind_id_or_null (stmt, 7, author);
  sqlite3_bind_int64 (stmt, 8, w->now);
  sqlite3_bind_text (stmt, 9, planned->ranges, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, planned->start);
  sqlite3_bind_int64 (stmt, 11, planned->end);
  if (!hsh_store_step_done (w->im->store, stmt, "storing an annotation", error))
    return -1;
  return sqlite3_changes (db) > 0 ? sqlite3_last_insert_rowid (db) : 0;
}

/* Stores span @index into @stored; its annotation stays 0 when it was already there (same UUID).
 * A span already there must not add a label, annotator or actor to the project, so unless
 * those are known, the UUID is looked for first. */
static gboolean
import_span (Writing *w, guint index, const HshSpan *span, StoredSpan *stored, GError **error)
{
  const PlannedSpan *planned = &w->plan->spans[index];
  gint64 label, author, actor, id;

  stored->annotation = 0;
  if (!known_references (w->im, span, &label, &author, &actor))
    {
      if (uuid_exists (w->im->store, planned->uuid))
        return TRUE;
      if (!find_references (w->im, span, &label, &author, &actor, error))
        return FALSE;
    }
  if ((id = insert_annotation (w, planned, span, label, author, actor, error)) <= 0)
    return id == 0;
  if (!insert_attributes (w, planned, id, label, span, author, error) ||
      (span->note != NULL && !insert_note (w, planned, id, span, author, error)))
    return FALSE;
  stored->annotation = id;
  stored->label = label;
  return TRUE;
}

/* What became of the span @key of the bundle being imported, or NULL when it was already in
 * the project. */
static const StoredSpan *
stored_span (HshImport *im, const char *key)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (im->span_index, key));
  const StoredSpan *stored = index > 0 ? &g_array_index (im->stored, StoredSpan, index - 1) : NULL;

  return stored != NULL && stored->annotation > 0 ? stored : NULL;
}

static gboolean
import_role (Writing *w, guint index, const HshRoleRef *ref, GError **error)
{
  const StoredSpan *source = stored_span (w->im, ref->source);
  const StoredSpan *target = stored_span (w->im, ref->target);
  sqlite3_stmt *stmt = w->im->insert_role_link;
  gint64 role;

  if (source == NULL || target == NULL)
    return TRUE;   /* one end was already in the project: the link came with it */
  if (!(role = role_id (w->im, source->label, target->label, ref->role, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, g_ptr_array_index (w->plan->uuids, w->plan->first_role + index), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, source->annotation);
  sqlite3_bind_int64 (stmt, 3, role);
  sqlite3_bind_int64 (stmt, 4, target->annotation);
  hsh_model_bind_author (w->im->store, stmt, 5);
  sqlite3_bind_int64 (stmt, 6, w->now);
  if (!hsh_store_step_done (w->im->store, stmt, "storing a role link", error))
    return FALSE;
  w->im->summary.role_links++;
  return TRUE;
}

static gboolean
import_spans (Writing *w, const HshBundle *bundle, GError **error)
{
  HshImport *im = w->im;

  g_hash_table_remove_all (im->span_index);
  g_array_set_size (im->stored, bundle->spans->len);
  for (guint i = 0; i < bundle->spans->len; i++)
    {
      const HshSpan *span = g_ptr_array_index (bundle->spans, i);
      StoredSpan *stored = &g_array_index (im->stored, StoredSpan, i);

      /* Keys are unique: the bundle was checked. */
      g_hash_table_insert (im->span_index, span->key, GUINT_TO_POINTER (i + 1));
      if (!import_span (w, i, span, stored, error))
        return FALSE;
      if (stored->annotation > 0)
        im->summary.annotations++;
    }
  return TRUE;
}

/* The import -------------------------------------------------------------------------------- */

static sqlite3_stmt *
prepare (HshImport *im, const char *sql, GError **error)
{
  return hsh_store_statement (im->store, sql, error);
}

static gboolean
prepare_statements (HshImport *im, GError **error)
{
  static const char annotation_sql[] =
    "INSERT INTO annotation (uuid, document_id, label_id, text, actor_id, gold, author, created, modified, ranges, start, end) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10, ?11) ON CONFLICT (uuid) DO NOTHING";
  static const char attribute_sql[] =
    "INSERT INTO attribute_value (uuid, annotation_id, attribute_id, value, author, created, modified) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
  static const char note_sql[] =
    "INSERT INTO note (uuid, document_id, annotation_id, body, author, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
  static const char role_link_sql[] =
    "INSERT OR IGNORE INTO role_link (uuid, source_id, role_id, target_id, author, created, modified) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";

  return (im->insert_annotation = prepare (im, annotation_sql, error)) != NULL &&
         (im->insert_attribute = prepare (im, attribute_sql, error)) != NULL &&
         (im->insert_note = prepare (im, note_sql, error)) != NULL &&
         (im->insert_role_link = prepare (im, role_link_sql, error)) != NULL;
}

static void
import_free (HshImport *im)
{
  g_clear_pointer (&im->codebook, hsh_codebook_free);
  g_hash_table_unref (im->label_ids);
  g_hash_table_unref (im->annotator_ids);
  g_hash_table_unref (im->actor_ids);
  g_hash_table_unref (im->attribute_ids);
  g_hash_table_unref (im->role_ids);
  g_hash_table_unref (im->span_index);
  g_array_unref (im->stored);
  g_object_unref (im->store);
  g_free (im);
}

/* Rolling back to the savepoint and releasing it would commit the empty transaction around it,
 * and that still rewrites the file's change counter: a refused import must leave the project
 * file as it was, byte for byte. So when the import's transaction is the only one, it ends with
 * a plain ROLLBACK. */
void
hsh_import_abandon (HshImport *im)
{
  if (im == NULL)
    return;
  if (im->outermost)
    sqlite3_exec (hsh_store_get_db (im->store), "ROLLBACK", NULL, NULL, NULL);
  else
    hsh_store_rollback (im->store);
  import_free (im);
}

HshImport *
hsh_import_begin (HshStore *store, GError **error)
{
  gboolean outermost;
  HshImport *im;

  g_return_val_if_fail (HSH_IS_STORE (store), NULL);

  outermost = sqlite3_get_autocommit (hsh_store_get_db (store));
  if (!hsh_store_begin (store, error))
    return NULL;
  im = g_new0 (HshImport, 1);
  im->store = g_object_ref (store);
  im->outermost = outermost;
  im->label_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im->annotator_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im->actor_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im->attribute_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  im->role_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  im->span_index = g_hash_table_new (g_str_hash, g_str_equal);
  im->stored = g_array_new (FALSE, TRUE, sizeof (StoredSpan));
  if (!prepare_statements (im, error))
    {
      hsh_import_abandon (im);
      return NULL;
    }
  return im;
}

gboolean
hsh_import_add_planned (HshImport *im, HshBundle *bundle, const HshImportPlan *plan, GError **error)
{
  Writing w = { im, plan, 0, hsh_now_ms () };
  gboolean duplicate;

  g_return_val_if_fail (im != NULL && bundle != NULL && plan != NULL, FALSE);
  g_return_val_if_fail (plan->n_spans == bundle->spans->len, FALSE);

  if (!(w.document = hsh_model_insert_document (im->store, bundle, &duplicate, error)))
    return FALSE;
  duplicate ? im->summary.duplicates++ : im->summary.documents++;
  if (!import_spans (&w, bundle, error))
    return FALSE;
  for (guint i = 0; i < bundle->roles->len; i++)
    if (!import_role (&w, i, g_ptr_array_index (bundle->roles, i), error))
      return FALSE;
  return TRUE;
}

gboolean
hsh_import_add_checked (HshImport *im, HshBundle *bundle, GError **error)
{
  HshImportPlan *plan;
  gboolean ok;

  g_return_val_if_fail (im != NULL && bundle != NULL, FALSE);

  plan = hsh_import_plan_new (bundle);
  ok = hsh_import_add_planned (im, bundle, plan, error);
  hsh_import_plan_free (plan);
  return ok;
}

gboolean
hsh_import_add (HshImport *im, HshBundle *bundle, GError **error)
{
  g_return_val_if_fail (im != NULL && bundle != NULL, FALSE);

  return hsh_bundle_validate (bundle, bundle->source != NULL ? bundle->source : bundle->title, error) &&
         hsh_import_add_checked (im, bundle, error);
}

gboolean
hsh_import_commit (HshImport *im, HshImportSummary *summary, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (im != NULL, FALSE);

  if ((ok = hsh_store_commit (im->store, error)) && summary != NULL)
    *summary = im->summary;
  import_free (im);
  return ok;
}

gboolean
hsh_store_import_bundles (HshStore *store, GPtrArray *bundles, HshImportSummary *summary,
                          GCancellable *cancellable, GError **error)
{
  HshImport *im = hsh_import_begin (store, error);

  if (im == NULL)
    return FALSE;
  for (guint i = 0; i < bundles->len; i++)
    if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
        !hsh_import_add (im, g_ptr_array_index (bundles, i), error))
      {
        hsh_import_abandon (im);
        return FALSE;
      }
  return hsh_import_commit (im, summary, error);
}
