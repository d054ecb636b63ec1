import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/** The machine the bench ran on: CPU model, cores, memory, Node version, date and commit. */
export function machineInfo(root) {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':')[1].trim();
  } catch { /* not Linux */ }
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch { /* not a git checkout */ }
  return {
    cpu, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version,
    platform: `${process.platform} ${process.arch}`, date: new Date().toISOString(), commit,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
