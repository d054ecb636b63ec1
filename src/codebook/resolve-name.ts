import { fold } from '../doc/fold.js';
import type { Codebook } from './load.js';
import type { EntityEntry } from './schema.js';

/** Canonical names and codebook ids a user-typed name stands for. */
export interface ResolvedName { names: string[]; ids: string[] }

const lookups = new WeakMap<Codebook, Map<string, EntityEntry[]>>();

function surfaceForms(e: EntityEntry): string[] {
  const out = [e.name, e.id];
  for (const group of [e.aliases, e.adjectives]) {
    if (!group) continue;
    for (const list of Object.values(group)) if (list) out.push(...list);
  }
  return out;
}

function lookupFor(codebook: Codebook): Map<string, EntityEntry[]> {
  let map = lookups.get(codebook);
  if (map) return map;
  map = new Map();
  for (const e of codebook.entries) {
    for (const form of surfaceForms(e)) {
      const key = fold(form.trim());
      const list = map.get(key);
      if (!list) map.set(key, [e]);
      else if (!list.includes(e)) list.push(e);
    }
  }
  lookups.set(codebook, map);
  return map;
}

/** Resolves a name, alias, adjective or id in any language ("Poetin", "Navo", "Russische") to canonical names and ids; unknown text passes through. */
export function resolveName(codebook: Codebook, text: string): ResolvedName {
  const found = lookupFor(codebook).get(fold(text.trim()));
  if (!found) return { names: [text.trim()], ids: [] };
  return { names: [...new Set(found.map((e) => e.name))], ids: found.map((e) => e.id) };
}

/** Resolves several names and returns every canonical name and id, the form the store filters take. */
export function resolveNames(codebook: Codebook, texts: string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    const r = resolveName(codebook, t);
    for (const x of [...r.names, ...r.ids]) out.add(x);
  }
  return [...out];
}
