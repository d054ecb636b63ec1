import { describe, expect, it } from 'vitest';
import { TokenTable } from '../doc/token-table.js';
import { AliasIndex } from './alias-index.js';
import type { EntityEntry } from './schema.js';

const entries: EntityEntry[] = [
  { id: 'loc.united-states', type: 'LOC', name: 'United States', aliases: { all: ['US'], nl: ['VS', 'Verenigde Staten'] }, adjectives: { nl: ['Amerikaanse'] } },
  { id: 'loc.belarus', type: 'LOC', name: 'Belarus', aliases: { nl: ['Wit-Rusland'] } },
  { id: 'weapon.nsnw', type: 'WEAPON', name: 'nonstrategic nuclear weapons', aliases: { nl: ['tactische kernwapens'] } },
  { id: 'person.xi-jinping', type: 'PERSON', name: 'Xi Jinping', aliases: { all: ['Xi'] } },
];

function matches(text: string): string[] {
  const index = new AliasIndex(entries, ['all', 'en', 'nl']);
  const t = TokenTable.of(text);
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const m = index.longestAt(t, text, i);
    if (m) { out.push(`${m.form.entry.name}${m.form.adjective ? '(adj)' : ''}`); i += m.length - 1; }
  }
  return out;
}

describe('AliasIndex', () => {
  it('matches short and all-caps aliases case-exactly', () => {
    expect(matches('de VS en de vs en de US')).toEqual(['United States', 'United States']);
    expect(matches('president Xi en xi')).toEqual(['Xi Jinping']);
  });

  it('matches longer aliases without regard to case and diacritics, longest first', () => {
    expect(matches('in de Verenigde staten en WIT-RUSLAND')).toEqual(['United States', 'Belarus']);
    expect(matches('TACTISCHE KERNWAPENS')).toEqual(['nonstrategic nuclear weapons']);
  });

  it('marks adjectives as mentions of their country', () => {
    expect(matches('het Amerikaanse besluit')).toEqual(['United States(adj)']);
  });

  it('wants a capital where a capitalised name is written', () => {
    expect(matches('de amerikaanse vlag')).toEqual([]);
  });
});
