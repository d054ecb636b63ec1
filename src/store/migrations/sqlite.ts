import { byteBandRowsSql } from './byte-pair-bands.js';
import type { Migration } from './migration.js';

/** The SQLite schema, in order. */
export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  simhash TEXT NOT NULL,
  date TEXT,
  lang TEXT,
  title TEXT,
  url TEXT,
  body TEXT NOT NULL,
  origin TEXT,
  duplicate_of TEXT,
  near_duplicate_of TEXT,
  relevant INTEGER NOT NULL DEFAULT 0,
  relevance REAL,
  saved_at TEXT NOT NULL
);
CREATE INDEX articles_date ON articles (date);
CREATE INDEX articles_lang ON articles (lang);
CREATE INDEX articles_near_duplicate_of ON articles (near_duplicate_of);

CREATE TABLE simhash_bands (
  position INTEGER NOT NULL,
  band TEXT NOT NULL,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (position, band, article_id)
) WITHOUT ROWID;

CREATE TABLE analyses (
  article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  record TEXT NOT NULL,
  pipeline_version TEXT NOT NULL,
  codebook_version TEXT NOT NULL,
  analyzed_at TEXT NOT NULL
);

CREATE TABLE entities (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  codebook_id TEXT,
  mention_count INTEGER NOT NULL,
  PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities (name);
CREATE INDEX entities_codebook_id ON entities (codebook_id);

CREATE TABLE mentions (
  article_id TEXT NOT NULL,
  entity_ord INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  rule TEXT,
  PRIMARY KEY (article_id, entity_ord, ord),
  FOREIGN KEY (article_id, entity_ord) REFERENCES entities (article_id, ord) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE quotes (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  speaker TEXT,
  speaker_id TEXT,
  text TEXT NOT NULL,
  direct INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  span_text TEXT NOT NULL,
  rule TEXT,
  PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE INDEX quotes_speaker_id ON quotes (speaker_id);

CREATE TABLE events (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  type TEXT NOT NULL,
  actor TEXT,
  actor_id TEXT,
  target TEXT,
  target_id TEXT,
  weapon TEXT,
  intensity REAL NOT NULL,
  negated INTEGER NOT NULL,
  hypothetical INTEGER NOT NULL,
  treaty TEXT,
  action TEXT,
  when_date TEXT,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  evidence_text TEXT NOT NULL,
  cue_start INTEGER,
  cue_end INTEGER,
  cue_text TEXT,
  rule TEXT,
  PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;
CREATE INDEX events_type ON events (type);
CREATE INDEX events_actor ON events (actor);
CREATE INDEX events_actor_id ON events (actor_id);

CREATE TABLE claims (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  holder TEXT,
  holder_id TEXT,
  quantity REAL NOT NULL,
  approx INTEGER NOT NULL,
  item TEXT NOT NULL,
  source TEXT,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  evidence_text TEXT NOT NULL,
  rule TEXT,
  PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;
CREATE INDEX claims_holder ON claims (holder);

CREATE VIRTUAL TABLE article_fts USING fts5 (
  title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
`,
  },
  {
    version: 2,
    name: 'watch-rules',
    sql: `
CREATE TABLE watch_rules (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  actor TEXT,
  actor_keys TEXT NOT NULL,
  type TEXT,
  min_intensity REAL,
  words TEXT,
  created TEXT NOT NULL
);

CREATE TABLE alert_hits (
  rule_id TEXT NOT NULL REFERENCES watch_rules (id) ON DELETE CASCADE,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  event_index INTEGER NOT NULL,
  date TEXT,
  title TEXT,
  type TEXT,
  actor TEXT,
  intensity REAL,
  matched_at TEXT NOT NULL,
  PRIMARY KEY (rule_id, article_id, event_index)
);
CREATE INDEX alert_hits_rule_matched ON alert_hits (rule_id, matched_at);
`,
  },
  {
    version: 3,
    name: 'drop-mentions',
    // Mention offsets live in the analysis record; no query read this table, and it was half of all rows written.
    sql: 'DROP TABLE mentions;',
  },
  {
    version: 4,
    name: 'bodies-apart-and-timeline-tables',
    // Bodies move to their own table and articles is rebuilt without them, so article rows are small and packed:
    // search counts and filters over many articles no longer read a page (or overflow pages) per article.
    // article_filters repeats the few columns a filtered search tests for every full-text hit (a tenth of the
    // article row, so they stay in the page cache), kept in step with articles by every write. The
    // timeline tables hold event and article counts per date and per filterable property, kept up to date by
    // every write (rows never hold zero counts; `date` is '' and `dated` 0 for an undated article, `lang` '' for
    // an unknown language; `month` is the first 7 characters of the date, or the date when shorter). Near copies
    // saved from now on get full-text rowids of their own range (fts-rowid.ts); those saved before keep theirs,
    // listed in fts_legacy_near (moving them would mean deleting full-text rows, which in a contentless FTS5
    // table leaves the row count and token totals, and so every bm25 score, off).
    foreignKeysOff: true,
    sql: `
CREATE TABLE article_bodies (
  seq INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
  body TEXT NOT NULL
);
INSERT INTO article_bodies (seq, body) SELECT seq, body FROM articles ORDER BY seq;

CREATE TABLE articles_v4 (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  simhash TEXT NOT NULL,
  date TEXT,
  lang TEXT,
  title TEXT,
  url TEXT,
  origin TEXT,
  duplicate_of TEXT,
  near_duplicate_of TEXT,
  relevant INTEGER NOT NULL DEFAULT 0,
  relevance REAL,
  saved_at TEXT NOT NULL
);
INSERT INTO articles_v4 (seq, id, content_hash, simhash, date, lang, title, url, origin, duplicate_of, near_duplicate_of,
  relevant, relevance, saved_at)
SELECT seq, id, content_hash, simhash, date, lang, title, url, origin, duplicate_of, near_duplicate_of, relevant, relevance,
  saved_at FROM articles ORDER BY seq;
DROP TABLE articles;
ALTER TABLE articles_v4 RENAME TO articles;
CREATE INDEX articles_date ON articles (date);
CREATE INDEX articles_lang ON articles (lang);
CREATE INDEX articles_near_duplicate_of ON articles (near_duplicate_of);

CREATE TABLE fts_legacy_near (seq INTEGER PRIMARY KEY);
INSERT INTO fts_legacy_near (seq) SELECT seq FROM articles WHERE near_duplicate_of IS NOT NULL ORDER BY seq;

CREATE TABLE article_filters (
  seq INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
  id TEXT NOT NULL,
  date TEXT,
  lang TEXT,
  relevant INTEGER NOT NULL,
  near_duplicate_of TEXT
);
INSERT INTO article_filters (seq, id, date, lang, relevant, near_duplicate_of)
SELECT seq, id, date, lang, relevant, near_duplicate_of FROM articles ORDER BY seq;

CREATE TABLE timeline_event_days (
  near INTEGER NOT NULL,
  negated INTEGER NOT NULL,
  dated INTEGER NOT NULL,
  date TEXT NOT NULL,
  type TEXT NOT NULL,
  lang TEXT NOT NULL,
  relevant INTEGER NOT NULL,
  events INTEGER NOT NULL,
  intensity_sum REAL NOT NULL,
  intensity_max REAL NOT NULL,
  PRIMARY KEY (near, negated, dated, date, type, lang, relevant)
) WITHOUT ROWID;
CREATE TABLE timeline_event_months (
  near INTEGER NOT NULL,
  negated INTEGER NOT NULL,
  dated INTEGER NOT NULL,
  month TEXT NOT NULL,
  type TEXT NOT NULL,
  lang TEXT NOT NULL,
  relevant INTEGER NOT NULL,
  events INTEGER NOT NULL,
  intensity_sum REAL NOT NULL,
  intensity_max REAL NOT NULL,
  PRIMARY KEY (near, negated, dated, month, type, lang, relevant)
) WITHOUT ROWID;
CREATE TABLE timeline_article_days (
  near INTEGER NOT NULL,
  dated INTEGER NOT NULL,
  date TEXT NOT NULL,
  lang TEXT NOT NULL,
  relevant INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  PRIMARY KEY (near, dated, date, lang, relevant)
) WITHOUT ROWID;
INSERT INTO timeline_event_days (near, negated, dated, date, type, lang, relevant, events, intensity_sum, intensity_max)
SELECT a.near_duplicate_of IS NOT NULL, ev.negated <> 0, a.date IS NOT NULL, ifnull(a.date, ''), ev.type, ifnull(a.lang, ''),
  a.relevant <> 0, count(*), sum(ev.intensity), max(ev.intensity)
FROM events ev JOIN articles a ON a.id = ev.article_id GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO timeline_event_months (near, negated, dated, month, type, lang, relevant, events, intensity_sum, intensity_max)
SELECT near, negated, dated, CASE WHEN length(date) >= 7 THEN substr(date, 1, 7) ELSE date END, type, lang, relevant,
  sum(events), sum(intensity_sum), max(intensity_max)
FROM timeline_event_days GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO timeline_article_days (near, dated, date, lang, relevant, articles)
SELECT near_duplicate_of IS NOT NULL, date IS NOT NULL, ifnull(date, ''), ifnull(lang, ''), relevant <> 0, count(*)
FROM articles GROUP BY 1, 2, 3, 4, 5;
`,
  },
  {
    version: 5,
    name: 'byte-pair-simhash-bands',
    // Near-duplicate candidates are looked up by 28 byte-pair bands (nearDuplicateBands) instead of 7 bands of ~9
    // bits: a lookup matched ~1.4% of the store, so ingest slowed in step with the store's size.
    sql: `
DROP TABLE simhash_bands;
CREATE TABLE simhash_bands (
  band TEXT NOT NULL,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
${byteBandRowsSql()}
`,
  },
];
