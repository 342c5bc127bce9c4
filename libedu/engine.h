/* engine.h - what the files of the engine share (entity.c: column values
 * and list; writer.c: writing one record; import.c: the importer;
 * bulk.c: bulk loading).  Internal to libedu: the public API is edu.h. */
#ifndef EDU_ENGINE_H
#define EDU_ENGINE_H

#include <pthread.h>
#include <stdint.h>

#include "edu.h"

#define MAX_SHOWN 100	/* errors reported before we only count them */

#define REF_SLOTS 256
struct ref_cache {
	sqlite3_stmt *st;
	char *slot[REF_SLOTS];
};

/* Where a row's normalised values are kept while it is checked and
 * written: one buffer, emptied with the row (eng_clear_row), instead of a
 * malloc and a free per value; a value that does not fit is malloc'd. */
#define ROW_ARENA 8192
struct row_arena {
	size_t used;
	char buf[ROW_ARENA];
};

struct edu_writer {
	sqlite3 *db;
	const struct edu_entity *e;
	sqlite3_stmt *find, *insert, *update;
	struct ref_cache **ref;	/* per column: is the value a key of c->ref */
	char **vals;		/* the row being written, normalised */
	const char **raw;	/* the row as given, after e->derive */
	char dbuf[EDU_DERIVE_MAX][EDU_VAL_MAX];	/* what e->derive made */
	int fresh;		/* the table was empty: no key can exist */
	struct row_arena arena;	/* the values of w->vals it holds */
};

struct edu_import_stats {
	long inserted, updated, unchanged, rejected;
};

struct importer {
	const struct edu_entity *e;
	struct edu_writer *w;
	struct edu_out *reject;
	struct edu_reject *rj;
	FILE *reject_f;
	int *reject_cols;	/* the entity columns the reject file has */
	int nreject, reject_extra;	/* ... and extra columns after them */
	long errors;
	struct edu_import_stats st;
	int *map;		/* the columns of the file read last */
	/* e->extra_header's columns of the file being read: their fields,
	 * names and the current row's values; the names of the first
	 * rejected row's file head the reject file's extra columns. */
	int nextra, *xfield;
	char **xname;
	const char **xval;
	const char **given;	/* a row as read, when extra_row changes it */
	char **files;
	int file;		/* the index of the file being read */
	sqlite3_stmt *stage;
	long staged;
	/* Bulk loading (an entity marked bulk whose table is empty): rows go
	 * straight in and the indexes are built once at the end. */
	int bulk;
	struct bulk_index {
		char *name, *sql, *cols;	/* cols: "a, b" */
		int unique;
		/* A unique index's keys so far, while it is not there: the
		 * hash of each row's key and its rowid, open addressing. */
		int ncol, col[8];	/* entity columns of the key */
		struct key_slot {
			uint32_t hash, rowid;	/* rowid 0: empty */
		} *slot;	/* one cache line per probe, not two */
		size_t n, cap;
		sqlite3_stmt *get;	/* the key of a rowid */
	} *idx;
	int nidx;
	/* Where the row of rowid i + 1 came from: its file's index << 40 |
	 * its line (AT_LINE_BITS), 8 bytes a row; 16 MB for 2M rows. */
	uint64_t *at;
	size_t nat, capat;
	struct edu_digest *dg;
	struct loader *ld;	/* the thread that inserts a bulk load */
};

#define AT_LINE_BITS 40
#define LOAD_BATCH 512
#define LOAD_QUEUE 8

struct load_row {
	int file;
	long line;
};

/* A batch of rows handed to the loading thread: their values copied one
 * after another into one buffer (no allocation per value, and each is
 * freed by the thread that made it), with their lengths for the bind. */
struct load_batch {
	char *buf;
	size_t len, cap;
	size_t *off;	/* LOAD_BATCH x ncols: 1 + offset in buf; 0: NULL */
	int *vlen;	/* LOAD_BATCH x ncols: the values' lengths */
	struct load_row row[LOAD_BATCH];
};

struct loader {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct load_batch b[LOAD_QUEUE];
	int nrow[LOAD_QUEUE];
	int head, tail, count;	/* batches queued: [tail, head) */
	int fill;		/* rows in the batch being filled, at head */
	int done;
	struct importer *im;
};

/* Functions one engine file calls in another; each is described where
 * it is defined. */

/* entity.c: column values */
const struct edu_col *eng_entity_col(const struct edu_entity *e, const char *name);
int eng_col_value(sqlite3 *db, const struct edu_col *c, const char *in,
		  char **out, char *err, struct ref_cache **refst);
int eng_col_value_in(sqlite3 *db, const struct edu_col *c, const char *in,
		     char **out, char *err, struct ref_cache **refst,
		     struct row_arena *a);
void eng_value_free(struct row_arena *a, char *v);
void eng_ref_free(struct ref_cache *c);
void eng_add_ident(struct edu_buf *b, const char *s);
void eng_add_select(struct edu_buf *b, const struct edu_col *c);
void eng_bind_value(sqlite3_stmt *st, int i, const struct edu_col *c,
		    const char *v, sqlite3_destructor_type keep);

/* writer.c: one record */
const char *eng_first_key(const struct edu_entity *e);
void eng_bind_row(const struct edu_entity *e, sqlite3_stmt *st, char **vals);
void eng_bind_row_n(const struct edu_entity *e, sqlite3_stmt *st, char **vals,
		    const int *len);
void eng_constraint_msg(struct edu_writer *w, char *const *vals,
			const char **col, char *err);
int eng_check_row(struct edu_writer *w, const char *const *raw_in,
		  int upsert, char ***oldp, const char **col, char *err);
int eng_write_row(struct edu_writer *w, char **old, const char **col, char *err);
void eng_note_number(struct edu_writer *w, const char *const *raw, long drawn);
void eng_clear_row(struct edu_writer *w, char **old);

/* import.c: a bad row, reported or rejected (from either thread) */
void eng_row_error(struct importer *im, const char *fname, long line,
		   const int *map, const char *const *fields,
		   const char *col, const char *msg);

/* bulk.c: bulk loading and its thread */
int eng_bulk_begin(struct importer *im, sqlite3 *db);
void eng_load_start(struct importer *im);
void eng_load_put(struct importer *im, char *const *vals, long line);
void eng_load_drain(struct importer *im);
void eng_load_stop(struct importer *im);
void eng_bulk_finish(struct importer *im);

#endif
