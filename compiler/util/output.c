/* output.c - atomic output files (see output.h). */
/* realpath() is XSI, O_TMPFILE and linkat's AT_SYMLINK_FOLLOW on /proc are
 * Linux: beyond the POSIX base the build selects. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/output.h"
#include "util/source.h"
#include "util/xalloc.h"

/*
 * The one piece of global state in micac: a signal handler cannot be handed
 * arguments, so the temporary files it must remove are registered here.
 * Each slot holds a path copied in while the signals are blocked, so the
 * handler never sees a half-written entry; it calls only unlink, which is
 * async-signal-safe.
 */
static char cleanup_path[OUTPUT_MAX_OPEN][PATH_MAX];
static volatile sig_atomic_t cleanup_used[OUTPUT_MAX_OPEN];

static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define NSIGNALS (sizeof(cleanup_signals) / sizeof(cleanup_signals[0]))

static void on_signal(int sig)
{
	for (int i = 0; i < OUTPUT_MAX_OPEN; i++)
		if (cleanup_used[i])
			unlink(cleanup_path[i]);
	/* Die of the same signal, so the parent sees why we stopped. */
	signal(sig, SIG_DFL);
	raise(sig);
}

static void block_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaddset(&set, cleanup_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void install_handler(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaddset(&sa.sa_mask, cleanup_signals[i]);
	for (size_t i = 0; i < NSIGNALS; i++) {
		struct sigaction old;

		/* A signal the caller chose to ignore stays ignored. */
		if (sigaction(cleanup_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(cleanup_signals[i], &sa, NULL);
	}
}

/* Creates the temporary file from O->tmp (a mkstemp template) and registers
 * it for cleanup, with the signals blocked in between. Returns its fd. */
static int create_registered(struct output *o)
{
	sigset_t old;
	int fd = -1;

	block_signals(&old);
	for (int i = 0; i < OUTPUT_MAX_OPEN; i++) {
		if (cleanup_used[i])
			continue;
		fd = mkstemp(o->tmp);
		if (fd >= 0) {
			memcpy(cleanup_path[i], o->tmp, strlen(o->tmp) + 1);
			cleanup_used[i] = 1;
			o->slot = i;
		}
		break;
	}
	if (o->slot < 0 && fd < 0 && errno == 0)
		errno = EMFILE;
	sigprocmask(SIG_SETMASK, &old, NULL);
	return fd;
}

static void unregister(struct output *o)
{
	sigset_t old;

	if (o->slot < 0)
		return;
	block_signals(&old);
	cleanup_used[o->slot] = 0;
	o->slot = -1;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* The temporary file's name: ".NAME.XXXXXX" beside the target. */
static char *temp_template(const char *path)
{
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path + 1) : 0;

	return xasprintf("%.*s.%s.XXXXXX", dirlen, path, slash ? slash + 1 : path);
}

/* The mode a newly created file would get, or the existing target's. */
static mode_t target_mode(const char *path)
{
	struct stat st;
	mode_t mask;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return st.st_mode & 07777;
	mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

static int fail(char *err, size_t errlen, const char *path, const char *what, int e)
{
	snprintf(err, errlen, "cannot %s '%s': %s", what, path, strerror(e));
	return -1;
}

/* Opens an existing non-regular target (a device, a FIFO) in place. */
static int open_in_place(struct output *o, const char *path, char *err, size_t errlen)
{
	o->fp = fopen(path, "wb");
	if (!o->fp)
		return fail(err, errlen, path, "write", errno);
	o->path = xstrdup(path);
	return 0;
}

/* Takes a cleanup slot for an unnamed file, with no name in it yet (the
 * handler's unlink of "" does nothing): it gets one if the file must be
 * linked under a temporary name at commit. Keeps OUTPUT_MAX_OPEN a limit on
 * open outputs whatever their kind. 0, or -1 when every slot is taken. */
static int reserve_slot(struct output *o)
{
	sigset_t old;

	block_signals(&old);
	for (int i = 0; i < OUTPUT_MAX_OPEN && o->slot < 0; i++) {
		if (cleanup_used[i])
			continue;
		cleanup_path[i][0] = '\0';
		cleanup_used[i] = 1;
		o->slot = i;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return o->slot < 0 ? -1 : 0;
}

/* An unnamed file in TARGET's directory (O_TMPFILE), which nothing but this
 * process can see and which vanishes with it, even after SIGKILL; it gets
 * its name only at commit. -1 where the file system or kernel cannot (then
 * a named temporary file is used), or when /proc, which linkat needs to
 * name it without privileges, is not mounted. */
static bool try_unnamed = true;

void output_set_unnamed(bool on)
{
	try_unnamed = on;
}

static int open_unnamed(const char *target)
{
#ifdef O_TMPFILE
	const char *slash = strrchr(target, '/');
	char *dir = slash ? xstrndup(target, (size_t)(slash - target) + 1) : xstrdup(".");
	int fd = -1;

	if (try_unnamed && access("/proc/self/fd", X_OK) == 0)
		fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
	free(dir);
	return fd;
#else
	(void)target;
	return -1;
#endif
}

/* Creates the temporary file beside TARGET, the file to be replaced. */
static int open_temp(struct output *o, const char *target, char *err, size_t errlen)
{
	int fd;

	if (strlen(target) + 9 >= PATH_MAX)
		return fail(err, errlen, target, "write", ENAMETOOLONG);
	install_handler();
	o->path = xstrdup(target);
	o->tmp = temp_template(target);
	fd = open_unnamed(target);
	if (fd >= 0 && reserve_slot(o) != 0) {
		close(fd);
		fd = -1;
		errno = EMFILE;
	} else if (fd >= 0) {
		o->unnamed = true;
	} else {
		errno = 0;
		fd = create_registered(o);
	}
	if (fd < 0) {
		int e = errno ? errno : EMFILE;

		free(o->path);
		free(o->tmp);
		memset(o, 0, sizeof(*o));
		o->slot = -1;
		return fail(err, errlen, target, "write", e);
	}
	if (fchmod(fd, target_mode(target)) != 0 || !(o->fp = fdopen(fd, "wb"))) {
		int e = errno;

		close(fd);
		output_abort(o);
		return fail(err, errlen, target, "write", e);
	}
	return 0;
}

int output_open(struct output *o, const char *path, char *err, size_t errlen)
{
	struct stat st;
	char *real;
	int rc;

	memset(o, 0, sizeof(*o));
	o->slot = -1;
	if (strcmp(path, "-") == 0) {
		o->fp = stdout;
		return 0;
	}
	if (stat(path, &st) != 0)
		return open_temp(o, path, err, errlen);
	if (S_ISDIR(st.st_mode))
		return fail(err, errlen, path, "write", EISDIR);
	if (!S_ISREG(st.st_mode))
		return open_in_place(o, path, err, errlen);
	/* The same file as an input (by device and inode, whatever its
	 * name): replacing it would lose the source. */
	if (source_is_input((unsigned long long)st.st_dev, (unsigned long long)st.st_ino)) {
		snprintf(err, errlen, "'%s' is an input of this command: refusing to replace it "
			 "with the output (write the output to another file)", path);
		return -1;
	}
	/* Through a symbolic link, replace the file, not the link. */
	real = realpath(path, NULL);
	if (!real)
		return fail(err, errlen, path, "write", errno);
	rc = open_temp(o, real, err, errlen);
	free(real);
	return rc;
}

/* Makes the rename itself durable; a file system that cannot sync a
 * directory (EINVAL) has nothing more to offer. */
static void sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path) + 1) : xstrdup(".");
	int fd = open(dir, O_RDONLY);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Flushes a stream written in place (stdout, a device); closes it unless
 * it is stdout. */
static int commit_in_place(struct output *o, char *err, size_t errlen)
{
	const char *name = o->path ? o->path : "<stdout>";
	int e = 0;

	if (fflush(o->fp) != 0 || ferror(o->fp))
		e = errno ? errno : EIO;
	if (o->path && fclose(o->fp) != 0 && e == 0)
		e = errno ? errno : EIO;
	if (e != 0)
		fail(err, errlen, name, "write", e);
	free(o->path);
	memset(o, 0, sizeof(*o));
	o->slot = -1;
	return e ? -1 : 0;
}

/* Names the unnamed file FD: straight as the target when there is none
 * (it appears complete), else under a temporary name, registered for
 * cleanup, that the rename below moves over the target. 0 or an errno. */
static int link_unnamed(struct output *o, int fd)
{
	char proc[64];
	sigset_t old;
	int e = 0, tfd;

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	if (linkat(AT_FDCWD, proc, AT_FDCWD, o->path, AT_SYMLINK_FOLLOW) == 0) {
		o->linked = true;	/* nothing left to rename */
		return 0;
	}
	if (errno != EEXIST)
		return errno;
	block_signals(&old);
	/* mkstemp's name, then the file it made replaced by ours; the name is
	 * in the slot reserved at open before it exists. */
	tfd = mkstemp(o->tmp);
	if (tfd < 0) {
		e = errno;
	} else {
		close(tfd);
		memcpy(cleanup_path[o->slot], o->tmp, strlen(o->tmp) + 1);
		if (unlink(o->tmp) != 0 ||
		    linkat(AT_FDCWD, proc, AT_FDCWD, o->tmp, AT_SYMLINK_FOLLOW) != 0)
			e = errno;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return e;
}

int output_commit(struct output *o, char *err, size_t errlen)
{
	int e = 0;

	if (!o->tmp)
		return commit_in_place(o, err, errlen);
	if (fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0)
		e = errno ? errno : EIO;
	if (e == 0 && o->unnamed)
		e = link_unnamed(o, fileno(o->fp));
	if (fclose(o->fp) != 0 && e == 0)
		e = errno ? errno : EIO;
	o->fp = NULL;
	if (e == 0 && !o->linked && rename(o->tmp, o->path) != 0)
		e = errno;
	if (e != 0) {
		char *path = xstrdup(o->path);

		output_abort(o);
		fail(err, errlen, path, "write", e);
		free(path);
		return -1;
	}
	unregister(o);
	sync_dir(o->path);
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof(*o));
	o->slot = -1;
	return 0;
}

void output_abort(struct output *o)
{
	if (!o->tmp) {
		/* In place: what was written stays written; just let go. */
		if (o->path && o->fp)
			fclose(o->fp);
		free(o->path);
		memset(o, 0, sizeof(*o));
		o->slot = -1;
		return;
	}
	if (o->fp)
		fclose(o->fp);
	/* An unnamed file has a name to remove only once linked. */
	if (!o->unnamed || (o->slot >= 0 && cleanup_path[o->slot][0]))
		unlink(o->tmp);
	unregister(o);
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof(*o));
	o->slot = -1;
}

int output_put(struct output *o, const char *path, const void *data, size_t len,
	       char *err, size_t errlen)
{
	int e = 0;

	if (len > 0 && fwrite(data, 1, len, o->fp) != len)
		e = errno ? errno : EIO;
	else if (o->tmp && (fflush(o->fp) != 0 || fsync(fileno(o->fp)) != 0))
		e = errno ? errno : EIO;
	if (e == 0)
		return 0;
	output_abort(o);
	return fail(err, errlen, path, "write", e);
}

int output_write_file(const char *path, const void *data, size_t len, char *err, size_t errlen)
{
	struct output o;

	if (output_open(&o, path, err, errlen) != 0 ||
	    output_put(&o, path, data, len, err, errlen) != 0)
		return -1;
	return output_commit(&o, err, errlen);
}

int output_print(const char *path, output_printer print, const void *arg, char *err, size_t errlen)
{
	struct output o;

	if (output_open(&o, path, err, errlen) != 0)
		return -1;
	if (print(o.fp, arg) != 0) {
		int e = errno ? errno : EIO;

		output_abort(&o);
		return fail(err, errlen, path, "write", e);
	}
	return output_commit(&o, err, errlen);
}
