/* source.c - reading an input file once, with every way it can fail. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/source.h"
#include "util/xalloc.h"

_Static_assert(SOURCE_MAX_BYTES < UINT32_MAX, "line offsets are 32-bit");

/* Records where each line starts so diagnostics can quote any line: counted
 * first, so the index is allocated once at its size (4 bytes a line). */
static void index_lines(struct source *src)
{
	const char *end = src->data + src->len;
	size_t n = 1;

	for (const char *p = src->data; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		n++;
	src->lines = xmalloc(n * sizeof(*src->lines));
	src->lines[0] = 0;
	n = 1;
	for (const char *p = src->data; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		src->lines[n++] = (uint32_t)(p - src->data) + 1;
	src->nlines = n;
}

void source_from_mem(struct source *src, const char *name, const void *data, size_t len)
{
	memset(src, 0, sizeof(*src));
	src->name = xstrdup(name);
	src->data = xmalloc(len + 2);
	if (len)
		memcpy(src->data, data, len);
	src->data[len] = src->data[len + 1] = '\0';
	src->len = len;
	index_lines(src);
	src->names = interner_new();
}

/* Reads all of F, refusing more than SOURCE_MAX_BYTES (stdin may be endless).
 * SIZE is what fstat says the file holds (0: unknown): the buffer starts one
 * byte larger, so a file that does not grow is read into a buffer of its
 * size, not of the next power of two. */
static int read_stream(FILE *f, size_t size, char **out, size_t *outlen, char *err, size_t errlen)
{
	size_t cap = size ? size + 1 : 1 << 16, len = 0;
	char *buf = xmalloc(cap + 2);

	for (;;) {
		size_t got = fread(buf + len, 1, cap - len, f);

		len += got;
		if (len > SOURCE_MAX_BYTES) {
			snprintf(err, errlen, "input is larger than the %u MiB limit",
				 SOURCE_MAX_BYTES >> 20);
			free(buf);
			return SOURCE_TOO_LARGE;
		}
		if (got == 0) {
			if (ferror(f)) {
				snprintf(err, errlen, "read error: %s", strerror(errno));
				free(buf);
				return -1;
			}
			break;
		}
		if (len == cap) {
			/* one byte past the limit is enough to know it is exceeded */
			cap = cap * 2 > (size_t)SOURCE_MAX_BYTES + 1 ? (size_t)SOURCE_MAX_BYTES + 1
								    : cap * 2;
			buf = xrealloc(buf, cap + 2);
		}
	}
	buf[len] = buf[len + 1] = '\0';	/* two, for flex's in-place scan */
	*out = buf;
	*outlen = len;
	return 0;
}

/*
 * The inputs read so far (device and inode of each regular file), so that
 * `micac x.mica -o x.mica` or `dump x.pol -o x.pol` is refused instead of
 * replacing the source with the output: the same file, whatever the names
 * (a link, ./x, a path through a symlink). Global because every command
 * reads through here and writes through output.c, and neither should need
 * the other's arguments threaded through.
 */
static struct { unsigned long long dev, ino; } *inputs;
static size_t ninputs, inputs_cap;

static void remember_input(struct source *src, int fd)
{
	struct stat st;

	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	src->dev = (unsigned long long)st.st_dev;
	src->ino = (unsigned long long)st.st_ino;
	xgrow(&inputs, &inputs_cap, ninputs, sizeof(*inputs));
	inputs[ninputs].dev = src->dev;
	inputs[ninputs].ino = src->ino;
	ninputs++;
}

bool source_is_input(unsigned long long dev, unsigned long long ino)
{
	for (size_t i = 0; i < ninputs; i++)
		if (inputs[i].dev == dev && inputs[i].ino == ino)
			return true;
	return false;
}

void source_allow_overwrite(const struct source *src)
{
	for (size_t i = 0; i < ninputs;)
		if (src->ino && inputs[i].dev == src->dev && inputs[i].ino == src->ino)
			inputs[i] = inputs[--ninputs];
		else
			i++;
}

void source_forget_inputs(void)
{
	free(inputs);
	inputs = NULL;
	ninputs = inputs_cap = 0;
}

/* The size of F's file when it is a regular file within the limit, else 0. */
static size_t regular_size(FILE *f)
{
	struct stat st;

	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (uint64_t)st.st_size > SOURCE_MAX_BYTES)
		return 0;
	return (size_t)st.st_size;
}

int source_read(struct source *src, const char *path, char *err, size_t errlen)
{
	FILE *f;
	struct stat st;
	char *data;
	size_t len;
	int rc;

	memset(src, 0, sizeof(*src));
	if (strcmp(path, "-") == 0) {
		rc = read_stream(stdin, regular_size(stdin), &data, &len, err, errlen);
		remember_input(src, fileno(stdin));
		path = SOURCE_STDIN_NAME;
	} else {
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, "'%s' is a directory, not a policy file", path);
			return -1;
		}
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    (uint64_t)st.st_size > SOURCE_MAX_BYTES) {
			snprintf(err, errlen, "input is larger than the %u MiB limit",
				 SOURCE_MAX_BYTES >> 20);
			return SOURCE_TOO_LARGE;
		}
		f = fopen(path, "rb");
		if (!f) {
			snprintf(err, errlen, "cannot open '%s': %s", path, strerror(errno));
			return -1;
		}
		rc = read_stream(f, regular_size(f), &data, &len, err, errlen);
		remember_input(src, fileno(f));
		fclose(f);
	}
	if (rc)
		return rc;
	src->name = xstrdup(path);
	src->data = data;
	src->len = len;
	index_lines(src);
	src->names = interner_new();
	return 0;
}

void source_free(struct source *src)
{
	free(src->name);
	free(src->data);
	free(src->lines);
	interner_free(src->names);
	memset(src, 0, sizeof(*src));
}

const char *source_line(const struct source *src, uint32_t line, size_t *len)
{
	size_t start, end;

	if (line == 0 || line > src->nlines) {
		*len = 0;
		return "";
	}
	start = src->lines[line - 1];
	/* up to the next line's start (its newline), not a scan of the line:
	 * a policy may be one line of many megabytes */
	end = line < src->nlines ? src->lines[line] - 1 : src->len;
	if (end > start && src->data[end - 1] == '\r')
		end--;
	*len = end - start;
	return src->data + start;
}

void source_pos(const struct source *src, size_t off, uint32_t *line, uint32_t *col)
{
	size_t lo = 0, hi = src->nlines;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (src->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (uint32_t)(lo + 1);
	*col = (uint32_t)(off - src->lines[lo] + 1);
}
