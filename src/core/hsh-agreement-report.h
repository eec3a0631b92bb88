/* hsh-agreement-report.h: inter-coder agreement of a project, per label and per document. */
#pragma once

#include "hsh-agreement.h"
#include "hsh-store.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------------------------------
 * What is compared.
 *
 * Coders are annotators; only their live, non-gold annotations count. A coder with no such
 * annotation in a document is taken not to have coded it: their values there are missing,
 * not "nothing tagged", and pairs that include them are left out for that document.
 *
 * Rows. Every label path used by a coder (or lying above a used one) is a row, in codebook
 * order, after the "overall" row. A row stands for its label and everything below it: the
 * "Actor" row counts Actor/State and Actor/Person spans as Actor.
 *
 * Character and token units (kappa, alpha). Labels nest (an Actor inside a Claim), so a unit
 * cannot carry one label. A label's row therefore codes each unit as present (some span of
 * the label or below covers it) or absent, for that label alone. The overall row pools, over
 * every top-level label used in the report's documents, one unit per character (or token) and
 * top-level label, coded with the most specific label of that subtree covering it (the
 * shortest span wins, as in hsh_coding_data_new_from_characters) or as absent. A token takes
 * the label covering most of its characters. The corpus pools the units of every document.
 * Cohen's kappa is given for exactly two coders, Krippendorff's alpha (nominal) for two or more.
 *
 * Unitizing alpha (alpha_U) studies each row's category on the document's continuum of code
 * points; a discontinuous span gives one unit per fragment, and one coder's overlapping units
 * of one category are joined. The overall row is alpha_U over the exact labels. The corpus
 * joins, end to end, the documents every selected coder annotated (the measure needs the same
 * coders throughout); a document alone uses the coders who annotated it.
 *
 * Spans (precision, recall, F1). A discontinuous span is compared by its hull. With two coders
 * the first is the reference: precision is the second coder's matched share. With more, each
 * pair of coders (the earlier in the coder list as reference) is scored and the scores are
 * averaged over the pairs where they are defined. Counts are summed over documents before
 * dividing (micro-average), and over pairs for n.
 *
 * Attributes and role links are compared on the spans that overlap matching pairs (same exact
 * label, greedy as in hsh_span_agreement_new). Each attribute the label has (its linked actor
 * counts as one) that at least one of the two set is one comparison; agreement is the share of
 * equal values, an unset value disagreeing with a set one. Alpha (nominal) takes each
 * comparison as a unit coded by the two coders. A role link of a matched span agrees when the
 * other coder links the matched span with the same role to the span matched with its target;
 * role agreement is 2 × agreeing links / all links of both matched spans.
 *
 * Undefined values (no unit, no pair, chance agreement already total) are NaN with n = 0 or
 * the count that was too small; serialised as "" in CSV and null in JSON.
 * ------------------------------------------------------------------------------------------ */

typedef enum {
  HSH_AGREEMENT_UNIT_CHARACTER,
  HSH_AGREEMENT_UNIT_TOKEN,      /* hsh_format_tokenize's tokens */
} HshAgreementUnit;

typedef enum {
  HSH_MEASURE_KAPPA,              /* n: units both coders coded */
  HSH_MEASURE_ALPHA,              /* n: pairable values */
  HSH_MEASURE_UNITIZING_ALPHA,    /* n: units (spans) of all coders */
  HSH_MEASURE_EXACT_PRECISION,    /* n: candidate spans */
  HSH_MEASURE_EXACT_RECALL,       /* n: reference spans */
  HSH_MEASURE_EXACT_F1,           /* n: matched pairs */
  HSH_MEASURE_OVERLAP_PRECISION,
  HSH_MEASURE_OVERLAP_RECALL,
  HSH_MEASURE_OVERLAP_F1,
  HSH_MEASURE_ATTRIBUTE_AGREEMENT, /* share 0–1; n: comparisons */
  HSH_MEASURE_ATTRIBUTE_ALPHA,     /* n: pairable values */
  HSH_MEASURE_ROLE_AGREEMENT,      /* share 0–1; n: links of matched spans */
  HSH_N_MEASURES
} HshAgreementMeasure;

/* Every value lies in [-1, 1] (kappas and alphas) or [0, 1] (the others), so one colour scale
 * from 0 to 1 serves a heat map; below 0 is worse than chance. */
typedef struct {
  double  value;   /* NAN when undefined */
  guint64 n;
} HshAgreementCell;

typedef struct {
  char             *label;   /* label path; NULL for the overall row */
  guint             depth;   /* in the codebook; 0 for the overall row */
  HshAgreementCell  cells[HSH_N_MEASURES];
} HshAgreementRow;

typedef struct {
  gint64     document_id;    /* 0 for the corpus */
  char      *title;          /* the document's title; NULL for the corpus */
  guint      n_coders;       /* coders who annotated it (selected coders for the corpus) */
  GPtrArray *rows;           /* HshAgreementRow: overall first, then labels in codebook order */
} HshAgreementTable;

typedef struct {
  gint64  id;
  char   *uuid;
  char   *name;
} HshAgreementCoder;

typedef struct {
  HshAgreementUnit   unit;
  GPtrArray         *coders;     /* HshAgreementCoder, in the order given or by annotator id */
  HshAgreementTable *corpus;
  GPtrArray         *documents;  /* HshAgreementTable, in the order asked (import order) */
} HshAgreementReport;

typedef struct {
  GArray           *document_ids;  /* gint64; NULL: every document */
  GArray           *coder_ids;     /* gint64 annotator ids; NULL: everyone with non-gold work */
  HshAgreementUnit  unit;
} HshAgreementOptions;

/* Fails when fewer than two coders remain, or a document or coder does not exist. */
HshAgreementReport *hsh_agreement_report_new     (HshStore                  *store,
                                                  const HshAgreementOptions *options,
                                                  GCancellable              *cancellable,
                                                  GError                   **error);
void                hsh_agreement_report_free    (HshAgreementReport        *report);
/* The row of @label (NULL: overall), or NULL when the report has no such row. */
HshAgreementRow    *hsh_agreement_table_find_row (HshAgreementTable         *table,
                                                  const char                *label);
/* The column name in CSV and JSON ("overlap_f1"), and a heading for a person ("Overlap F1"). */
const char         *hsh_agreement_measure_id     (HshAgreementMeasure        measure);
const char         *hsh_agreement_measure_title  (HshAgreementMeasure        measure);
/* The annotator whose name or UUID is @ref; 0 with @error set when none or several match. */
gint64              hsh_store_find_annotator     (HshStore                  *store,
                                                  const char                *ref,
                                                  GError                   **error);

/* One line per table and row: scope, document_id, document, label, then value and n of every
 * measure. Spreadsheet formulas in titles are defused (hsh_csv_append_field). */
char               *hsh_agreement_report_to_csv  (HshAgreementReport        *report);
/* {"unit", "coders": [{id, uuid, name}], "corpus": table, "documents": [table]}, a table being
 * {"document_id", "title", "coders", "rows": [{"label", measure: {"value", "n"}…}]}. */
char               *hsh_agreement_report_to_json (HshAgreementReport        *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshAgreementReport, hsh_agreement_report_free)

G_END_DECLS
