/* bidi.h - Trojan Source (CVE-2021-42574): bidirectional control
 * characters anywhere in a policy, comments and strings included. */
#ifndef MICAC_BIDI_H
#define MICAC_BIDI_H

#include "diag/diag.h"
#include "util/source.h"

/* Reports E0108 at every bidirectional control character of SRC (Mica or
 * YAML). Linear; a quick memchr scan when there is none. */
void check_bidi(const struct source *src, struct diag_list *dl);

#endif
