/* graph_render.h - turning DOT text into SVG or PNG with Graphviz's `dot`,
 * run as a child process (no shell) with the DOT on its standard input. */
#ifndef MICAC_GRAPH_RENDER_H
#define MICAC_GRAPH_RENDER_H

#include <stddef.h>

/* The program: $MICAC_DOT when set, else "dot" from PATH. */
const char *graph_dot_program(void);

enum graph_render_status { GRAPH_OK = 0, GRAPH_FAILED = -1, GRAPH_NO_DOT = -2 };

/* Runs PROG -TFORMAT on DOT[0..LEN); its output goes to *OUT (malloc'd,
 * *OUTLEN bytes). GRAPH_NO_DOT when PROG cannot be found; GRAPH_FAILED
 * with a reason in ERR when it fails. */
enum graph_render_status graph_render(const char *prog, const char *format, const char *dot,
				      size_t len, char **out, size_t *outlen, char *err,
				      size_t errlen);

#endif
