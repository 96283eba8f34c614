/* ast.c - building and freeing the syntax tree. */
#include <stdlib.h>
#include <string.h>

#include "syntax/ast.h"
#include "util/xalloc.h"

void ast_init(struct ast *ast, const struct source *src)
{
	memset(ast, 0, sizeof(*ast));
	ast->src = src;
}

static void record_decl(struct ast *ast, enum ast_decl_kind kind, size_t index)
{
	xgrow(&ast->decls, &ast->decls_cap, ast->ndecls, sizeof(*ast->decls));
	ast->decls[ast->ndecls].kind = kind;
	ast->decls[ast->ndecls].index = index;
	ast->ndecls++;
}

/* Appends one element (zeroed by xgrow) to an array and records it as a
 * declaration. */
#define AST_APPEND(ast, arr, n, cap, kind)                                   \
	do {                                                                 \
		xgrow(&(ast)->arr, &(ast)->cap, (ast)->n, sizeof(*(ast)->arr)); \
		record_decl((ast), (kind), (ast)->n);                          \
		return &(ast)->arr[(ast)->n++];                                \
	} while (0)

struct ast_policy *ast_add_policy(struct ast *ast)
{
	AST_APPEND(ast, policies, npolicies, policies_cap, DECL_POLICY);
}

struct ast_realm *ast_add_realm(struct ast *ast)
{
	AST_APPEND(ast, realms, nrealms, realms_cap, DECL_REALM);
}

struct ast_region *ast_add_region(struct ast *ast)
{
	AST_APPEND(ast, regions, nregions, regions_cap, DECL_REGION);
}

struct ast_call *ast_add_call(struct ast *ast)
{
	AST_APPEND(ast, calls, ncalls, calls_cap, DECL_CALL);
}

struct ast_assert *ast_add_assert(struct ast *ast)
{
	AST_APPEND(ast, asserts, nasserts, asserts_cap, DECL_ASSERT);
}

struct ast_grant *ast_add_grant(struct ast *ast, struct ast_region *region)
{
	struct ast_grant *before = ast->grants;
	size_t n = region->ngrants;
	bool last = n && region->grant_first + n == ast->ngrants;

	/* Room for the new grant, and for a copy of the region's grants when
	 * another region got grants since (neither front end does that, as
	 * regions do not nest): a region's grants stay contiguous either way.
	 * xgrow zeroes the new grant's element. */
	xgrow(&ast->grants, &ast->grants_cap, ast->ngrants + (last ? 0 : n), sizeof(*ast->grants));
	if (!last) {
		memcpy(ast->grants + ast->ngrants, ast->grants + region->grant_first,
		       n * sizeof(*ast->grants));
		region->grant_first = ast->ngrants;
		ast->ngrants += n;
	}
	if (ast->grants != before)	/* moved: each region points into it */
		for (size_t i = 0; i < ast->nregions; i++)
			ast->regions[i].grants = ast->grants + ast->regions[i].grant_first;
	region->grants = ast->grants + region->grant_first;
	region->ngrants++;
	return &ast->grants[ast->ngrants++];
}

void ast_add_comment(struct ast *ast, const char *text, size_t len, loc_t loc)
{
	xgrow(&ast->comments, &ast->comments_cap, ast->ncomments, sizeof(*ast->comments));
	ast->comments[ast->ncomments].text = xstrndup(text, len);
	ast->comments[ast->ncomments].loc = loc;
	ast->ncomments++;
}

/* Frees an array and empties its counters. */
#define AST_DROP(ast, arr, n, cap)          \
	do {                                \
		free((ast)->arr);           \
		(ast)->arr = NULL;          \
		(ast)->n = (ast)->cap = 0;  \
	} while (0)

void ast_free_part(struct ast *ast, enum ast_part part)
{
	/* names are borrowed from the source's interner */
	switch (part) {
	case AST_POLICIES:
		AST_DROP(ast, policies, npolicies, policies_cap);
		break;
	case AST_REALMS:
		for (size_t i = 0; i < ast->nrealms; i++)
			free(ast->realms[i].measurement);
		AST_DROP(ast, realms, nrealms, realms_cap);
		break;
	case AST_REGIONS:
		AST_DROP(ast, regions, nregions, regions_cap);
		AST_DROP(ast, grants, ngrants, grants_cap);
		break;
	case AST_CALLS:
		AST_DROP(ast, calls, ncalls, calls_cap);
		AST_DROP(ast, asserts, nasserts, asserts_cap);
		break;
	case AST_LAYOUT:
		for (size_t i = 0; i < ast->ncomments; i++)
			free(ast->comments[i].text);
		AST_DROP(ast, comments, ncomments, comments_cap);
		AST_DROP(ast, decls, ndecls, decls_cap);
		break;
	}
}

void ast_free(struct ast *ast)
{
	for (enum ast_part p = AST_POLICIES; p <= AST_LAYOUT; p++)
		ast_free_part(ast, p);
}
