/* bench-corpus.h: the synthetic Arabic corpus of the export and JSONL import benchmarks. */
#pragma once

#include "hsh-bundle.h"

G_BEGIN_DECLS

#define BENCH_CORPUS_SPANS_PER_DOCUMENT 100

/* Document @number: a unique 1–2 KB text (a numbered heading, then a slice of @sample, which is
 * @sample_length characters long) with BENCH_CORPUS_SPANS_PER_DOCUMENT annotations of one or two
 * words, now and then discontinuous, with coders, gold, actors, claim and commitment details,
 * notes, and claims linked to their speakers. The same @rand state gives the same document. */
HshBundle *bench_corpus_document (const char *sample,
                                  glong       sample_length,
                                  GRand      *rand,
                                  guint       number);

G_END_DECLS
