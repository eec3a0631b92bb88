/* hsh-document-view-private.h: HshDocumentView's state, shared by hsh-document-view.c (the widget,
 * its text, direction, selection and find hits) and hsh-document-view-highlight.c (label tags). */
#pragma once

#include "hsh-document-view.h"

G_BEGIN_DECLS

struct _HshDocumentView
{
  GtkWidget           parent_instance;

  GtkScrolledWindow  *scroller;
  GtkTextView        *text_view;

  GtkTextBuffer      *buffer;
  GtkCssProvider     *font_provider;
  GSettings          *settings;
  HshCodebook        *codebook;
  HshAnnotationIndex *index;
  GHashTable         *label_tags;      /* label id → GtkTextTag */
  GtkTextTag         *nested_tag;
  GtkTextTag         *selected_tag;
  GtkTextTag         *find_tag;
  GtkTextTag         *find_current_tag;
  GtkTextTag         *align_tag;
  HshDirection        direction;
  gint64              length;
  double              font_px;         /* the reader font's em and the least distance between */
  double              line_px;         /* lines: estimates of what fits */
  gint64              indexed_until;   /* the index holds what overlaps [0, this); -1: all */
  gint64              tagged_until;
  guint               tag_source;
  gboolean            align_applied;
  gboolean            caret_pending;   /* to go to the top once the whole index is there */
  GArray             *selected_ranges; /* HshRange wearing selected_tag */

  /* The reader's layer (hsh-reader-layer.c) chooses which annotations draw, with which tag. */
  HshHighlightFunc    highlight_func;
  gpointer            highlight_data;
  GDestroyNotify      highlight_destroy;
  GPtrArray          *layer_tags;      /* GtkTextTag, drawn by highlight_func besides labels */
};

/* After a change that invalidates lines of the text view (a new text, underlines changed
 * together with the rest of the window). */
void _hsh_document_view_measure_in_layout   (HshDocumentView *self);
void _hsh_document_view_get_iter            (HshDocumentView *self,
                                             gint64           offset,
                                             GtkTextIter     *iter);
void _hsh_document_view_apply_tag           (HshDocumentView *self,
                                             GtkTextTag      *tag,
                                             gint64           start,
                                             gint64           end);
void _hsh_document_view_remove_tag          (HshDocumentView *self,
                                             GtkTextTag      *tag,
                                             gint64           start,
                                             gint64           end);

/* hsh-document-view-highlight.c */
void _hsh_document_view_init_highlights     (HshDocumentView *self);
void _hsh_document_view_finalize_highlights (HshDocumentView *self);
/* Draws the first screen of a newly loaded text now, and the rest the index holds in idle chunks. */
void _hsh_document_view_start_highlights    (HshDocumentView *self);
void _hsh_document_view_stop_highlights     (HshDocumentView *self);

G_END_DECLS
