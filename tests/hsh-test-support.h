/* hsh-test-support.h: paths and scratch files shared by the test programs. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A path under ../shared (the fixtures and corpora), or under the source tree. */
char *hsh_test_shared_path (const char *relative);
char *hsh_test_source_path (const char *relative);
/* A fresh empty directory for this test, removed at exit. */
char *hsh_test_scratch_dir (void);
/* SHA-256 of a file's bytes, to prove a refused file was left untouched. */
char *hsh_test_file_sha256 (const char *path);

G_END_DECLS
