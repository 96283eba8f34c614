/* flow_check.h - the flow stage's entry point: both flow rules on a
 * resolved model, each violation a diagnostic with its witness. */
#ifndef MICAC_FLOW_CHECK_H
#define MICAC_FLOW_CHECK_H

#include "diag/diag.h"
#include "sema/model.h"

void flow_check(const struct model *m, struct diag_list *dl);

#endif
