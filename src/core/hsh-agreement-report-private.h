/* hsh-agreement-report-private.h: what the agreement report's files share while computing it. */
#pragma once

#include "hsh-agreement-report.h"
#include "hsh-model.h"

G_BEGIN_DECLS

#define REPORT_NONE "∅"   /* the category of a unit no span covers */
#define REPORT_NO_LABEL G_MAXUINT

/* A coder's annotation as the report compares it. */
typedef struct {
  const HshAnnotation *annotation;
  guint                coder;   /* index among the selected coders */
  guint                label;   /* index of its label in the codebook */
  HshRange             hull;
} ReportSpan;

typedef struct {
  HshDocument *document;
  GPtrArray   *annotations;  /* HshAnnotation, owned */
  GArray      *spans;        /* ReportSpan of the selected coders, in annotation order */
  gboolean    *present;      /* per coder: annotated this document */
  guint        n_present;
  GPtrArray   *links;        /* HshRoleLink */
  GArray      *tokens;       /* HshRange per token with token units, else NULL */
  GHashTable  *attributes;   /* annotation id → its attribute values, read when needed */
} ReportDocument;

/* One unit of a unitizing study waiting for its continuum to be known. */
typedef struct {
  guint  rater;
  guint  category;   /* a label index */
  gint64 begin;
  gint64 end;
} ReportSegment;

enum { SPAN_REFERENCE, SPAN_CANDIDATE, SPAN_MATCHED, SPAN_N_COUNTS };

/* What one row gathers over a document or the corpus before its measures are computed. */
typedef struct {
  gboolean       used;              /* a coder used the label (or one below it) here */
  HshCodingData *units;             /* characters or tokens */
  HshCodingData *attributes;        /* attribute comparisons of matched pairs */
  guint64        attribute_agreed;
  guint64        attribute_compared;
  guint64        role_agreed;
  guint64        role_links;
  guint64       *spans;             /* [pair][match][SPAN_N_COUNTS] */
  GArray        *segments;          /* ReportSegment */
} ReportRow;

typedef struct {
  guint      n_rows;       /* row 0 is overall, row i + 1 the codebook's label i */
  ReportRow *rows;
  gint64     continuum;    /* code points of the unitizing continuum */
  guint      n_raters;     /* raters of the unitizing study */
} ReportScope;

typedef struct {
  HshStore         *store;
  HshCodebook      *codebook;
  HshAgreementUnit  unit;
  guint             n_coders;
  guint             n_pairs;
  guint             n_labels;
  guint            *parent;      /* label index → its parent's index, or REPORT_NO_LABEL */
  guint            *top;         /* label index → its top-level ancestor's index */
  gboolean         *in_report;   /* label index → it has a row */
  gboolean         *top_used;    /* label index → a top-level label some coder used */
  GHashTable       *label_index; /* label id (gint64 *) → index + 1 */
  ReportScope      *corpus;
} ReportContext;

static inline guint
report_pair_index (guint n_coders, guint i, guint j)
{
  /* Pairs (i < j) numbered row by row of the upper triangle. */
  return i * n_coders - i * (i + 1) / 2 + (j - i - 1);
}

static inline const char *
report_label_path (ReportContext *ctx, guint label)
{
  return ((HshLabel *) g_ptr_array_index (ctx->codebook->labels, label))->path;
}

ReportScope *report_scope_new          (ReportContext  *ctx,
                                        guint           n_raters);
void         report_scope_free         (ReportScope    *scope);
void         report_scope_finish       (ReportContext  *ctx,
                                        ReportScope    *scope,
                                        HshAgreementTable *table);

/* hsh-agreement-report-units.c: kappa and alpha units, and unitizing segments. */
void         report_add_units          (ReportContext  *ctx,
                                        ReportDocument *doc,
                                        ReportScope    *scope);
void         report_add_segments       (ReportContext  *ctx,
                                        ReportDocument *doc,
                                        ReportScope    *scope);
void         report_unitizing          (ReportScope    *scope,
                                        guint           row,
                                        ReportContext  *ctx,
                                        HshAgreementCell *cell);

/* hsh-agreement-report-spans.c: span scores, and attributes and roles of matched spans. */
gboolean     report_add_spans          (ReportContext  *ctx,
                                        ReportDocument *doc,
                                        ReportScope    *scope,
                                        GError        **error);
void         report_span_cells         (ReportContext  *ctx,
                                        ReportRow      *row,
                                        HshAgreementCell *cells);

G_END_DECLS
