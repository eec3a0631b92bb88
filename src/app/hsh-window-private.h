/* hsh-window-private.h: HshWindow's state, shared by hsh-window.c and hsh-window-actions.c. */
#pragma once

#include "hsh-arabic-match.h"
#include "hsh-codebook-palette.h"
#include "hsh-window.h"

G_BEGIN_DECLS

struct _HshWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *main_stack;
  GtkMenuButton        *document_menu_button;
  GtkToggleButton      *find_button;
  HshDocumentSidebar   *sidebar;
  HshDocumentView      *document_view;
  HshCodebookPalette   *palette;
  HshAnnotationList    *annotation_list;
  HshInspector         *inspector;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *search_status;
  GMenu                *recent_menu;

  /* The project */
  HshStore             *store;
  HshCodebook          *codebook;
  GSettings            *settings;
  GtkEventController   *label_shortcuts;

  /* The open document */
  HshDocument          *document;
  char                 *text;
  HshAnnotationIndex   *index;
  gint64                selected_id;
  gint64                picking_source;  /* the annotation whose role is being picked */
  gint64                picking_role;

  /* Find */
  HshArabicFold        *fold;
  GArray               *find_hits;       /* HshRange */
  int                   find_current;
};

void     _hsh_window_class_init_actions  (HshWindowClass *klass);
void     _hsh_window_update_actions      (HshWindow      *self);
/* Puts a changed annotation (re-read from the store) back into the index, list and reader. */
void     _hsh_window_reload_annotation   (HshWindow      *self,
                                          gint64          annotation_id,
                                          GArray         *old_ranges);
/* Re-reads the open document's annotations after an undo, redo or import. */
void     _hsh_window_reload_document     (HshWindow      *self);
void     _hsh_window_refresh_document_row (HshWindow     *self);
void     _hsh_window_show_error          (HshWindow      *self,
                                          const GError   *error);
void     _hsh_window_find_step           (HshWindow      *self,
                                          int             step);
void     _hsh_window_cancel_picking      (HshWindow      *self);

G_END_DECLS
