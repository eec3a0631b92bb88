/* hsh-test-team.h: a sample project coded by two coders, with deliberate disagreements. */
#pragma once

#include "hsh-model.h"

G_BEGIN_DECLS

#define LAYLA "0b7f2c2e-6f0e-4a55-9d51-3f1f0e7f4c11"
#define OMAR  "5c1d7e0a-2b3f-4d6a-8e9b-0f1a2b3c4d5e"

/* How a coder's copy of a sample annotation differs from the sample. */
typedef struct {
  const char *label;        /* which sample annotation: label and start */
  gint64      start;
  const char *new_label;    /* NULL: the same */
  gint64      new_end;      /* 0: the same; -1: left out */
  const char *attribute;    /* set to @value (NULL clears it) */
  const char *value;
  const char *dropped_role; /* its link of this role is left out */
} HshTeamEdit;

typedef struct {
  char *path;
  HshStore *store;
  HshCodebook *book;
} HshTeamFixture;

/* Omar misses a date, calls France a person, ends the first claim early with another stance,
 * leaves out a quantity and a speaker (and tags a location nobody else sees). */
extern const HshTeamEdit hsh_team_omar_edits[];
extern const HshTeamEdit hsh_team_no_edits[];

void   hsh_team_set_up                (HshTeamFixture    *f,
                                       gconstpointer      data);
void   hsh_team_tear_down             (HshTeamFixture    *f,
                                       gconstpointer      data);
gint64 hsh_team_label_id              (HshTeamFixture    *f,
                                       const char        *path);
/* Adds a copy of every sample annotation by the coder @uuid, changed as @edits say. */
void   hsh_team_code_sample           (HshTeamFixture    *f,
                                       const char        *uuid,
                                       const char        *name,
                                       const HshTeamEdit *edits);
void   hsh_team_omar_tags_a_location  (HshTeamFixture    *f);
/* Layla with no edits, Omar with his. */
void   hsh_team_two_coders            (HshTeamFixture    *f);

G_END_DECLS
