/* hsh-inspector.h: the selected annotation in detail — text, label, attributes, roles, actor,
 * note and provenance — edited in place. */
#pragma once

#include <gtk/gtk.h>
#include "hsh-annotation-index.h"

G_BEGIN_DECLS

#define HSH_TYPE_INSPECTOR (hsh_inspector_get_type ())
G_DECLARE_FINAL_TYPE (HshInspector, hsh_inspector, HSH, INSPECTOR, GtkWidget)

/* @store and @codebook are borrowed: the window owns them and calls this again when they change. */
void   hsh_inspector_set_project    (HshInspector        *self,
                                     HshStore            *store,
                                     HshCodebook         *codebook);
/* Shows @annotation (NULL: nothing selected); @index gives the candidates for its roles. */
void   hsh_inspector_show           (HshInspector        *self,
                                     HshAnnotationIndex  *index,
                                     const HshAnnotation *annotation);
/* Says which role the next click in the text fills (0: not picking). */
void   hsh_inspector_set_picking    (HshInspector        *self,
                                     const char          *role_name);
/* Stores the note being typed, before the annotation changes under it. */
void   hsh_inspector_flush_note     (HshInspector        *self);
gint64 hsh_inspector_get_annotation_id (HshInspector     *self);

G_END_DECLS
