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
	uint64_t *mem;		/* the pool's copy: 8-byte aligned, as the RMM's; NULL: free */
	struct mica_policy pol;
	uint8_t rpv[RPV_SIZE];
	size_t digest_len;
	struct mica_roles roles;	/* the roles bound under it, as the RMM's pool keeps them */
	bool canonical;		/* micac's validator accepts it too: names can be read */
	uint32_t governed;	/* live realms it governs (REALM_CREATE to REALM_DESTROY) */
	struct mica_call boxes[MICA_RMM_MAX_ROLES];	/* one mailbox per role */
	/* The role's two-way call is not answered yet: the RMM's glue refuses
	 * its next call (mica_rmm_call.c, one two-way call per caller). */
	bool waits[MICA_RMM_MAX_ROLES];
};

struct sim_realm {
	struct mica_realm st;	/* what the RMM keeps in the rd */
	bool active;
	bool destroyed;
	unsigned ipa_bits;
};

/* One owner page mapped into a reader (RMI_MICA_REGION_MAP); the owner
 * page's reference count is the number of these naming it. */
struct sim_map {
	size_t reader, owner;	/* realm instances */
	uint64_t ipa;		/* the page, at the same IPA in both */
	bool write;
};

struct sim {
	const struct scenario *s;
	const struct scn_blob *files;
	uint8_t (*file_rpv)[RPV_SIZE];	/* each file's padded digest */
	struct sim_slot slots[MICA_RMM_MAX_POLICIES];
	struct sim_realm *realms;
	struct sim_map *maps;
	size_t nmaps, maps_cap;
	uint32_t refs_max;	/* MICA_SHARE_REFS_MAX, or the scenario's limits: share_refs */
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

/* Realm-initiated events need a running REC, so an active realm: true, or
 * false with the refusal in *v. */
bool sim_running(const struct sim *m, size_t i, struct verdict *v);
/* Why realm I, governed or not, cannot take part in a policy's decision
 * (-EPERM): ungoverned or unbound. */
struct verdict sim_unbound(const struct sim *m, size_t i);

/* The region of any kind holding IPA; false when none does. */
bool sim_region_at(const struct mica_policy *pol, uint64_t ipa, uint32_t *idx);
/* MICA_PERM_* bits in words: "read", "readwrite", "no access". */
const char *sim_perm_name(unsigned perm);

/* The access steps (scenario_access.c). */
struct verdict sim_map_ns(struct sim *m, const struct scn_step *st);
struct verdict sim_hostcall(struct sim *m, const struct scn_step *st);
struct verdict sim_mmio(struct sim *m, const struct scn_step *st);

/* Protected sharing (scenario_share.c): RMI_MICA_REGION_MAP, _UNMAP,
 * RMI_DATA_DESTROY and the sharing half of RMI_REALM_DESTROY. */
struct verdict sim_share(struct sim *m, const struct scn_step *st);
struct verdict sim_unshare(struct sim *m, const struct scn_step *st);
struct verdict sim_data_destroy(struct sim *m, const struct scn_step *st);
/* RSI_MICA_SHARED: the protected region at an IPA, as the policy grants it
 * to the asking realm and to the other roles. */
struct verdict sim_shared(struct sim *m, const struct scn_step *st);
/* May realm I be destroyed as far as sharing goes? True, or false with
 * the refusal in *v: it still maps pages, or readers map its pages. */
bool sim_share_release(const struct sim *m, size_t i, struct verdict *v);

/* Realm calls (scenario_call.c): RSI_MICA_CALL, _TAKE, _REPLY. */
struct verdict sim_call(struct sim *m, const struct scn_step *st);
struct verdict sim_take(struct sim *m, const struct scn_step *st);
struct verdict sim_reply(struct sim *m, const struct scn_step *st);

/* Tear-down (scenario_teardown.c): RMI_REALM_DESTROY, RMI_MICA_POLICY_UNLOAD. */
struct verdict sim_destroy(struct sim *m, const struct scn_step *st);
struct verdict sim_unload(struct sim *m, const struct scn_step *st);

#endif
