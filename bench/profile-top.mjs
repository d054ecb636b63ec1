import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';

/** Runs `work` under the V8 CPU profiler (200 µs sampling); returns the profile and the wall seconds of `work`. */
export async function cpuProfile(work) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  return { profile, seconds, result };
}

/** Prints the top `count` functions of a profile by self time. */
export function printTop(profile, count = 30) {
  for (const row of topFunctions(profile).slice(0, count)) {
    console.log(`${(row.share * 100).toFixed(1).padStart(5)}%  ${row.ms.toFixed(0).padStart(7)} ms  ${row.fn}`);
  }
}

/** Sums self time per function (file:line) in a V8 .cpuprofile; returns rows sorted by self time. */
export function topFunctions(profile, root = process.cwd()) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const dt = deltas[i] ?? 0;
    total += dt;
    const cf = node.callFrame;
    const file = cf.url ? relative(root, cf.url.replace(/^file:\/\//, '')) : '(native)';
    const key = `${cf.functionName || '(anonymous)'} ${file}:${cf.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]).map(([fn, us]) => ({ fn, ms: us / 1000, share: us / total }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, count = '25'] = process.argv.slice(2);
  if (!file) { console.error('usage: node bench/profile-top.mjs FILE.cpuprofile [N]'); process.exit(2); }
  printTop(JSON.parse(readFileSync(file, 'utf8')), Number(count));
}
