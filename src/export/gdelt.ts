import { createHash } from 'node:crypto';
import type { Codebook } from '../codebook/load.js';
import type { StoredEvent } from '../store/store.js';
import { cameoActor, type CameoActor } from './actor-codes.js';
import { cameoEvent } from './cameo.js';

const ACTOR_COLUMNS = (n: 1 | 2) => [
  `Actor${n}Code`, `Actor${n}Name`, `Actor${n}CountryCode`, `Actor${n}KnownGroupCode`, `Actor${n}EthnicCode`,
  `Actor${n}Religion1Code`, `Actor${n}Religion2Code`, `Actor${n}Type1Code`, `Actor${n}Type2Code`, `Actor${n}Type3Code`,
];
const GEO_COLUMNS = (prefix: string) => [
  `${prefix}_Type`, `${prefix}_FullName`, `${prefix}_CountryCode`, `${prefix}_ADM1Code`, `${prefix}_ADM2Code`,
  `${prefix}_Lat`, `${prefix}_Long`, `${prefix}_FeatureID`,
];

/** The 61 columns of the GDELT 2.0 event table, in order. */
export const GDELT_COLUMNS: readonly string[] = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...ACTOR_COLUMNS(1), ...ACTOR_COLUMNS(2),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...GEO_COLUMNS('Actor1Geo'), ...GEO_COLUMNS('Actor2Geo'), ...GEO_COLUMNS('ActionGeo'),
  'DATEADDED', 'SOURCEURL',
];

/** What the GDELT row needs of the event's article. */
export interface GdeltArticle {
  url: string | null;
  savedAt: string;
  /** Offset where the lead paragraph ends (events before it are root events). */
  leadEnd: number;
  /** This article and its stored near copies. */
  articles: number;
  /** Distinct source hosts among them (at least 1). */
  sources: number;
}

/** A stable numeric event id (48 bits of SHA-1 over article id, evidence offsets and type). */
export function globalEventId(e: StoredEvent): number {
  const digest = createHash('sha1').update(`${e.articleId}\u0000${e.evidence.start}\u0000${e.evidence.end}\u0000${e.type}`).digest('hex');
  return parseInt(digest.slice(0, 12), 16);
}

function dateFields(date: string | null): string[] {
  const m = date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date) : null;
  if (!m) return ['', '', '', ''];
  const [, year, month = '01', day = '01'] = m;
  const fraction = (Number(year) + (Number(month) * 30 + Number(day)) / 365).toFixed(4);
  return [`${year}${month}${day}`, `${year}${month}`, year, fraction];
}

function actorFields(a: CameoActor): string[] {
  return [a.code, a.name, a.countryCode, a.knownGroupCode, '', '', '', a.type1Code, '', ''];
}

function dateAdded(savedAt: string): string {
  return savedAt.replace(/[-:T]/g, '').slice(0, 14);
}

/** One event as a GDELT 2.0 event row (61 fields; our tab-free values, geography left empty). */
export function gdeltRow(codebook: Codebook, e: StoredEvent, article: GdeltArticle): string[] {
  const cameo = cameoEvent({
    type: e.type, weapon: e.weapon, intensity: e.intensity, hypothetical: e.hypothetical, action: e.action, evidence: e.evidence.text,
  });
  const noGeo = ['0', '', '', '', '', '', '', ''];
  const row = [
    String(globalEventId(e)), ...dateFields(e.when ?? e.date),
    ...actorFields(cameoActor(codebook, e.actor, e.actorId)), ...actorFields(cameoActor(codebook, e.target, e.targetId)),
    e.evidence.start < article.leadEnd ? '1' : '0',
    cameo.code, cameo.code.slice(0, 3), cameo.code.slice(0, 2), String(cameo.quadClass), cameo.goldstein.toFixed(1),
    String(article.articles), String(article.sources), String(article.articles), '',
    ...noGeo, ...noGeo, ...noGeo,
    dateAdded(article.savedAt), article.url ?? '',
  ];
  return row.map((v) => v.replace(/[\t\r\n]+/g, ' '));
}
