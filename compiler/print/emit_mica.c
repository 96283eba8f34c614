/* emit_mica.c - a model as canonical Mica source (see emit.h). */
#include <inttypes.h>

#include "blob/digest.h"
#include "print/emit.h"
#include "syntax/keywords.h"
#include "util/spell.h"

#define INDENT "    "

static void emit_policy(FILE *out, const struct model *m)
{
	fprintf(out, "policy %s {\n", m->name);
	fprintf(out, INDENT "version %" PRIu32 ";\n", m->version);
	fprintf(out, INDENT "digest %s;\n", digest_name(m->digest_alg));
	fprintf(out, INDENT "ipa_bits %u;\n", (unsigned)m->ipa_bits);
	fputs("}\n", out);
}

static void emit_realm(FILE *out, const struct model_realm *r)
{
	fprintf(out, "\nrealm %s {\n", r->name);
	fprintf(out, INDENT "trust %s;\n", keyword_name(&kw_trust, r->trust));
	if (r->meas_len != 0) {
		fputs(INDENT "measurement \"", out);
		for (unsigned i = 0; i < r->meas_len; i++)
			fprintf(out, "%02x", r->measurement[i]);
		fputs("\";\n", out);
	}
	if (r->flags & MICA_REALM_HOSTCALL)
		fputs(INDENT "hostcall;\n", out);
	if (r->flags & MICA_REALM_MMIO)
		fputs(INDENT "mmio;\n", out);
	fputs("}\n", out);
}

static void emit_region(FILE *out, const struct model *m, const struct model_region *r)
{
	char buf[SPELL_MAX];

	fprintf(out, "\nregion %s {\n", r->name);
	fprintf(out, INDENT "kind %s;\n", keyword_name(&kw_kind, r->kind));
	fprintf(out, INDENT "size %s;\n", spell_size(r->size, buf));
	fprintf(out, INDENT "at %s;\n", spell_addr(r->base, buf));
	for (uint32_t g = r->grant_first; g < r->grant_first + r->grant_count; g++)
		fprintf(out, INDENT "grant %s %s;\n", m->realms[m->grants[g].realm].name,
			keyword_name(&kw_perm, m->grants[g].perm));
	fputs("}\n", out);
}

static void emit_calls_asserts(FILE *out, const struct model *m)
{
	if (m->ncalls != 0)
		fputc('\n', out);
	for (uint32_t i = 0; i < m->ncalls; i++)
		fprintf(out, "call %s -> %s%s;\n", m->realms[m->calls[i].caller].name,
			m->realms[m->calls[i].callee].name,
			(m->calls[i].flags & MICA_CALL_ONEWAY) ? " oneway" : "");
	if (m->nasserts != 0)
		fputc('\n', out);
	for (uint32_t i = 0; i < m->nasserts; i++)
		fprintf(out, "assert no flow %s -> %s;\n", model_principal_name(m, m->asserts[i].from),
			model_principal_name(m, m->asserts[i].to));
}

int emit_mica(FILE *out, const struct model *m)
{
	emit_policy(out, m);
	for (uint32_t i = 0; i < m->nrealms; i++)
		emit_realm(out, &m->realms[i]);
	for (uint32_t i = 0; i < m->nregions; i++)
		emit_region(out, m, &m->regions[i]);
	emit_calls_asserts(out, m);
	return ferror(out) ? -1 : 0;
}
