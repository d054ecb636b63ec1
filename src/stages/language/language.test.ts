import { eld } from 'eld/medium';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../pipeline/create.js';
import { NgramDetector } from './ngram-detector.js';

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

  it('reports the same languages after its n-gram table starts over', () => {
    const detector = new NgramDetector(SUBSET, 50);
    for (const text of [...SENTENCES, ...SENTENCES, ...randomTexts(50)]) expect(detector.detect(text)).toBe(eld.detect(text).language);
  });

  it('sets the document language when the source gives none', () => {
    const p = createPipeline();
    expect(p.analyze({ id: 't', date: null, text: SENTENCES[0] }).lang).toBe('nl');
    expect(p.analyze({ id: 't', date: null, text: SENTENCES[2], lang: 'en' }).lang).toBe('en');
  });
});
