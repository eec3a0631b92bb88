/* hsh-agreement-private.h: the coding-data layout shared by the agreement measures' files. */
#pragma once

#include "hsh-agreement.h"

G_BEGIN_DECLS

#define HSH_CODING_MISSING (-1)

struct _HshCodingData {
  guint       n_raters;
  GPtrArray  *labels;     /* char *, in order of first appearance */
  GArray     *numbers;    /* double per label, NAN when the label is not a number */
  GHashTable *index;      /* label → its index in @labels, plus one */
  guint       n_declared;
  GArray     *order;      /* guint: position → index in @labels */
  GArray     *rank;       /* guint: index in @labels → position */
  GArray     *codes;      /* gint32 per rater per unit: an index in @labels or HSH_CODING_MISSING */
  GArray     *counts;     /* guint per unit */
};

/* The position of rater @rater's category in unit @unit, or HSH_CODING_MISSING. */
static inline int
hsh_coding_data_position (HshCodingData *data, guint unit, guint rater)
{
  gint32 code = g_array_index (data->codes, gint32, (gsize) unit * data->n_raters + rater);
  return code == HSH_CODING_MISSING ? code : (int) g_array_index (data->rank, guint, code);
}

static inline guint
hsh_coding_data_n_units (HshCodingData *data)
{
  return data->counts->len;
}

/* The numeric value of the category at @position, NAN when it is not a number. */
double hsh_coding_data_number (HshCodingData *data, guint position);

G_END_DECLS
