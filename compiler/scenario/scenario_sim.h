/* scenario_sim.h - the simulated RMM state a replay runs on, shared by the
 * lifecycle steps (scenario_replay.c) and the access steps
 * (scenario_access.c). Internal to the replayer.
 *
 * The decisions themselves are the RMM's own code: mica_decide.c of
 * backend/rmm_blob, which the RMM compiles too, and so are the pool's
 * bounds (MICA_RMM_MAX_POLICIES, MICA_RMM_MAX_BLOB in mica_decide.h). What
 * is simulated here is only what the RMM glue around it does: the policy
 * pool (mica_rmm_pool.c) and the realm states. */
#ifndef MICAC_SCENARIO_SIM_H
#define MICAC_SCENARIO_SIM_H

#include "mica_decide.h"
#include "mica_policy.h"

#include "blob/digest.h"
#include "scenario/scenario_replay.h"

struct sim_slot {
	uint64_t *mem;		/* the pool's copy: 8-byte aligned, as the RMM's */
	struct mica_policy pol;
	uint8_t rpv[RPV_SIZE];
	size_t digest_len;
	struct mica_roles roles;	/* the roles bound under it, as the RMM's pool keeps them */
	bool canonical;		/* micac's validator accepts it too: names can be read */
};

struct sim_realm {
	struct mica_realm st;	/* what the RMM keeps in the rd */
	bool active;
	unsigned ipa_bits;
};

struct sim {
	const struct scenario *s;
	const struct scn_blob *files;
	uint8_t (*file_rpv)[RPV_SIZE];	/* each file's padded digest */
	struct sim_slot slots[MICA_RMM_MAX_POLICIES];
	unsigned nslots;
	struct sim_realm *realms;
};

/* A decision and its reason (a new string). */
struct verdict {
	bool allow;
	char *reason;
};

struct verdict verdict(bool allow, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The policy governing realm I; NULL when ungoverned. */
const struct mica_policy *sim_policy(const struct sim *m, size_t i);
/* The realm's role name (its policy's realm name). */
const char *sim_role(const struct sim *m, size_t i);

/* What a step does, in words: "map_unprotected r1 0x8000001000+0x1000 rw"
 * (scenario_action.c). A new string. */
char *scn_action(const struct scenario *s, const struct scn_step *st);

/* The access steps (scenario_access.c). */
struct verdict sim_map_ns(struct sim *m, const struct scn_step *st);
struct verdict sim_share(struct sim *m, const struct scn_step *st);
struct verdict sim_hostcall(struct sim *m, const struct scn_step *st);
struct verdict sim_mmio(struct sim *m, const struct scn_step *st);
struct verdict sim_call(struct sim *m, const struct scn_step *st);

#endif
