/* decode.h - a blob back into a model, through the backend's validator. */
#ifndef MICAC_DECODE_H
#define MICAC_DECODE_H

#include "diag/diag.h"
#include "sema/model.h"
#include "util/source.h"

/* Validates and decodes the blob in SRC; on failure adds an error
 * diagnostic and returns non-zero. */
int decode_blob(const struct source *src, struct model *m, struct diag_list *dl);

#endif
