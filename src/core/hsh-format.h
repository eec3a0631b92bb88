/* hsh-format.h: the corpus formats Hashiya reads and writes, as one table of readers and writers
 * working on document bundles (hsh-bundle.h). Each format lives in its own hsh-format-<id>.c. */
#pragma once

#include <gio/gio.h>
#include "hsh-bundle.h"

G_BEGIN_DECLS

typedef void (*HshProgressFunc) (double fraction, gpointer user_data);

typedef struct {
  /* Restrict what is written (NULL: everything). Labels match a label path or any ancestor:
   * "Actor" selects "Actor/State" too. */
  const char *const *labels;
  const char *const *annotators;
  /* Every label path of the codebook, in order, including unused ones; NULL: those the
   * bundles use. Writers of codebook files (brat annotation.conf, REFI-QDA) list these. */
  const char *const *codebook;
  gboolean           excel_bom;      /* CSV: start with a UTF-8 BOM so Excel reads UTF-8 */
  gboolean           tei_standoff;   /* TEI: standoff annotation even without overlaps */
  GCancellable      *cancellable;
  HshProgressFunc    progress;
  gpointer           progress_data;
} HshExportOptions;

/* Reads @path (a file, or a folder for formats spread over several files) and appends one
 * bundle per document to @bundles. Nothing is appended when it fails. */
typedef gboolean (*HshFormatReadFunc)  (const char             *path,
                                        GPtrArray              *bundles,
                                        GCancellable           *cancellable,
                                        GError                **error);
/* Writes @bundles to @path (a file, or a folder for formats with one file per document). */
typedef gboolean (*HshFormatWriteFunc) (GPtrArray              *bundles,
                                        const char             *path,
                                        const HshExportOptions *options,
                                        GError                **error);

/* A writer that takes one document at a time (a file per document, or a file built document by
 * document), so that an export from a project never holds more than one: begin with how many
 * will come, write each in turn, finish. */
typedef struct {
  /* The writer's state for writing @count documents to @path, or NULL with @error set. */
  gpointer (*begin)  (const char *path, guint count, const HshExportOptions *options, GError **error);
  /* Writes document number @index (from 0); it may cache an offset index in @bundle. */
  gboolean (*write)  (gpointer state, HshBundle *bundle, guint index, GError **error);
  /* Writes what follows the last document. */
  gboolean (*finish) (gpointer state, GError **error);
  void     (*free)   (gpointer state);
} HshDocumentWriter;

typedef struct {
  const char         *id;           /* "brat", used by hashiya-cli --format */
  const char         *name;         /* "brat standoff", shown to people */
  const char         *offset_unit;  /* "code points", "UTF-16 code units", "tokens" */
  const char         *extension;    /* of the file written, or NULL when a folder is written */
  HshFormatReadFunc   read;         /* NULL when Hashiya only exports the format */
  HshFormatWriteFunc  write;        /* NULL when Hashiya only imports it */
  const HshDocumentWriter *documents; /* the same a document at a time, or NULL */
} HshFormat;

const HshFormat        *hsh_format_lookup (const char *id);
/* NULL-terminated, in the order a menu shows them. */
const HshFormat *const *hsh_formats_all   (void);

/* Reads one document from one file. */
typedef HshBundle *(*HshFormatReadOneFunc) (const char *path,
                                            GError    **error);

/* For formats of one document per file: reads @path, or every file of the folder @path whose
 * name ends in @suffix (in name order, so documents are numbered alike on every machine),
 * appending to @bundles only when all of them could be read. */
gboolean hsh_format_read_files (const char           *path,
                                const char           *suffix,
                                HshFormatReadOneFunc  read_one,
                                GPtrArray            *bundles,
                                GCancellable         *cancellable,
                                GError              **error);

/* Writes @bundles through @writer, honouring cancellation and reporting progress: the write
 * function of a format that has a document writer. */
gboolean hsh_format_write_documents (const HshDocumentWriter *writer,
                                     GPtrArray               *bundles,
                                     const char              *path,
                                     const HshExportOptions  *options,
                                     GError                 **error);

/* Whether @span passes the label and annotator filters of @options. */
gboolean hsh_export_options_accept (const HshExportOptions *options,
                                    const HshSpan          *span);

G_END_DECLS
