/* hsh-bundle.h: one document with its annotations, independent of any project file — what
 * format readers produce, format writers consume, and the store imports and exports. */
#pragma once

#include <glib.h>
#include "hsh-types.h"

G_BEGIN_DECLS

typedef struct {
  char       *key;            /* its id inside the bundle ("T3" in brat, "a12" in JSON); unique */
  char       *uuid;           /* NULL when the source carried none */
  char       *label;          /* label path, '/'-separated: "Actor/State" */
  GArray     *ranges;         /* HshRange, code points, sorted by start */
  char       *text;           /* covered text: the fragments joined by one space */
  GHashTable *attributes;     /* attribute name → value */
  char       *actor;          /* canonical name of the linked actor, or NULL */
  char       *actor_wikidata; /* its Wikidata id ("Q7742"), or NULL */
  char       *note;
  char       *annotator;      /* name of who made it, or NULL for the importing annotator */
  char       *annotator_uuid;
  gboolean    gold;
} HshSpan;

typedef struct {
  char *source;   /* key of the span that has the role (a Claim) */
  char *role;     /* role name ("speaker") */
  char *target;   /* key of the span that fills it (an Actor mention) */
} HshRoleRef;

typedef struct {
  char        *uuid;
  char        *title;
  char        *source;
  char        *language;
  HshDirection direction;
  char        *text;
  GHashTable  *metadata;   /* name → value */
  GPtrArray   *spans;      /* HshSpan */
  GPtrArray   *roles;      /* HshRoleRef */
  /* private: built on the first hsh_bundle_add_span, so adding thousands of spans to a
   * megabyte text slices it without walking it from the start each time */
  struct _HshOffsetIndex *text_index;
  /* SHA-256 of @text in lowercase hex when the producer already knows it (the store keeps it
   * per document), so writers need not hash every text again; NULL: unknown. Whoever changes
   * @text clears it. */
  char        *sha256;
} HshBundle;

HshBundle *hsh_bundle_new          (const char  *title,
                                    const char  *text);
void       hsh_bundle_free         (HshBundle   *bundle);
/* A deep copy, spans, attributes and roles included. */
HshBundle *hsh_bundle_copy         (const HshBundle *bundle);
/* Adds a span with one range and the text it covers taken from the bundle's text. */
HshSpan   *hsh_bundle_add_span     (HshBundle   *bundle,
                                    const char  *key,
                                    const char  *label,
                                    gint64       start,
                                    gint64       end);
void       hsh_span_add_range      (HshSpan     *span,
                                    gint64       start,
                                    gint64       end);
void       hsh_span_set_attribute  (HshSpan     *span,
                                    const char  *name,
                                    const char  *value);
HshRoleRef *hsh_bundle_add_role    (HshBundle   *bundle,
                                    const char  *source,
                                    const char  *role,
                                    const char  *target);
HshSpan   *hsh_bundle_find_span    (HshBundle   *bundle,
                                    const char  *key);
/* The covered text of @span's ranges in @text: fragments joined by one space. */
char      *hsh_span_covered_text   (const HshSpan *span,
                                    const char    *text);
/* Checks every range lies inside the text, every span's stored text equals what its ranges
 * cover, every key is unique and every role names existing spans. @where names the source
 * ("x.ann") for messages. */
gboolean   hsh_bundle_validate     (HshBundle   *bundle,
                                    const char  *where,
                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshBundle, hsh_bundle_free)

G_END_DECLS
