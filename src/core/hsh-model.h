/* hsh-model.h: the rows of a project as the application sees them — documents, codebook
 * entries, annotations, role links and actors — and the functions that read and change them.
 * Every change is recorded in the operation log (hsh-oplog.h) and can be undone. */
#pragma once

#include "hsh-store.h"
#include "hsh-bundle.h"

G_BEGIN_DECLS

/* Documents -------------------------------------------------------------------------------- */

typedef struct {
  gint64       id;
  char        *uuid;
  char        *sha256;
  char        *title;
  char        *source;
  char        *language;
  HshDirection direction;
  char        *status;            /* "new", "in-progress", "done" */
  gint64       length;            /* code points */
  gint64       annotation_count;  /* live annotations, every annotator */
  gint64       created;
  gint64       modified;
} HshDocument;

void         hsh_document_free               (HshDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshDocument, hsh_document_free)

/* Live documents in import order, without their text. */
GPtrArray   *hsh_store_list_documents        (HshStore    *store,
                                              GError     **error);
HshDocument *hsh_store_get_document          (HshStore    *store,
                                              gint64       document_id,
                                              GError     **error);
/* The id of the document whose uuid or (unique) title or id number is @ref. */
gint64       hsh_store_find_document         (HshStore    *store,
                                              const char  *ref,
                                              GError     **error);
char        *hsh_store_get_document_text     (HshStore    *store,
                                              gint64       document_id,
                                              GError     **error);
gboolean     hsh_store_set_document_direction (HshStore   *store,
                                              gint64       document_id,
                                              HshDirection direction,
                                              GError     **error);
gboolean     hsh_store_set_document_status   (HshStore    *store,
                                              gint64       document_id,
                                              const char  *status,
                                              GError     **error);

/* Codebook --------------------------------------------------------------------------------- */

typedef struct {
  gint64  id;
  char   *uuid;
  gint64  parent_id;    /* 0 at the top */
  char   *name;
  char   *path;         /* "Actor/State" */
  char   *color;        /* "#rrggbb" */
  char   *shortcut;     /* one key name, or NULL */
  char   *description;
  guint   depth;
} HshLabel;

typedef struct {
  gint64            id;
  char             *uuid;
  gint64            label_id;
  char             *name;
  HshAttributeType  type;
  char            **choices;
} HshAttributeDef;

typedef struct {
  gint64  id;
  char   *uuid;
  gint64  label_id;
  char   *name;
  gint64  target_label_id;
} HshRoleDef;

typedef struct {
  GPtrArray *labels;       /* HshLabel, depth-first in codebook order */
  GPtrArray *attributes;   /* HshAttributeDef */
  GPtrArray *roles;        /* HshRoleDef */
} HshCodebook;

HshCodebook *hsh_store_load_codebook         (HshStore     *store,
                                              GError      **error);
void         hsh_codebook_free               (HshCodebook  *codebook);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshCodebook, hsh_codebook_free)
HshLabel    *hsh_codebook_label              (HshCodebook  *codebook,
                                              gint64        label_id);
HshLabel    *hsh_codebook_label_by_path      (HshCodebook  *codebook,
                                              const char   *path);
/* Whether @label_id is @ancestor_id or lies below it. */
gboolean     hsh_codebook_label_is_a         (HshCodebook  *codebook,
                                              gint64        label_id,
                                              gint64        ancestor_id);
/* The attributes and roles that apply to a label: its own and its ancestors'. */
GPtrArray   *hsh_codebook_attributes_for     (HshCodebook  *codebook,
                                              gint64        label_id);
GPtrArray   *hsh_codebook_roles_for          (HshCodebook  *codebook,
                                              gint64        label_id);
HshAttributeDef *hsh_codebook_attribute      (HshCodebook  *codebook,
                                              gint64        attribute_id);
HshRoleDef  *hsh_codebook_role               (HshCodebook  *codebook,
                                              gint64        role_id);
/* Installs the codebook of a JSON description (data/default-codebook.json's shape). */
gboolean     hsh_store_install_codebook      (HshStore     *store,
                                              const char   *json,
                                              GError      **error);
gboolean     hsh_store_install_default_codebook (HshStore  *store,
                                              GError      **error);
/* The label of @path, created with its missing ancestors when absent (for imports). */
gint64       hsh_store_ensure_label          (HshStore     *store,
                                              const char   *path,
                                              GError      **error);

/* Annotations ------------------------------------------------------------------------------ */

typedef struct {
  gint64  id;
  char   *uuid;
  gint64  document_id;
  gint64  label_id;
  GArray *ranges;       /* HshRange, sorted */
  char   *text;         /* covered text, fragments joined by one space */
  gint64  actor_id;     /* 0: not linked */
  gint64  author_id;
  gboolean gold;
  gint64  created;
  gint64  modified;
  gint64  revision;
} HshAnnotation;

void           hsh_annotation_free           (HshAnnotation *annotation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshAnnotation, hsh_annotation_free)
gint64         hsh_annotation_start          (const HshAnnotation *annotation);
gint64         hsh_annotation_end            (const HshAnnotation *annotation);

/* Live annotations of a document ordered by start, then longest first. */
GPtrArray     *hsh_store_list_annotations    (HshStore     *store,
                                              gint64        document_id,
                                              GError      **error);
/* Live annotations of which a range overlaps [@start, @end) — what a screenful of the document
 * shows — with all their ranges, in the same order. */
GPtrArray     *hsh_store_list_annotations_in_range (HshStore *store,
                                              gint64        document_id,
                                              gint64        start,
                                              gint64        end,
                                              GError      **error);
HshAnnotation *hsh_store_get_annotation      (HshStore     *store,
                                              gint64        annotation_id,
                                              GError      **error);
/* Stores a new annotation by the current annotator; its covered text is read from the
 * document, so it can never disagree with the ranges. Returns its id, 0 on error. */
gint64         hsh_store_create_annotation   (HshStore     *store,
                                              gint64        document_id,
                                              gint64        label_id,
                                              const HshRange *ranges,
                                              guint         n_ranges,
                                              GError      **error);
gboolean       hsh_store_delete_annotation   (HshStore     *store,
                                              gint64        annotation_id,
                                              GError      **error);
gboolean       hsh_store_set_annotation_label (HshStore    *store,
                                              gint64        annotation_id,
                                              gint64        label_id,
                                              GError      **error);
/* Replaces the ranges (to move a boundary, or add a fragment of a discontinuous span). */
gboolean       hsh_store_set_annotation_ranges (HshStore   *store,
                                              gint64        annotation_id,
                                              const HshRange *ranges,
                                              guint         n_ranges,
                                              GError      **error);
gboolean       hsh_store_set_annotation_actor (HshStore    *store,
                                              gint64        annotation_id,
                                              gint64        actor_id,
                                              GError      **error);

/* Attribute values of one annotation: attribute id (gint64 *) → value (char *). */
GHashTable    *hsh_store_get_attribute_values (HshStore    *store,
                                              gint64        annotation_id,
                                              GError      **error);
/* Sets a value; NULL or "" removes it. A number or date that does not parse is refused. */
gboolean       hsh_store_set_attribute_value (HshStore     *store,
                                              gint64        annotation_id,
                                              gint64        attribute_id,
                                              const char   *value,
                                              GError      **error);
char          *hsh_store_get_annotation_note (HshStore     *store,
                                              gint64        annotation_id);
gboolean       hsh_store_set_annotation_note (HshStore     *store,
                                              gint64        annotation_id,
                                              const char   *note,
                                              GError      **error);

typedef struct {
  gint64 id;
  char  *uuid;
  gint64 source_id;    /* the annotation that has the role (a Claim) */
  gint64 role_id;
  gint64 target_id;    /* the annotation that fills it (an Actor mention) */
} HshRoleLink;

void           hsh_role_link_free            (HshRoleLink  *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshRoleLink, hsh_role_link_free)
/* Live role links whose source lies in the document. */
GPtrArray     *hsh_store_list_role_links     (HshStore     *store,
                                              gint64        document_id,
                                              GError      **error);
/* Refuses a target whose label is not the role's target label or below it. */
gint64         hsh_store_add_role_link       (HshStore     *store,
                                              gint64        source_id,
                                              gint64        role_id,
                                              gint64        target_id,
                                              GError      **error);
gboolean       hsh_store_delete_role_link    (HshStore     *store,
                                              gint64        link_id,
                                              GError      **error);

/* Annotators ------------------------------------------------------------------------------ */

typedef struct {
  gint64  id;
  char   *uuid;
  char   *name;
} HshAnnotator;

void           hsh_annotator_free            (HshAnnotator *annotator);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshAnnotator, hsh_annotator_free)
/* Every annotator known to the project (its own coder and those merged in), by name. */
GPtrArray     *hsh_store_list_annotators     (HshStore     *store,
                                              GError      **error);
/* The annotator's name, or NULL when @annotator_id is unknown. */
char          *hsh_store_get_annotator_name  (HshStore     *store,
                                              gint64        annotator_id);

/* Actors ----------------------------------------------------------------------------------- */

typedef struct {
  gint64  id;
  char   *uuid;
  char   *name;
  char   *kind;
  char   *wikidata;
  char  **aliases;
} HshActor;

void           hsh_actor_free                (HshActor     *actor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HshActor, hsh_actor_free)
GPtrArray     *hsh_store_list_actors         (HshStore     *store,
                                              GError      **error);
HshActor      *hsh_store_get_actor           (HshStore     *store,
                                              gint64        actor_id,
                                              GError      **error);
/* The actor of that canonical name, created when absent. */
gint64         hsh_store_ensure_actor        (HshStore     *store,
                                              const char   *name,
                                              const char   *wikidata,
                                              GError      **error);
gboolean       hsh_store_add_actor_alias     (HshStore     *store,
                                              gint64        actor_id,
                                              const char   *alias,
                                              GError      **error);

/* Bundles ---------------------------------------------------------------------------------- */

typedef struct {
  guint documents;
  guint duplicates;     /* documents whose text was already in the project */
  guint annotations;
  guint role_links;
} HshImportSummary;

/* Imports documents with their annotations in one transaction: all or nothing. */
gboolean       hsh_store_import_bundles      (HshStore     *store,
                                              GPtrArray    *bundles,
                                              HshImportSummary *summary,
                                              GCancellable *cancellable,
                                              GError      **error);
/* A document with its live annotations, attributes, roles, actors and notes. */
HshBundle     *hsh_store_export_bundle       (HshStore     *store,
                                              gint64        document_id,
                                              GError      **error);

/* Statistics and checks -------------------------------------------------------------------- */

typedef struct {
  gint64 documents;
  gint64 characters;
  gint64 annotations;
  gint64 role_links;
  gint64 actors;
  gint64 annotators;
  gint64 labels;
} HshStats;

gboolean       hsh_store_get_stats           (HshStore     *store,
                                              HshStats     *stats,
                                              GError      **error);
/* Problems a person should know about: annotations whose stored text no longer matches their
 * ranges, ranges past the text, texts whose SHA-256 changed, links to deleted rows. Appends
 * one message per problem to @problems; FALSE only when the check itself could not run. */
gboolean       hsh_store_check               (HshStore     *store,
                                              GPtrArray    *problems,
                                              GError      **error);

G_END_DECLS
