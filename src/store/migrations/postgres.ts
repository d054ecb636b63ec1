import { byteBandRowsSql } from './byte-pair-bands.js';
import type { Migration } from './migration.js';

/** The PostgreSQL schema, in order. Full text: a tsvector over the stemmed, folded copy made in JS ('simple' config). */
export const POSTGRES_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE TABLE articles (
  id TEXT COLLATE "C" PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  simhash TEXT NOT NULL,
  date TEXT COLLATE "C",
  lang TEXT,
  title TEXT,
  url TEXT,
  body TEXT NOT NULL,
  origin JSONB,
  duplicate_of TEXT,
  near_duplicate_of TEXT,
  relevant BOOLEAN NOT NULL DEFAULT FALSE,
  relevance DOUBLE PRECISION,
  saved_at TEXT NOT NULL,
  search_doc TSVECTOR NOT NULL
);
CREATE INDEX articles_date ON articles (date);
CREATE INDEX articles_lang ON articles (lang);
CREATE INDEX articles_near_duplicate_of ON articles (near_duplicate_of);
CREATE INDEX articles_search_doc ON articles USING GIN (search_doc);

CREATE TABLE simhash_bands (
  position INTEGER NOT NULL,
  band TEXT NOT NULL,
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (position, band, article_id)
);

CREATE TABLE analyses (
  article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  record JSONB NOT NULL,
  pipeline_version TEXT NOT NULL,
  codebook_version TEXT NOT NULL,
  analyzed_at TEXT NOT NULL
);

CREATE TABLE entities (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  codebook_id TEXT,
  mention_count INTEGER NOT NULL,
  PRIMARY KEY (article_id, ord)
);
CREATE INDEX entities_name ON entities (name);
CREATE INDEX entities_codebook_id ON entities (codebook_id);

CREATE TABLE mentions (
  article_id TEXT COLLATE "C" NOT NULL,
  entity_ord INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  rule TEXT,
  PRIMARY KEY (article_id, entity_ord, ord),
  FOREIGN KEY (article_id, entity_ord) REFERENCES entities (article_id, ord) ON DELETE CASCADE
);

CREATE TABLE quotes (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  speaker TEXT,
  speaker_id TEXT,
  text TEXT NOT NULL,
  direct BOOLEAN NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  span_text TEXT NOT NULL,
  rule TEXT,
  PRIMARY KEY (article_id, ord)
);
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE INDEX quotes_speaker_id ON quotes (speaker_id);

CREATE TABLE events (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  type TEXT NOT NULL,
  actor TEXT,
  actor_id TEXT,
  target TEXT,
  target_id TEXT,
  weapon TEXT,
  intensity DOUBLE PRECISION NOT NULL,
  negated BOOLEAN NOT NULL,
  hypothetical BOOLEAN NOT NULL,
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
);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_actor ON events (actor);
CREATE INDEX events_actor_id ON events (actor_id);

CREATE TABLE claims (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  holder TEXT,
  holder_id TEXT,
  quantity DOUBLE PRECISION NOT NULL,
  approx BOOLEAN NOT NULL,
  item TEXT NOT NULL,
  source TEXT,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  evidence_text TEXT NOT NULL,
  rule TEXT,
  PRIMARY KEY (article_id, ord)
);
CREATE INDEX claims_holder ON claims (holder);
`,
  },
  {
    version: 2,
    name: 'watch-rules',
    sql: `
CREATE TABLE watch_rules (
  id TEXT COLLATE "C" PRIMARY KEY,
  name TEXT NOT NULL,
  actor TEXT,
  actor_keys TEXT NOT NULL,
  type TEXT,
  min_intensity DOUBLE PRECISION,
  words TEXT,
  created TEXT NOT NULL
);

CREATE TABLE alert_hits (
  rule_id TEXT COLLATE "C" NOT NULL REFERENCES watch_rules (id) ON DELETE CASCADE,
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  event_index INTEGER NOT NULL,
  date TEXT,
  title TEXT,
  type TEXT,
  actor TEXT,
  intensity DOUBLE PRECISION,
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
    name: 'byte-pair-simhash-bands',
    // Near-duplicate candidates are looked up by 28 byte-pair bands (nearDuplicateBands) instead of 7 bands of ~9
    // bits: a lookup matched ~1.4% of the store, so ingest slowed in step with the store's size.
    sql: `
DROP TABLE simhash_bands;
CREATE TABLE simhash_bands (
  band TEXT NOT NULL,
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (band, article_id)
);
${byteBandRowsSql()}
`,
  },
];
