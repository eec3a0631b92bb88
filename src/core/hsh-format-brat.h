/* hsh-format-brat.h: brat standoff, a NAME.txt and a NAME.ann per document (import and export).
 *
 * Offsets are code points of the .txt as saved. brat counts a CRLF as two and a UTF-8 BOM as
 * one; Hashiya's text has neither (hsh-text.h), so offsets are mapped onto the cleaned text on
 * import (a BOM counts when the spans' texts agree with that, else not). A T whose text does not
 * match what its offsets cover (fragments joined by one space; a line break may stand as a
 * space) is refused, naming file, line and offsets. Export writes the text UTF-8 with LF.
 *
 * Mapping to bundles:
 *  - T: a span keyed by its id (kept on export when the key is a T id), fragments as ranges.
 *    Types cannot hold '/' or spaces: a label path's '/' is written "--" and a space "_sp_"
 *    (Actor/State ↔ Actor--State), and read back the same way; "--" and "_sp_" inside a label
 *    therefore do not survive. Attribute names and values, relation and role names likewise.
 *  - R: a role link from Arg1 to Arg2, named by the relation type as written.
 *  - E: role links from the trigger span to each argument (an event argument stands for its
 *    trigger). Hashiya has no event object, so the E line, and any A/M/N/# line about an event
 *    or a relation, is also kept in the document's metadata "brat:standoff" and written back
 *    on export with the arguments that still exist; other role links of the trigger become R.
 *  - A/M on a T: attribute; a binary one has the value "true" (and "true" is written binary).
 *  - N "Reference T Wikidata:Q…\tName": the actor's Wikidata id and name. Other N lines and
 *    '*' equivalences stay in "brat:standoff" too.
 *  - # "AnnotatorNotes T\tnote": the span's note (several notes: one per line); "# Actor" is the
 *    actor's name when there is no Wikidata id. Notes of other kinds stay in "brat:standoff".
 *
 * Export writes, beside the pairs, annotation.conf (codebook hierarchy by indentation, relations
 * with argument types, events, attributes; a comment states the offset unit) and visual.conf
 * (each type shown by the last part of its label path). */
#pragma once

#include "hsh-format.h"

G_BEGIN_DECLS

extern const HshFormat hsh_format_brat;

/* The document's metadata key holding brat lines Hashiya keeps but does not model. */
#define HSH_BRAT_STANDOFF_KEY "brat:standoff"

/* A brat type for label path @label, and back (the mapping above). */
char *hsh_brat_type_from_label (const char *label);
char *hsh_brat_label_from_type (const char *type);

/* Reads one .ann with its .txt beside it (@path may name either). */
HshBundle *hsh_brat_read_pair (const char    *path,
                               GError       **error);

extern const HshDocumentWriter hsh_brat_documents;
gboolean   hsh_brat_write     (GPtrArray              *bundles,
                               const char             *path,
                               const HshExportOptions *options,
                               GError                **error);

G_END_DECLS
