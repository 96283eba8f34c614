/* scenario_action.c - what a step does, in one line of words (scn_action in
 * scenario_sim.h): the event, the realm instance, and its arguments as the
 * host or the realm passes them. */
#include <stdlib.h>

#include "scenario/scenario_sim.h"
#include "util/xalloc.h"

/* Hex bytes, shortened to 8 and "..." when longer. */
static char *short_hex(const uint8_t *v, size_t n)
{
	char *hex = hex_encode(v, n > 8 ? 8 : n);
	char *s = xasprintf("%s%s", hex, n > 8 ? "..." : "");

	free(hex);
	return s;
}

static char *load_action(const struct scenario *s, const struct scn_step *st)
{
	if (st->corrupt && st->truncate)
		return xasprintf("load %s (truncated to %llu bytes, byte %llu flipped)",
				 s->files[st->file], (unsigned long long)st->truncate_to,
				 (unsigned long long)st->corrupt_at);
	if (st->corrupt)
		return xasprintf("load %s (byte %llu flipped)", s->files[st->file],
				 (unsigned long long)st->corrupt_at);
	if (st->truncate)
		return xasprintf("load %s (truncated to %llu bytes)", s->files[st->file],
				 (unsigned long long)st->truncate_to);
	return xasprintf("load %s", s->files[st->file]);
}

static char *create_action(const struct scenario *s, const struct scn_step *st)
{
	const char *r = s->realms[st->realm];
	char *hex, *a;

	if (st->rpv_from == RPV_POLICY && st->file == SCN_MAIN_POLICY)
		return xasprintf("create %s rpv=policy", r);
	if (st->rpv_from == RPV_POLICY)
		return xasprintf("create %s rpv=policy:%s", r, s->files[st->file]);
	hex = short_hex(st->bytes.v, st->bytes.n);
	a = xasprintf("create %s rpv=%s", r, hex);
	free(hex);
	return a;
}

static char *activate_action(const struct scenario *s, const struct scn_step *st)
{
	char *hex, *a;

	if (!st->bytes.n)
		return xasprintf("activate %s", s->realms[st->realm]);
	hex = short_hex(st->bytes.v, st->bytes.n);
	a = xasprintf("activate %s rim=%s", s->realms[st->realm], hex);
	free(hex);
	return a;
}

/* HEAD (a new string, freed here), then the page: "ipa=0x..." or
 * "region=NAME[+0xOFF]", then TAIL. */
static char *page_action(const struct scn_step *st, char *head,
			 const char *tail)
{
	char *a;

	if (st->has_ipa)
		a = xasprintf("%s ipa=0x%llx%s", head, (unsigned long long)st->ipa, tail);
	else if (st->offset)
		a = xasprintf("%s region=%s+0x%llx%s", head, st->name, (unsigned long long)st->offset,
			      tail);
	else
		a = xasprintf("%s region=%s%s", head, st->name, tail);
	free(head);
	return a;
}

char *scn_action(const struct scenario *s, const struct scn_step *st)
{
	const char *r = s->realms && st->kind != SCN_UNLOAD ? s->realms[st->realm] : "";

	switch (st->kind) {
	case SCN_LOAD: return load_action(s, st);
	case SCN_CREATE: return create_action(s, st);
	case SCN_BIND: return xasprintf("bind %s role=%s", r, st->name);
	case SCN_ACTIVATE: return activate_action(s, st);
	case SCN_MAP_NS:
		return xasprintf("map_unprotected %s 0x%llx+0x%llx %s%s", r,
				 (unsigned long long)st->ipa, (unsigned long long)st->size,
				 st->read ? "r" : "", st->write ? "w" : (st->read ? "o" : "-"));
	case SCN_SHARE:
		return page_action(st, xasprintf("share %s <- %s", r, s->realms[st->peer]),
				   st->write ? " rw" : " ro");
	case SCN_UNSHARE:
		return st->has_peer ? page_action(st, xasprintf("unshare %s <- %s", r, s->realms[st->peer]), "")
				    : page_action(st, xasprintf("unshare %s", r), "");
	case SCN_DATA_DESTROY: return page_action(st, xasprintf("data_destroy %s", r), "");
	case SCN_SHARED: return page_action(st, xasprintf("shared %s", r), "");
	case SCN_HOSTCALL: return xasprintf("host_call %s", r);
	case SCN_MMIO:
		return st->has_ipa ? xasprintf("mmio %s ipa=0x%llx %s", r, (unsigned long long)st->ipa,
					       st->write ? "store" : "load")
				   : xasprintf("mmio %s %s", r, st->write ? "store" : "load");
	case SCN_CALL: return xasprintf("call %s -> role %s", r, st->name);
	case SCN_TAKE: return xasprintf("take %s", r);
	case SCN_REPLY: return xasprintf("reply %s", r);
	case SCN_DESTROY: return xasprintf("destroy %s", r);
	case SCN_UNLOAD:
		return st->has_file ? xasprintf("unload %s", s->files[st->file])
				    : xasprintf("unload slot %llu", (unsigned long long)st->slot);
	case SCN_KIND_COUNT: break;
	}
	return xstrdup("?");
}
