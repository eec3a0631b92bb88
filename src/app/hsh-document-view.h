/* hsh-document-view.h: the reader — a read-only text view showing a document with its highlights. */
#pragma once

#include <gtk/gtk.h>
#include "hsh-annotation-index.h"

G_BEGIN_DECLS

/* The tag that draws @annotation, given its label's tag; NULL leaves it undrawn. */
typedef GtkTextTag *(*HshHighlightFunc) (const HshAnnotation *annotation,
                                         GtkTextTag          *label_tag,
                                         gpointer             user_data);

/* A text this short (a news article) is drawn whole before its first frame, and its annotations
 * are read whole: they cost little, and whoever looks right after loading sees them all. A
 * longer one starts with its first screen. */
#define HSH_DOCUMENT_VIEW_SHORT_TEXT 12000

#define HSH_TYPE_DOCUMENT_VIEW (hsh_document_view_get_type ())
G_DECLARE_FINAL_TYPE (HshDocumentView, hsh_document_view, HSH, DOCUMENT_VIEW, GtkWidget)

GtkTextView *hsh_document_view_get_text_view         (HshDocumentView    *self);
/* Creates one highlight tag per label of @codebook (borrowed; it must outlive the view's use). */
void         hsh_document_view_set_codebook          (HshDocumentView    *self,
                                                      HshCodebook        *codebook);
/* Shows @text with the highlights of @index (NULL @text empties the reader), which holds every
 * annotation overlapping [0, @indexed_until) (-1: the whole text); the rest is drawn once
 * hsh_document_view_set_index() brings the whole index. */
void         hsh_document_view_load                  (HshDocumentView    *self,
                                                      const char         *text,
                                                      HshDirection        direction,
                                                      HshAnnotationIndex *index,
                                                      gint64              indexed_until);
/* How many characters the reader's first screen may show, generously estimated: the stretch whose
 * annotations a document needs before its first frame. */
gint64       hsh_document_view_get_first_screen_length (HshDocumentView *self);
/* Replaces the index with one holding all the document's annotations, and draws what the
 * first one lacked in idle chunks. */
void         hsh_document_view_set_index             (HshDocumentView    *self,
                                                      HshAnnotationIndex *index);
/* Replaces the index with @index, which holds all the document's annotations, after some of
 * them changed, and redraws only @changed (HshRange; NULL: all that was drawn): the text, the
 * caret, the selection and the scroll position stay as they are. */
void         hsh_document_view_replace_index         (HshDocumentView    *self,
                                                      HshAnnotationIndex *index,
                                                      GArray             *changed);
void         hsh_document_view_set_direction         (HshDocumentView    *self,
                                                      HshDirection        direction);
/* Redraws the highlights of [@start, @end) from the index, after annotations there changed. */
void         hsh_document_view_refresh               (HshDocumentView    *self,
                                                      gint64              start,
                                                      gint64              end);
void         hsh_document_view_refresh_ranges        (HshDocumentView    *self,
                                                      GArray             *ranges);
gboolean     hsh_document_view_get_selection         (HshDocumentView    *self,
                                                      gint64             *start,
                                                      gint64             *end);
void         hsh_document_view_select                (HshDocumentView    *self,
                                                      gint64              start,
                                                      gint64              end);
/* Drops the selection and leaves the caret where it is. */
void         hsh_document_view_collapse_selection    (HshDocumentView    *self);
gint64       hsh_document_view_get_caret             (HshDocumentView    *self);
/* Unless one of @ranges (HshRange, in any order) starts in sight, scrolls the least that brings
 * the first of them into sight. */
void         hsh_document_view_reveal_ranges         (HshDocumentView    *self,
                                                      GArray             *ranges);
/* Where the coder is: the caret, the other end of the selection, and the first character in
 * sight at the top of the reader. */
typedef struct {
  gint64 caret;
  gint64 bound;
  gint64 top;
} HshReaderPlace;

void         hsh_document_view_get_place             (HshDocumentView    *self,
                                                      HshReaderPlace     *place);
/* Puts the caret and the selection back at @place, and its top line at the top of the reader
 * once the text is laid out: for the same text loaded again. */
void         hsh_document_view_set_place             (HshDocumentView    *self,
                                                      const HshReaderPlace *place);
/* Marks @annotation (NULL: none) as the selected one and, with @reveal, scrolls to it unless it
 * is in sight. */
void         hsh_document_view_set_selected_annotation (HshDocumentView  *self,
                                                      const HshAnnotation *annotation,
                                                      gboolean            reveal);
/* Highlights find hits (HshRange) and scrolls to hit @current (-1: none). */
void         hsh_document_view_set_find_hits         (HshDocumentView    *self,
                                                      GArray             *hits,
                                                      int                 current);
/* Lets @func choose what draws (NULL: every annotation in its label's colour); @tags are the
 * tags of the buffer it may return besides the label tags. Redraws the whole text. */
void         hsh_document_view_set_highlight_func    (HshDocumentView    *self,
                                                      HshHighlightFunc    func,
                                                      gpointer            user_data,
                                                      GDestroyNotify      destroy,
                                                      GPtrArray          *tags);
GtkTextTag  *hsh_document_view_get_label_tag         (HshDocumentView    *self,
                                                      gint64              label_id);
GtkTextTag  *hsh_document_view_get_named_tag         (HshDocumentView    *self,
                                                      const char         *name);

G_END_DECLS
