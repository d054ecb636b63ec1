import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCodebook, type Codebook } from '../codebook/load.js';
import type { Analysis, EventRecord, Span } from '../pipeline/analysis.js';
import { contentHash, nearDuplicateBands, simhash } from '../read/index.js';
import { openStore } from '../store/store.js';
import { cameoActor } from './actor-codes.js';
import { cameoCode, cameoEvent } from './cameo.js';
import { csvField, csvRow } from './csv.js';
import { GDELT_COLUMNS } from './gdelt.js';
import { leadEnd } from './formats.js';
import { analysisRecords, eventRows } from './stream.js';
import { resolveNames } from '../codebook/resolve-name.js';
import { runGeiger, type GeigerRun } from '../../test/helpers/run-geiger.js';

const dir = mkdtempSync(join(tmpdir(), 'geiger-export-'));
const db = join(dir, 'store.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const geiger = (args: string[]): Promise<GeigerRun> => runGeiger(args);

const at = (text: string, needle: string): Span => {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { start, end: start + needle.length, text: needle };
};

const TEXT_A = 'Putin said the "special" weapons, stored in Belarus, were ready. NATO, in Brussels, condemned the move.';
const TEXT_B = 'Moscow threatened London with a nuclear strike. Washington imposed new sanctions on Russian banks.';

function event(text: string, e: Omit<EventRecord, 'evidence'> & { evidence: string }): EventRecord {
  return { ...e, evidence: at(text, e.evidence) };
}

const ARTICLES: { id: string; date: string; title: string; text: string; events: EventRecord[] }[] = [
  {
    id: 'a', date: '2023-03-25', title: 'Weapons "ready", says Putin, in Belarus', text: TEXT_A,
    events: [
      event(TEXT_A, { type: 'DEPLOY', actor: 'Vladimir Putin', target: 'Belarus', weapon: 'nonstrategic nuclear weapons', intensity: 7, evidence: 'the "special" weapons, stored in Belarus, were ready' }),
      event(TEXT_A, { type: 'CONDEMN', actor: 'NATO', target: 'Vladimir Putin', weapon: null, intensity: 4, evidence: 'NATO, in Brussels, condemned the move' }),
    ],
  },
  {
    id: 'b', date: '2023-04', title: 'Threat and sanctions', text: TEXT_B,
    events: [
      event(TEXT_B, { type: 'THREATEN', actor: 'Moscow', target: 'London', weapon: null, intensity: 9, evidence: 'Moscow threatened London with a nuclear strike' }),
      event(TEXT_B, { type: 'SANCTION', actor: 'United States', target: 'Russia', weapon: null, intensity: 5, evidence: 'Washington imposed new sanctions on Russian banks' }),
    ],
  },
];

let codebook: Codebook;
const ids: Record<string, string> = {};

beforeAll(async () => {
  codebook = loadCodebook();
  const idOf = (name: string) => codebook.entries.find((e) => e.name === name)?.id;
  for (const name of ['Vladimir Putin', 'Belarus', 'NATO', 'Moscow', 'London', 'United States', 'Russia']) {
    const id = idOf(name);
    if (!id) throw new Error(`fixture: no codebook entry named ${name}`);
    ids[name] = id;
  }
  const store = await openStore({ db, url: '' });
  for (const a of ARTICLES) {
    const events = a.events.map((e) => ({ ...e, ...(e.actor ? { actorId: ids[e.actor] } : {}) }));
    const entities = [...new Set(a.events.flatMap((e) => [e.actor, e.target]).filter((n): n is string => n !== null))]
      .map((name) => ({ type: codebook.byId.get(ids[name])!.type, name, id: ids[name], mentions: [] }));
    const analysis: Analysis = { id: a.id, date: a.date, lang: 'en', relevant: true, title: a.title, entities, quotes: [], events, claims: [] };
    const fp = simhash(a.text);
    await store.saveArticle({
      article: { id: a.id, date: a.date, text: a.text, title: a.title, lang: 'en', url: `https://news.example/${a.id}` },
      analysis, contentHash: contentHash(a.text), simhash: fp, bands: nearDuplicateBands(fp), pipelineVersion: 'p', codebookVersion: 'c',
    });
  }
  await store.close();
});

describe('csv', () => {
  it('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvRow(['x', 3, true, null])).toBe('x,3,true,');
  });
});

describe('CAMEO crosswalk', () => {
  const facts = { weapon: null, intensity: 5, hypothetical: false, action: null, evidence: 'said something' } as const;
  it('maps our event types to CAMEO codes with Goldstein values and quad classes', () => {
    expect(cameoEvent({ ...facts, type: 'THREATEN', evidence: 'threatened a nuclear strike' })).toEqual({ code: '1385', goldstein: -7, quadClass: 3 });
    expect(cameoCode({ ...facts, type: 'THREATEN' })).toBe('138');
    expect(cameoEvent({ ...facts, type: 'DEPLOY' })).toEqual({ code: '154', goldstein: -7.2, quadClass: 4 });
    expect(cameoCode({ ...facts, type: 'TREATY', action: 'suspend' })).toBe('160');
    expect(cameoCode({ ...facts, type: 'TREATY', action: 'sign' })).toBe('057');
    expect(cameoEvent({ ...facts, type: 'SANCTION', hypothetical: true })).toEqual({ code: '1312', goldstein: -5.8, quadClass: 3 });
    expect(cameoEvent({ ...facts, type: 'REASSURE' })).toEqual({ code: '0356', goldstein: 7, quadClass: 1 });
  });

  it('derives CAMEO actor codes from codebook entries', () => {
    expect(cameoActor(codebook, 'Vladimir Putin', ids['Vladimir Putin']).code).toBe('RUSGOV');
    expect(cameoActor(codebook, 'NATO', ids.NATO)).toMatchObject({ code: 'IGOWSTNAT', knownGroupCode: 'NAT' });
    expect(cameoActor(codebook, 'Moscow', ids.Moscow)).toMatchObject({ code: 'RUSGOV', countryCode: 'RUS' });
    expect(cameoActor(codebook, 'Belarus', ids.Belarus)).toMatchObject({ code: 'BLR', name: 'BELARUS' });
    expect(cameoActor(codebook, 'the West', null)).toMatchObject({ code: '', name: 'THE WEST' });
  });

  it('finds the lead paragraph past a short title line', () => {
    const body = `Short title\n\n${'x'.repeat(150)}\n\nmore`;
    expect(leadEnd(body)).toBe(13 + 150);
  });
});

describe('geiger export', () => {
  it('writes events as CSV with a header and RFC 4180 quoting', { timeout: 120_000 }, async () => {
    const { code, stdout } = await geiger(['export', '--format', 'csv', '--db', db]);
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0].split(',')[0]).toBe('article_id');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(stdout).toContain('"the ""special"" weapons, stored in Belarus, were ready"');
    expect(stdout).toContain('"Weapons ""ready"", says Putin, in Belarus"');
  });

  it('writes GDELT 2.0 event rows of 61 tab-separated columns with CAMEO codes', { timeout: 120_000 }, async () => {
    expect(GDELT_COLUMNS).toHaveLength(61);
    const { code, stdout } = await geiger(['export', '--format', 'gdelt', '--db', db]);
    expect(code).toBe(0);
    const rows = stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r).toHaveLength(61);
    const col = (r: string[], name: string) => r[GDELT_COLUMNS.indexOf(name)];
    const threat = rows.find((r) => col(r, 'EventCode') === '1385')!;
    expect(col(threat, 'Actor1Code')).toBe('RUSGOV');
    expect(col(threat, 'Actor2Code')).toBe('GBRGOV');
    expect(col(threat, 'GoldsteinScale')).toBe('-7.0');
    expect(col(threat, 'SQLDATE')).toBe('20230401');
    expect(col(threat, 'SOURCEURL')).toBe('https://news.example/b');
    const deploy = rows.find((r) => col(r, 'EventCode') === '154')!;
    expect(col(deploy, 'EventRootCode')).toBe('15');
    expect(col(deploy, 'QuadClass')).toBe('4');
    expect(col(deploy, 'SQLDATE')).toBe('20230325');
    expect(col(deploy, 'Year')).toBe('2023');
  });

  it('refuses the gdelt format for analyses with a usage error', { timeout: 120_000 }, async () => {
    const bad = await geiger(['export', '--format', 'gdelt', '--what', 'analyses', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/events only/);
  });
});

describe('export streams', () => {
  it('filter events by type and by an actor name in any language, and analyses by date', async () => {
    const store = await openStore({ db, url: '' });
    try {
      const collect = async <T>(source: AsyncIterable<T>): Promise<T[]> => { const out: T[] = []; for await (const x of source) out.push(x); return out; };
      expect((await collect(eventRows(store, { type: ['CONDEMN'] }))).map((e) => e.type)).toEqual(['CONDEMN']);
      const navo = await collect(eventRows(store, { actor: resolveNames(codebook, ['Navo']) }));
      expect(navo.map((e) => e.actor)).toEqual(['NATO']);
      expect((await collect(analysisRecords(store, { from: '2023-04' }))).map((a) => a.id)).toEqual(['b']);
    } finally {
      await store.close();
    }
  });
});
