/* hsh-text.c: code-point offsets over UTF-8, UTF-16 counts, import decoding and text identity. */
#include "hsh-text.h"
#include "hsh-types.h"

#include <string.h>
#include <openssl/evp.h>

/* One stored byte offset per block of code points: small, and a slice walks at most a block. */
#define BLOCK 64

struct _HshOffsetIndex
{
  const char *text;
  gint64 length;
  GArray *block_bytes;   /* gsize: byte offset of code point i * BLOCK */
};

HshOffsetIndex *
hsh_offset_index_new (const char *text)
{
  HshOffsetIndex *index = g_new0 (HshOffsetIndex, 1);
  const char *p = text;
  gint64 n = 0;

  index->text = text;
  index->block_bytes = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (; *p != '\0'; p = g_utf8_next_char (p), n++)
    if (n % BLOCK == 0)
      {
        gsize byte = (gsize) (p - text);
        g_array_append_val (index->block_bytes, byte);
      }
  index->length = n;
  return index;
}

void
hsh_offset_index_free (HshOffsetIndex *index)
{
  if (index == NULL)
    return;
  g_array_unref (index->block_bytes);
  g_free (index);
}

gint64
hsh_offset_index_length (HshOffsetIndex *index)
{
  return index->length;
}

gsize
hsh_offset_index_byte (HshOffsetIndex *index, gint64 offset)
{
  g_return_val_if_fail (offset >= 0 && offset <= index->length, 0);
  if (offset == index->length)
    return strlen (index->text);
  const char *p = index->text + g_array_index (index->block_bytes, gsize, offset / BLOCK);
  for (gint64 i = 0; i < offset % BLOCK; i++)
    p = g_utf8_next_char (p);
  return (gsize) (p - index->text);
}

char *
hsh_offset_index_slice (HshOffsetIndex *index, gint64 start, gint64 end)
{
  if (start < 0 || end < start || end > index->length)
    return NULL;
  gsize a = hsh_offset_index_byte (index, start);
  gsize b = hsh_offset_index_byte (index, end);
  return g_strndup (index->text + a, b - a);
}

char *
hsh_text_slice (const char *text, gint64 start, gint64 end)
{
  const char *p = text;
  const char *from;
  gint64 i;

  if (start < 0 || end < start)
    return NULL;
  for (i = 0; i < start && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  if (i < start)
    return NULL;
  from = p;
  for (; i < end && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  if (i < end)
    return NULL;
  return g_strndup (from, (gsize) (p - from));
}

static guint
line_of_byte (const char *data, gsize byte)
{
  guint line = 1;
  for (gsize i = 0; i < byte; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* CRLF and lone CR to LF, in place (the text only shrinks). */
static void
normalise_line_ends (char *text)
{
  char *out = text;
  for (const char *in = text; *in != '\0'; in++)
    {
      if (*in == '\r')
        {
          *out++ = '\n';
          if (in[1] == '\n')
            in++;
        }
      else
        *out++ = *in;
    }
  *out = '\0';
}

static char *
decode_utf16 (const char *data, gsize length, const char *charset, const char *where, GError **error)
{
  g_autoptr(GError) local = NULL;
  gsize read = 0;
  gsize written = 0;
  char *utf8 = g_convert (data, (gssize) length, "UTF-8", charset, &read, &written, &local);

  if (utf8 == NULL)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                   "%s: invalid %s at byte offset %" G_GSIZE_FORMAT " (after the byte-order mark)",
                   where, charset, read);
      return NULL;
    }
  if (strlen (utf8) != written)
    {
      g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT, "%s: contains a NUL character", where);
      g_free (utf8);
      return NULL;
    }
  return utf8;
}

char *
hsh_text_decode_import (const char *data, gsize length, const char *where, GError **error)
{
  const char *end = NULL;
  char *text;

  if (length >= 2 && (guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
    text = decode_utf16 (data + 2, length - 2, "UTF-16LE", where, error);
  else if (length >= 2 && (guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)
    text = decode_utf16 (data + 2, length - 2, "UTF-16BE", where, error);
  else
    {
      gsize skip = length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
      if (!g_utf8_validate (data + skip, (gssize) (length - skip), &end))
        {
          gsize byte = (gsize) (end - data);
          if (memchr (data, '\0', length) != NULL && byte < length && data[byte] == '\0')
            g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                         "%s: line %u, byte offset %" G_GSIZE_FORMAT ": a NUL byte; the file looks like "
                         "UTF-16 without a byte-order mark. Save it as UTF-8, or as UTF-16 with a BOM",
                         where, line_of_byte (data, byte), byte);
          else
            g_set_error (error, HSH_ERROR, HSH_ERROR_INVALID_INPUT,
                         "%s: line %u, byte offset %" G_GSIZE_FORMAT ": invalid UTF-8 (byte 0x%02X). "
                         "Save the file as UTF-8 and import it again",
                         where, line_of_byte (data, byte), byte, (guchar) data[byte]);
          return NULL;
        }
      text = g_strndup (data + skip, length - skip);
    }
  if (text == NULL)
    return NULL;
  normalise_line_ends (text);
  return text;
}

/* OpenSSL's SHA-256 uses the processor's SHA instructions: an import of 16 MB of news spends
 * ten times less on hashing than with GChecksum. */
char *
hsh_text_sha256 (const char *text)
{
  static const char hex[] = "0123456789abcdef";
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  char *out;

  if (!EVP_Digest (text, strlen (text), digest, &length, EVP_sha256 (), NULL))
    return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  out = g_malloc (length * 2 + 1);
  for (unsigned int i = 0; i < length; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 0xf];
    }
  out[length * 2] = '\0';
  return out;
}

void
hsh_string_append_int64 (GString *out, gint64 value)
{
  char digits[20];
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
  int n = 0;

  do
    digits[n++] = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) != 0);
  if (value < 0)
    g_string_append_c (out, '-');
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}
