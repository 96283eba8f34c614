/* ast.h - the syntax tree of one Mica source, as written.
 *
 * The parser (grammar/parser.y) and the YAML front end (yaml_front.c) both
 * build this tree; nothing here is checked yet. Names are unresolved (interned) strings,
 * declarations keep their source order, and every item keeps its location so
 * the checks can point at it. resolve.c turns a checked tree into a model. */
#ifndef MICAC_AST_H
#define MICAC_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mica_blob.h"
#include "util/source.h"

/* TEXT is interned in the source's names (util/intern.h): borrowed, never
 * freed with the tree, and equal names are the same pointer. */
typedef struct ident {
	const char *text;
	loc_t loc;
} ident_t;

/* A property set at most once in a block: where it was set (line 0: never).
 * INVALID: its value was malformed and is already reported; checks skip it. */
typedef struct prop {
	loc_t loc;
	bool invalid;
} prop_t;
#define PROP_SET(p) ((p).loc.line != 0)

struct ast_policy {
	ident_t name;
	loc_t loc;		/* the `policy` keyword */
	uint64_t version;	prop_t version_p;
	uint8_t digest;		prop_t digest_p;	/* MICA_DIGEST_* */
	uint64_t ipa_bits;	prop_t ipa_bits_p;
};

struct ast_realm {
	ident_t name;
	loc_t loc;		/* the `realm` keyword */
	uint8_t trust;		prop_t trust_p;		/* MICA_TRUST_* */
	char *measurement;	prop_t measurement_p;	/* hex text, unchecked */
	bool hostcall;		prop_t hostcall_p;
	bool mmio;		prop_t mmio_p;
};

struct ast_grant {
	ident_t realm;
	uint8_t perm;		/* MICA_PERM_* */
	loc_t loc;		/* the whole `grant` statement */
};

struct ast_region {
	ident_t name;
	loc_t loc;		/* the `region` keyword */
	uint8_t kind;		prop_t kind_p;		/* MICA_REGION_* */
	uint64_t size;		prop_t size_p;
	uint64_t at;		prop_t at_p;
	struct ast_grant *grants;	/* NGRANTS of the tree's grants array */
	size_t ngrants;
	size_t grant_first;		/* where they start in it */
};

struct ast_call {
	ident_t from, to;
	bool oneway;
	loc_t loc;
};

struct ast_assert {
	ident_t from, to;	/* either may be `host` */
	loc_t loc;
};

/* A comment, kept for the formatter. */
struct ast_comment {
	char *text;		/* including the // or the delimiters */
	loc_t loc;
};

/* Declaration kinds, in the order they appear (for the formatter). */
enum ast_decl_kind { DECL_POLICY, DECL_REALM, DECL_REGION, DECL_CALL, DECL_ASSERT };
struct ast_decl {
	enum ast_decl_kind kind;
	size_t index;		/* into the array of that kind */
};

struct ast {
	const struct source *src;
	bool yaml;		/* written in YAML: help quotes YAML, not Mica */
	struct ast_policy *policies;	size_t npolicies, policies_cap;
	struct ast_realm *realms;	size_t nrealms, realms_cap;
	struct ast_region *regions;	size_t nregions, regions_cap;
	/* Every region's grants, one region after another: one array, not one
	 * allocation per region (each region's `grants` points into it). */
	struct ast_grant *grants;	size_t ngrants, grants_cap;
	struct ast_call *calls;		size_t ncalls, calls_cap;
	struct ast_assert *asserts;	size_t nasserts, asserts_cap;
	struct ast_comment *comments;	size_t ncomments, comments_cap;
	struct ast_decl *decls;		size_t ndecls, decls_cap;
};

void ast_init(struct ast *ast, const struct source *src);
void ast_free(struct ast *ast);

/* The parts of a tree that can be freed alone: resolve frees each part once
 * the model holds what it said (RESOLVE_FREE_TREE), so that a large policy's
 * tree and model never both exist whole. A freed part is empty, though the
 * declaration order may still list it: after it, only ast_free_part and
 * ast_free may use the tree. */
enum ast_part {
	AST_POLICIES,
	AST_REALMS,		/* with their measurements */
	AST_REGIONS,		/* with their grants */
	AST_CALLS,		/* and the asserts */
	AST_LAYOUT,		/* the declaration order and the comments */
};
void ast_free_part(struct ast *ast, enum ast_part part);

/* Appenders: each returns a zeroed new element and records its declaration. */
struct ast_policy *ast_add_policy(struct ast *ast);
struct ast_realm *ast_add_realm(struct ast *ast);
struct ast_region *ast_add_region(struct ast *ast);
struct ast_call *ast_add_call(struct ast *ast);
struct ast_assert *ast_add_assert(struct ast *ast);
/* A grant of REGION, which must be the region declared last that got
 * grants (a region's grants are contiguous: regions do not nest). */
struct ast_grant *ast_add_grant(struct ast *ast, struct ast_region *region);
void ast_add_comment(struct ast *ast, const char *text, size_t len, loc_t loc);

#endif
