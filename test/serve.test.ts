import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GEIGER_BIN, runGeiger, type GeigerRun } from './helpers/run-geiger.js';

const dirs: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'geiger-serve-'));
  dirs.push(dir);
  return join(dir, 'store.db');
}

const geiger = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<GeigerRun> => runGeiger(args, { env });

/** Starts a long-running geiger command and resolves with the first URL it prints. */
function startServing(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcessWithoutNullStreams; url: string; stdout: () => string }> {
  const child = spawn('node', [GEIGER_BIN, ...args], { env: { ...process.env, GEIGER_DATABASE_URL: '', GEIGER_TOKEN: '', ...env } });
  children.push(child);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve({ child, url: m[1], stdout: () => out });
    });
    child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.on('exit', (code) => reject(new Error(`exited ${code} before serving: ${out}${err}`)));
  });
}

/** Each case starts several node processes; on a loaded machine each start can take many seconds. */
const SLOW = 240_000;

const exited = (child: ChildProcessWithoutNullStreams): Promise<number | null> =>
  new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))));

describe('geiger watch as a real process', () => {
  it('adds, lists and removes watch rules in the store', async () => {
    const db = tempDb();
    const added = await geiger(['watch', 'add', '--name', 'Poetin dreigt', '--actor', 'Poetin', '--type', 'threaten', '--min-intensity', '6', '--db', db]);
    expect(added.code).toBe(0);
    const [id, name, conditions] = added.stdout.trim().split('\t');
    expect(id).toMatch(/^poetin-dreigt-[0-9a-f]{6}$/);
    expect(name).toBe('Poetin dreigt');
    expect(conditions).toBe('actor=Poetin type=THREATEN min-intensity=6');
    await geiger(['watch', 'add', '--name', 'test', '--words', 'Minuteman test', '--db', db]);

    const listed = await geiger(['watch', 'list', '--json', '--db', db]);
    const rules = listed.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rules.map((r) => r.name)).toEqual(['Poetin dreigt', 'test']);
    expect(rules[0].actorKeys).toEqual(expect.arrayContaining(['Vladimir Putin', 'person.vladimir-putin']));
    expect(rules[1].words).toBe('minuteman test');

    expect((await geiger(['watch', 'rm', id, '--db', db])).code).toBe(0);
    const again = await geiger(['watch', 'rm', id, '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no watch rule with id/);
    expect((await geiger(['watch', 'list', '--db', db])).stdout.trim().split('\n')).toHaveLength(1);
  }, SLOW);

  it('refuses a rule without conditions or with a bad type, with usage exit code 2', async () => {
    const db = tempDb();
    const empty = await geiger(['watch', 'add', '--name', 'nothing', '--db', db]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/at least one of actor, type, minIntensity or words/);
    const bad = await geiger(['watch', 'add', '--name', 'x', '--type', 'boast', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--type: unknown event type "BOAST"/);
  }, SLOW);
});

describe('geiger serve as a real process', () => {
  it('prints its URL for --port 0, answers /api/stats, refuses writes without a token, stops on SIGTERM', async () => {
    const db = tempDb();
    const { child, url } = await startServing(['serve', '--db', db, '--port', '0']);
    const stats = await fetch(`${url}/api/stats`);
    expect(stats.status).toBe(200);
    expect(await stats.json()).toMatchObject({ articles: 0, events: 0 });
    const write = await fetch(`${url}/api/articles`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(write.status).toBe(403);
    expect((await fetch(`${url}/openapi.json`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  }, SLOW);

  it('accepts writes with GEIGER_TOKEN and fires alerts on ingest', async () => {
    const db = tempDb();
    expect((await geiger(['watch', 'add', '--name', 'putin', '--actor', 'Putin', '--db', db])).code).toBe(0);
    const { child, url } = await startServing(['serve', '--db', db, '--port', '0'], { GEIGER_TOKEN: 'wire-token' });
    const res = await fetch(`${url}/api/articles`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer wire-token' },
      body: JSON.stringify({ id: 'p1', date: '2024-03-01', text: 'Poetin sprak vrijdag in Moskou over nieuwe raketten en kernwapens.' }),
    });
    expect(await res.json()).toMatchObject({ new: 1, alertHits: 1 });
    const rules = await (await fetch(`${url}/api/alerts/rules`)).json();
    const feed = await (await fetch(`${url}/alerts/${rules[0].id}.atom`)).text();
    expect(feed).toContain(`${url}/article/p1`);
    child.kill('SIGINT');
    expect(await exited(child)).toBe(0);
  }, SLOW);

  it('rejects a bad --port with usage exit code 2', async () => {
    const r = await geiger(['serve', '--port', 'eighty', '--db', tempDb()]);
    expect(r.stderr).toMatch(/--port must be a number from 0 to 65535/);
    expect(r.code).toBe(2);
  }, SLOW);
});

describe('geiger start as a real process', () => {
  it('fills an empty store with the demo corpus, then serves it', async () => {
    const db = tempDb();
    const { child, url, stdout } = await startServing(['start', '--db', db, '--port', '0']);
    expect(stdout()).toMatch(/stored \d+ demo articles/);
    const stats = await (await fetch(`${url}/api/stats`)).json();
    expect(stats.articles).toBeGreaterThan(40);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    const second = await startServing(['start', '--db', db, '--port', '0']);
    expect(second.stdout()).not.toMatch(/stored/);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  }, SLOW);
});
