/**
 * Full-text rowids of the SQLite store: an article's seq, plus NEAR_ROWID for a near copy (which stays one:
 * near_duplicate_of is set on insert only). A search that leaves near copies out then says `rowid < NEAR_ROWID`
 * inside FTS5 instead of looking up every hit's article row; as seq < NEAR_ROWID, the seq of a hit is
 * `rowid % NEAR_ROWID` (in SQL `rowid & SEQ_MASK`). Near copies saved before this scheme (migration 4) kept
 * rowid = seq and are listed in fts_legacy_near.
 */
export const NEAR_ROWID = 2 ** 40;
export const SEQ_MASK = NEAR_ROWID - 1;

/** The full-text rowid of the article with this seq (`near`: a near copy saved under this scheme). */
export const ftsRowid = (seq: number | bigint, near: boolean): number => Number(seq) + (near ? NEAR_ROWID : 0);

/** The seq of the article a full-text rowid belongs to. */
export const seqOfRowid = (rowid: number): number => rowid % NEAR_ROWID;
