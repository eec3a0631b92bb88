/* hsh-export-file.h: what every format writer shares — an output file that appears only when
 * complete, and the per-document step that honours cancellation and reports progress. */
#pragma once

#include "hsh-format.h"

G_BEGIN_DECLS

/* A buffered file written beside its destination and renamed into place by commit, so a failed
 * or cancelled export never leaves half a file where the user expects a whole one. */
typedef struct _HshExportFile HshExportFile;

HshExportFile *hsh_export_file_new       (const char     *path,
                                          GError        **error);
/* Append output here; call hsh_export_file_flush_if_full now and then to bound memory. */
GString       *hsh_export_file_buffer    (HshExportFile  *file);
gboolean       hsh_export_file_flush_if_full (HshExportFile *file,
                                          GError        **error);
/* Writes what is buffered, then @length bytes of @data, without copying them into the buffer. */
gboolean       hsh_export_file_write     (HshExportFile  *file,
                                          const char     *data,
                                          gsize           length,
                                          GError        **error);
/* Writes what is buffered and renames the file into place. */
gboolean       hsh_export_file_commit    (HshExportFile  *file,
                                          GError        **error);
/* A file for output that must wait for later parts: written like any other, read back with
 * hsh_export_file_read_back, never committed. It is created next to @path and its name is
 * removed at once, so that not even a crash leaves it behind. */
HshExportFile *hsh_export_file_new_scratch (const char   *path,
                                          GError        **error);
/* Bytes written so far, those still buffered included. */
goffset        hsh_export_file_size      (HshExportFile  *file);

typedef gboolean (*HshExportFileReadFunc) (const char *data,
                                           gsize       length,
                                           gpointer    user_data,
                                           GError    **error);
/* Passes the @length bytes written from @offset on to @consume, a chunk at a time. */
gboolean       hsh_export_file_read_back (HshExportFile  *file,
                                          goffset         offset,
                                          goffset         length,
                                          HshExportFileReadFunc consume,
                                          gpointer        user_data,
                                          GError        **error);
/* Removes the temporary file unless it was committed. */
void           hsh_export_file_free      (HshExportFile  *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshExportFile, hsh_export_file_free)

/* Before document @index of @count: fails when the export was cancelled, reports progress. */
gboolean       hsh_export_step           (const HshExportOptions *options,
                                          guint                   index,
                                          guint                   count,
                                          GError                **error);

/* Writes @data to @path through a temporary file, as hsh_export_file_commit does. */
gboolean       hsh_export_write_bytes    (const char     *path,
                                          const void     *data,
                                          gsize           length,
                                          GError        **error);

/* @text with each character XML 1.0 cannot carry even escaped (most C0 controls, U+FFFE,
 * U+FFFF) replaced by U+FFFD: one code point for one, so every offset into it still holds. */
char          *hsh_export_xml_safe       (const char     *text);

G_END_DECLS
