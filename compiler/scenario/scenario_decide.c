/* scenario_decide.c - the RMM's enforcement decisions, compiled into micac.
 *
 * `micac enforce` must decide exactly as the patched TF-RMM does, so it runs
 * the RMM's own decision code (backend/rmm_blob/tf-rmm/lib/mica, freestanding
 * C over the mica_policy API) instead of a second copy of its rules.
 * tests/enforce.mk adds that library's include directory for this file. */
#include "../backend/rmm_blob/tf-rmm/lib/mica/src/mica_decide.c"
