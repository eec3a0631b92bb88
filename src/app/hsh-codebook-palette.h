/* hsh-codebook-palette.h: the codebook's labels with their colours and keys; a click tags. */
#pragma once

#include <gtk/gtk.h>
#include "hsh-model.h"

G_BEGIN_DECLS

#define HSH_TYPE_CODEBOOK_PALETTE (hsh_codebook_palette_get_type ())
G_DECLARE_FINAL_TYPE (HshCodebookPalette, hsh_codebook_palette, HSH, CODEBOOK_PALETTE, GtkWidget)

void hsh_codebook_palette_set_codebook (HshCodebookPalette *self,
                                        HshCodebook        *codebook);

G_END_DECLS
