/* bidi.c - refusing bidirectional control characters (see bidi.h).
 *
 * A right-to-left override in a comment or a string makes an editor or a
 * code review show the following text reordered, so a reviewer can see a
 * different policy than micac compiles. Like rustc, micac refuses them
 * everywhere. The invisible marks U+200E, U+200F and U+061C are refused
 * too: they reorder less, but a policy has no use for them either. */
#include <string.h>

#include "syntax/bidi.h"
#include "util/utf8.h"

static const char *bidi_name(unsigned cp)
{
	switch (cp) {
	case 0x202A: return "LEFT-TO-RIGHT EMBEDDING";
	case 0x202B: return "RIGHT-TO-LEFT EMBEDDING";
	case 0x202C: return "POP DIRECTIONAL FORMATTING";
	case 0x202D: return "LEFT-TO-RIGHT OVERRIDE";
	case 0x202E: return "RIGHT-TO-LEFT OVERRIDE";
	case 0x2066: return "LEFT-TO-RIGHT ISOLATE";
	case 0x2067: return "RIGHT-TO-LEFT ISOLATE";
	case 0x2068: return "FIRST STRONG ISOLATE";
	case 0x2069: return "POP DIRECTIONAL ISOLATE";
	case 0x200E: return "LEFT-TO-RIGHT MARK";
	case 0x200F: return "RIGHT-TO-LEFT MARK";
	default: return "ARABIC LETTER MARK";
	}
}

void check_bidi(const struct source *src, struct diag_list *dl)
{
	const char *p = src->data, *end = src->data + src->len;

	while (p < end) {
		const char *e2 = memchr(p, 0xE2, (size_t)(end - p));
		const char *d8 = memchr(p, 0xD8, (size_t)((e2 ? e2 : end) - p));
		const char *at = d8 ? d8 : e2;
		unsigned cp;
		size_t l;
		loc_t loc;

		if (!at)
			break;
		l = utf8_bidi_at(at, (size_t)(end - at), &cp);
		if (l == 0) {
			p = at + 1;
			continue;
		}
		source_pos(src, (size_t)(at - src->data), &loc.line, &loc.col);
		loc.end_line = loc.line;
		loc.end_col = loc.col + (uint32_t)l - 1;
		diag_help(diag_add(dl, ERR_BIDI_CONTROL, src, loc,
				   "bidirectional control character U+%04X (%s)", cp, bidi_name(cp)),
			  "it can make what a reviewer sees differ from what micac reads "
			  "(Trojan Source); delete it (shown as '?')");
		p = at + l;
	}
}
