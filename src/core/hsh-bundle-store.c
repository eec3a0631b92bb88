/* hsh-bundle-store.c: moving document bundles into and out of a project. An import is one
 * transaction (all or nothing) and writes rows directly, not through the operation log. */
#include "hsh-model-private.h"
#include "hsh-text.h"

typedef struct {
  HshStore *store;
  HshCodebook *codebook;       /* reloaded when the import adds labels */
  GHashTable *label_ids;       /* path → gint64 */
  GHashTable *annotator_ids;   /* uuid or name → gint64 */
  GHashTable *actor_ids;       /* name → gint64 */
} Importer;

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

static gint64
label_id (Importer *im, const char *path, GError **error)
{
  gint64 *cached = g_hash_table_lookup (im->label_ids, path);
  gint64 id;

  if (cached != NULL)
    return *cached;
  if (!(id = hsh_store_ensure_label (im->store, path, error)))
    return 0;
  g_hash_table_insert (im->label_ids, g_strdup (path), boxed_id (id));
  g_clear_pointer (&im->codebook, hsh_codebook_free);
  return id;
}

static HshCodebook *
codebook (Importer *im, GError **error)
{
  if (im->codebook == NULL)
    im->codebook = hsh_store_load_codebook (im->store, error);
  return im->codebook;
}

static gint64
annotator_id (Importer *im, const HshSpan *span, GError **error)
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
actor_id (Importer *im, const char *name, const char *wikidata, GError **error)
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
insert_definition (Importer *im, const char *sql, gint64 label, const char *name, gint64 target,
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
  g_clear_pointer (&im->codebook, hsh_codebook_free);
  return insert_returning_id (im->store, stmt, what, error);
}

/* The attribute definition of that name for the label, created as free text on the label when
 * the codebook lacks it, so that no imported value is lost. */
static gint64
attribute_id (Importer *im, gint64 label, const char *name, GError **error)
{
  static const char insert_sql[] =
    "INSERT INTO attribute_def (uuid, label_id, name, type, position, author, created, modified) "
    "VALUES (?1, ?2, ?3, 'text', 1000, ?5, ?6, ?6)";  /* ?4 (a target) is not used here */
  HshCodebook *book = codebook (im, error);
  g_autoptr(GPtrArray) defined = NULL;
  gint64 id;

  if (book == NULL)
    return 0;
  defined = hsh_codebook_attributes_for (book, label);
  if ((id = find_definition (defined, name)))
    return id;
  return insert_definition (im, insert_sql, label, name, 0, "storing an attribute definition", error);
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
role_id (Importer *im, gint64 source_label, gint64 target_label, const char *name, GError **error)
{
  static const char insert_sql[] =
    "INSERT INTO role_def (uuid, label_id, name, target_label_id, position, author, created, modified) "
    "VALUES (?1, ?2, ?3, ?4, 1000, ?5, ?6, ?6)";
  HshCodebook *book = codebook (im, error);
  g_autoptr(GPtrArray) defined = NULL;
  gint64 id;

  if (book == NULL)
    return 0;
  defined = hsh_codebook_roles_for (book, source_label);
  if ((id = find_definition (defined, name)))
    return id;
  return insert_definition (im, insert_sql, source_label, name, top_label (book, target_label),
                            "storing a role definition", error);
}

static gboolean
uuid_exists (HshStore *store, const char *uuid)
{
  sqlite3_stmt *stmt = hsh_store_statement (store, "SELECT 1 FROM annotation WHERE uuid = ?1", NULL);
  gboolean found;

  if (uuid == NULL || stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
insert_attributes (Importer *im, gint64 annotation, gint64 label, HshSpan *span, gint64 author, GError **error)
{
  static const char sql[] =
    "INSERT INTO attribute_value (uuid, annotation_id, attribute_id, value, author, created, modified) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
  GHashTableIter iter;
  gpointer name, value;

  g_hash_table_iter_init (&iter, span->attributes);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      g_autofree char *uuid = hsh_uuid_new ();
      gint64 attribute = attribute_id (im, label, name, error);
      sqlite3_stmt *stmt;

      if (attribute == 0 || !(stmt = hsh_store_statement (im->store, sql, error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, annotation);
      sqlite3_bind_int64 (stmt, 3, attribute);
      sqlite3_bind_text (stmt, 4, value, -1, SQLITE_TRANSIENT);
      author > 0 ? sqlite3_bind_int64 (stmt, 5, author) : sqlite3_bind_null (stmt, 5);
      sqlite3_bind_int64 (stmt, 6, hsh_now_ms ());
      if (!hsh_store_step_done (im->store, stmt, "storing an attribute", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_note (Importer *im, gint64 document, gint64 annotation, const char *body, gint64 author, GError **error)
{
  static const char sql[] =
    "INSERT INTO note (uuid, document_id, annotation_id, body, author, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
  g_autofree char *uuid = hsh_uuid_new ();
  sqlite3_stmt *stmt = hsh_store_statement (im->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, document);
  sqlite3_bind_int64 (stmt, 3, annotation);
  sqlite3_bind_text (stmt, 4, body, -1, SQLITE_TRANSIENT);
  author > 0 ? sqlite3_bind_int64 (stmt, 5, author) : sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int64 (stmt, 6, hsh_now_ms ());
  return hsh_store_step_done (im->store, stmt, "storing a note", error);
}

/* Stores one span; returns its annotation id, 0 when it was already there (same UUID), -1 on error. */
static gint64
import_span (Importer *im, gint64 document, HshSpan *span, GError **error)
{
  static const char sql[] =
    "INSERT INTO annotation (uuid, document_id, label_id, text, actor_id, gold, author, created, modified, ranges, start, end) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10, ?11)";
  g_autofree char *uuid = span->uuid != NULL && g_uuid_string_is_valid (span->uuid) ? g_strdup (span->uuid) : hsh_uuid_new ();
  gint64 label, author, actor = 0, id;
  sqlite3_stmt *stmt;

  if (uuid_exists (im->store, uuid))
    return 0;
  if (!(label = label_id (im, span->label, error)) || (author = annotator_id (im, span, error)) < 0)
    return -1;
  if (span->actor != NULL && !(actor = actor_id (im, span->actor, span->actor_wikidata, error)))
    return -1;
  if (!(stmt = hsh_store_statement (im->store, sql, error)))
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, document);
  sqlite3_bind_int64 (stmt, 3, label);
  sqlite3_bind_text (stmt, 4, span->text, -1, SQLITE_TRANSIENT);
  actor > 0 ? sqlite3_bind_int64 (stmt, 5, actor) : sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int (stmt, 6, span->gold ? 1 : 0);
  author > 0 ? sqlite3_bind_int64 (stmt, 7, author) : sqlite3_bind_null (stmt, 7);
  sqlite3_bind_int64 (stmt, 8, hsh_now_ms ());
  hsh_model_bind_ranges (stmt, 9, (HshRange *) (void *) span->ranges->data, span->ranges->len);
  if (!(id = insert_returning_id (im->store, stmt, "storing an annotation", error)) ||
      !insert_attributes (im, id, label, span, author, error) ||
      (span->note != NULL && !insert_note (im, document, id, span->note, author, error)))
    return -1;
  return id;
}

static gboolean
import_role (Importer *im, HshRoleRef *ref, GHashTable *ids, GHashTable *labels, GError **error)
{
  static const char sql[] =
    "INSERT OR IGNORE INTO role_link (uuid, source_id, role_id, target_id, author, created, modified) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
  gint64 *source = g_hash_table_lookup (ids, ref->source);
  gint64 *target = g_hash_table_lookup (ids, ref->target);
  g_autofree char *uuid = hsh_uuid_new ();
  sqlite3_stmt *stmt;
  gint64 role;

  if (source == NULL || target == NULL)
    return TRUE;   /* one end was already in the project: the link came with it */
  role = role_id (im, *(gint64 *) g_hash_table_lookup (labels, source),
                  *(gint64 *) g_hash_table_lookup (labels, target), ref->role, error);
  if (role == 0 || !(stmt = hsh_store_statement (im->store, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, *source);
  sqlite3_bind_int64 (stmt, 3, role);
  sqlite3_bind_int64 (stmt, 4, *target);
  hsh_model_bind_author (im->store, stmt, 5);
  sqlite3_bind_int64 (stmt, 6, hsh_now_ms ());
  return hsh_store_step_done (im->store, stmt, "storing a role link", error);
}

static gboolean
import_bundle (Importer *im, HshBundle *bundle, HshImportSummary *summary, GError **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  gboolean duplicate;
  gint64 document;

  if (!hsh_bundle_validate (bundle, bundle->source != NULL ? bundle->source : bundle->title, error))
    return FALSE;
  if (!(document = hsh_model_insert_document (im->store, bundle, &duplicate, error)))
    return FALSE;
  duplicate ? summary->duplicates++ : summary->documents++;
  for (guint i = 0; i < bundle->spans->len; i++)
    {
      HshSpan *span = g_ptr_array_index (bundle->spans, i);
      gint64 id = import_span (im, document, span, error);
      if (id < 0)
        return FALSE;
      if (id > 0)
        {
          gint64 *boxed = boxed_id (id);
          g_hash_table_insert (ids, span->key, boxed);
          g_hash_table_insert (labels, boxed, boxed_id (*(gint64 *) g_hash_table_lookup (im->label_ids, span->label)));
          summary->annotations++;
        }
    }
  for (guint i = 0; i < bundle->roles->len; i++)
    {
      HshRoleRef *ref = g_ptr_array_index (bundle->roles, i);
      if (!import_role (im, ref, ids, labels, error))
        return FALSE;
      if (g_hash_table_contains (ids, ref->source) && g_hash_table_contains (ids, ref->target))
        summary->role_links++;
    }
  return TRUE;
}

gboolean
hsh_store_import_bundles (HshStore *store, GPtrArray *bundles, HshImportSummary *summary,
                          GCancellable *cancellable, GError **error)
{
  Importer im = { store, NULL, NULL, NULL, NULL };
  HshImportSummary counted = { 0 };
  gboolean ok = TRUE;

  if (!hsh_store_begin (store, error))
    return FALSE;
  im.label_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im.annotator_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im.actor_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; ok && i < bundles->len; i++)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         import_bundle (&im, g_ptr_array_index (bundles, i), &counted, error);
  g_clear_pointer (&im.codebook, hsh_codebook_free);
  g_hash_table_unref (im.label_ids);
  g_hash_table_unref (im.annotator_ids);
  g_hash_table_unref (im.actor_ids);
  if (ok)
    ok = hsh_store_commit (store, error);
  else
    hsh_store_rollback (store);
  if (ok && summary != NULL)
    *summary = counted;
  return ok;
}
