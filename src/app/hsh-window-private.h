/* hsh-window-private.h: HshWindow's state, shared by hsh-window.c, hsh-window-document.c and
 * hsh-window-actions.c. */
#pragma once

#include "hsh-app-util.h"
#include "hsh-arabic-match.h"
#include "hsh-banner.h"
#include "hsh-codebook-palette.h"
#include "hsh-lock.h"
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

  AdwToast             *last_toast;      /* on screen, until dismissed */
  gint64                last_toast_shown; /* monotonic time it appeared */

  /* The project */
  HshStore             *store;
  HshCodebook          *codebook;
  GSettings            *settings;
  GtkEventController   *label_shortcuts;

  /* The open document */
  GHashTable           *known_documents; /* id → HshDocument, as the sidebar lists them */
  HshDocument          *document;
  char                 *text;
  HshAnnotationIndex   *index;
  gboolean              index_complete;  /* FALSE: only the first screen's annotations so far */
  HshAfterPaint         completion;      /* reads the whole index once the first screen shows */
  HshAfterPaint         count_update;    /* the sidebar's count, a frame after a change */
  gint64                selected_id;
  gint64                picking_source;  /* the annotation whose role is being picked */
  gint64                picking_role;

  /* Find */
  HshArabicFold        *fold;
  GArray               *find_hits;       /* HshRange */
  int                   find_current;

  /* Collaboration (hsh-window-collab.c) */
  HshBanner            *banner;
  GtkDropDown          *layer_dropdown;
  HshLock              *lock;            /* NULL when the project was opened read-only */
  guint                 lock_refresh_source;
  GFileMonitor         *project_monitor; /* read-only: the file and its -wal, to follow changes */
  GFileMonitor         *wal_monitor;
  guint                 reload_source;
  char                 *layer;           /* "all", "mine", "coder:ID", "coders" or "gold" */
  GPtrArray            *layer_ids;       /* char *: the layer of each entry of layer_dropdown */
  HshStore             *layers_store;    /* the store layer_dropdown was filled from (unowned) */
  gboolean              filling_layers;
  GCancellable         *collab_cancellable;
};

void     _hsh_window_class_init_actions  (HshWindowClass *klass);
void     _hsh_window_class_init_document (GtkWidgetClass *widget_class);
void     _hsh_window_init_find           (HshWindow      *self);
void     _hsh_window_clear_document      (HshWindow      *self);
void     _hsh_window_update_title        (HshWindow      *self);
/* Tells the document menu that the open document's direction and status may have changed. */
void     _hsh_window_notify_document     (HshWindow      *self);
void     _hsh_window_update_actions      (HshWindow      *self);
/* hsh-window-corpus.c: export and import dialogs. */
void     _hsh_window_class_init_corpus   (GtkWidgetClass *widget_class);
void     _hsh_window_update_corpus_actions (HshWindow    *self);
/* Opens the import dialog with @files (GFile, may be NULL) listed. */
void     _hsh_window_show_import_dialog  (HshWindow      *self,
                                          GSList         *files);
/* hsh-window-collab.c: locks, read-only views, shared folder, layers, conflicts, agreement,
 * adjudication. */
void     _hsh_window_class_init_collab   (GtkWidgetClass *widget_class);
void     _hsh_window_init_collab         (HshWindow      *self);
void     _hsh_window_dispose_collab      (HshWindow      *self);
void     _hsh_window_update_collab_actions (HshWindow    *self);
/* hsh-window-team.c: the shared folder and the team's views. */
void     _hsh_window_class_init_team     (GtkWidgetClass *widget_class);
void     _hsh_window_update_team_actions (HshWindow      *self);
/* Draws the reader's current layer again, after its document or annotators changed. */
void     _hsh_window_apply_layer         (HshWindow      *self);
/* Re-reads codebook, documents and the open document after another connection changed the
 * project (an import, a merge, another process writing a file opened read-only). */
void     _hsh_window_reload_project      (HshWindow      *self);
/* Puts a changed annotation (re-read from the store) back into the index, list and reader. */
void     _hsh_window_reload_annotation   (HshWindow      *self,
                                          gint64          annotation_id,
                                          GArray         *old_ranges);
/* Re-reads the open document's annotations after another window changed them (adjudication);
 * the reader keeps its place. */
void     _hsh_window_reload_document     (HshWindow      *self);
/* The same after an undo or redo, and scrolls the least that shows what changed, unless some
 * of it is in sight. */
void     _hsh_window_reload_document_and_reveal (HshWindow *self);
void     _hsh_window_refresh_document_row (HshWindow     *self);
/* Keeps the documents (HshDocument) the sidebar lists, so that a long one opens without
 * counting its annotations first. */
void     _hsh_window_remember_documents  (HshWindow      *self,
                                          GPtrArray      *documents);
void     _hsh_window_show_error          (HshWindow      *self,
                                          const GError   *error);
void     _hsh_window_find_step           (HshWindow      *self,
                                          int             step);
void     _hsh_window_cancel_picking      (HshWindow      *self);
/* Selects an annotation the coder sees (just tagged, or clicked) without asking the reader where
 * it lies on screen, which would lay out its changed paragraph before the frame does. */
void     _hsh_window_select_annotation_in_place (HshWindow *self,
                                                 gint64     annotation_id);

G_END_DECLS
