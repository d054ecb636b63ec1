import type { Analysis } from '../pipeline/analysis.js';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, ' ');

/** A readable summary of one analysis record, for terminals. */
export function formatSummary(a: Analysis): string {
  const lines: string[] = [];
  lines.push(`━━ ${a.id}  ${a.date ?? 'undated'}  ${a.lang}  ${a.relevant ? 'RELEVANT' : 'not relevant'}${a.title ? `  ${clip(a.title, 70)}` : ''}`);
  const byType = new Map<string, string[]>();
  for (const e of a.entities) byType.set(e.type, [...(byType.get(e.type) ?? []), `${e.name}${e.mentions.length > 1 ? ` ×${e.mentions.length}` : ''}`]);
  for (const [type, names] of byType) lines.push(`  ${type.padEnd(7)} ${names.join(', ')}`);
  for (const e of a.events) {
    lines.push(`  EVENT   ${e.type.padEnd(9)} ${String(e.intensity).padStart(2)}  ${e.actor ?? '?'}${e.target ? ` → ${e.target}` : ''}${e.weapon ? ` [${e.weapon}]` : ''}  «${clip(e.evidence.text, 80)}»`);
  }
  for (const q of a.quotes) lines.push(`  ${q.direct ? 'QUOTE ' : 'SAID  '}  ${q.speaker ?? '?'}: «${clip(q.text, 90)}»`);
  for (const c of a.claims) {
    lines.push(`  CLAIM   ${c.holder ?? 'world'}: ${c.approx ? '~' : ''}${c.quantity} ${c.item}${c.source ? ` (per ${c.source})` : ''}`);
  }
  return lines.join('\n');
}
