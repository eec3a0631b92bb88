/* hsh-agreement-report.c: the agreement report — choosing coders, documents and rows, reading
 * each document once, and turning what was gathered into the table a person reads. */
#include "hsh-agreement-report-private.h"
#include "hsh-format-common.h"
#include "hsh-store-private.h"

#include <math.h>

static const struct {
  const char *id;
  const char *title;
} measures[HSH_N_MEASURES] = {
  { "kappa", "Cohen’s κ" },
  { "alpha", "Krippendorff’s α" },
  { "unitizing_alpha", "Unitizing α" },
  { "exact_precision", "Exact precision" },
  { "exact_recall", "Exact recall" },
  { "exact_f1", "Exact F1" },
  { "overlap_precision", "Overlap precision" },
  { "overlap_recall", "Overlap recall" },
  { "overlap_f1", "Overlap F1" },
  { "attribute_agreement", "Attribute agreement" },
  { "attribute_alpha", "Attribute α" },
  { "role_agreement", "Role agreement" },
};

const char *
hsh_agreement_measure_id (HshAgreementMeasure measure)
{
  g_return_val_if_fail (measure < HSH_N_MEASURES, NULL);
  return measures[measure].id;
}

const char *
hsh_agreement_measure_title (HshAgreementMeasure measure)
{
  g_return_val_if_fail (measure < HSH_N_MEASURES, NULL);
  return measures[measure].title;
}

/* Freeing ----------------------------------------------------------------------------------- */

static void
row_free (HshAgreementRow *row)
{
  g_free (row->label);
  g_free (row);
}

static void
table_free (HshAgreementTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static HshAgreementTable *
table_new (gint64 document_id, const char *title, guint n_coders)
{
  HshAgreementTable *table = g_new0 (HshAgreementTable, 1);

  table->document_id = document_id;
  table->title = g_strdup (title);
  table->n_coders = n_coders;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  return table;
}

static void
coder_free (HshAgreementCoder *coder)
{
  g_free (coder->uuid);
  g_free (coder->name);
  g_free (coder);
}

void
hsh_agreement_report_free (HshAgreementReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->coders, g_ptr_array_unref);
  table_free (report->corpus);
  g_clear_pointer (&report->documents, g_ptr_array_unref);
  g_free (report);
}

HshAgreementRow *
hsh_agreement_table_find_row (HshAgreementTable *table, const char *label)
{
  g_return_val_if_fail (table != NULL, NULL);
  for (guint i = 0; i < table->rows->len; i++)
    {
      HshAgreementRow *row = g_ptr_array_index (table->rows, i);
      if (g_strcmp0 (row->label, label) == 0)
        return row;
    }
  return NULL;
}

/* Scopes ------------------------------------------------------------------------------------ */

ReportScope *
report_scope_new (ReportContext *ctx, guint n_raters)
{
  ReportScope *scope = g_new0 (ReportScope, 1);

  scope->n_rows = ctx->n_labels + 1;
  scope->rows = g_new0 (ReportRow, scope->n_rows);
  scope->n_raters = n_raters;
  return scope;
}

void
report_scope_free (ReportScope *scope)
{
  if (scope == NULL)
    return;
  for (guint r = 0; r < scope->n_rows; r++)
    {
      ReportRow *row = &scope->rows[r];
      g_clear_pointer (&row->units, hsh_coding_data_free);
      g_clear_pointer (&row->attributes, hsh_coding_data_free);
      g_clear_pointer (&row->segments, g_array_unref);
      g_free (row->spans);
    }
  g_free (scope->rows);
  g_free (scope);
}

static void
unit_cells (ReportContext *ctx, ReportRow *row, HshAgreementCell *cells)
{
  HshAgreementResult result;

  if (row->units == NULL)
    return;
  if (ctx->n_coders == 2 && hsh_cohen_kappa (row->units, &result, NULL))
    cells[HSH_MEASURE_KAPPA] = (HshAgreementCell) { result.value, result.n };
  if (hsh_krippendorff_alpha (row->units, HSH_ALPHA_NOMINAL, &result, NULL))
    cells[HSH_MEASURE_ALPHA] = (HshAgreementCell) { result.value, result.n };
}

void
report_scope_finish (ReportContext *ctx, ReportScope *scope, HshAgreementTable *table)
{
  for (guint r = 0; r < scope->n_rows; r++)
    {
      HshAgreementRow *row;

      if (r > 0 && !ctx->in_report[r - 1])
        continue;
      row = g_new0 (HshAgreementRow, 1);
      row->label = r > 0 ? g_strdup (report_label_path (ctx, r - 1)) : NULL;
      row->depth = r > 0 ? ((HshLabel *) g_ptr_array_index (ctx->codebook->labels, r - 1))->depth : 0;
      for (guint m = 0; m < HSH_N_MEASURES; m++)
        row->cells[m] = (HshAgreementCell) { NAN, 0 };
      if (scope->rows[r].used)
        {
          unit_cells (ctx, &scope->rows[r], row->cells);
          report_unitizing (scope, r, ctx, &row->cells[HSH_MEASURE_UNITIZING_ALPHA]);
          report_span_cells (ctx, &scope->rows[r], row->cells);
        }
      g_ptr_array_add (table->rows, row);
    }
}

/* Coders and documents ---------------------------------------------------------------------- */

gint64
hsh_store_find_annotator (HshStore *store, const char *ref, GError **error)
{
  static const char sql[] = "SELECT id FROM annotator WHERE uuid = ?1 OR name = ?1 ORDER BY id";
  sqlite3_stmt *stmt;
  gint64 id = 0;
  guint found = 0;

  g_return_val_if_fail (HSH_IS_STORE (store) && ref != NULL, 0);
  if (!(stmt = hsh_store_statement (store, sql, error)))
    return 0;
  sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      found++;
    }
  sqlite3_reset (stmt);
  if (found == 1)
    return id;
  g_set_error (error, HSH_ERROR, found == 0 ? HSH_ERROR_NOT_FOUND : HSH_ERROR_INVALID_INPUT,
               found == 0 ? "No coder called “%s” in this project" : "Several coders are called “%s”: give a UUID",
               ref);
  return 0;
}

static HshAgreementCoder *
load_coder (HshStore *store, gint64 id, GError **error)
{
  static const char sql[] = "SELECT uuid, name FROM annotator WHERE id = ?1";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  HshAgreementCoder *coder = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      coder = g_new0 (HshAgreementCoder, 1);
      coder->id = id;
      coder->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      coder->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (coder == NULL)
    g_set_error (error, HSH_ERROR, HSH_ERROR_NOT_FOUND, "No coder %" G_GINT64_FORMAT " in this project", id);
  return coder;
}

/* Who used which label in which document: enough to choose coders and rows before reading any
 * document. */
typedef struct {
  gint64 document_id;
  gint64 author;
  gint64 label_id;
} Work;

static GArray *
load_work (HshStore *store, GError **error)
{
  static const char sql[] =
    "SELECT DISTINCT document_id, author, label_id FROM annotation "
    "WHERE deleted = 0 AND gold = 0 AND author IS NOT NULL ORDER BY author";
  sqlite3_stmt *stmt = hsh_store_statement (store, sql, error);
  GArray *work;

  if (stmt == NULL)
    return NULL;
  work = g_array_new (FALSE, FALSE, sizeof (Work));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Work row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2) };
      g_array_append_val (work, row);
    }
  sqlite3_reset (stmt);
  return work;
}

static GPtrArray *
choose_documents (HshStore *store, GArray *ids, GError **error)
{
  g_autoptr(GPtrArray) all = hsh_store_list_documents (store, error);
  GPtrArray *chosen;

  if (all == NULL || ids == NULL)
    return g_steal_pointer (&all);
  chosen = g_ptr_array_new_with_free_func ((GDestroyNotify) hsh_document_free);
  for (guint i = 0; i < ids->len; i++)
    {
      HshDocument *document = hsh_store_get_document (store, g_array_index (ids, gint64, i), error);
      if (document == NULL)
        {
          g_ptr_array_unref (chosen);
          return NULL;
        }
      g_ptr_array_add (chosen, document);
    }
  return chosen;
}

static gboolean
has_document (GPtrArray *documents, gint64 id)
{
  for (guint i = 0; i < documents->len; i++)
    if (((HshDocument *) g_ptr_array_index (documents, i))->id == id)
      return TRUE;
  return FALSE;
}

static GArray *
default_coders (GArray *work, GPtrArray *documents)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < work->len; i++)
    {
      Work *row = &g_array_index (work, Work, i);
      gboolean seen = ids->len > 0 && g_array_index (ids, gint64, ids->len - 1) == row->author;
      if (!seen && has_document (documents, row->document_id))
        g_array_append_val (ids, row->author);
    }
  return ids;
}

static GPtrArray *
choose_coders (HshStore *store, GArray *requested, GArray *work, GPtrArray *documents, GError **error)
{
  g_autoptr(GArray) ids = requested != NULL ? g_array_ref (requested) : default_coders (work, documents);
  g_autoptr(GPtrArray) coders = g_ptr_array_new_with_free_func ((GDestroyNotify) coder_free);

  for (guint i = 0; i < ids->len; i++)
    {
      HshAgreementCoder *coder = load_coder (store, g_array_index (ids, gint64, i), error);
      if (coder == NULL)
        return NULL;
      g_ptr_array_add (coders, coder);
    }
  if (coders->len < 2)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "Agreement needs two coders or more; %s", coders->len == 0 ? "no one has annotated these documents"
                   : "only one has annotated these documents");
      return NULL;
    }
  return g_steal_pointer (&coders);
}

/* The context ------------------------------------------------------------------------------- */

static void
context_clear (ReportContext *ctx)
{
  g_clear_pointer (&ctx->codebook, hsh_codebook_free);
  g_clear_pointer (&ctx->parent, g_free);
  g_clear_pointer (&ctx->top, g_free);
  g_clear_pointer (&ctx->in_report, g_free);
  g_clear_pointer (&ctx->top_used, g_free);
  g_clear_pointer (&ctx->label_index, g_hash_table_unref);
  g_clear_pointer (&ctx->corpus, report_scope_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportContext, context_clear)

static guint
label_index (ReportContext *ctx, gint64 label_id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (ctx->label_index, &label_id)) - 1;
}

static void
context_index_labels (ReportContext *ctx)
{
  GPtrArray *labels = ctx->codebook->labels;

  ctx->n_labels = labels->len;
  ctx->label_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < labels->len; i++)
    g_hash_table_insert (ctx->label_index, &((HshLabel *) g_ptr_array_index (labels, i))->id, GUINT_TO_POINTER (i + 1));
  ctx->parent = g_new (guint, MAX (labels->len, 1));
  ctx->top = g_new (guint, MAX (labels->len, 1));
  ctx->in_report = g_new0 (gboolean, MAX (labels->len, 1));
  ctx->top_used = g_new0 (gboolean, MAX (labels->len, 1));
  /* Depth-first order puts every parent before its children. */
  for (guint i = 0; i < labels->len; i++)
    {
      HshLabel *label = g_ptr_array_index (labels, i);
      guint parent = label->parent_id != 0 ? label_index (ctx, label->parent_id) : REPORT_NO_LABEL;
      ctx->parent[i] = parent < i ? parent : REPORT_NO_LABEL;
      ctx->top[i] = ctx->parent[i] == REPORT_NO_LABEL ? i : ctx->top[ctx->parent[i]];
    }
}

static gint
coder_of (GPtrArray *coders, gint64 author)
{
  for (guint c = 0; c < coders->len; c++)
    if (((HshAgreementCoder *) g_ptr_array_index (coders, c))->id == author)
      return (gint) c;
  return -1;
}

static void
context_choose_rows (ReportContext *ctx, GArray *work, GPtrArray *documents, GPtrArray *coders)
{
  for (guint i = 0; i < work->len; i++)
    {
      Work *row = &g_array_index (work, Work, i);
      guint label = label_index (ctx, row->label_id);
      if (label == REPORT_NO_LABEL || coder_of (coders, row->author) < 0 || !has_document (documents, row->document_id))
        continue;
      ctx->top_used[ctx->top[label]] = TRUE;
      for (; label != REPORT_NO_LABEL; label = ctx->parent[label])
        ctx->in_report[label] = TRUE;
    }
}

/* Documents --------------------------------------------------------------------------------- */

static void
document_free (ReportDocument *doc)
{
  g_clear_pointer (&doc->annotations, g_ptr_array_unref);
  g_clear_pointer (&doc->spans, g_array_unref);
  g_clear_pointer (&doc->present, g_free);
  g_clear_pointer (&doc->links, g_ptr_array_unref);
  g_clear_pointer (&doc->tokens, g_array_unref);
  g_clear_pointer (&doc->attributes, g_hash_table_unref);
}

static gboolean
load_tokens (ReportContext *ctx, ReportDocument *doc, GError **error)
{
  g_autofree char *text = hsh_store_get_document_text (ctx->store, doc->document->id, error);
  g_autofree gunichar *chars = NULL;
  gint64 length = 0;

  if (text == NULL)
    return FALSE;
  chars = hsh_format_code_points (text, &length);
  doc->tokens = hsh_format_tokenize (chars, length, NULL);
  return TRUE;
}

static void
add_span (ReportContext *ctx, ReportDocument *doc, ReportScope *scope, HshAnnotation *annotation, gint coder)
{
  ReportSpan span = { annotation, (guint) coder, label_index (ctx, annotation->label_id),
                      { hsh_annotation_start (annotation), hsh_annotation_end (annotation) } };

  if (span.label == REPORT_NO_LABEL || annotation->ranges->len == 0)
    return;
  g_array_append_val (doc->spans, span);
  if (!doc->present[coder])
    doc->n_present++;
  doc->present[coder] = TRUE;
  scope->rows[0].used = TRUE;
  for (guint label = span.label; label != REPORT_NO_LABEL; label = ctx->parent[label])
    scope->rows[label + 1].used = TRUE;
}

static gboolean
load_document (ReportContext *ctx, ReportDocument *doc, ReportScope *scope, GPtrArray *coders, GError **error)
{
  doc->annotations = hsh_store_list_annotations (ctx->store, doc->document->id, error);
  if (doc->annotations == NULL)
    return FALSE;
  doc->spans = g_array_new (FALSE, FALSE, sizeof (ReportSpan));
  doc->present = g_new0 (gboolean, ctx->n_coders);
  doc->attributes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  for (guint i = 0; i < doc->annotations->len; i++)
    {
      HshAnnotation *annotation = g_ptr_array_index (doc->annotations, i);
      gint coder = annotation->gold ? -1 : coder_of (coders, annotation->author_id);
      if (coder >= 0)
        add_span (ctx, doc, scope, annotation, coder);
    }
  if (!(doc->links = hsh_store_list_role_links (ctx->store, doc->document->id, error)))
    return FALSE;
  return ctx->unit != HSH_AGREEMENT_UNIT_TOKEN || load_tokens (ctx, doc, error);
}

static HshAgreementTable *
document_table (ReportContext *ctx, HshDocument *document, GPtrArray *coders, GError **error)
{
  ReportDocument doc = { .document = document };
  ReportScope *scope = report_scope_new (ctx, 0);
  HshAgreementTable *table = NULL;

  if (load_document (ctx, &doc, scope, coders, error))
    {
      report_add_units (ctx, &doc, scope);
      report_add_segments (ctx, &doc, scope);
      if (report_add_spans (ctx, &doc, scope, error))
        {
          table = table_new (document->id, document->title, doc.n_present);
          report_scope_finish (ctx, scope, table);
        }
    }
  document_free (&doc);
  report_scope_free (scope);
  return table;
}

static void
corpus_rows_used (ReportContext *ctx)
{
  ctx->corpus->rows[0].used = TRUE;
  for (guint label = 0; label < ctx->n_labels; label++)
    ctx->corpus->rows[label + 1].used = ctx->in_report[label];
}

HshAgreementReport *
hsh_agreement_report_new (HshStore *store, const HshAgreementOptions *options,
                          GCancellable *cancellable, GError **error)
{
  g_auto(ReportContext) ctx = { .store = store, .unit = options != NULL ? options->unit : HSH_AGREEMENT_UNIT_CHARACTER };
  g_autoptr(HshAgreementReport) report = g_new0 (HshAgreementReport, 1);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GArray) work = NULL;

  g_return_val_if_fail (HSH_IS_STORE (store), NULL);
  report->unit = ctx.unit;
  report->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  if (!(ctx.codebook = hsh_store_load_codebook (store, error)) ||
      !(documents = choose_documents (store, options != NULL ? options->document_ids : NULL, error)) ||
      !(work = load_work (store, error)) ||
      !(report->coders = choose_coders (store, options != NULL ? options->coder_ids : NULL, work, documents, error)))
    return NULL;
  ctx.n_coders = report->coders->len;
  ctx.n_pairs = ctx.n_coders * (ctx.n_coders - 1) / 2;
  context_index_labels (&ctx);
  context_choose_rows (&ctx, work, documents, report->coders);
  ctx.corpus = report_scope_new (&ctx, ctx.n_coders);
  corpus_rows_used (&ctx);
  for (guint i = 0; i < documents->len; i++)
    {
      HshAgreementTable *table;
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !(table = document_table (&ctx, g_ptr_array_index (documents, i), report->coders, error)))
        return NULL;
      g_ptr_array_add (report->documents, table);
    }
  report->corpus = table_new (0, NULL, ctx.n_coders);
  report_scope_finish (&ctx, ctx.corpus, report->corpus);
  return g_steal_pointer (&report);
}
