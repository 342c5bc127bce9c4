/* bulk.c - bulk loading of a register into an empty table: indexes
 * built once, keys kept as hashes, rows inserted on a thread of their
 * own. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

/* ---- bulk loading -------------------------------------------------------- */

/* A B-tree index grown one random key at a time is touched all over, and
 * a million keys that way cost many times what one sort costs.  So when
 * a bulk entity's table is empty, its indexes are dropped inside the
 * import's transaction, the rows are appended, and the indexes are made
 * again from sorted keys at the end.  While a unique index is away, the
 * keys of the rows in are kept as hashes in memory, so that a row that
 * repeats one is refused at once, naming the line it repeats. */

static uint32_t key_hash(const struct bulk_index *x, char *const *vals)
{
	uint32_t h = 2166136261u;

	for (int k = 0; k < x->ncol; k++) {
		for (const char *p = vals[x->col[k]]; *p; p++)
			h = (h ^ (unsigned char)*p) * 16777619u;
		h = (h ^ 0xff) * 16777619u;	/* no byte of UTF-8 text */
	}
	return h;
}

/* The rowid of an earlier row with the same key, or 0. */
static sqlite3_int64 key_find(struct importer *im, struct bulk_index *x,
			      char *const *vals, uint32_t h)
{
	for (size_t i = h & (x->cap - 1); x->slot[i].rowid; i = (i + 1) & (x->cap - 1)) {
		if (x->slot[i].hash != h)
			continue;
		int same = 1;
		sqlite3_reset(x->get);
		sqlite3_bind_int64(x->get, 1, x->slot[i].rowid);
		if (sqlite3_step(x->get) != SQLITE_ROW)
			edu_die_db(im->w->db, "cannot read a row back");
		for (int k = 0; k < x->ncol && same; k++) {
			const char *v = (const char *)sqlite3_column_text(x->get, k);
			same = v && !strcmp(v, vals[x->col[k]]);
		}
		sqlite3_reset(x->get);
		if (same)
			return x->slot[i].rowid;
	}
	return 0;
}

static void key_put(struct key_slot *slot, size_t cap, struct key_slot k)
{
	size_t j = k.hash & (cap - 1);

	while (slot[j].rowid)
		j = (j + 1) & (cap - 1);
	slot[j] = k;
}

static void key_add(struct bulk_index *x, uint32_t h, sqlite3_int64 rowid)
{
	if (2 * (x->n + 1) > x->cap) {
		size_t cap = x->cap ? 2 * x->cap : 1024;
		struct key_slot *slot = edu_malloc(cap * sizeof *slot);

		memset(slot, 0, cap * sizeof *slot);
		for (size_t i = 0; i < x->cap; i++)
			if (x->slot[i].rowid)
				key_put(slot, cap, x->slot[i]);
		free(x->slot);
		x->slot = slot;
		x->cap = cap;
	}
	key_put(x->slot, x->cap, (struct key_slot){ h, (uint32_t)rowid });
	x->n++;
}

/* The entity columns of an index's "a", "b": 0, or -1 when one is not a
 * column of the entity (then the table is not loaded in bulk). */
static int key_cols(const struct edu_entity *e, struct bulk_index *x)
{
	x->ncol = 0;
	for (const char *c = x->cols; *c;) {
		size_t n = strcspn(c, ",");
		const char *a = c + (*c == '"'), *z = c + n - (n && c[n - 1] == '"');
		int j;
		for (j = 0; j < e->ncols; j++)
			if (strlen(e->cols[j].name) == (size_t)(z - a) &&
			    !strncmp(e->cols[j].name, a, (size_t)(z - a)))
				break;
		if (j == e->ncols || x->ncol == 8)
			return -1;
		x->col[x->ncol++] = j;
		c += n;
		c += strspn(c, ", ");
	}
	return 0;
}

int eng_bulk_begin(struct importer *im, sqlite3 *db)
{
	const struct edu_entity *e = im->e;
	const char *p[] = { e->table };
	char *any;

	if (!e->bulk)
		return 0;
	struct edu_buf q = { 0 };
	edu_buf_puts(&q, "SELECT 1 FROM ");
	eng_add_ident(&q, e->table);
	edu_buf_puts(&q, " LIMIT 1");
	any = edu_query1(db, q.s, 0, NULL);
	edu_buf_free(&q);
	if (any) {
		free(any);
		return 0;
	}
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT m.name, m.sql, (SELECT group_concat('\"' || name || '\"', ',') "
		"FROM pragma_index_info(m.name)), (SELECT \"unique\" FROM pragma_index_list(?1) l "
		"WHERE l.name = m.name) FROM sqlite_master m "
		"WHERE m.type = 'index' AND m.tbl_name = ?1 AND m.sql IS NOT NULL");
	sqlite3_bind_text(st, 1, p[0], -1, SQLITE_STATIC);
	int ok = 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		im->idx = edu_realloc(im->idx, (im->nidx + 1) * sizeof *im->idx);
		struct bulk_index *x = &im->idx[im->nidx++];
		memset(x, 0, sizeof *x);
		x->name = edu_strdup((const char *)sqlite3_column_text(st, 0));
		x->sql = edu_strdup((const char *)sqlite3_column_text(st, 1));
		x->cols = edu_strdup((const char *)sqlite3_column_text(st, 2));
		x->unique = sqlite3_column_int(st, 3);
		if (x->unique && key_cols(e, x) < 0)
			ok = 0;
	}
	sqlite3_finalize(st);
	/* Identifiers only, from the schema and the tool's column table; no
	 * value is ever part of this SQL. */
	for (int i = 0; i < im->nidx && ok; i++) {
		struct bulk_index *x = &im->idx[i];
		struct edu_buf d = { 0 };
		edu_buf_puts(&d, "DROP INDEX ");
		eng_add_ident(&d, x->name);
		if (sqlite3_exec(db, d.s, NULL, NULL, NULL) != SQLITE_OK)
			edu_die_db(db, "cannot drop an index for loading");
		edu_buf_free(&d);
		if (x->unique) {
			/* x->cols: the index's own column list, as SQLite
			 * keeps it in the schema. */
			edu_buf_printf(&d, "SELECT %s FROM ", x->cols);
			eng_add_ident(&d, e->table);
			edu_buf_puts(&d, " WHERE rowid = ?");
			x->get = edu_prepare(db, d.s);
			edu_buf_free(&d);
		}
	}
	if (!ok) {
		for (int i = 0; i < im->nidx; i++) {
			free(im->idx[i].name);
			free(im->idx[i].sql);
			free(im->idx[i].cols);
		}
		free(im->idx);
		im->idx = NULL;
		im->nidx = 0;
		return 0;
	}
	im->w->fresh = 1;
	im->dg = edu_digest_new();
	return im->bulk = 1;
}

static void bulk_row(struct importer *im, char **vals, const int *len, int file, long line)
{
	struct edu_writer *w = im->w;
	const struct edu_entity *e = im->e;
	const char *fname = im->files[file];
	const int *map = im->map;
	/* A refused row goes to --reject as checked: it imports back the same. */
	const char *const *fields = (const char *const *)vals;
	const char *col;
	char err[EDU_ERR_MAX];
	uint32_t h[16];

	for (int k = 0; k < im->nidx; k++) {
		struct bulk_index *x = &im->idx[k];
		int null = 0;

		if (!x->unique || k >= 16)
			continue;
		for (int c = 0; c < x->ncol; c++)
			null |= !vals[x->col[c]];
		h[k] = null ? 0 : key_hash(x, vals);
		sqlite3_int64 first = null || !x->n ? 0 : key_find(im, x, vals, h[k]);
		if (first) {
			uint64_t at = im->at[first - 1];
			int ffile = (int)(at >> AT_LINE_BITS);
			long fline = (long)(at & (((uint64_t)1 << AT_LINE_BITS) - 1));
			if (ffile == file)
				snprintf(err, sizeof err, "the same %s as line %ld", e->what, fline);
			else
				snprintf(err, sizeof err, "the same %s as %s:%ld", e->what,
					 im->files[ffile], fline);
			eng_row_error(im, fname, line, map, fields, e->cols[x->col[0]].name, err);
			return;
		}
	}
	/* The loading thread holds the connection from the insert to its
	 * rowid and message, so the checking thread's lookups cannot come
	 * between them. */
	sqlite3_mutex *mu = sqlite3_db_mutex(w->db);
	sqlite3_mutex_enter(mu);
	eng_bind_row_n(e, w->insert, vals, len);
	if (sqlite3_step(w->insert) != SQLITE_DONE) {
		if ((sqlite3_errcode(w->db) & 0xff) != SQLITE_CONSTRAINT)
			edu_die_db(w->db, "cannot write");
		eng_constraint_msg(w, vals, &col, err);
		sqlite3_reset(w->insert);
		sqlite3_mutex_leave(mu);
		eng_row_error(im, fname, line, map, fields, col, err);
		return;
	}
	sqlite3_reset(w->insert);
	sqlite3_int64 id = sqlite3_last_insert_rowid(w->db);
	sqlite3_mutex_leave(mu);
	size_t i = (size_t)id - 1;
	if (i >= im->capat) {
		im->capat = i < 1024 ? 1024 : 2 * i;
		im->at = edu_realloc(im->at, im->capat * sizeof *im->at);
	}
	if (i >= im->nat)
		im->nat = i + 1;
	/* 2^40 lines, 2^24 files: more than any file or command line holds. */
	im->at[i] = (uint64_t)file << AT_LINE_BITS | (uint64_t)line;
	for (int k = 0; k < im->nidx && k < 16; k++) {
		struct bulk_index *x = &im->idx[k];
		int null = 0;
		if (!x->unique)
			continue;
		for (int c = 0; c < x->ncol; c++)
			null |= !vals[x->col[c]];
		if (!null)
			key_add(x, h[k], id);
	}
	for (int k = 0; k < e->ncols; k++)
		edu_digest_field(im->dg, vals[k]);
	im->st.inserted++;
}

void eng_bulk_finish(struct importer *im)
{
	sqlite3 *db = im->w->db;
	char hex[65];

	/* The key hashes and the row map are done with: their memory goes
	 * before the sorts of the index builds take theirs. */
	for (int i = 0; i < im->nidx; i++) {
		free(im->idx[i].slot);
		im->idx[i].slot = NULL;
	}
	free(im->at);
	im->at = NULL;
	for (int i = 0; i < im->nidx; i++) {
		struct bulk_index *x = &im->idx[i];

		/* Rows that repeat a key were refused as they came, so the
		 * index builds; with errors and no --reject nothing will be
		 * written, and it need not. */
		if ((!im->errors || im->reject_f) &&
		    sqlite3_exec(db, x->sql, NULL, NULL, NULL) != SQLITE_OK)
			edu_die_db(db, "cannot build an index");
		sqlite3_finalize(x->get);
		free(x->name);
		free(x->sql);
		free(x->cols);
	}
	free(im->idx);
	edu_digest_end(im->dg, hex);
	if (im->st.inserted && (!im->errors || im->reject_f)) {
		char *change = edu_asprintf("{\"inserted\":%ld,\"sha256\":\"%s\"}",
					    im->st.inserted, hex);
		edu_audit(db, im->e->table, "import", change);
		free(change);
	}
}


/* ---- the loading thread ---------------------------------------------------- */

/* A bulk load has two halves of about equal cost: reading and checking
 * the rows, and inserting them.  They run on two threads, handing rows
 * over in batches: the checking thread owns the CSV reader and the
 * lookups, the loading thread the insert, the key hashes, the digest and
 * the row map.  SQLite serialises their calls on the one connection. */



static void *load_main(void *arg)
{
	struct loader *ld = arg;
	struct importer *im = ld->im;
	char **vals = edu_malloc(im->e->ncols * sizeof *vals);

	pthread_mutex_lock(&ld->mu);
	for (;;) {
		while (!ld->count && !ld->done)
			pthread_cond_wait(&ld->cv, &ld->mu);
		if (!ld->count)
			break;
		int t = ld->tail, n = ld->nrow[t], nc = im->e->ncols;
		struct load_batch *b = &ld->b[t];
		pthread_mutex_unlock(&ld->mu);
		for (int i = 0; i < n; i++) {
			const size_t *off = b->off + (size_t)i * nc;
			for (int k = 0; k < nc; k++)
				vals[k] = off[k] ? b->buf + off[k] - 1 : NULL;
			bulk_row(im, vals, b->vlen + (size_t)i * nc, b->row[i].file, b->row[i].line);
		}
		pthread_mutex_lock(&ld->mu);
		ld->tail = (t + 1) % LOAD_QUEUE;
		ld->count--;
		pthread_cond_broadcast(&ld->cv);
	}
	pthread_mutex_unlock(&ld->mu);
	free(vals);
	return NULL;
}

void eng_load_start(struct importer *im)
{
	struct loader *ld = edu_malloc(sizeof *ld);

	memset(ld, 0, sizeof *ld);
	ld->im = im;
	for (int t = 0; t < LOAD_QUEUE; t++) {
		ld->b[t].off = edu_malloc(LOAD_BATCH * im->e->ncols * sizeof *ld->b[t].off);
		ld->b[t].vlen = edu_malloc(LOAD_BATCH * im->e->ncols * sizeof *ld->b[t].vlen);
	}
	pthread_mutex_init(&ld->mu, NULL);
	pthread_cond_init(&ld->cv, NULL);
	if (pthread_create(&ld->thread, NULL, load_main, ld) != 0)
		edu_die(EDU_ESOFTWARE, "cannot start a thread:");
	im->ld = ld;
}

/* Queue the batch being filled; the caller holds ld->mu. */
static void load_submit(struct loader *ld)
{
	while (ld->count == LOAD_QUEUE)
		pthread_cond_wait(&ld->cv, &ld->mu);
	ld->nrow[ld->head] = ld->fill;
	ld->head = (ld->head + 1) % LOAD_QUEUE;
	ld->count++;
	ld->fill = 0;
	pthread_cond_broadcast(&ld->cv);
}

/* Hand over a checked row: its values are copied into the batch, and
 * stay the caller's. */
void eng_load_put(struct importer *im, char *const *vals, long line)
{
	struct loader *ld = im->ld;
	int nc = im->e->ncols;

	/* The slot at head is ours until submitted: the loader reads only
	 * queued batches, and head is never queued while count < QUEUE. */
	if (ld->fill == 0) {
		pthread_mutex_lock(&ld->mu);
		while (ld->count == LOAD_QUEUE)
			pthread_cond_wait(&ld->cv, &ld->mu);
		pthread_mutex_unlock(&ld->mu);
	}
	struct load_batch *b = &ld->b[ld->head];
	if (ld->fill == 0)
		b->len = 0;
	size_t *off = b->off + (size_t)ld->fill * nc;
	int *len = b->vlen + (size_t)ld->fill * nc;
	for (int k = 0; k < nc; k++) {
		if (!vals[k]) {
			off[k] = 0;
			len[k] = 0;
			continue;
		}
		size_t n = strlen(vals[k]);
		if (b->len + n + 1 > b->cap) {
			b->cap = 2 * (b->len + n + 1) + 65536;
			b->buf = edu_realloc(b->buf, b->cap);
		}
		memcpy(b->buf + b->len, vals[k], n + 1);
		off[k] = b->len + 1;
		len[k] = (int)n;
		b->len += n + 1;
	}
	b->row[ld->fill++] = (struct load_row){ im->file, line };
	if (ld->fill == LOAD_BATCH) {
		pthread_mutex_lock(&ld->mu);
		load_submit(ld);
		pthread_mutex_unlock(&ld->mu);
	}
}

/* Wait until every row handed over is in (before the next file changes
 * the column map the loader reports with). */
void eng_load_drain(struct importer *im)
{
	struct loader *ld = im->ld;

	pthread_mutex_lock(&ld->mu);
	if (ld->fill)
		load_submit(ld);
	while (ld->count)
		pthread_cond_wait(&ld->cv, &ld->mu);
	pthread_mutex_unlock(&ld->mu);
}

void eng_load_stop(struct importer *im)
{
	struct loader *ld = im->ld;

	eng_load_drain(im);
	pthread_mutex_lock(&ld->mu);
	ld->done = 1;
	pthread_cond_broadcast(&ld->cv);
	pthread_mutex_unlock(&ld->mu);
	pthread_join(ld->thread, NULL);
	pthread_mutex_destroy(&ld->mu);
	pthread_cond_destroy(&ld->cv);
	for (int t = 0; t < LOAD_QUEUE; t++) {
		free(ld->b[t].buf);
		free(ld->b[t].off);
		free(ld->b[t].vlen);
	}
	free(ld);
	im->ld = NULL;
}
