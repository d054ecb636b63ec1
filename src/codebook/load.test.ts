import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GeigerError } from '../errors.js';
import { loadCodebook } from './load.js';

function codebookDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'geiger-cb-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function loadError(files: Record<string, string>): GeigerError {
  try {
    loadCodebook(codebookDir(files));
  } catch (e) {
    return e as GeigerError;
  }
  throw new Error('expected the codebook to be rejected');
}

const PUTIN = '- id: person.vladimir-putin\n  type: PERSON\n  name: Vladimir Putin\n  aliases:\n    nl: [Poetin]\n';

describe('loadCodebook', () => {
  it('loads entries, role words and a version hash that changes with the content', () => {
    const a = loadCodebook(codebookDir({ 'people/ru.yaml': PUTIN, 'roles.yaml': '- role: president\n  words:\n    nl: [president]\n' }));
    expect(a.byId.get('person.vladimir-putin')?.aliases?.nl).toEqual(['Poetin']);
    expect(a.roles[0].role).toBe('president');
    const b = loadCodebook(codebookDir({ 'people/ru.yaml': PUTIN.replace('Poetin', 'Poetin, Wladimir Poetin') }));
    expect(b.version).not.toBe(a.version);
  });

  it('names the file and line of an entry that breaks the schema', () => {
    const err = loadError({ 'people/ru.yaml': `${PUTIN}- id: person.nobody\n  type: HUMAN\n  name: Nobody\n` });
    expect(err.code).toBe('CODEBOOK_INVALID');
    expect(err.file).toMatch(/people\/ru\.yaml$/);
    expect(err.line).toBe(7);
    expect(err.message).toMatch(/type/);
  });

  it('names the file and line of a YAML syntax error', () => {
    const err = loadError({ 'weapons.yaml': '- id: weapon.x\n  type: WEAPON\n  name: [unclosed\n' });
    expect(err.file).toMatch(/weapons\.yaml$/);
    expect(err.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects an id used twice, naming the second place', () => {
    const err = loadError({ 'people/a.yaml': PUTIN, 'people/b.yaml': PUTIN });
    expect(err.message).toMatch(/duplicate id person\.vladimir-putin/);
    expect(err.file).toMatch(/people\/b\.yaml$/);
  });

  it('validates a cue file against the schema the stage asks for', () => {
    const cb = loadCodebook(codebookDir({ 'cues/speech.yaml': 'verbs:\n  nl: [zei]\n  en: 12\n' }));
    const schema = z.object({ verbs: z.object({ nl: z.array(z.string()), en: z.array(z.string()) }) });
    expect(() => cb.cues('speech', schema)).toThrow(GeigerError);
    try { cb.cues('speech', schema); } catch (e) { expect((e as GeigerError).line).toBe(3); }
  });

  it('loads the bundled nuclear codebook', () => {
    const cb = loadCodebook();
    expect(cb.entries.length).toBeGreaterThan(0);
  });
});
