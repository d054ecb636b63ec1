import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { generateArticles, toJsonl } from '../corpus/generate.mjs';

const GEIGER = new URL('../../bin/geiger.js', import.meta.url).pathname;

/** Writes (once; cached by size and seed) a JSON Lines file of generated articles of about `mb` megabytes. */
export async function jsonlFile(outDir, mb, seed) {
  const file = join(outDir, `ingest-${mb}MB-seed${seed}.jsonl`);
  if (existsSync(file)) return file;
  const tmp = `${file}.writing`;
  const out = createWriteStream(tmp);
  let chunk = '';
  for (const a of generateArticles({ seed, bytes: mb * 1e6, start: 10_000_000 })) {
    chunk += `${toJsonl(a)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  renameSync(tmp, file);
  return file;
}

function readStatus(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** Runs `geiger ingest FILE --db DB` in a child process, sampling its RSS from /proc every 100 ms (VmHWM is the peak). */
export async function benchMemory({ outDir, mb, seed, log }) {
  log(`  writing/reusing a ${mb} MB JSONL file`);
  const file = await jsonlFile(outDir, mb, seed);
  const db = join(outDir, 'memory-bench.db');
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  log(`  geiger ingest ${file}`);
  const started = performance.now();
  const child = spawn(process.execPath, [GEIGER, 'ingest', file, '--db', db, '--quiet', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  let peakKb = 0;
  let maxRssKb = 0;
  let samples = 0;
  const timer = setInterval(() => {
    const s = readStatus(child.pid);
    if (!s) return;
    samples++;
    if (s.hwm > peakKb) peakKb = s.hwm;
    if (s.rss > maxRssKb) maxRssKb = s.rss;
  }, 100);
  const [code] = await once(child, 'close');
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  let summary = null;
  try {
    summary = JSON.parse(stdout.trim().split('\n').pop());
  } catch { /* reported below */ }
  return {
    fileMB: statSync(file).size / 1e6, exitCode: code, seconds, samples,
    peakRssMB: peakKb / 1024, maxSampledRssMB: maxRssKb / 1024,
    articles: summary?.read ?? null, stored: summary?.new ?? null,
    articlesPerSecond: summary?.read ? summary.read / seconds : null,
    ...(code !== 0 ? { error: stderr.trim().split('\n').slice(-3).join(' | ') } : {}),
  };
}
