/* hsh-test-support.h: paths and scratch files shared by the test programs. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A path under ../shared (the fixtures and corpora), or under the source tree. */
char *hsh_test_shared_path (const char *relative);
char *hsh_test_source_path (const char *relative);
/* A fresh empty directory for this test, removed at exit. */
char *hsh_test_scratch_dir (void);
/* A file's whole contents; the test fails when it cannot be read. */
char *hsh_test_read_file (const char *path);
/* SHA-256 of a file's bytes, to prove a refused file was left untouched. */
char *hsh_test_file_sha256 (const char *path);
/* Copies a file's bytes, as a coder is handed a copy of the project. */
void  hsh_test_copy_file   (const char *from,
                            const char *to);

G_END_DECLS

#include "hsh-bundle.h"
#include "hsh-store.h"

G_BEGIN_DECLS

/* A project of @documents generated Arabic documents carrying @per_document annotations each
 * (actor mentions, claims with a stance, some role links), made by the annotator @uuid/@name.
 * The same @seed gives the same texts, so two coders' projects share their documents. */
HshStore *hsh_test_make_corpus_project (const char *path,
                                        guint       documents,
                                        guint       per_document,
                                        const char *uuid,
                                        const char *name,
                                        guint       seed);
/* The annotations in @store's project, as its statistics count them. */
gint64    hsh_test_count_annotations   (HshStore   *store);

/* The four-line synthetic Arabic text of ../shared/formats/arabic-synthetic with its eight
 * entities (offsets_table.json), keys T1…T8: every offset trap in one document. */
HshBundle *hsh_test_arabic_synthetic_bundle (void);

G_END_DECLS
