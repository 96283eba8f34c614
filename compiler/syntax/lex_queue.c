/* lex_queue.c - the scanner's thread and the queue it fills (lex_queue.h).
 *
 * One producer, one consumer, a ring of tokens. Each side works on its own
 * indices and publishes its count to the other once per batch of tokens.
 * A side that finds nothing to do spins for a while before it sleeps: the
 * parser is faster than the scanner and catches up with it at nearly every
 * batch, and putting a thread to sleep and waking it costs far more (a
 * system call each way, and an interrupt between CPUs) than a batch takes
 * to scan. The lock is taken only to sleep and to wake a sleeper. */
#include <stdlib.h>
#include <string.h>
#include <stdatomic.h>
#include <threads.h>

#include "syntax/lex_queue.h"
#include "syntax/parse_actions.h"
#include "util/xalloc.h"
/* flex's header names the bison types without the api.prefix. */
#define YYSTYPE MICA_YYSTYPE
#define YYLTYPE MICA_YYLTYPE
#include "lexer.h"

enum {
	LEX_RING = 16384,	/* tokens the scanner may be ahead */
	LEX_BATCH = 1024,	/* tokens between two publications */
	LEX_SPIN = 1 << 15,	/* looks at the other side before sleeping */
	LEX_LINE = 64,		/* a cache line: each side writes its own */
};

struct lex_queue {
	/* The scanner's side. */
	_Alignas(LEX_LINE) struct parse_ctx lctx;	/* its own context */
	struct diag_list ldl;			/* and its diagnostics */
	size_t *lkey, lkey_cap;			/* each one's place in one-thread order */
	size_t produced;
	/* The parser's side. */
	_Alignas(LEX_LINE) struct parse_ctx *pctx;
	size_t pstart;				/* its diagnostics from here on ... */
	size_t *pkey, pkey_cap, pkeyed;		/* ... and their places */
	size_t taken;
	struct lex_token last;			/* T_END, once taken */
	bool ended;
	/* What each side publishes. */
	_Alignas(LEX_LINE) atomic_size_t published;	/* tokens in the ring */
	_Alignas(LEX_LINE) atomic_size_t consumed;	/* tokens taken from it */
	/* Sleeping and waking, under LOCK. */
	_Alignas(LEX_LINE) mtx_t lock;
	cnd_t wake;
	atomic_int sleepers;			/* sides waiting on WAKE */
	atomic_bool closed;			/* the parser is done */
	thrd_t thread;
	_Alignas(LEX_LINE) struct lex_token ring[LEX_RING];
};

/* A hint to the CPU that this is a wait loop. */
static inline void relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#elif defined(__aarch64__)
	__asm__ __volatile__("yield");
#endif
}

/* Waits until READY(Q) holds: spinning first, then asleep on Q->wake until
 * the other side's next publication (publish_count wakes it). */
static void wait_until(struct lex_queue *q, bool (*ready)(struct lex_queue *q))
{
	for (int i = 0; i < LEX_SPIN; i++) {
		if (ready(q))
			return;
		relax();
	}
	mtx_lock(&q->lock);
	atomic_fetch_add(&q->sleepers, 1);
	while (!ready(q))
		cnd_wait(&q->wake, &q->lock);
	atomic_fetch_sub(&q->sleepers, 1);
	mtx_unlock(&q->lock);
}

/* Publishes COUNT, and wakes the other side if it sleeps. The store and the
 * load are sequentially consistent, as are wait_until's: either the sleeper
 * sees the count before it sleeps, or this sees it asleep. */
static void publish_count(struct lex_queue *q, atomic_size_t *count, size_t value)
{
	atomic_store(count, value);
	if (atomic_load(&q->sleepers) > 0) {
		mtx_lock(&q->lock);
		cnd_broadcast(&q->wake);
		mtx_unlock(&q->lock);
	}
}

int lex_open(struct parse_ctx *ctx)
{
	yyscan_t scanner;

	if (mica_yylex_init_extra(ctx, &scanner))
		return -1;
	ctx->scanner = scanner;
	/* The source keeps two NULs after its end, so flex scans it in place
	 * (the buffer is freed with the scanner, the text is not). */
	mica_yy_scan_buffer(ctx->src->data, ctx->src->len + 2, scanner);
	return 0;
}

void lex_close(struct parse_ctx *ctx)
{
	mica_yylex_destroy(ctx->scanner);
	ctx->scanner = NULL;
}

void lex_scan_token(struct parse_ctx *ctx, struct lex_token *t)
{
	memset(&t->val, 0, sizeof(t->val));
	t->loc.line = 0;
	ctx->lex_unterminated = false;
	t->tok = ctx->stop ? T_END : mica_scan(&t->val, &t->loc, ctx->scanner);
	t->has_loc = t->loc.line != 0;
	t->stop = ctx->stop;
	t->unterminated = ctx->lex_unterminated;
	t->off = ctx->tok_start;
	t->len = t->tok == T_END ? 0 : ctx->offset - ctx->tok_start;
}

/* Diagnostics FROM..TO (of their list) get KEY: the scanner's of token k
 * 2k + 2, the parser's made after taking f tokens 2f + 1, which is the
 * order of one thread, where token k is scanned when the parser takes it. */
static void key_diags(size_t **key, size_t *cap, size_t from, size_t to, size_t value)
{
	for (size_t i = from; i < to; i++) {
		xgrow(key, cap, i, sizeof(**key));
		(*key)[i] = value;
	}
}

static void key_parser_diags(struct lex_queue *q)
{
	size_t n = q->pctx->dl->n - q->pstart;

	key_diags(&q->pkey, &q->pkey_cap, q->pkeyed, n, 2 * q->taken + 1);
	q->pkeyed = n;
}

/* The scanner's side. */
static bool has_room(struct lex_queue *q)
{
	return atomic_load(&q->closed) ||
	       q->produced - atomic_load(&q->consumed) < LEX_RING;
}

static int produce(void *arg)
{
	struct lex_queue *q = arg;
	bool end = false;

	while (!end) {
		struct lex_token t;
		size_t before = q->ldl.n;

		wait_until(q, has_room);
		if (atomic_load(&q->closed))
			break;
		/* Scanned here, stored in one go: the scanner writes a token's
		 * fields many times, and the ring's lines were last read by
		 * the other CPU. */
		lex_scan_token(&q->lctx, &t);
		q->ring[q->produced % LEX_RING] = t;
		key_diags(&q->lkey, &q->lkey_cap, before, q->ldl.n, 2 * q->produced + 2);
		q->produced++;
		end = t.tok == T_END;
		if (end || q->produced % LEX_BATCH == 0)
			publish_count(q, &q->published, q->produced);
	}
	return 0;
}

/* The parser's side. */
static bool has_token(struct lex_queue *q)
{
	return q->taken != atomic_load(&q->published);
}

void lex_queue_next(struct lex_queue *q, struct lex_token *t)
{
	key_parser_diags(q);
	if (q->ended) {
		*t = q->last;
		return;
	}
	if (!has_token(q)) {
		publish_count(q, &q->consumed, q->taken);
		wait_until(q, has_token);
	}
	*t = q->ring[q->taken % LEX_RING];
	q->taken++;
	if (t->tok == T_END) {
		q->ended = true;
		q->last = *t;
	} else if (q->taken % LEX_BATCH == 0) {
		publish_count(q, &q->consumed, q->taken);
	}
}

_Static_assert(sizeof(struct lex_token) <= LEX_LINE, "a token in one cache line");

struct lex_queue *lex_queue_start(struct parse_ctx *pctx)
{
	/* Its size is a multiple of its alignment, as aligned_alloc wants. */
	struct lex_queue *q = aligned_alloc(_Alignof(struct lex_queue), sizeof(*q));

	if (!q)
		return NULL;
	memset(q, 0, sizeof(*q));
	q->pctx = pctx;
	q->pstart = pctx->dl->n;
	q->lctx.ast = pctx->ast;
	q->lctx.dl = &q->ldl;
	q->lctx.src = pctx->src;
	q->lctx.line = q->lctx.col = 1;
	if (lex_open(&q->lctx) != 0)
		goto no_scanner;
	if (mtx_init(&q->lock, mtx_plain) != thrd_success)
		goto no_lock;
	if (cnd_init(&q->wake) != thrd_success)
		goto no_cnd;
	if (thrd_create(&q->thread, produce, q) == thrd_success)
		return q;
	cnd_destroy(&q->wake);
no_cnd:
	mtx_destroy(&q->lock);
no_lock:
	lex_close(&q->lctx);
no_scanner:
	free(q);
	return NULL;
}

/* The scanner's diagnostics join the parser's, in one-thread order, and
 * are numbered as one thread would have numbered them. */
static void merge_diags(struct lex_queue *q)
{
	struct diag_list *dl = q->pctx->dl;
	size_t np = dl->n - q->pstart, nl = q->ldl.n, i = 0, j = 0, k = q->pstart;
	struct diag *parsed = xmalloc((np ? np : 1) * sizeof(*parsed));

	if (np)
		memcpy(parsed, dl->v + q->pstart, np * sizeof(*parsed));
	if (k + np + nl > dl->cap) {
		dl->cap = k + np + nl;
		dl->v = xrealloc(dl->v, dl->cap * sizeof(*dl->v));
	}
	while (i < np || j < nl) {
		bool scanned = j < nl && (i == np || q->lkey[j] < q->pkey[i]);

		dl->v[k] = scanned ? q->ldl.v[j++] : parsed[i++];
		dl->v[k].seq = k;
		k++;
	}
	dl->n = k;
	free(parsed);
}

void lex_queue_finish(struct lex_queue *q)
{
	key_parser_diags(q);
	atomic_store(&q->closed, true);
	mtx_lock(&q->lock);
	cnd_broadcast(&q->wake);
	mtx_unlock(&q->lock);
	thrd_join(q->thread, NULL);
	/* Tokens the parser did not take (it stopped early): their strings. */
	for (size_t i = q->taken; i < q->produced; i++)
		if (q->ring[i % LEX_RING].tok == T_STRING)
			free(q->ring[i % LEX_RING].val.str);
	merge_diags(q);
	lex_close(&q->lctx);
	cnd_destroy(&q->wake);
	mtx_destroy(&q->lock);
	free(q->ldl.v);
	free(q->lkey);
	free(q->pkey);
	free(q);
}
