/* hsh-sample.h: the sample project — the Paris conference on Libya article, annotated. */
#pragma once

#include "hsh-store.h"
#include "hsh-bundle.h"

G_BEGIN_DECLS

/* The sample article with its 37 annotations and 7 role links, from the built-in resource. */
HshBundle *hsh_sample_bundle (GError     **error);
/* Writes a new project at @path holding the default codebook and the sample article.
 * Refuses to overwrite an existing file. */
gboolean   hsh_sample_create (const char  *path,
                              GError     **error);

G_END_DECLS
