/* hsh-types.h: forward declarations, shared enums and the error domain of Hashiya's core. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HSH_ERROR (hsh_error_quark ())
GQuark hsh_error_quark (void);

/* Error codes a caller (and a script reading hashiya-cli's exit code) can rely on. */
typedef enum {
  HSH_ERROR_FAILED,          /* anything not listed below */
  HSH_ERROR_NOT_FOUND,       /* a file, document or label that does not exist */
  HSH_ERROR_NOT_A_PROJECT,   /* not an SQLite file, or an SQLite file of another application */
  HSH_ERROR_NEWER_SCHEMA,    /* written by a newer Hashiya */
  HSH_ERROR_DAMAGED,         /* fails SQLite's integrity check */
  HSH_ERROR_UNTRUSTED,       /* carries schema objects Hashiya did not create */
  HSH_ERROR_INVALID_INPUT,   /* an imported file that cannot be read as what it claims to be */
  HSH_ERROR_DUPLICATE,       /* the same text is already in the project */
  HSH_ERROR_READ_ONLY,       /* a write on a project opened read-only */
  HSH_ERROR_IO,              /* the disk said no */
  HSH_ERROR_LOCKED,          /* the project is open elsewhere */
} HshError;

/* A half-open range of Unicode code points in a document's text. */
typedef struct {
  gint64 start;
  gint64 end;
} HshRange;

typedef enum {
  HSH_DIRECTION_AUTO,
  HSH_DIRECTION_RTL,
  HSH_DIRECTION_LTR,
} HshDirection;

typedef enum {
  HSH_ATTRIBUTE_TEXT,
  HSH_ATTRIBUTE_NUMBER,
  HSH_ATTRIBUTE_DATE,
  HSH_ATTRIBUTE_CHOICE,
  HSH_ATTRIBUTE_ACTOR,
} HshAttributeType;

const char  *hsh_direction_to_string       (HshDirection direction);
HshDirection hsh_direction_from_string     (const char *name);
const char  *hsh_attribute_type_to_string  (HshAttributeType type);
gboolean     hsh_attribute_type_from_string (const char *name, HshAttributeType *type);

/* Milliseconds since the Unix epoch, UTC: the unit of every stored timestamp. */
gint64 hsh_now_ms (void);

/* A new row identity: an RFC 9562 version 7 UUID (milliseconds, then 74 random bits). Rows made
 * one after another get neighbouring UUIDs, so SQLite's UUID indexes grow at their end instead of
 * at random places: imports and merges of many rows stay fast. */
char  *hsh_uuid_new (void);

G_END_DECLS
