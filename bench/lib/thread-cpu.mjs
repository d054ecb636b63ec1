import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds (user + system) of every live thread of this process, by thread id, read from /proc (Linux); an
 * empty map elsewhere. The main thread's id is the pid.
 */
export function threadCpu() {
  let tids;
  try { tids = readdirSync('/proc/self/task'); } catch { return new Map(); }
  const out = new Map();
  for (const tid of tids) {
    try {
      const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch { /* the thread ended between the listing and the read */ }
  }
  return out;
}

/** CPU seconds each thread used between two `threadCpu` readings (threads that started in between count from 0). */
export function cpuBetween(before, after) {
  const out = new Map();
  for (const [tid, seconds] of after) out.set(tid, seconds - (before.get(tid) ?? 0));
  return out;
}
