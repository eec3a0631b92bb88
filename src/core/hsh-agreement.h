/* hsh-agreement.h: inter-annotator agreement — kappa, alpha, unitizing alpha and span matching. */
#pragma once

#include <glib.h>
#include "hsh-types.h"

G_BEGIN_DECLS

/* One coefficient with the two quantities it is made of. For Cohen's kappa, Scott's pi,
 * Bennett's S, Fleiss' and Randolph's kappa @observed and @expected are agreements (P_o, P_e);
 * for weighted kappa and every alpha they are disagreements (D_o, D_e). */
typedef struct {
  double  value;
  double  observed;
  double  expected;
  guint64 n;         /* units (kappas) or pairable values (alpha) that entered the computation */
} HshAgreementResult;

/* ------------------------------------------------------------------------------------------
 * Coding data: units × raters, each cell a category or missing.
 *
 * Categories are strings; a category whose label reads as a number ("3", "0.5") also has that
 * numeric value, which the interval and ratio metrics use. Their order — which linear and
 * quadratic weights, ordinal alpha and custom matrices follow — is: declared categories first,
 * in the order declared, then the others as first seen; except that when nothing was declared
 * and every category is a number, the order is ascending by value. Weights go by position in
 * that order, so to get R irr's "only the observed levels count", declare nothing.
 * ------------------------------------------------------------------------------------------ */

typedef struct _HshCodingData HshCodingData;

HshCodingData *hsh_coding_data_new              (guint           n_raters);
void           hsh_coding_data_free             (HshCodingData  *data);
guint          hsh_coding_data_get_n_raters     (HshCodingData  *data);
/* Declares @category (in order) before any unit is added; returns its position. */
guint          hsh_coding_data_declare_category (HshCodingData  *data,
                                                 const char     *category);
/* Adds a unit rated @count times alike: @values has one entry per rater, NULL when missing. */
void           hsh_coding_data_add_unit         (HshCodingData  *data,
                                                 const char *const *values,
                                                 guint           count);
/* The same for numeric ratings; NAN marks a missing one. */
void           hsh_coding_data_add_numeric_unit (HshCodingData  *data,
                                                 const double   *values,
                                                 guint           count);
guint          hsh_coding_data_get_n_categories (HshCodingData  *data);
/* The category at @position in the order described above. */
const char    *hsh_coding_data_get_category     (HshCodingData  *data,
                                                 guint           position);
/* The position of @category, or -1 when it was never declared or used. */
int            hsh_coding_data_find_category    (HshCodingData  *data,
                                                 const char     *category);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshCodingData, hsh_coding_data_free)

/* Two-rater coefficients. Units missing either rating are left out. They fail when there are
 * not exactly two raters, no complete unit, or chance agreement is already total (P_e = 1). */
gboolean hsh_cohen_kappa  (HshCodingData *data, HshAgreementResult *result, GError **error);
gboolean hsh_scott_pi     (HshCodingData *data, HshAgreementResult *result, GError **error);
/* Bennett, Alpert & Goldstein's S: chance is 1/k over all k declared or used categories. */
gboolean hsh_bennett_s    (HshCodingData *data, HshAgreementResult *result, GError **error);

typedef enum {
  HSH_KAPPA_WEIGHTS_LINEAR,     /* disagreement |i − j| between category positions */
  HSH_KAPPA_WEIGHTS_QUADRATIC,  /* disagreement (i − j)² */
} HshKappaWeights;

/* Weighted kappa 1 − D_o/D_e over two raters. */
gboolean hsh_weighted_kappa        (HshCodingData      *data,
                                    HshKappaWeights     weights,
                                    HshAgreementResult *result,
                                    GError            **error);
/* The same with a k × k row-major matrix of disagreement weights over category positions. */
gboolean hsh_weighted_kappa_custom (HshCodingData      *data,
                                    const double       *disagreement,
                                    HshAgreementResult *result,
                                    GError            **error);
/* R irr's custom weights: @by_distance[d] is the disagreement of two categories d positions
 * apart, rescaled to [0, 1]. Returns an @n_categories² matrix for hsh_weighted_kappa_custom,
 * or NULL when @by_distance has fewer than @n_categories entries or is constant. */
double  *hsh_kappa_weights_from_level_distance (const double *by_distance,
                                                guint         n_distances,
                                                guint         n_categories,
                                                GError      **error);

/* Fleiss' kappa over any number (≥ 2) of raters, whose identity does not matter. Units with a
 * missing rating are left out, since the measure needs the same number of ratings per unit. */
gboolean hsh_fleiss_kappa              (HshCodingData *data, HshAgreementResult *result,
                                        GError **error);
/* Fleiss' kappa for the category at @position against all others (Fleiss 1971, eq. 18). */
gboolean hsh_fleiss_kappa_for_category (HshCodingData *data, guint position, double *kappa,
                                        GError **error);
/* Randolph's free-marginal multirater kappa: Fleiss' P_o with chance 1/k. */
gboolean hsh_randolph_kappa            (HshCodingData *data, HshAgreementResult *result,
                                        GError **error);
/* Light's kappa: the mean of Cohen's kappa over every pair of raters. */
gboolean hsh_light_kappa               (HshCodingData *data, double *kappa, GError **error);

typedef enum {
  HSH_ALPHA_NOMINAL,
  HSH_ALPHA_ORDINAL,   /* ranks follow the category order */
  HSH_ALPHA_INTERVAL,  /* needs numeric categories */
  HSH_ALPHA_RATIO,     /* needs numeric categories */
} HshAlphaMetric;

/* Krippendorff's alpha over any number of raters with missing data. Units with fewer than two
 * ratings are not pairable and are left out. When D_e = 0 and D_o = 0 (everyone used one
 * category) alpha is 1, as in DKPro and NLTK. Fails when no unit is pairable. */
gboolean hsh_krippendorff_alpha              (HshCodingData      *data,
                                              HshAlphaMetric      metric,
                                              HshAgreementResult *result,
                                              GError            **error);
/* The same with a k × k row-major matrix of delta² over category positions (used as is). */
gboolean hsh_krippendorff_alpha_custom       (HshCodingData      *data,
                                              const double       *delta2,
                                              HshAgreementResult *result,
                                              GError            **error);
/* Nominal alpha of the category at @position against all others together. */
gboolean hsh_krippendorff_alpha_for_category (HshCodingData      *data,
                                              guint               position,
                                              HshAgreementResult *result,
                                              GError            **error);

/* ------------------------------------------------------------------------------------------
 * Krippendorff's unitizing alpha (alpha_U, Krippendorff 2004, as DKPro and INCEpTION compute
 * it) over a continuum [begin, begin + length) of integer positions (code points for text).
 * Each category is studied on its own: for a rater, its units of that category and the gaps
 * between them (leading and trailing gaps included) tile the continuum.
 * ------------------------------------------------------------------------------------------ */

typedef struct _HshUnitizingStudy HshUnitizingStudy;

HshUnitizingStudy *hsh_unitizing_study_new      (gint64             begin,
                                                 gint64             length,
                                                 guint              n_raters);
void               hsh_unitizing_study_free     (HshUnitizingStudy *study);
/* Adds rater @rater's unit [@begin, @end) of @category (raters count from 0). A NULL
 * @category is ignored. Fails when the unit leaves the continuum or names no rater of the
 * study; that a rater's units of one category do not overlap is checked by the measures. */
gboolean           hsh_unitizing_study_add_unit (HshUnitizingStudy *study,
                                                 guint              rater,
                                                 gint64             begin,
                                                 gint64             end,
                                                 const char        *category,
                                                 GError           **error);
/* The categories used, sorted. */
GPtrArray         *hsh_unitizing_study_dup_categories (HshUnitizingStudy *study);

/* alpha_U of one category. @result's @observed and @expected are D_o(c) and D_e(c); alpha is
 * 0 when they are equal (which covers a study of zero-length units only, where both are 0).
 * Fails when one rater's units of the category overlap, or the category was never used. */
gboolean           hsh_unitizing_alpha_for_category (HshUnitizingStudy  *study,
                                                     const char         *category,
                                                     HshAgreementResult *result,
                                                     GError            **error);
/* alpha_U over all categories: 1 − Σ D_o(c) / Σ D_e(c), reported with the means of D_o and
 * D_e over categories (DKPro's convention). NaN when no unit has a category. Both this and
 * the per-category alpha fail with fewer than two raters or an empty continuum. */
gboolean           hsh_unitizing_alpha              (HshUnitizingStudy  *study,
                                                     HshAgreementResult *result,
                                                     GError            **error);

/* A stretch of one rater's continuum for one category: a unit, or a gap between units. */
typedef struct {
  gint64   begin;
  gint64   length;
  gboolean gap;
} HshUnitizingSection;

/* delta² of two sections of different raters: (b_g − b_h)² + (e_g − e_h)² for two units that
 * overlap, l² for a unit lying inside the other's gap, and 0 otherwise. */
double             hsh_unitizing_distance (const HshUnitizingSection *g,
                                           const HshUnitizingSection *h);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshUnitizingStudy, hsh_unitizing_study_free)

/* ------------------------------------------------------------------------------------------
 * Spans: two coders' labelled ranges of code points over the same text.
 * ------------------------------------------------------------------------------------------ */

typedef struct {
  HshRange    range;
  const char *label;
} HshCodedSpan;

typedef struct {
  const HshCodedSpan *spans;
  gsize               n_spans;
} HshCoderSpans;

typedef enum {
  HSH_SPAN_MATCH_EXACT,    /* same start, end and label */
  HSH_SPAN_MATCH_OVERLAP,  /* same label and at least one code point in common */
} HshSpanMatch;

/* Precision and recall of a candidate coder against a reference coder (swap them to swap
 * precision and recall; F1 is symmetric). NaN where a denominator is zero. */
typedef struct {
  char   *label;         /* NULL for the overall (micro-averaged) score */
  guint   n_reference;
  guint   n_candidate;
  guint   n_matched;
  double  precision;     /* matched / candidate spans */
  double  recall;        /* matched / reference spans */
  double  f1;            /* 2·matched / (reference + candidate spans) */
} HshSpanScore;

typedef struct {
  HshSpanScore  overall;
  GPtrArray    *labels;  /* HshSpanScore, one per label either coder used, sorted by label */
} HshSpanAgreement;

/* Matches spans one-to-one, only within a label. With HSH_SPAN_MATCH_OVERLAP the pairs are
 * taken greedily, largest common length first; ties go to the pair whose boundaries differ
 * least, then to the earlier reference span, then to the earlier candidate span. Fails on a
 * span that is empty, reversed, negative or unlabelled. */
HshSpanAgreement   *hsh_span_agreement_new  (const HshCoderSpans *reference,
                                             const HshCoderSpans *candidate,
                                             HshSpanMatch         match,
                                             GError             **error);
void                hsh_span_agreement_free (HshSpanAgreement    *agreement);
/* The score of @label, or NULL when neither coder used it. */
const HshSpanScore *hsh_span_agreement_find (HshSpanAgreement    *agreement,
                                             const char          *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshSpanAgreement, hsh_span_agreement_free)

/* Turns each coder's spans over a text of @text_length code points into coding data with one
 * unit per code point and one rater per coder, ready for kappa or alpha. A code point no span
 * of a coder covers gets @no_label, or is missing for that coder when @no_label is NULL. Where
 * one coder's spans overlap, the shortest covering span wins, then the one starting later,
 * then the later one in the array. Runs of identical units are stored once with a count. */
HshCodingData *hsh_coding_data_new_from_characters (const HshCoderSpans *coders,
                                                    guint                n_coders,
                                                    gint64               text_length,
                                                    const char          *no_label,
                                                    GError             **error);
/* The same with one unit per token of @tokens (sorted, non-overlapping ranges of the text).
 * A token takes the label that covers most of its code points (by the rule above; the first
 * such label on a tie), or @no_label when no span touches it. */
HshCodingData *hsh_coding_data_new_from_tokens     (const HshCoderSpans *coders,
                                                    guint                n_coders,
                                                    gint64               text_length,
                                                    const HshRange      *tokens,
                                                    gsize                n_tokens,
                                                    const char          *no_label,
                                                    GError             **error);

G_END_DECLS
