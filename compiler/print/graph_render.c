/* graph_render.c - see graph_render.h.
 *
 * The child's stdin and stdout are socket pairs, so that writing to a
 * child that died early fails with EPIPE (send's MSG_NOSIGNAL) instead of
 * killing micac with SIGPIPE, and poll() feeds and drains it at once so a
 * large graph cannot deadlock on full buffers. */
#include <errno.h>
#include <poll.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "print/graph_render.h"
#include "util/xalloc.h"

extern char **environ;

const char *graph_dot_program(void)
{
	const char *p = getenv("MICAC_DOT");

	return p && *p ? p : "dot";
}

/* CHILD[0] / CHILD[1] become the child's stdin / stdout; it must not keep
 * our ends (PARENT) open, or it would never see end of input. */
static int spawn_dot(const char *prog, const char *format, const int child[2],
		     const int parent[2], pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	char type[32];
	char *argv[3];
	int rc;

	snprintf(type, sizeof(type), "-T%s", format);
	argv[0] = (char *)prog;
	argv[1] = type;
	argv[2] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addclose(&fa, parent[0]);
	posix_spawn_file_actions_addclose(&fa, parent[1]);
	posix_spawn_file_actions_adddup2(&fa, child[0], STDIN_FILENO);
	posix_spawn_file_actions_adddup2(&fa, child[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&fa, child[0]);
	posix_spawn_file_actions_addclose(&fa, child[1]);
	rc = posix_spawnp(pid, prog, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

/* Feeds IN to fd TO and collects fd FROM until the child closes it. */
static int pump(int to, int from, const char *in, size_t len, char **out, size_t *outlen)
{
	size_t sent = 0, cap = 0;
	char chunk[65536];

	*out = NULL;
	*outlen = 0;
	for (;;) {
		struct pollfd p[2] = {{from, POLLIN, 0}, {to, POLLOUT, 0}};
		ssize_t n;

		if (poll(p, to >= 0 ? 2 : 1, -1) < 0 && errno != EINTR)
			return -1;
		if (to >= 0 && (p[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
			n = send(to, in + sent, len - sent < sizeof(chunk) ? len - sent : sizeof(chunk),
				 MSG_NOSIGNAL);
			if (n > 0)
				sent += (size_t)n;
			if (n < 0 || sent == len) {
				close(to);	/* end of input, or the child stopped reading */
				to = -1;
			}
		}
		if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		n = read(from, chunk, sizeof(chunk));
		if (n <= 0)
			break;
		xgrow(out, &cap, *outlen + (size_t)n, 1);
		memcpy(*out + *outlen, chunk, (size_t)n);
		*outlen += (size_t)n;
	}
	if (to >= 0)
		close(to);
	return 0;
}

enum graph_render_status graph_render(const char *prog, const char *format, const char *dot,
				      size_t len, char **out, size_t *outlen, char *err,
				      size_t errlen)
{
	int in[2], outp[2], status = 0, rc;
	pid_t pid;

	*out = NULL;
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, in) != 0)
		goto sys_error;
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, outp) != 0) {
		close(in[0]);
		close(in[1]);
		goto sys_error;
	}
	rc = spawn_dot(prog, format, (const int[2]){in[1], outp[1]}, (const int[2]){in[0], outp[0]},
		       &pid);
	close(in[1]);
	close(outp[1]);
	if (rc != 0) {
		close(in[0]);
		close(outp[0]);
		if (rc == ENOENT)
			return GRAPH_NO_DOT;
		snprintf(err, errlen, "cannot run '%s': %s", prog, strerror(rc));
		return GRAPH_FAILED;
	}
	rc = pump(in[0], outp[0], dot, len, out, outlen);
	close(outp[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (rc == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return GRAPH_OK;
	free(*out);
	*out = NULL;
	/* Some posix_spawn implementations report a failed exec as exit 127. */
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return GRAPH_NO_DOT;
	snprintf(err, errlen, "'%s -T%s' failed (%s %d)", prog, format,
		 WIFEXITED(status) ? "exit status" : "signal",
		 WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	return GRAPH_FAILED;

sys_error:
	snprintf(err, errlen, "cannot run '%s': %s", prog, strerror(errno));
	return GRAPH_FAILED;
}
