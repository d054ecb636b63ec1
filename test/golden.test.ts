import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../src/pipeline/analysis.js';
import { createPipeline } from '../src/pipeline/create.js';
import { parseSeedText } from '../src/read/index.js';

const DIR = join(import.meta.dirname, 'fixtures', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const pipeline = createPipeline();

/** The reviewed, stable part of a record: what the golden files pin down. */
function project(a: Analysis) {
  return {
    lang: a.lang,
    date: a.date,
    relevant: a.relevant,
    entities: a.entities.map((e) => `${e.type} ${e.name}`).sort(),
    quotes: a.quotes.map((q) => ({ speaker: q.speaker, direct: q.direct, text: q.text })),
    events: a.events.map((e) => ({ type: e.type, actor: e.actor, target: e.target, weapon: e.weapon, intensity: e.intensity })),
    claims: a.claims.map((c) => ({ holder: c.holder, quantity: c.quantity, approx: c.approx, item: c.item })),
  };
}

describe('golden fixtures (<case>.txt + <case>.expected.json)', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.replace(/\.txt$/, '');
    it(`analyses ${name} as reviewed`, () => {
      const { date, body } = parseSeedText(readFileSync(join(DIR, file), 'utf8'));
      const record = pipeline.analyze({ id: name, date, text: body });
      for (const e of record.entities) for (const m of e.mentions) expect(body.slice(m.start, m.end)).toBe(m.text);
      const actual = project(record);
      const expectedFile = join(DIR, `${name}.expected.json`);
      if (UPDATE) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(existsSync(expectedFile), `${expectedFile} is missing: review the output and run with UPDATE_GOLDEN=1`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
