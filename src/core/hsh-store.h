/* hsh-store.h: a Hashiya project file, opened defensively. */
#pragma once

#include <gio/gio.h>
#include "hsh-types.h"

G_BEGIN_DECLS

#define HSH_TYPE_STORE (hsh_store_get_type ())
G_DECLARE_FINAL_TYPE (HshStore, hsh_store, HSH, STORE, GObject)

typedef enum {
  HSH_STORE_OPEN_DEFAULT   = 0,
  HSH_STORE_OPEN_CREATE    = 1 << 0,  /* create the file when it does not exist */
  HSH_STORE_OPEN_READ_ONLY = 1 << 1,
} HshStoreOpenFlags;

HshStore   *hsh_store_open               (const char         *path,
                                          HshStoreOpenFlags   flags,
                                          GError            **error);
const char *hsh_store_get_path           (HshStore           *self);
/* Another read-only connection to the file @self has open, hardened the same way, for another
 * thread (an export's). Its header and schema are checked again; the integrity check of the
 * whole file, which opening @self made, is not repeated. */
HshStore   *hsh_store_open_sibling       (HshStore           *self,
                                          GError            **error);
gboolean    hsh_store_is_read_only       (HshStore           *self);
int         hsh_store_get_schema_version (HshStore           *self);
const char *hsh_store_get_journal_mode   (HshStore           *self);
const char *hsh_store_get_backup_path    (HshStore           *self);

/* Who is annotating: every change made through this store carries that annotator. */
gboolean    hsh_store_set_annotator      (HshStore           *self,
                                          const char         *uuid,
                                          const char         *name,
                                          GError            **error);
gint64      hsh_store_get_annotator_id   (HshStore           *self);

char       *hsh_store_get_setting        (HshStore           *self,
                                          const char         *key);
gboolean    hsh_store_set_setting        (HshStore           *self,
                                          const char         *key,
                                          const char         *value,
                                          GError            **error);

G_END_DECLS
