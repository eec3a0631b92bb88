/* hsh-document-sidebar.h: the project's documents with their annotation counts and progress. */
#pragma once

#include <gtk/gtk.h>
#include "hsh-model.h"

G_BEGIN_DECLS

#define HSH_TYPE_DOCUMENT_SIDEBAR (hsh_document_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (HshDocumentSidebar, hsh_document_sidebar, HSH, DOCUMENT_SIDEBAR, GtkWidget)

/* Takes @documents (HshDocument). */
void hsh_document_sidebar_set_documents   (HshDocumentSidebar *self,
                                           GPtrArray          *documents);
/* Replaces the row of @document's id with its new count and status. */
void hsh_document_sidebar_update_document (HshDocumentSidebar *self,
                                           const HshDocument  *document);
void hsh_document_sidebar_select          (HshDocumentSidebar *self,
                                           gint64              document_id);
guint hsh_document_sidebar_get_n_visible  (HshDocumentSidebar *self);

G_END_DECLS
