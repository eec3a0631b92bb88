/* hsh-bundle-export.c: a document with its live annotations as a bundle, for the format writers. */
#include "hsh-model-private.h"

static gboolean
fill_span (HshStore *store, HshCodebook *book, HshAnnotation *annotation, HshSpan *span, GError **error)
{
  static const char author_sql[] = "SELECT name, uuid FROM annotator WHERE id = ?1";
  g_autoptr(GHashTable) values = hsh_store_get_attribute_values (store, annotation->id, error);
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;

  if (values == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      HshAttributeDef *def = hsh_codebook_attribute (book, *(gint64 *) key);
      if (def != NULL)
        hsh_span_set_attribute (span, def->name, value);
    }
  if (annotation->actor_id > 0)
    {
      g_autoptr(GError) ignored = NULL;
      HshActor *actor = hsh_store_get_actor (store, annotation->actor_id, &ignored);
      if (actor != NULL)
        {
          span->actor = g_strdup (actor->name);
          span->actor_wikidata = g_strdup (actor->wikidata);
          hsh_actor_free (actor);
        }
    }
  span->note = hsh_store_get_annotation_note (store, annotation->id);
  if (annotation->author_id > 0 && (stmt = hsh_store_statement (store, author_sql, error)))
    {
      sqlite3_bind_int64 (stmt, 1, annotation->author_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          span->annotator = hsh_model_column_dup (stmt, 0);
          span->annotator_uuid = hsh_model_column_dup (stmt, 1);
        }
      sqlite3_reset (stmt);
    }
  span->gold = annotation->gold;
  span->uuid = g_strdup (annotation->uuid);
  return TRUE;
}

HshBundle *
hsh_store_export_bundle (HshStore *store, gint64 document_id, GError **error)
{
  g_autoptr(HshDocument) document = hsh_store_get_document (store, document_id, error);
  g_autofree char *text = document != NULL ? hsh_store_get_document_text (store, document_id, error) : NULL;
  g_autoptr(HshCodebook) book = text != NULL ? hsh_store_load_codebook (store, error) : NULL;
  g_autoptr(GPtrArray) annotations = book != NULL ? hsh_store_list_annotations (store, document_id, error) : NULL;
  g_autoptr(GPtrArray) links = annotations != NULL ? hsh_store_list_role_links (store, document_id, error) : NULL;
  g_autoptr(HshBundle) bundle = NULL;

  if (links == NULL)
    return NULL;
  bundle = hsh_bundle_new (document->title, text);
  bundle->uuid = g_strdup (document->uuid);
  bundle->source = g_strdup (document->source);
  bundle->language = g_strdup (document->language);
  bundle->direction = document->direction;
  for (guint i = 0; i < annotations->len; i++)
    {
      HshAnnotation *annotation = g_ptr_array_index (annotations, i);
      HshLabel *label = hsh_codebook_label (book, annotation->label_id);
      g_autofree char *key = g_strdup_printf ("T%u", i + 1);
      HshRange *first = &g_array_index (annotation->ranges, HshRange, 0);
      HshSpan *span = hsh_bundle_add_span (bundle, key, label != NULL ? label->path : "Unknown", first->start, first->end);

      for (guint r = 1; r < annotation->ranges->len; r++)
        {
          HshRange *range = &g_array_index (annotation->ranges, HshRange, r);
          hsh_span_add_range (span, range->start, range->end);
        }
      g_free (span->text);
      span->text = g_strdup (annotation->text);
      if (!fill_span (store, book, annotation, span, error))
        return NULL;
    }
  for (guint i = 0; i < links->len; i++)
    {
      HshRoleLink *link = g_ptr_array_index (links, i);
      HshRoleDef *role = hsh_codebook_role (book, link->role_id);
      const char *source = NULL, *target = NULL;
      for (guint a = 0; a < annotations->len; a++)
        {
          HshAnnotation *annotation = g_ptr_array_index (annotations, a);
          HshSpan *span = g_ptr_array_index (bundle->spans, a);
          if (annotation->id == link->source_id)
            source = span->key;
          if (annotation->id == link->target_id)
            target = span->key;
        }
      if (role != NULL && source != NULL && target != NULL)
        hsh_bundle_add_role (bundle, source, role->name, target);
    }
  return g_steal_pointer (&bundle);
}
