/* diag_codes.c - the catalogue of diagnostic codes.
 *
 * Codes are stable: once released, a code keeps its meaning. E01xx input and
 * syntax, E02xx names and declarations, E03xx layout, E04xx flows, E05xx
 * limits, W01xx warnings. docs/diagnostics.md gives an example of each; the
 * SARIF renderer turns each into a rule. */
#include <string.h>

#include "diag.h"

const struct diag_code_info diag_codes[] = {
	{"E0101", "invalid character",
	 "The source contains a byte that cannot start any token. Mica source is ASCII outside comments and strings."},
	{"E0102", "invalid UTF-8",
	 "The source is not valid UTF-8. Save the file as UTF-8 (or plain ASCII)."},
	{"E0103", "unterminated comment",
	 "A /* comment has no closing */. Close it, or use // for a line comment."},
	{"E0104", "unterminated string",
	 "A string has no closing quote before the end of the line. Strings cannot span lines."},
	{"E0105", "invalid number",
	 "A number is malformed or does not fit in 64 bits. Numbers are decimal or 0x hex, with an optional KiB, MiB or GiB suffix."},
	{"E0106", "identifier too long",
	 "Names are at most 63 bytes, because they are stored in the attested blob. Choose a shorter name."},
	{"E0107", "binary input",
	 "The input contains a NUL byte, so it is not Mica source. Check the file name; compiled blobs (.pol) are read by `micac dump`."},
	{"E0110", "syntax error",
	 "The parser expected something else here. The message says what it expected; see docs/language.md for the grammar."},
	{"E0201", "missing policy block",
	 "Every policy needs exactly one `policy NAME { version N; }` block."},
	{"E0202", "more than one policy block",
	 "A file describes one policy. Merge the blocks or split the file."},
	{"E0203", "duplicate name",
	 "Realms and regions share one namespace; every name must be declared once. Rename or remove one of them."},
	{"E0204", "reserved name",
	 "`host` is the built-in untrusted principal (the normal world); it cannot be declared or granted memory. Choose another name."},
	{"E0205", "undeclared name",
	 "A name used in a grant, call or assert is not declared. Declare it, or fix the spelling."},
	{"E0206", "wrong kind of name",
	 "The name refers to a region where a realm is expected (or the other way round)."},
	{"E0207", "duplicate grant",
	 "A realm is granted at most once per region. Use `readwrite` for both directions."},
	{"E0208", "call to itself",
	 "A realm cannot call itself; remove the call."},
	{"E0209", "duplicate call",
	 "The same call is declared twice. Remove one (use `oneway` on the one you keep, if that is what you meant)."},
	{"E0210", "property set twice",
	 "A property may be set once per block. Remove the repeated line."},
	{"E0211", "missing property",
	 "A required property is missing: `version` in policy, `trust` in realm, `kind` and `size` in region."},
	{"E0212", "region without grant",
	 "A region must be granted to at least one realm, or nobody could map it. Add a `grant REALM read|write|readwrite;` line or remove the region."},
	{"E0213", "invalid measurement",
	 "A measurement is the realm's expected RIM: 64, 96 or 128 hexadecimal digits (SHA-256, SHA-384 or SHA-512)."},
	{"E0214", "value out of range",
	 "A value is outside what the language allows: version 0..4294967295, ipa_bits 32..52."},
	{"E0215", "host cannot be used here",
	 "`host` takes part in flows only through unprotected regions, `hostcall` and `mmio`; it cannot be called, make calls or hold grants."},
	{"E0216", "assertion on one principal",
	 "`assert no flow a -> a` says nothing; name two different principals."},
	{"E0217", "unknown value",
	 "A keyword value is not one the property takes, e.g. a trust level other than trusted, distrustful or untrusted. The message lists the choices."},
	{"E0301", "invalid size",
	 "A region's size must be a positive multiple of the 4 KiB granule."},
	{"E0302", "misaligned base",
	 "A region's `at` address must be a multiple of the 4 KiB granule."},
	{"E0303", "region outside its half",
	 "Protected regions lie in the lower half of the IPA space, unprotected ones in the upper half (ipa_bits sets its size)."},
	{"E0304", "overlapping regions",
	 "Two regions cover the same addresses. Move one with `at`, or drop `at` and let micac place it."},
	{"E0305", "no room to place region",
	 "micac could not find free space for a region without `at`. Make regions smaller, raise ipa_bits, or place some with `at`."},
	{"E0401", "leak through a distrustful realm",
	 "A confidential realm's data can reach the host or an untrusted realm through one or more distrustful realms. Cut an edge on the path, or route the data through a trusted realm."},
	{"E0402", "assertion failed",
	 "An `assert no flow` is violated: there is a path between the two principals. Cut an edge on the path shown."},
	{"E0501", "too many realms",
	 "The policy declares more realms than the blob format allows (see docs/language.md, Limits)."},
	{"E0502", "too many regions",
	 "The policy declares more regions than the blob format allows (see docs/language.md, Limits)."},
	{"E0503", "too many grants",
	 "The policy declares more grants than the blob format allows (see docs/language.md, Limits)."},
	{"E0504", "too many calls",
	 "The policy declares more calls than the blob format allows (see docs/language.md, Limits)."},
	{"E0505", "input too large",
	 "The input is larger than micac reads (see docs/language.md, Limits)."},
	{"E0506", "input too deeply nested",
	 "The YAML input nests deeper than the Mica mapping ever needs (see docs/language.md, YAML form)."},
	{"E0601", "invalid blob",
	 "The file is not a valid Mica policy blob: the validator names the first rule it breaks and the offset."},
	{"E0602", "unsupported blob version",
	 "The blob was written in a format version this micac does not read. Use the micac that wrote it, or recompile the source."},
	{"W0101", "realm without measurement",
	 "The realm's role is not bound to code identity: any image could be activated in it. Add `measurement \"<RIM hex>\";`."},
	{"W0102", "region nobody writes",
	 "No realm writes this region (the host may, if it is unprotected). Check the grants."},
	{"W0103", "region nobody reads",
	 "No realm reads this region. Check the grants."},
	{"W0104", "realm takes part in nothing",
	 "The realm has no grant, no call and no exit. Remove it or connect it."},
	{"W0105", "untrusted realm with measurement",
	 "An untrusted realm's code identity is not relied on; the measurement has no effect on flows. Remove it, or raise the trust level."},
	{"W0106", "shared measurement",
	 "Two realms expect the same RIM, so the RMM tells their roles apart only by the role the host binds. That is fine for replicas; otherwise check the hashes."},
};

const size_t diag_ncodes = sizeof(diag_codes) / sizeof(diag_codes[0]);

const struct diag_code_info *diag_code_lookup(const char *code)
{
	for (size_t i = 0; i < diag_ncodes; i++)
		if (strcmp(diag_codes[i].code, code) == 0)
			return &diag_codes[i];
	return NULL;
}
