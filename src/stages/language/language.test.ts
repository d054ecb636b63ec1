import { eld } from 'eld/medium';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline/create.js';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NgramDetector } from './ngram-detector.js';
import { eldSourceDir, loadNgramTable, ngramKey, parseNgramDatabase } from './ngram-table.js';

const eldSrc = eldSourceDir();

const SUBSET = ['nl', 'en', 'de', 'fr', 'es', 'it', 'pt', 'ru', 'uk', 'pl', 'sv', 'da', 'no', 'fi', 'cs', 'tr'];

const SENTENCES = [
  'De minister zei gisteren dat de onderhandelingen over het verdrag volgende week worden hervat.',
  'The committee will publish its findings once every member has read the final draft.',
  'Die Regierung kündigte an, dass die Gespräche über das Abkommen im Herbst fortgesetzt werden.',
  'Le gouvernement a annoncé que les discussions reprendront après les élections régionales.',
  'El ministro dijo que las conversaciones continuarán la próxima semana en la capital.',
  'Министр заявил, что переговоры продолжатся на следующей неделе.',
  "Zo'n reactie had niemand verwacht, zei de woordvoerder: 'we zijn verrast'.",
  'Ærø og Øresund ligger i Danmark, og færgen sejler hver time.',
  '12345 67890 !!! ??? ...',
  '',
];

/** Seeded strings mixing letters, accents, apostrophes, Cyrillic, emoji and digits. */
function randomTexts(count: number): string[] {
  const chars = [..."aeiouxyzAEKTßéèëïöüçñłşğ ЖжПр ’'`.,;-–—\n\t\u00a0\u00ad1234567890😀𝐀İΣσς\u0301\"«»“”"];
  let seed = 42;
  const next = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let s = '';
    const length = Math.floor(next() * 1300);
    for (let i = 0; i < length; i++) s += chars[Math.floor(next() * chars.length)];
    out.push(s);
  }
  return out;
}

describe('language detection', () => {
  eld.dynamicLangSubset(SUBSET);

  it('reports exactly what eld reports for the same language subset', () => {
    const detector = new NgramDetector(SUBSET);
    for (const text of [...SENTENCES, ...randomTexts(300)]) expect(detector.detect(text)).toBe(eld.detect(text).language);
  });

  it('holds every n-gram of eld\'s database with its scores', async () => {
    const { ngramsData } = (await import(pathToFileURL(join(eldSrc, 'ngrams', 'medium.js')).href)) as {
      ngramsData: { ngrams: Record<string, Record<string, number>> };
    };
    const table = await loadNgramTable(join(eldSrc, 'ngrams', 'medium.js'));
    const names = Object.keys(ngramsData.ngrams);
    expect(table.size).toBe(names.length);
    for (const name of names) {
      const id = table.find(ngramKey(name));
      expect(id).toBeGreaterThanOrEqual(0);
      const pairs: Record<string, number> = {};
      for (let k = table.offsets[id]; k < table.offsets[id + 1]; k += 2) pairs[table.pool[k]] = table.pool[k + 1];
      expect(pairs).toEqual(ngramsData.ngrams[name]);
    }
    expect(table.find(ngramKey(' zzzq '))).toBe(-1);
  });

  it('reads quoted, escaped and bare keys, and names the file of a malformed database', () => {
    const parsed = parseNgramDatabase(`export const ngramsData={languages:{0:'am',1:'en'},ngrams:{ab:{1:4},'a\\'b ':{0:-2,1:7},"x'":{0:1}}};`, 'db.js');
    expect(parsed.languages).toEqual({ 0: 'am', 1: 'en' });
    expect([...parsed.keys]).toEqual([ngramKey('ab'), ngramKey("a'b "), ngramKey("x'")]);
    expect([...parsed.offsets]).toEqual([0, 2, 6, 8]);
    expect([...parsed.pool]).toEqual([1, 4, 0, -2, 1, 7, 0, 1]);
    expect(() => parseNgramDatabase('export const ngramsData={languages:{0:am}', 'broken.js')).toThrow(/broken\.js: not an eld n-gram database/);
  });

  it('names the database file when it cannot load it', async () => {
    await expect(loadNgramTable('/nonexistent/eld-medium.js')).rejects.toThrow(/eld-medium\.js/);
  });

  it('sets the document language when the source gives none', () => {
    const p = createPipeline();
    expect(p.analyze({ id: 't', date: null, text: SENTENCES[0] }).lang).toBe('nl');
    expect(p.analyze({ id: 't', date: null, text: SENTENCES[2], lang: 'en' }).lang).toBe('en');
  });
});
