import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGeiger, type GeigerRun } from './helpers/run-geiger.js';


const geiger = (args: string[], input?: string): Promise<GeigerRun> => runGeiger(args, { input });

function workdir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'geiger-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const SEED = ' date 2023-03-29 Poetin kondigde woensdag aan dat Rusland tactische kernwapens in Belarus plaatst. De Navo veroordeelde de stap.';

describe('geiger CLI as a real process', () => {
  it('analyze --json prints one record per document with the seed date', async () => {
    const dir = workdir({ 'a.txt': SEED, 'b.txt': 'Een kort bericht zonder datum over het weer in Utrecht.' });
    const { code, stdout } = await geiger(['analyze', dir, '--json']);
    expect(code).toBe(0);
    const records = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(records[0].date).toBe('2023-03-29');
    expect(records[1].date).toBeNull();
    const names = records[0].entities.map((e: { name: string }) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Vladimir Putin', 'Belarus', 'NATO']));
  });

  it('reports a bad file with its path and reason, analyses the rest and exits non-zero', async () => {
    const dir = workdir({ 'good.txt': SEED, 'bad.txt': Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]), 'rows.jsonl': '{"id":"r1","date":"2023-03","text":"De VS stoppen met delen."}\n{not json\n' });
    const { code, stdout, stderr } = await geiger(['analyze', dir, '--json']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad\.txt/);
    expect(stderr).toMatch(/rows\.jsonl:2/);
    const ids = stdout.trim().split('\n').map((l) => JSON.parse(l).id);
    expect(ids).toEqual(expect.arrayContaining(['good', 'r1']));
  });

  it('names a missing path', async () => {
    const { code, stderr } = await geiger(['analyze', '/no/such/file.txt']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/\/no\/such\/file\.txt/);
  });

  it('explain shows evidence in context with rule ids', async () => {
    const dir = workdir({ 'a.txt': SEED });
    const { code, stdout } = await geiger(['explain', join(dir, 'a.txt')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/ENTITY {2}PERSON Vladimir Putin {2}\[codebook\.alias\]/);
    expect(stdout).toMatch(/⟦Poetin⟧/);
  });

  it('eval scores gold against texts and enforces floors', async () => {
    const dir = workdir({
      'a.txt': SEED,
      'gold.jsonl': `${JSON.stringify({ id: 'a', lang: 'nl', relevant: true, entities: [{ type: 'PERSON', names: ['Vladimir Putin'] }, { type: 'LOC', names: ['Atlantis'] }], quotes: [], events: [], claims: [] })}\n`,
    });
    const ok = await geiger(['eval', '--gold', join(dir, 'gold.jsonl'), '--texts', dir, '--json']);
    expect(ok.code).toBe(0);
    const result = JSON.parse(ok.stdout);
    expect(result.scores.entities.tp).toBe(1);
    expect(result.scores.entities.fn).toBe(1);
    writeFileSync(join(dir, 'floors.json'), JSON.stringify({ 'gold.jsonl': { entities: 0.99 } }));
    const low = await geiger(['eval', '--gold', join(dir, 'gold.jsonl'), '--texts', dir, '--floors', join(dir, 'floors.json')]);
    expect(low.code).toBe(1);
    expect(low.stderr).toMatch(/below floor: entities/);
  });

  it('analyze reads stdin with -', async () => {
    const { code, stdout } = await geiger(['analyze', '-', '--json'], `${JSON.stringify({ id: 's1', date: '2024-05', text: 'Rusland hield een oefening.' })}\n`);
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim()).id).toBe('s1');
  });

  it('rejects an unknown command and unknown options with usage', async () => {
    expect((await geiger(['frobnicate'])).code).toBe(2);
    const r = await geiger(['analyze', '--nope', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope/);
  });

  it('the demo command summarises the bundled corpus', async () => {
    const { code, stdout } = await geiger(['demo']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/articles: \d+/);
    expect(readFileSync(join(import.meta.dirname, '..', 'corpus', 'demo', 'demo.jsonl'), 'utf8').length).toBeGreaterThan(0);
  });
});
