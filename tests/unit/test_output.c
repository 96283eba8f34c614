/* test_output.c - atomic output: the target is either untouched or
 * replaced whole, and no temporary file survives any failure, including
 * death by SIGINT/SIGTERM in the middle of writing. Each test works in a
 * fresh directory under $TMPDIR. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/output.h"
#include "util/source.h"
#include "util/xalloc.h"

struct dir {
	char path[256];
};

static int setup(void **state)
{
	struct dir *d = xcalloc(1, sizeof(*d));
	const char *tmp = getenv("TMPDIR");

	snprintf(d->path, sizeof(d->path), "%s/micac-output-XXXXXX", tmp ? tmp : "/tmp");
	if (!mkdtemp(d->path))
		return -1;
	*state = d;
	return 0;
}

static int teardown(void **state)
{
	struct dir *d = *state;
	DIR *dir = opendir(d->path);
	struct dirent *e;

	while (dir && (e = readdir(dir))) {
		char *p;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		p = xasprintf("%s/%s", d->path, e->d_name);
		unlink(p);
		free(p);
	}
	if (dir)
		closedir(dir);
	rmdir(d->path);
	free(d);
	return 0;
}

/* Entries of the directory other than . and .. */
static int count_entries(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	int n = 0;

	assert_non_null(dir);
	while ((e = readdir(dir)))
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(dir);
	return n;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = xcalloc(4096, 1);

	assert_non_null(f);
	assert_true(fread(buf, 1, 4095, f) < 4095);
	fclose(f);
	return buf;
}

static void put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_write_new(void **state)
{
	struct dir *d = *state;
	char *p = xasprintf("%s/out.pol", d->path), *got, err[256];
	struct stat st;
	mode_t mask = umask(0);

	umask(mask);
	assert_int_equal(output_write_file(p, "hello", 5, err, sizeof(err)), 0);
	got = slurp(p);
	assert_string_equal(got, "hello");
	assert_int_equal(count_entries(d->path), 1);
	/* created like any new file: not mkstemp's 0600 */
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0666 & ~mask);
	free(got);
	free(p);
}

static void test_replace_keeps_mode(void **state)
{
	struct dir *d = *state;
	char *p = xasprintf("%s/out.pol", d->path), *got, err[256];
	struct stat st;

	put_file(p, "old contents");
	chmod(p, 0640);
	assert_int_equal(output_write_file(p, "new", 3, err, sizeof(err)), 0);
	got = slurp(p);
	assert_string_equal(got, "new");
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	assert_int_equal(count_entries(d->path), 1);
	free(got);
	free(p);
}

static int failing_printer(FILE *out, const void *arg)
{
	(void)arg;
	fputs("partial output that must never be seen", out);
	return -1;
}

static void test_failed_print_leaves_target(void **state)
{
	struct dir *d = *state;
	char *p = xasprintf("%s/out.pol", d->path), *got, err[256] = "";

	put_file(p, "precious");
	assert_int_equal(output_print(p, failing_printer, NULL, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "cannot write"));
	got = slurp(p);
	assert_string_equal(got, "precious");
	assert_int_equal(count_entries(d->path), 1);
	free(got);
	free(p);
}

static void test_abort_leaves_nothing(void **state)
{
	struct dir *d = *state;
	char *p = xasprintf("%s/new.pol", d->path), err[256];
	struct output o;

	for (int unnamed = 0; unnamed < 2; unnamed++) {
		output_set_unnamed(unnamed);
		assert_int_equal(output_open(&o, p, err, sizeof(err)), 0);
		fputs("data", o.fp);
		/* the temporary file, unless it has no name (tmpfs has O_TMPFILE) */
		assert_int_equal(o.unnamed, unnamed);
		assert_int_equal(count_entries(d->path), unnamed ? 0 : 1);
		output_abort(&o);
		assert_int_equal(count_entries(d->path), 0);
		output_abort(&o);	/* twice is harmless */
	}
	output_set_unnamed(true);
	free(p);
}

static void test_bad_targets(void **state)
{
	struct dir *d = *state;
	char *missing = xasprintf("%s/no/such/dir/out.pol", d->path), err[256];
	struct output o;

	assert_int_equal(output_write_file(missing, "x", 1, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "No such file or directory"));
	assert_non_null(strstr(err, missing));
	/* a directory is not replaced */
	assert_int_equal(output_open(&o, d->path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "Is a directory"));
	assert_int_equal(count_entries(d->path), 0);
	free(missing);
}

static void test_unwritable_dir(void **state)
{
	struct dir *d = *state;
	char *sub = xasprintf("%s/ro", d->path), *p = xasprintf("%s/ro/out.pol", d->path);
	char err[256];

	if (geteuid() == 0) {
		/* root writes anywhere: nothing to test */
		free(sub);
		free(p);
		skip();
	}
	assert_int_equal(mkdir(sub, 0555), 0);
	assert_int_equal(output_write_file(p, "x", 1, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "Permission denied"));
	rmdir(sub);
	free(sub);
	free(p);
}

/* A link to a device: written in place, never replaced. Only the link in
 * our own directory could be harmed if that broke, not the device. */
static void test_device_in_place(void **state)
{
	struct dir *d = *state;
	char *link = xasprintf("%s/sink", d->path), err[256];
	struct stat st;

	assert_int_equal(symlink("/dev/null", link), 0);
	assert_int_equal(output_write_file(link, "discarded", 9, err, sizeof(err)), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	assert_int_equal(count_entries(d->path), 1);
	free(link);
}

/* A link to a regular file: the file is replaced, the link stays. */
static void test_symlink_followed(void **state)
{
	struct dir *d = *state;
	char *file = xasprintf("%s/real.pol", d->path), *link = xasprintf("%s/link.pol", d->path);
	char *got, err[256];
	struct stat st;

	put_file(file, "old");
	assert_int_equal(symlink("real.pol", link), 0);
	assert_int_equal(output_write_file(link, "new", 3, err, sizeof(err)), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	got = slurp(file);
	assert_string_equal(got, "new");
	assert_int_equal(count_entries(d->path), 2);
	free(got);
	free(file);
	free(link);
}

/* The child writes half an output, then dies of SIG: the handler must
 * remove the temporary file and the target must keep its old contents.
 * The child first restores SIG's default action: the test may run with it
 * ignored (nohup, some CI runners), and an ignored signal stays ignored
 * by design (output.c), so the child would never die of it. */
static void die_mid_write(const struct dir *d, int sig, bool unnamed)
{
	char *p = xasprintf("%s/out.pol", d->path), *got;
	int status;
	pid_t pid;

	put_file(p, "old");
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct output o;
		char err[256];

		output_set_unnamed(unnamed);
		signal(sig, SIG_DFL);
		if (output_open(&o, p, err, sizeof(err)) != 0)
			_exit(10);
		fputs("half of a new blob", o.fp);
		fflush(o.fp);
		raise(sig);
		_exit(11);	/* not reached */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), sig);
	got = slurp(p);
	assert_string_equal(got, "old");
	assert_int_equal(count_entries(d->path), 1);
	free(got);
	free(p);
}

static void test_sigterm(void **state)
{
	die_mid_write(*state, SIGTERM, false);
	die_mid_write(*state, SIGTERM, true);
}

static void test_sigint(void **state)
{
	die_mid_write(*state, SIGINT, false);
	die_mid_write(*state, SIGINT, true);
}

/* No handler runs on SIGKILL: only an unnamed temporary file (O_TMPFILE)
 * leaves nothing behind. Here, on tmpfs, it must be the one used. */
static void test_sigkill(void **state)
{
	die_mid_write(*state, SIGKILL, true);
}

/* An output never replaces an input of the same run, whatever its name. */
static void test_refuses_input(void **state)
{
	struct dir *d = *state;
	char *p = xasprintf("%s/in.mica", d->path), *ln = xasprintf("%s/alias.mica", d->path);
	char err[256], *got;
	struct source src;

	put_file(p, "policy p { version 1; }\n");
	assert_int_equal(link(p, ln), 0);
	assert_int_equal(source_read(&src, p, err, sizeof(err)), 0);
	assert_int_equal(output_write_file(p, "blob", 4, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "is an input"));
	assert_int_equal(output_write_file(ln, "blob", 4, err, sizeof(err)), -1);
	got = slurp(p);
	assert_string_equal(got, "policy p { version 1; }\n");
	free(got);
	source_allow_overwrite(&src);	/* as fmt -w */
	assert_int_equal(output_write_file(p, "blob", 4, err, sizeof(err)), 0);
	source_free(&src);
	free(p);
	free(ln);
}

static void test_many_open(void **state)
{
	struct dir *d = *state;
	struct output o[OUTPUT_MAX_OPEN + 1];
	char err[256];

	for (int i = 0; i < OUTPUT_MAX_OPEN; i++) {
		char *p = xasprintf("%s/f%d", d->path, i);

		assert_int_equal(output_open(&o[i], p, err, sizeof(err)), 0);
		free(p);
	}
	{
		char *p = xasprintf("%s/extra", d->path);

		/* past the signal handler's slots: refused, not left unguarded */
		assert_int_equal(output_open(&o[OUTPUT_MAX_OPEN], p, err, sizeof(err)), -1);
		free(p);
	}
	for (int i = 0; i < OUTPUT_MAX_OPEN; i++) {
		fprintf(o[i].fp, "%d", i);
		assert_int_equal(output_commit(&o[i], err, sizeof(err)), 0);
	}
	assert_int_equal(count_entries(d->path), OUTPUT_MAX_OPEN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_write_new, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_keeps_mode, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_print_leaves_target, setup, teardown),
		cmocka_unit_test_setup_teardown(test_abort_leaves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_targets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unwritable_dir, setup, teardown),
		cmocka_unit_test_setup_teardown(test_device_in_place, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlink_followed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sigterm, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sigint, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sigkill, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refuses_input, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_open, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
