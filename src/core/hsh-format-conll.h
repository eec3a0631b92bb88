/* hsh-format-conll.h: CoNLL IOB2, one token per line, for NER training and evaluation.
 *
 * Writing: `TOKEN<TAB>TAG`, a blank line between sentences, `-DOCSTART-<TAB>O` and a blank line
 * before each document (CoNLL-2003). A tag is B- or I- followed by the full label path
 * ("B-Actor/State"), white space in a label written as '_'. Tokens are split at white space and
 * punctuation (hsh-format-common.h) and also where an annotation begins or ends, so that in
 * «والجزائر» with «الجزائر» annotated, «و» and «الجزائر» become two tokens. IOB2 has one tag
 * per token: where annotations nest or overlap, the outermost wins (at equal start, the longer;
 * of two that cross, the one that starts first); a discontinuous span gives one chunk per
 * fragment. The file cannot state its offset unit (conlleval rejects comment lines): it is
 * "tokens", in the format table.
 *
 * Reading: IOB2, and tolerantly IOB1 (an I- after another label begins an entity), IOBES and
 * BILOU. The tag is the last column (TAB-separated when the line has a TAB, else white-space
 * separated), the token the first, or the second when the first column numbers the tokens of
 * each sentence (GermEval). `-DOCSTART-` starts a document; a line of white space ends a
 * sentence; a line starting with '#' before a sentence's first token is a comment unless its
 * last column is a tag. "O" and tags without '-' made only of 'O' and 'I' (typos like "OO") are
 * outside; B-/I- may be followed by several hyphens ("I--ORG" is ORG). The text is rebuilt as
 * the tokens joined by one space, one sentence per line, exactly as written (direction marks
 * and all); spans get the code-point offsets of their tokens in it. */
#pragma once

#include "hsh-format.h"

G_BEGIN_DECLS

extern const HshFormat hsh_format_conll;

/* Appends @bundle as one document (after checking its offsets lie in its text), as the writer
 * does for each; for a streamed export. */
gboolean hsh_conll_append_bundle (GString                *out,
                                  HshBundle              *bundle,
                                  const HshExportOptions *options,
                                  GError                **error);
/* Reads like the format's reader, with the tag in column @tag_column (from 0, counting every
 * column of the line; -1 for the last): GermEval's outer level is column 2. */
gboolean hsh_conll_read_column (const char    *path,
                                int            tag_column,
                                GPtrArray     *bundles,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
