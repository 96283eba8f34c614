/* test_fmt_cli.c - `micac fmt` as users run it, on files in a temporary
 * directory: -w rewrites only what changes, --check reports without
 * touching, syntax errors and YAML leave files alone, bad usage exits 2. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "util/xalloc.h"

static const char messy[] = "realm a{trust trusted;}\npolicy p{version 1;}\n";
static const char tidy[] = "policy p {\n    version 1;\n}\n\nrealm a {\n    trust trusted;\n}\n";

struct tmp {
	char *dir;
	char *path;
};

static void make_file(struct tmp *t, const char *name, const char *text)
{
	const char *base = getenv("TMPDIR");
	FILE *f;

	t->dir = xasprintf("%s/micac-fmt-XXXXXX", base && *base ? base : "/tmp");
	assert_non_null(mkdtemp(t->dir));
	t->path = xasprintf("%s/%s", t->dir, name);
	f = fopen(t->path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void remove_tmp(struct tmp *t)
{
	unlink(t->path);
	rmdir(t->dir);
	free(t->path);
	free(t->dir);
}

static void expect_content(const char *path, const char *want)
{
	char buf[512];
	FILE *f = fopen(path, "r");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	assert_string_equal(buf, want);
}

/* Runs `micac fmt ARGS...` in-process; stdout goes to /dev/null. */
static int run_fmt(int argc, ...)
{
	char *argv[8] = {"fmt"};
	va_list ap;
	int rc, saved = dup(STDOUT_FILENO);

	va_start(ap, argc);
	for (int i = 1; i < argc; i++)
		argv[i] = va_arg(ap, char *);
	va_end(ap);
	fflush(stdout);
	assert_non_null(freopen("/dev/null", "w", stdout));
	rc = cmd_fmt(argc, argv);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	return rc;
}

static ino_t inode(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_ino;
}

static void test_write_and_check(void **state)
{
	struct tmp t;
	ino_t before;

	(void)state;
	make_file(&t, "p.mica", messy);
	assert_int_equal(run_fmt(3, "--check", t.path), EXIT_POLICY);
	expect_content(t.path, messy);
	assert_int_equal(run_fmt(3, "-w", t.path), EXIT_CLEAN);
	expect_content(t.path, tidy);
	/* already formatted: --check is happy, and -w leaves the file itself
	 * alone (same inode: not replaced by a rename) */
	assert_int_equal(run_fmt(3, "--check", t.path), EXIT_CLEAN);
	before = inode(t.path);
	assert_int_equal(run_fmt(3, "--write", t.path), EXIT_CLEAN);
	assert_int_equal(inode(t.path), before);
	remove_tmp(&t);
}

static void test_refusals_leave_files_alone(void **state)
{
	static const char broken[] = "policy p { version 1 }\n";
	struct tmp t;

	(void)state;
	make_file(&t, "bad.mica", broken);
	assert_int_equal(run_fmt(3, "-w", t.path), EXIT_POLICY);
	expect_content(t.path, broken);
	remove_tmp(&t);
	make_file(&t, "p.yaml", "policy: {name: p}\n");
	assert_int_equal(run_fmt(3, "-w", t.path), EXIT_USAGE);
	expect_content(t.path, "policy: {name: p}\n");
	remove_tmp(&t);
}

static void test_usage(void **state)
{
	(void)state;
	assert_int_equal(run_fmt(1), EXIT_USAGE);
	assert_int_equal(run_fmt(4, "-w", "--check", "x.mica"), EXIT_USAGE);
	assert_int_equal(run_fmt(3, "-w", "-"), EXIT_USAGE);
	assert_int_equal(run_fmt(3, "a.mica", "b.mica"), EXIT_USAGE);
	assert_int_equal(run_fmt(2, "--bogus"), EXIT_USAGE);
	assert_int_equal(run_fmt(2, "/nonexistent/p.mica"), EXIT_USAGE);
	assert_int_equal(run_fmt(2, "--help"), EXIT_CLEAN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_and_check),
		cmocka_unit_test(test_refusals_leave_files_alone),
		cmocka_unit_test(test_usage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
