/* hsh-window.h: the annotation workbench — one project, its documents, the reader and the inspector. */
#pragma once

#include <adwaita.h>
#include "hsh-document-view.h"
#include "hsh-inspector.h"
#include "hsh-annotation-list.h"
#include "hsh-document-sidebar.h"
#include "hsh-banner.h"

G_BEGIN_DECLS

#define HSH_TYPE_WINDOW (hsh_window_get_type ())
G_DECLARE_FINAL_TYPE (HshWindow, hsh_window, HSH, WINDOW, AdwApplicationWindow)

HshWindow          *hsh_window_new                  (GtkApplication *application);
/* Shows @store's documents (NULL: the "no project" page); the window keeps a reference. */
void                hsh_window_set_store            (HshWindow      *self,
                                                     HshStore       *store);
HshStore           *hsh_window_get_store            (HshWindow      *self);
gboolean            hsh_window_show_document        (HshWindow      *self,
                                                     gint64          document_id,
                                                     GError        **error);
gint64              hsh_window_get_document_id      (HshWindow      *self);
/* Selects an annotation of the open document (0: none) in the reader, list and inspector. */
void                hsh_window_select_annotation    (HshWindow      *self,
                                                     gint64          annotation_id);
gint64              hsh_window_get_selected_annotation (HshWindow   *self);
HshAnnotationIndex *hsh_window_get_index            (HshWindow      *self);
HshCodebook        *hsh_window_get_codebook         (HshWindow      *self);
HshDocumentView    *hsh_window_get_document_view    (HshWindow      *self);
HshInspector       *hsh_window_get_inspector        (HshWindow      *self);
HshAnnotationList  *hsh_window_get_annotation_list  (HshWindow      *self);
HshDocumentSidebar *hsh_window_get_sidebar          (HshWindow      *self);
/* Opens the project at @path: takes its lock, or — when someone else has it open — opens it
 * read-only with a banner naming them. */
gboolean            hsh_window_open_project         (HshWindow      *self,
                                                     const char     *path,
                                                     GError        **error);
/* Shows @layer in the reader: "all", "mine", "coder:ID", "coders" or "gold". */
void                hsh_window_set_layer            (HshWindow      *self,
                                                     const char     *layer);
HshBanner          *hsh_window_get_banner           (HshWindow      *self);
/* Runs the find bar's search for @query; returns the number of hits. */
guint               hsh_window_find                 (HshWindow      *self,
                                                     const char     *query);
/* A message at the bottom of the window, for what a coder should know but need not answer. */
void                hsh_window_toast                (HshWindow      *self,
                                                     const char     *message);

G_END_DECLS
