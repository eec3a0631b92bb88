/* hsh-adjudication.h: the coders' annotations of a document side by side, and the decisions
 * that build the gold layer from them. */
#pragma once

#include "hsh-model.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------------------------------
 * A candidate is one label over one set of ranges that one coder or more annotated; their
 * annotations (live, not gold) are its evidence. Annotations with other ranges or another
 * label are other candidates; a candidate that shares a code point with a candidate of the
 * same top-level label (Actor/State against Actor/Person, or two boundaries of one Claim) is
 * marked as disagreeing.
 *
 * Accepting copies the candidate into a new gold annotation by the current annotator (the
 * adjudicator): ranges, label, the attribute values and actor link on which the coders who
 * set them agree, and every coder's role link whose other end is accepted too — now, or
 * later when that end is accepted. It is one operation in the log: undo removes it all.
 * The gold annotation is then edited like any other (hsh_store_set_annotation_* …).
 *
 * Decisions are kept as document notes of the project (no annotation), whose body begins with
 * "hashiya:adjudication", so they travel with merges and are undone like any change:
 *   hashiya:adjudication<TAB>accept<TAB>KEY<TAB>GOLD-UUID
 *   hashiya:adjudication<TAB>reject<TAB>KEY
 * A candidate stays accepted while its gold annotation is live, even once edited; it also
 * counts as accepted when a gold annotation has its label and ranges.
 * ------------------------------------------------------------------------------------------ */

typedef enum {
  HSH_CANDIDATE_OPEN,
  HSH_CANDIDATE_ACCEPTED,
  HSH_CANDIDATE_REJECTED,
} HshCandidateState;

typedef struct {
  char             *key;          /* "LABEL-UUID:START-END[,START-END…]": stable across files */
  gint64            label_id;
  char             *label;        /* label path */
  GArray           *ranges;       /* HshRange, sorted */
  char             *text;         /* covered text */
  GArray           *annotation_ids; /* gint64: the coders' annotations, in document order */
  GArray           *coder_ids;    /* gint64: annotators who made it, each once, by id */
  GPtrArray        *coder_names;  /* char *, same order */
  guint             n_coders;     /* coders who annotated the document at all */
  gboolean          unanimous;    /* two coders or more, and every coder of the document made it */
  gboolean          disagreeing;
  gboolean          values_differ; /* its coders set different attribute values or actors */
  HshCandidateState state;
  gint64            gold_id;      /* the gold annotation when accepted, else 0 */
} HshCandidate;

void          hsh_candidate_free           (HshCandidate *candidate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshCandidate, hsh_candidate_free)

/* The document's candidates in document order (by start, longest first). Decided ones
 * (accepted or rejected) only with @include_decided, so a rejected one is not offered again. */
GPtrArray    *hsh_store_list_candidates    (HshStore     *store,
                                            gint64        document_id,
                                            gboolean      include_decided,
                                            GError      **error);
/* Accepts the open or rejected candidate @key into the gold layer; returns the new gold
 * annotation's id, or 0 with @error set (the candidate is gone or already accepted). */
gint64        hsh_store_accept_candidate   (HshStore     *store,
                                            gint64        document_id,
                                            const char   *key,
                                            GError      **error);
/* Records that the open candidate @key is not gold. Refused for an accepted one: delete (or
 * undo) its gold annotation first. */
gboolean      hsh_store_reject_candidate   (HshStore     *store,
                                            gint64        document_id,
                                            const char   *key,
                                            GError      **error);
/* Accepts every open unanimous candidate of the document (0: of every document) as one
 * operation, undone at once; @accepted (may be NULL) receives how many. Nothing to accept
 * records no operation. */
gboolean      hsh_store_accept_agreed      (HshStore     *store,
                                            gint64        document_id,
                                            guint        *accepted,
                                            GError      **error);

G_END_DECLS
