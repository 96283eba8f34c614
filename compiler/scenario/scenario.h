/* scenario.h - a scenario: a list of RMM events (policy loads, realm
 * lifecycle commands, realm exits) for `micac enforce` to replay through the
 * enforcement library, each with the decision the author expects.
 *
 * scenario_read.c turns a YAML file into this (docs/scenarios.md gives the
 * format); scenario_replay.c decides each step. Reading resolves everything
 * the file itself can get wrong (keys, types, numbers, hex, realm instance
 * names), so replay can only disagree with the expectations, never fail. */
#ifndef MICAC_SCENARIO_H
#define MICAC_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag/diag.h"
#include "util/source.h"

enum scn_kind {
	SCN_LOAD,		/* RMI_MICA_POLICY_LOAD */
	SCN_CREATE,		/* RMI_REALM_CREATE */
	SCN_BIND,		/* RMI_MICA_REALM_BIND */
	SCN_ACTIVATE,		/* RMI_REALM_ACTIVATE */
	SCN_MAP_NS,		/* RMI_RTT_MAP_UNPROTECTED */
	SCN_SHARE,		/* RMI_MICA_REGION_MAP: an owner's protected page into a reader */
	SCN_UNSHARE,		/* RMI_MICA_REGION_UNMAP */
	SCN_DATA_DESTROY,	/* RMI_DATA_DESTROY of an owner's page */
	SCN_SHARED,		/* RSI_MICA_SHARED: a realm asks what it shares */
	SCN_HOSTCALL,		/* RSI_HOST_CALL */
	SCN_MMIO,		/* a data abort reported to the host (emulated MMIO) */
	SCN_CALL,		/* RSI_MICA_CALL: a realm calls a role */
	SCN_TAKE,		/* RSI_MICA_CALL_TAKE: the callee takes the waiting call */
	SCN_REPLY,		/* RSI_MICA_CALL_REPLY */
	SCN_DESTROY,		/* RMI_REALM_DESTROY */
	SCN_UNLOAD,		/* RMI_MICA_POLICY_UNLOAD */
	SCN_KIND_COUNT
};

/* The event key of each kind ("load", "map_unprotected", ...). */
extern const char *const scn_kind_names[SCN_KIND_COUNT];

/* Where a created realm's RPV comes from. */
enum scn_rpv {
	RPV_HEX,		/* given in hex, zero-padded to 64 bytes */
	RPV_POLICY,		/* "policy" or "policy:FILE": that blob's padded digest */
};

/* Bytes given in hex: an RPV or a RIM. */
struct scn_bytes {
	uint8_t v[64];
	size_t n;		/* 0: not given */
};

struct scn_step {
	enum scn_kind kind;
	loc_t loc;		/* the event's key, for messages */
	bool expect_allow;
	char *reason;		/* expected words of the reason; NULL: any */
	size_t realm;		/* instance index (every kind but load, unload) */
	size_t peer;		/* share, unshare `owner` (has_peer) */
	bool has_peer;
	size_t file;		/* load, unload `file`, create RPV_POLICY: index in files[] */
	char *name;		/* bind `role`, call `callee`, share/unshare/data_destroy `region` */
	enum scn_rpv rpv_from;	/* create */
	struct scn_bytes bytes;	/* create RPV_HEX, activate `rim` */
	unsigned ipa_bits;	/* create; 0: the governing policy's */
	uint64_t ipa, size;	/* map_unprotected; mmio, share, unshare, data_destroy `ipa` (has_ipa) */
	bool has_ipa;
	uint64_t offset;	/* share, unshare, data_destroy: into `region` (0 unless given) */
	bool has_file;		/* unload: by `file` rather than by `slot` */
	uint64_t slot;		/* unload: 1 + the pool slot, as RMI_MICA_POLICY_UNLOAD takes it */
	bool read, write;	/* map_unprotected: the S2AP asked for; share: map read-write */
	bool corrupt;		/* load: flip every bit of byte corrupt_at */
	uint64_t corrupt_at;
	bool truncate;		/* load: keep only the first truncate_to bytes */
	uint64_t truncate_to;
};

struct scenario {
	char *description;	/* NULL when absent */
	uint32_t share_refs;	/* limits: share_refs, 1..MICA_SHARE_REFS_MAX; 0: the default */
	struct scn_step *steps;
	size_t nsteps, cap;
	char **realms;		/* instance names, in order of creation */
	size_t nrealms, realms_cap;
	/* Policy files the steps name, as written (relative to the scenario's
	 * directory). files[0] is "policy": the one on the command line. */
	char **files;
	size_t nfiles, files_cap;
};

/* The file index of the command line's policy. */
#define SCN_MAIN_POLICY 0u

/* Reads SRC into S; diagnostics go to DL. Returns 0 when no error was
 * reported (S is then complete), -1 otherwise. Free S either way. */
int scenario_read(struct scenario *s, const struct source *src, struct diag_list *dl);
void scenario_free(struct scenario *s);

#endif
