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

/**
 * The machine's CPU seconds since boot, all cores summed, from /proc/stat (Linux): `busy` (user, nice, system, irq,
 * softirq) and `steal` (time the hypervisor gave to other guests); zeros elsewhere.
 */
export function machineCpu() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { busy: (f[0] + f[1] + f[2] + f[5] + f[6]) / 100, steal: (f[7] ?? 0) / 100 };
  } catch {
    return { busy: 0, steal: 0 };
  }
}
