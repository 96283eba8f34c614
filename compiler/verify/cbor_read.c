/* cbor_read.c - a guarded cbor_load (see cbor_read.h). */
#include <stdarg.h>
#include <stdio.h>

#include "verify/cbor_read.h"

bool cbor_fail(struct cbor_err *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return false;
}

/* The pre-pass's state: how many entries each open collection still has. */
struct scan {
	size_t rem[CBOR_READ_MAX_DEPTH];
	size_t depth;
	size_t left;		/* bytes after the current position */
	unsigned tags;		/* consecutive tags before the next item */
	bool done;		/* the top-level item is complete */
	const char *bad;	/* why the bytes are refused */
};

/* One item (or the head of a collection) was read. */
static void consume(struct scan *s)
{
	s->tags = 0;
	if (s->depth > 0)
		s->rem[s->depth - 1]--;
	else
		s->done = true;
}

/* Closes the collections whose last entry was read. */
static void settle(struct scan *s)
{
	while (s->depth > 0 && s->rem[s->depth - 1] == 0)
		s->depth--;
}

static void leaf(void *ctx)
{
	struct scan *s = ctx;

	consume(s);
	settle(s);
}

static void collection(struct scan *s, size_t entries)
{
	consume(s);
	if (entries > s->left) {
		s->bad = "a collection declares more entries than there are bytes";
		return;
	}
	if (entries == 0) {
		settle(s);
		return;
	}
	if (s->depth == CBOR_READ_MAX_DEPTH) {
		s->bad = "nested too deeply";
		return;
	}
	s->rem[s->depth++] = entries;
}

static void on_array(void *ctx, size_t n)
{
	collection(ctx, n);
}

static void on_map(void *ctx, size_t n)
{
	struct scan *s = ctx;

	if (n > SIZE_MAX / 2) {
		s->bad = "a collection declares more entries than there are bytes";
		return;
	}
	collection(s, 2 * n);
}

static void on_tag(void *ctx, uint64_t v)
{
	struct scan *s = ctx;

	(void)v;
	if (++s->tags > 2)
		s->bad = "more than two tags on one item";
}

static void on_indef(void *ctx)
{
	((struct scan *)ctx)->bad = "an indefinite-length item (a CCA token has none)";
}

static void on_u8(void *ctx, uint8_t v) { (void)v; leaf(ctx); }
static void on_u16(void *ctx, uint16_t v) { (void)v; leaf(ctx); }
static void on_u32(void *ctx, uint32_t v) { (void)v; leaf(ctx); }
static void on_u64(void *ctx, uint64_t v) { (void)v; leaf(ctx); }
static void on_str(void *ctx, cbor_data d, size_t n) { (void)d; (void)n; leaf(ctx); }
static void on_float(void *ctx, float v) { (void)v; leaf(ctx); }
static void on_double(void *ctx, double v) { (void)v; leaf(ctx); }
static void on_bool(void *ctx, bool v) { (void)v; leaf(ctx); }

static const struct cbor_callbacks scan_callbacks = {
	.uint8 = on_u8, .uint16 = on_u16, .uint32 = on_u32, .uint64 = on_u64,
	.negint8 = on_u8, .negint16 = on_u16, .negint32 = on_u32, .negint64 = on_u64,
	.byte_string = on_str, .string = on_str,
	.byte_string_start = on_indef, .string_start = on_indef,
	.indef_array_start = on_indef, .indef_map_start = on_indef, .indef_break = on_indef,
	.array_start = on_array, .map_start = on_map, .tag = on_tag,
	.float2 = on_float, .float4 = on_float, .float8 = on_double,
	.undefined = leaf, .null = leaf, .boolean = on_bool,
};

/* Walks the bytes with libcbor's streaming decoder; true when they hold
 * exactly one well-formed item that cbor_load may take. */
static bool scan(const uint8_t *data, size_t len, const char *what, struct cbor_err *err)
{
	struct scan s = {.left = len};
	size_t off = 0;

	while (!s.done || s.depth > 0) {
		struct cbor_decoder_result r;

		if (off == len)
			return cbor_fail(err, "%s: truncated CBOR (ends inside an item)", what);
		r = cbor_stream_decode(data + off, len - off, &scan_callbacks, &s);
		if (r.status == CBOR_DECODER_NEDATA)
			return cbor_fail(err, "%s: truncated CBOR (at offset %zu an item needs %zu "
					 "bytes, %zu are left)", what, off, r.required, len - off);
		if (r.status != CBOR_DECODER_FINISHED || r.read == 0)
			return cbor_fail(err, "%s: malformed CBOR at offset %zu", what, off);
		off += r.read;
		s.left = len - off;
		if (s.bad)
			return cbor_fail(err, "%s: refused at offset %zu: %s", what, off - r.read,
					 s.bad);
	}
	if (s.tags)
		return cbor_fail(err, "%s: truncated CBOR (a tag without its item)", what);
	if (off != len)
		return cbor_fail(err, "%s: %zu bytes after the CBOR item", what, len - off);
	return true;
}

cbor_item_t *cbor_read_item(const uint8_t *data, size_t len, const char *what,
			    struct cbor_err *err)
{
	struct cbor_load_result res;
	cbor_item_t *it;

	if (len == 0) {
		cbor_fail(err, "%s: empty", what);
		return NULL;
	}
	if (len > CBOR_READ_MAX_BYTES) {
		cbor_fail(err, "%s: %zu bytes, more than the %u a token may have", what, len,
			  CBOR_READ_MAX_BYTES);
		return NULL;
	}
	if (!scan(data, len, what, err))
		return NULL;
	it = cbor_load(data, len, &res);
	if (!it || res.error.code != CBOR_ERR_NONE || res.read != len) {
		if (it)
			cbor_decref(&it);
		cbor_fail(err, "%s: libcbor refused the item (error %d at offset %zu)", what,
			  (int)res.error.code, res.error.position);
		return NULL;
	}
	return it;
}

cbor_item_t *cbor_read_map_get(const cbor_item_t *map, int64_t key, bool *dup)
{
	struct cbor_pair *pairs = cbor_map_handle(map);
	cbor_item_t *found = NULL;

	for (size_t i = 0; i < cbor_map_size(map); i++) {
		int64_t k;

		if (!cbor_read_int(pairs[i].key, &k) || k != key)
			continue;
		if (found)
			*dup = true;
		found = pairs[i].value;
	}
	return found;
}

bool cbor_read_int(const cbor_item_t *it, int64_t *out)
{
	uint64_t v;

	if (cbor_isa_uint(it)) {
		v = cbor_get_int(it);
		if (v > INT64_MAX)
			return false;
		*out = (int64_t)v;
		return true;
	}
	if (cbor_isa_negint(it)) {
		v = cbor_get_int(it);
		if (v > INT64_MAX)
			return false;
		*out = -1 - (int64_t)v;
		return true;
	}
	return false;
}

bool cbor_read_bytes(const cbor_item_t *it, const uint8_t **p, size_t *n)
{
	if (!cbor_isa_bytestring(it) || !cbor_bytestring_is_definite(it))
		return false;
	*p = cbor_bytestring_handle(it);
	*n = cbor_bytestring_length(it);
	return true;
}

bool cbor_read_text(const cbor_item_t *it, const char **p, size_t *n)
{
	if (!cbor_isa_string(it) || !cbor_string_is_definite(it))
		return false;
	*p = (const char *)cbor_string_handle(it);
	*n = cbor_string_length(it);
	return true;
}
