/* hsh-adjudication.c: candidates built from the coders' annotations, and accepting or
 * rejecting them into the gold layer through the operation log. */
#include "hsh-adjudication.h"
#include "hsh-model-private.h"

#include <string.h>


void
hsh_candidate_free (HshCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->key);
  g_free (candidate->label);
  g_array_unref (candidate->ranges);
  g_free (candidate->text);
  g_array_unref (candidate->annotation_ids);
  g_array_unref (candidate->coder_ids);
  g_ptr_array_unref (candidate->coder_names);
  g_free (candidate);
}

/* A decision note: which candidate, and for an acceptance, which gold annotation. */
typedef struct {
  gint64   row_id;
  gboolean accept;
  char    *gold_uuid;
} Decision;

static void
decision_free (Decision *decision)
{
  g_free (decision->gold_uuid);
  g_free (decision);
}

/* Everything known about one document while deciding. */
typedef struct {
  HshStore    *store;
  gint64       document_id;
  HshCodebook *codebook;
  GPtrArray   *annotations;    /* HshAnnotation, live, gold and not */
  GPtrArray   *candidates;     /* HshCandidate, document order */
  GHashTable  *by_key;         /* key → HshCandidate */
  GHashTable  *by_annotation;  /* coder annotation id → HshCandidate */
  GHashTable  *decisions;      /* key → Decision */
  GPtrArray   *links;          /* HshRoleLink */
} Adjudication;

static void
adjudication_free (Adjudication *adj)
{
  g_clear_pointer (&adj->codebook, hsh_codebook_free);
  g_clear_pointer (&adj->annotations, g_ptr_array_unref);
  g_clear_pointer (&adj->by_key, g_hash_table_unref);
  g_clear_pointer (&adj->by_annotation, g_hash_table_unref);
  g_clear_pointer (&adj->candidates, g_ptr_array_unref);
  g_clear_pointer (&adj->decisions, g_hash_table_unref);
  g_clear_pointer (&adj->links, g_ptr_array_unref);
  g_free (adj);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Adjudication, adjudication_free)

static char *
candidate_key (HshCodebook *codebook, const HshAnnotation *annotation)
{
  HshLabel *label = hsh_codebook_label (codebook, annotation->label_id);
  GString *key = g_string_new (label != NULL ? label->uuid : "?");

  for (guint i = 0; i < annotation->ranges->len; i++)
    {
      const HshRange *range = &g_array_index (annotation->ranges, HshRange, i);
      g_string_append_printf (key, "%c%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, i == 0 ? ':' : ',',
                              range->start, range->end);
    }
  return g_string_free (key, FALSE);
}

static gboolean
load_decisions (Adjudication *adj, GError **error)
{
  static const char sql[] =
    "SELECT d.id, d.candidate, d.decision, g.uuid FROM adjudication d LEFT JOIN annotation g ON g.id = d.gold_id "
    "WHERE d.document_id = ?1 AND d.deleted = 0 ORDER BY d.modified, d.id";
  sqlite3_stmt *stmt = hsh_store_statement (adj->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  adj->decisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) decision_free);
  sqlite3_bind_int64 (stmt, 1, adj->document_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Decision *decision = g_new0 (Decision, 1);
      decision->row_id = sqlite3_column_int64 (stmt, 0);
      decision->accept = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "accept") == 0;
      decision->gold_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      /* The latest decision on a candidate is the one that holds. */
      g_hash_table_replace (adj->decisions, g_strdup ((const char *) sqlite3_column_text (stmt, 1)), decision);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static HshCandidate *
candidate_new (Adjudication *adj, const HshAnnotation *annotation, char *key)
{
  HshCandidate *candidate = g_new0 (HshCandidate, 1);
  HshLabel *label = hsh_codebook_label (adj->codebook, annotation->label_id);

  candidate->key = key;
  candidate->label_id = annotation->label_id;
  candidate->label = g_strdup (label != NULL ? label->path : "");
  candidate->ranges = g_array_copy (annotation->ranges);
  candidate->text = g_strdup (annotation->text);
  candidate->annotation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  candidate->coder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  candidate->coder_names = g_ptr_array_new_with_free_func (g_free);
  return candidate;
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

static void
add_coder (HshCandidate *candidate, gint64 author)
{
  for (guint i = 0; i < candidate->coder_ids->len; i++)
    if (g_array_index (candidate->coder_ids, gint64, i) == author)
      return;
  g_array_append_val (candidate->coder_ids, author);
  g_array_sort (candidate->coder_ids, compare_ids);
}

/* Groups the coders' annotations by label and ranges; returns how many coders took part. */
static guint
group_candidates (Adjudication *adj)
{
  g_autoptr(GHashTable) coders = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < adj->annotations->len; i++)
    {
      HshAnnotation *annotation = g_ptr_array_index (adj->annotations, i);
      char *key;
      HshCandidate *candidate;

      if (annotation->gold || annotation->author_id == 0)
        continue;
      g_hash_table_add (coders, &annotation->author_id);
      key = candidate_key (adj->codebook, annotation);
      if (!(candidate = g_hash_table_lookup (adj->by_key, key)))
        {
          candidate = candidate_new (adj, annotation, key);
          g_hash_table_insert (adj->by_key, candidate->key, candidate);
          g_ptr_array_add (adj->candidates, candidate);
        }
      else
        g_free (key);
      g_array_append_val (candidate->annotation_ids, annotation->id);
      add_coder (candidate, annotation->author_id);
      g_hash_table_insert (adj->by_annotation, &annotation->id, candidate);
    }
  return g_hash_table_size (coders);
}

static gint64
top_label (HshCodebook *codebook, gint64 label_id)
{
  for (guint steps = 0; steps <= codebook->labels->len; steps++)
    {
      HshLabel *label = hsh_codebook_label (codebook, label_id);
      if (label == NULL || label->parent_id == 0)
        return label_id;
      label_id = label->parent_id;
    }
  return label_id;
}

static gboolean
ranges_meet (GArray *a, GArray *b)
{
  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      {
        const HshRange *x = &g_array_index (a, HshRange, i), *y = &g_array_index (b, HshRange, j);
        if (MAX (x->start, y->start) < MIN (x->end, y->end))
          return TRUE;
      }
  return FALSE;
}

static void
mark_disagreements (Adjudication *adj)
{
  GPtrArray *list = adj->candidates;

  /* Candidates come in document order, so the inner loop stops at the first one that starts
   * after this one's end. */
  for (guint i = 0; i < list->len; i++)
    {
      HshCandidate *a = g_ptr_array_index (list, i);
      gint64 end = g_array_index (a->ranges, HshRange, a->ranges->len - 1).end;
      for (guint j = i + 1; j < list->len; j++)
        {
          HshCandidate *b = g_ptr_array_index (list, j);
          if (g_array_index (b->ranges, HshRange, 0).start >= end)
            break;
          if (top_label (adj->codebook, a->label_id) == top_label (adj->codebook, b->label_id) &&
              ranges_meet (a->ranges, b->ranges))
            a->disagreeing = b->disagreeing = TRUE;
        }
    }
}

static HshAnnotation *
find_annotation (Adjudication *adj, gint64 id)
{
  for (guint i = 0; i < adj->annotations->len; i++)
    if (((HshAnnotation *) g_ptr_array_index (adj->annotations, i))->id == id)
      return g_ptr_array_index (adj->annotations, i);
  return NULL;
}

static void
settle_state (Adjudication *adj, HshCandidate *candidate)
{
  Decision *decision = g_hash_table_lookup (adj->decisions, candidate->key);

  for (guint i = 0; i < adj->annotations->len; i++)
    {
      HshAnnotation *gold = g_ptr_array_index (adj->annotations, i);
      g_autofree char *key = NULL;
      if (!gold->gold)
        continue;
      key = candidate_key (adj->codebook, gold);
      if ((decision != NULL && decision->accept && g_strcmp0 (gold->uuid, decision->gold_uuid) == 0) ||
          g_str_equal (key, candidate->key))
        {
          candidate->state = HSH_CANDIDATE_ACCEPTED;
          candidate->gold_id = gold->id;
          return;
        }
    }
  candidate->state = decision != NULL && !decision->accept ? HSH_CANDIDATE_REJECTED : HSH_CANDIDATE_OPEN;
}

static gboolean
same_values (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer id, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &id, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, id)) != 0)
      return FALSE;
  return TRUE;
}

/* Adds @values to what the coders agree on so far; a value two coders set differently is
 * a conflict, and stays out. */
static void
merge_values (GHashTable *agreed, GHashTable *conflicting, GHashTable *values)
{
  GHashTableIter iter;
  gpointer id, value;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      const char *seen = g_hash_table_lookup (agreed, id);
      if (seen != NULL && !g_str_equal (seen, value))
        g_hash_table_add (conflicting, g_memdup2 (id, sizeof (gint64)));
      else if (seen == NULL)
        g_hash_table_insert (agreed, g_memdup2 (id, sizeof (gint64)), g_strdup (value));
    }
}

static void
remove_conflicts (GHashTable *agreed, GHashTable *conflicting)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, conflicting);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_remove (agreed, id);
}

/* The attribute values (attribute id → value) and actor on which the coders who set them
 * agree; @differ tells whether any two of the candidate's annotations differ at all. */
static GHashTable *
agreed_values (Adjudication *adj, HshCandidate *candidate, gint64 *actor_id, gboolean *differ, GError **error)
{
  g_autoptr(GHashTable) agreed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) conflicting = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) first = NULL;
  gint64 first_actor = 0, actor = 0;
  gboolean actors_agree = TRUE;

  *differ = FALSE;
  for (guint i = 0; i < candidate->annotation_ids->len; i++)
    {
      HshAnnotation *annotation = find_annotation (adj, g_array_index (candidate->annotation_ids, gint64, i));
      g_autoptr(GHashTable) values = hsh_store_get_attribute_values (adj->store, annotation->id, error);

      if (values == NULL)
        return NULL;
      if (i == 0)
        {
          first = g_hash_table_ref (values);
          first_actor = annotation->actor_id;
        }
      else if (!same_values (first, values) || annotation->actor_id != first_actor)
        *differ = TRUE;
      if (annotation->actor_id != 0 && actor != 0 && annotation->actor_id != actor)
        actors_agree = FALSE;
      if (annotation->actor_id != 0)
        actor = annotation->actor_id;
      merge_values (agreed, conflicting, values);
    }
  remove_conflicts (agreed, conflicting);
  *actor_id = actors_agree ? actor : 0;
  return g_steal_pointer (&agreed);
}

static Adjudication *
adjudication_load (HshStore *store, gint64 document_id, GError **error)
{
  g_autoptr(Adjudication) adj = g_new0 (Adjudication, 1);
  g_autoptr(HshDocument) document = hsh_store_get_document (store, document_id, error);
  guint n_coders;

  if (document == NULL)
    return NULL;
  adj->store = store;
  adj->document_id = document_id;
  adj->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_candidate_free);
  adj->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  adj->by_annotation = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (!(adj->codebook = hsh_store_load_codebook (store, error)) ||
      !(adj->annotations = hsh_store_list_annotations (store, document_id, error)) ||
      !(adj->links = hsh_store_list_role_links (store, document_id, error)) ||
      !load_decisions (adj, error))
    return NULL;
  n_coders = group_candidates (adj);
  mark_disagreements (adj);
  for (guint i = 0; i < adj->candidates->len; i++)
    {
      HshCandidate *candidate = g_ptr_array_index (adj->candidates, i);
      gint64 actor;
      g_autoptr(GHashTable) values = agreed_values (adj, candidate, &actor, &candidate->values_differ, error);
      if (values == NULL)
        return NULL;
      candidate->n_coders = n_coders;
      candidate->unanimous = n_coders >= 2 && candidate->coder_ids->len == n_coders;
      for (guint c = 0; c < candidate->coder_ids->len; c++)
        g_ptr_array_add (candidate->coder_names,
                         hsh_store_get_annotator_name (store, g_array_index (candidate->coder_ids, gint64, c)));
      settle_state (adj, candidate);
    }
  return g_steal_pointer (&adj);
}

GPtrArray *
hsh_store_list_candidates (HshStore *store, gint64 document_id, gboolean include_decided, GError **error)
{
  g_autoptr(Adjudication) adj = NULL;
  GPtrArray *list;

  g_return_val_if_fail (HSH_IS_STORE (store), NULL);
  if (!(adj = adjudication_load (store, document_id, error)))
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_candidate_free);
  for (guint i = 0; i < adj->candidates->len; i++)
    {
      HshCandidate *candidate = g_ptr_array_index (adj->candidates, i);
      if (include_decided || candidate->state == HSH_CANDIDATE_OPEN)
        g_ptr_array_add (list, g_ptr_array_steal_index (adj->candidates, i--));
    }
  return list;
}


/* Writing decisions ------------------------------------------------------------------------- */

/* Records a decision on the candidate @key; @gold_id is the gold annotation of an acceptance. */
static gboolean
insert_decision (Adjudication *adj, HshOplog *log, const char *key, gint64 gold_id, GError **error)
{
  static const char sql[] =
    "INSERT INTO adjudication (uuid, document_id, candidate, decision, gold_id, author, created, modified) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";
  sqlite3_stmt *stmt = hsh_store_statement (adj->store, sql, error);
  g_autofree char *uuid = hsh_uuid_new ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, adj->document_id);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, gold_id > 0 ? "accept" : "reject", -1, SQLITE_STATIC);
  gold_id > 0 ? sqlite3_bind_int64 (stmt, 5, gold_id) : sqlite3_bind_null (stmt, 5);
  hsh_model_bind_author (adj->store, stmt, 6);
  sqlite3_bind_int64 (stmt, 7, hsh_now_ms ());
  return hsh_store_step_done (adj->store, stmt, "recording a decision", error) &&
         hsh_oplog_after (log, "adjudication", sqlite3_last_insert_rowid (hsh_store_get_db (adj->store)), error);
}

/* An earlier rejection no longer holds once the candidate is accepted. */
static gboolean
withdraw_decision (Adjudication *adj, HshOplog *log, const char *key, GError **error)
{
  static const char sql[] = "UPDATE adjudication SET deleted = 1, modified = ?2, revision = revision + 1 WHERE id = ?1";
  Decision *decision = g_hash_table_lookup (adj->decisions, key);
  sqlite3_stmt *stmt;

  if (decision == NULL)
    return TRUE;
  if (!hsh_oplog_before (log, "adjudication", decision->row_id, error) ||
      !(stmt = hsh_store_statement (adj->store, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, decision->row_id);
  sqlite3_bind_int64 (stmt, 2, hsh_now_ms ());
  return hsh_store_step_done (adj->store, stmt, "withdrawing a decision", error) &&
         hsh_oplog_after (log, "adjudication", decision->row_id, error);
}

static gint64
insert_gold (Adjudication *adj, HshOplog *log, HshCandidate *candidate, gint64 actor_id, const char *uuid,
             GError **error)
{
  static const char sql[] =
    "INSERT INTO annotation (uuid, document_id, label_id, text, actor_id, gold, author, created, modified, ranges, start, end) "
    "VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?7, ?8, ?9, ?10)";
  sqlite3_stmt *stmt = hsh_store_statement (adj->store, sql, error);
  gint64 id;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, adj->document_id);
  sqlite3_bind_int64 (stmt, 3, candidate->label_id);
  sqlite3_bind_text (stmt, 4, candidate->text, -1, SQLITE_TRANSIENT);
  actor_id > 0 ? sqlite3_bind_int64 (stmt, 5, actor_id) : sqlite3_bind_null (stmt, 5);
  hsh_model_bind_author (adj->store, stmt, 6);
  sqlite3_bind_int64 (stmt, 7, hsh_now_ms ());
  hsh_model_bind_ranges (stmt, 8, (HshRange *) (void *) candidate->ranges->data, candidate->ranges->len);
  if (!hsh_store_step_done (adj->store, stmt, "storing a gold annotation", error))
    return 0;
  id = sqlite3_last_insert_rowid (hsh_store_get_db (adj->store));
  if (!hsh_oplog_after (log, "annotation", id, error))
    return 0;
  return id;
}

static gboolean
insert_values (Adjudication *adj, HshOplog *log, gint64 gold_id, GHashTable *values, GError **error)
{
  static const char sql[] =
    "INSERT INTO attribute_value (uuid, annotation_id, attribute_id, value, author, created, modified) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
  GHashTableIter iter;
  gpointer id, value;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      g_autofree char *uuid = hsh_uuid_new ();
      sqlite3_stmt *stmt = hsh_store_statement (adj->store, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, gold_id);
      sqlite3_bind_int64 (stmt, 3, *(gint64 *) id);
      sqlite3_bind_text (stmt, 4, value, -1, SQLITE_TRANSIENT);
      hsh_model_bind_author (adj->store, stmt, 5);
      sqlite3_bind_int64 (stmt, 6, hsh_now_ms ());
      if (!hsh_store_step_done (adj->store, stmt, "storing a gold attribute", error) ||
          !hsh_oplog_after (log, "attribute_value", sqlite3_last_insert_rowid (hsh_store_get_db (adj->store)), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_link (Adjudication *adj, HshOplog *log, gint64 source, gint64 role, gint64 target, GError **error)
{
  static const char find_sql[] = "SELECT id FROM role_link WHERE source_id = ?1 AND role_id = ?2 AND target_id = ?3";
  static const char insert_sql[] =
    "INSERT INTO role_link (uuid, source_id, role_id, target_id, author, created, modified) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
  g_autofree char *uuid = hsh_uuid_new ();
  sqlite3_stmt *stmt = hsh_store_statement (adj->store, find_sql, error);
  gboolean exists;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source);
  sqlite3_bind_int64 (stmt, 2, role);
  sqlite3_bind_int64 (stmt, 3, target);
  /* Two coders' links between the same two candidates make one gold link. */
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (exists)
    return TRUE;
  if (!(stmt = hsh_store_statement (adj->store, insert_sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, source);
  sqlite3_bind_int64 (stmt, 3, role);
  sqlite3_bind_int64 (stmt, 4, target);
  hsh_model_bind_author (adj->store, stmt, 5);
  sqlite3_bind_int64 (stmt, 6, hsh_now_ms ());
  return hsh_store_step_done (adj->store, stmt, "storing a gold role link", error) &&
         hsh_oplog_after (log, "role_link", sqlite3_last_insert_rowid (hsh_store_get_db (adj->store)), error);
}

static gint64
gold_of (Adjudication *adj, gint64 annotation_id)
{
  HshCandidate *candidate = g_hash_table_lookup (adj->by_annotation, &annotation_id);
  return candidate != NULL && candidate->state == HSH_CANDIDATE_ACCEPTED ? candidate->gold_id : 0;
}

/* Every coder's role link between @candidate and a candidate already in the gold layer. */
static gboolean
copy_links (Adjudication *adj, HshOplog *log, HshCandidate *candidate, gint64 gold_id, GError **error)
{
  for (guint i = 0; i < adj->links->len; i++)
    {
      HshRoleLink *link = g_ptr_array_index (adj->links, i);
      HshCandidate *source = g_hash_table_lookup (adj->by_annotation, &link->source_id);
      HshCandidate *target = g_hash_table_lookup (adj->by_annotation, &link->target_id);
      gint64 other;

      if (source == candidate && target != candidate && (other = gold_of (adj, link->target_id)) > 0 &&
          !insert_link (adj, log, gold_id, link->role_id, other, error))
        return FALSE;
      if (target == candidate && source != candidate && (other = gold_of (adj, link->source_id)) > 0 &&
          !insert_link (adj, log, other, link->role_id, gold_id, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
accept (Adjudication *adj, HshOplog *log, HshCandidate *candidate, GError **error)
{
  g_autofree char *uuid = hsh_uuid_new ();
  g_autoptr(GHashTable) values = NULL;
  gboolean differ;
  gint64 actor_id, gold_id;

  if (!(values = agreed_values (adj, candidate, &actor_id, &differ, error)) ||
      !(gold_id = insert_gold (adj, log, candidate, actor_id, uuid, error)) ||
      !insert_values (adj, log, gold_id, values, error) ||
      !withdraw_decision (adj, log, candidate->key, error) ||
      !insert_decision (adj, log, candidate->key, gold_id, error) ||
      !copy_links (adj, log, candidate, gold_id, error))
    return 0;
  candidate->state = HSH_CANDIDATE_ACCEPTED;
  candidate->gold_id = gold_id;
  return gold_id;
}

static HshCandidate *
find_candidate (Adjudication *adj, const char *key, GError **error)
{
  HshCandidate *candidate = g_hash_table_lookup (adj->by_key, key);

  if (candidate == NULL)
    g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND,
                 "No coder's annotation has that label and those ranges any more; reload the candidates");
  else if (candidate->state == HSH_CANDIDATE_ACCEPTED)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "“%s” (%s) is already in the gold layer; delete or undo its gold annotation first",
                   candidate->text, candidate->label);
      return NULL;
    }
  return candidate;
}

static char *
describe (const char *verb, const char *text, const char *tail)
{
  g_autofree char *shown = g_utf8_strlen (text, -1) > 40 ? g_utf8_substring (text, 0, 40) : g_strdup (text);
  return g_strdup_printf ("%s “%s%s”%s", verb, shown, g_utf8_strlen (text, -1) > 40 ? "…" : "", tail);
}

gint64
hsh_store_accept_candidate (HshStore *store, gint64 document_id, const char *key, GError **error)
{
  g_autoptr(Adjudication) adj = NULL;
  g_autofree char *description = NULL;
  HshCandidate *candidate;
  HshOplog *log;
  gint64 gold_id;

  g_return_val_if_fail (HSH_IS_STORE (store) && key != NULL, 0);
  if (!(adj = adjudication_load (store, document_id, error)) || !(candidate = find_candidate (adj, key, error)))
    return 0;
  description = describe ("Accept", candidate->text, " into the gold layer");
  if (!(log = hsh_oplog_start (store, document_id, description, error)))
    return 0;
  if (!(gold_id = accept (adj, log, candidate, error)))
    {
      hsh_oplog_abort (log);
      return 0;
    }
  return hsh_oplog_finish (log, error) ? gold_id : 0;
}

gboolean
hsh_store_reject_candidate (HshStore *store, gint64 document_id, const char *key, GError **error)
{
  g_autoptr(Adjudication) adj = NULL;
  g_autofree char *description = NULL;
  HshCandidate *candidate;
  HshOplog *log;

  g_return_val_if_fail (HSH_IS_STORE (store) && key != NULL, FALSE);
  if (!(adj = adjudication_load (store, document_id, error)) || !(candidate = find_candidate (adj, key, error)))
    return FALSE;
  if (candidate->state == HSH_CANDIDATE_REJECTED)
    return TRUE;
  description = describe ("Reject", candidate->text, "");
  if (!(log = hsh_oplog_start (store, document_id, description, error)))
    return FALSE;
  if (!insert_decision (adj, log, key, 0, error))
    {
      hsh_oplog_abort (log);
      return FALSE;
    }
  return hsh_oplog_finish (log, error);
}

static gboolean
accept_agreed_in (HshStore *store, HshOplog *log, gint64 document_id, guint *accepted, GError **error)
{
  g_autoptr(Adjudication) adj = adjudication_load (store, document_id, error);

  if (adj == NULL)
    return FALSE;
  for (guint i = 0; i < adj->candidates->len; i++)
    {
      HshCandidate *candidate = g_ptr_array_index (adj->candidates, i);
      if (!candidate->unanimous || candidate->state != HSH_CANDIDATE_OPEN)
        continue;
      if (!accept (adj, log, candidate, error))
        return FALSE;
      (*accepted)++;
    }
  return TRUE;
}

gboolean
hsh_store_accept_agreed (HshStore *store, gint64 document_id, guint *accepted, GError **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  HshOplog *log;
  guint count = 0;

  g_return_val_if_fail (HSH_IS_STORE (store), FALSE);
  if (document_id == 0 && !(documents = hsh_store_list_documents (store, error)))
    return FALSE;
  if (!(log = hsh_oplog_start (store, document_id, "Accept what all coders agree on", error)))
    return FALSE;
  for (guint i = 0; documents == NULL ? i < 1 : i < documents->len; i++)
    {
      gint64 id = documents != NULL ? ((HshDocument *) g_ptr_array_index (documents, i))->id : document_id;
      if (!accept_agreed_in (store, log, id, &count, error))
        {
          hsh_oplog_abort (log);
          return FALSE;
        }
    }
  if (accepted != NULL)
    *accepted = count;
  /* Nothing to accept leaves nothing to undo. */
  if (count == 0)
    {
      hsh_oplog_abort (log);
      return TRUE;
    }
  return hsh_oplog_finish (log, error);
}
