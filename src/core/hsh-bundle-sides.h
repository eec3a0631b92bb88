/* hsh-bundle-sides.h: the attribute values, notes and role links of annotations, read apart from
 * the annotations themselves when a project is exported as bundles. */
#pragma once

#include "hsh-store.h"

G_BEGIN_DECLS

typedef enum {
  HSH_SIDE_ATTRIBUTES,
  HSH_SIDE_NOTES,
  HSH_SIDE_ROLES,
  HSH_N_SIDES,
} HshSide;

/* One row of a side table, as the bundle reader needs it. */
typedef struct {
  gint64      annotation_id;
  gint64      order;    /* attribute id, note id, link id */
  gint64      number;   /* attribute id, whether the note is deleted, role id */
  gint64      target;   /* a link's target annotation */
  const char *text;     /* value, note body; NULL for links */
} HshSideRow;

/* The rows of the three tables, each sorted by annotation. */
typedef struct _HshSides HshSides;

/* Every row of the three tables, for an export of the whole project. @store reads a slice of
 * the annotation ids, and so does each connection of @helpers (HshStore, may be NULL), in a
 * thread of its own; all of them must read the same snapshot. */
HshSides         *hsh_sides_read_all      (HshStore   *store,
                                           GPtrArray  *helpers,
                                           GError    **error);
/* Empty tables, filled one document at a time by hsh_sides_read_document. */
HshSides         *hsh_sides_new_per_document (HshStore *store,
                                           GError    **error);
/* Replaces the rows with those of document @document_id. */
gboolean          hsh_sides_read_document (HshSides   *sides,
                                           gint64      document_id,
                                           GError    **error);
/* The rows of annotation @annotation_id in @side, @n of them. @cursor is where the last lookup in
 * @side ended (start at 0): lookups in increasing annotation order walk forward from it. */
const HshSideRow *hsh_sides_lookup        (const HshSides *sides,
                                           HshSide     side,
                                           gint64      annotation_id,
                                           guint      *cursor,
                                           guint      *n);
void              hsh_sides_free          (HshSides   *sides);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshSides, hsh_sides_free)

G_END_DECLS
