/* yaml_events.c - libyaml's event stream with locations, limits and
 * error recovery (see yaml_events.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "util/xalloc.h"
#include "syntax/yaml_events.h"

void yev_open(struct yaml_events *y, const struct source *src, struct diag_list *dl)
{
	memset(y, 0, sizeof(*y));
	y->src = src;
	y->dl = dl;
	if (!yaml_parser_initialize(&y->parser))
		abort();	/* only fails when out of memory */
	/* libyaml gets the text after a UTF-8 byte order mark, and is told it is
	 * UTF-8: never UTF-16, which the character-to-byte conversion (and the
	 * rest of micac) does not read. Offsets then start after the mark. */
	if (src->len >= 3 && memcmp(src->data, "\xef\xbb\xbf", 3) == 0)
		y->base = y->cur_byte = 3;
	yaml_parser_set_input_string(&y->parser, (const unsigned char *)src->data + y->base,
				     src->len - y->base);
	yaml_parser_set_encoding(&y->parser, YAML_UTF8_ENCODING);
}

void yev_close(struct yaml_events *y)
{
	if (y->has_ev)
		yaml_event_delete(&y->ev);
	y->has_ev = false;
	yaml_parser_delete(&y->parser);
}

struct diag *yev_error(struct yaml_events *y, enum diag_kind kind, loc_t loc, const char *fmt, ...)
{
	va_list ap;
	struct diag *d;

	va_start(ap, fmt);
	d = diag_vadd(y->dl, kind, y->src, loc, fmt, ap);
	va_end(ap);
	return d;
}

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* How many of the first MAX bytes at P are ASCII (one byte, one character:
 * most of any policy), eight at a time. */
static size_t ascii_run(const char *p, size_t max)
{
	size_t k = 0;
	uint64_t w;

	for (; k + 8 <= max; k += 8) {
		memcpy(&w, p + k, 8);
		if (w & 0x8080808080808080ull)
			break;
	}
	while (k < max && (unsigned char)p[k] < 0x80)
		k++;
	return k;
}

/* Byte offset of the character with libyaml index INDEX. Events arrive
 * nearly in order, so the cursor rarely moves back, and never far. */
static size_t byte_of_index(struct yaml_events *y, size_t index)
{
	const char *s = y->src->data;
	size_t n = y->src->len;

	while (y->cur_index < index && y->cur_byte < n) {
		size_t ascii = ascii_run(s + y->cur_byte, min_size(index - y->cur_index, n - y->cur_byte));
		size_t len;

		y->cur_byte += ascii;
		y->cur_index += ascii;
		if (y->cur_index == index || y->cur_byte == n)
			break;
		len = utf8_seq_len(s + y->cur_byte, n - y->cur_byte);
		y->cur_byte += len ? len : 1;
		y->cur_index++;
	}
	while (y->cur_index > index && y->cur_byte > y->base) {
		do
			y->cur_byte--;
		while (y->cur_byte > y->base && ((unsigned char)s[y->cur_byte] & 0xC0) == 0x80);
		y->cur_index--;
	}
	return y->cur_byte;
}

/* The span from the character at START to the one before END (libyaml's
 * end marks are exclusive); an empty span is its start. */
static loc_t loc_of_marks(struct yaml_events *y, yaml_mark_t start, yaml_mark_t end)
{
	loc_t loc;
	size_t last = end.index > start.index ? end.index - 1 : start.index;

	source_pos(y->src, byte_of_index(y, start.index), &loc.line, &loc.col);
	source_pos(y->src, byte_of_index(y, last), &loc.end_line, &loc.end_col);
	return loc;
}

static loc_t loc_of_byte(const struct source *src, size_t off)
{
	loc_t loc;

	source_pos(src, off, &loc.line, &loc.col);
	loc.end_line = loc.line;
	loc.end_col = loc.col;
	return loc;
}

/* libyaml's error, in micac's words: its problem text at its position, and
 * what it was parsing as a note. Encoding errors get the code the Mica
 * lexer gives them. */
static void report_syntax_error(struct yaml_events *y)
{
	yaml_parser_t *p = &y->parser;
	const char *problem = p->problem ? p->problem : "malformed YAML";
	struct diag *d;

	if (p->error == YAML_READER_ERROR) {
		bool utf8 = strstr(problem, "UTF-8") || strstr(problem, "Unicode");

		size_t off = y->base + p->problem_offset;

		yev_error(y, utf8 ? ERR_INVALID_UTF8 : ERR_SYNTAX,
			  loc_of_byte(y->src, off < y->src->len ? off : y->src->len), "YAML: %s",
			  problem);
		return;
	}
	d = yev_error(y, ERR_SYNTAX, loc_of_marks(y, p->problem_mark, p->problem_mark),
		      "YAML: %s", problem);
	if (p->context)
		diag_note(d, loc_of_marks(y, p->context_mark, p->context_mark), "%s",
			  p->context);
}

/* The anchor and tag of a node event, whichever kind it is. */
static void node_props(const yaml_event_t *ev, const yaml_char_t **anchor, const yaml_char_t **tag)
{
	*anchor = *tag = NULL;
	if (ev->type == YAML_SCALAR_EVENT) {
		*anchor = ev->data.scalar.anchor;
		*tag = ev->data.scalar.tag;
	} else if (ev->type == YAML_SEQUENCE_START_EVENT) {
		*anchor = ev->data.sequence_start.anchor;
		*tag = ev->data.sequence_start.tag;
	} else if (ev->type == YAML_MAPPING_START_EVENT) {
		*anchor = ev->data.mapping_start.anchor;
		*tag = ev->data.mapping_start.tag;
	}
}

/* Refuses what the mapping never uses and what would let a small file
 * expand into a huge tree (aliases: "billion laughs"), and bounds nesting.
 * Returns false when reading must stop. */
static bool police_event(struct yaml_events *y)
{
	const yaml_char_t *anchor, *tag;

	node_props(&y->ev, &anchor, &tag);
	if (anchor || y->ev.type == YAML_ALIAS_EVENT) {
		struct diag *d = yev_error(y, ERR_SYNTAX, yev_loc(y),
					   "YAML anchors and aliases are not allowed in a policy");

		diag_help(d, "write the value out in full");
	}
	if (tag) {
		/* Show the tag as written: libyaml expands the !! shorthand. */
		static const char core[] = "tag:yaml.org,2002:";
		const char *t = (const char *)tag;
		bool shorthand = strncmp(t, core, sizeof(core) - 1) == 0;

		yev_error(y, ERR_SYNTAX, yev_loc(y), "YAML tags are not allowed in a policy (found '%s%s')",
			  shorthand ? "!!" : "", shorthand ? t + sizeof(core) - 1 : t);
	}
	if (y->ev.type == YAML_MAPPING_START_EVENT || y->ev.type == YAML_SEQUENCE_START_EVENT) {
		if (++y->depth > YAML_DEPTH_MAX) {
			yev_error(y, ERR_INPUT_TOO_DEEP, yev_loc(y), "YAML nesting deeper than %u levels",
				  YAML_DEPTH_MAX);
			return false;
		}
	} else if (y->ev.type == YAML_MAPPING_END_EVENT || y->ev.type == YAML_SEQUENCE_END_EVENT) {
		y->depth--;
	}
	return true;
}

bool yev_next(struct yaml_events *y)
{
	if (y->stop)
		return false;
	if (y->has_ev)
		yaml_event_delete(&y->ev);
	y->has_ev = false;
	if (!yaml_parser_parse(&y->parser, &y->ev)) {
		report_syntax_error(y);
		y->stop = true;
		return false;
	}
	y->has_ev = true;
	y->loc_known = false;
	if (y->ev.end_mark.index > y->ev.start_mark.index) {
		y->last_start = y->ev.start_mark;
		y->last_end = y->ev.end_mark;
		y->has_last = true;
	}
	if (!police_event(y) || y->ev.type == YAML_STREAM_END_EVENT) {
		y->stop = true;
		return y->ev.type == YAML_STREAM_END_EVENT;
	}
	return true;
}

yaml_event_type_t yev_type(const struct yaml_events *y)
{
	return y->has_ev ? y->ev.type : YAML_NO_EVENT;
}

loc_t yev_loc(struct yaml_events *y)
{
	loc_t none = {0, 0, 0, 0};

	if (!y->has_ev)
		return none;
	if (!y->loc_known) {
		y->loc = loc_of_marks(y, y->ev.start_mark, y->ev.end_mark);
		y->loc_known = true;
	}
	return y->loc;
}

loc_t yev_last(struct yaml_events *y)
{
	loc_t none = {0, 0, 0, 0};

	return y->has_last ? loc_of_marks(y, y->last_start, y->last_end) : none;
}

const char *yev_text(const struct yaml_events *y, size_t *len)
{
	if (yev_type(y) != YAML_SCALAR_EVENT)
		return NULL;
	*len = y->ev.data.scalar.length;
	return (const char *)y->ev.data.scalar.value;
}

bool yev_plain(const struct yaml_events *y)
{
	return yev_type(y) == YAML_SCALAR_EVENT &&
	       y->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

void yev_skip(struct yaml_events *y)
{
	unsigned depth = y->depth;
	yaml_event_type_t t = yev_type(y);

	if (t != YAML_MAPPING_START_EVENT && t != YAML_SEQUENCE_START_EVENT)
		return;
	/* depth counts the node's own start; its end brings it back below. */
	while (y->depth >= depth && yev_next(y))
		;
}

static const char *node_name(yaml_event_type_t t)
{
	switch (t) {
	case YAML_SCALAR_EVENT:
		return "a scalar";
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	case YAML_SEQUENCE_START_EVENT:
		return "a sequence";
	default:
		return "nothing";
	}
}

bool yev_expect(struct yaml_events *y, yaml_event_type_t type, const char *what)
{
	yaml_event_type_t t = yev_type(y);

	if (t == type)
		return true;
	if (t != YAML_ALIAS_EVENT && t != YAML_NO_EVENT)
		yev_error(y, ERR_SYNTAX, yev_loc(y), "expected %s, found %s", what, node_name(t));
	yev_skip(y);
	return false;
}
