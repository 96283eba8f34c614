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

/* Appends one zeroed element to an array and records it as a declaration. */
#define AST_APPEND(ast, arr, n, cap, kind)                                   \
	do {                                                                 \
		xgrow(&(ast)->arr, &(ast)->cap, (ast)->n, sizeof(*(ast)->arr)); \
		memset(&(ast)->arr[(ast)->n], 0, sizeof(*(ast)->arr));         \
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

/* A region has a few grants: start at 4, not xgrow's 8 (half the memory of
 * a large policy's grants). */
#define GRANTS_FIRST_CAP 4

struct ast_grant *ast_add_grant(struct ast_region *region)
{
	if (region->grants_cap == 0) {
		region->grants = xmalloc(GRANTS_FIRST_CAP * sizeof(*region->grants));
		region->grants_cap = GRANTS_FIRST_CAP;
	}
	xgrow(&region->grants, &region->grants_cap, region->ngrants, sizeof(*region->grants));
	memset(&region->grants[region->ngrants], 0, sizeof(*region->grants));
	return &region->grants[region->ngrants++];
}

void ast_add_comment(struct ast *ast, const char *text, size_t len, loc_t loc)
{
	xgrow(&ast->comments, &ast->comments_cap, ast->ncomments, sizeof(*ast->comments));
	ast->comments[ast->ncomments].text = xstrndup(text, len);
	ast->comments[ast->ncomments].loc = loc;
	ast->ncomments++;
}

void ast_free(struct ast *ast)
{
	/* names are borrowed from the source's interner */
	for (size_t i = 0; i < ast->nrealms; i++)
		free(ast->realms[i].measurement);
	for (size_t i = 0; i < ast->nregions; i++)
		free(ast->regions[i].grants);
	for (size_t i = 0; i < ast->ncomments; i++)
		free(ast->comments[i].text);
	free(ast->policies);
	free(ast->realms);
	free(ast->regions);
	free(ast->calls);
	free(ast->asserts);
	free(ast->comments);
	free(ast->decls);
	ast_init(ast, ast->src);
}
