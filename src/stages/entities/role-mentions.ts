import type { Codebook } from '../../codebook/load.js';
import { wordsFor } from '../../codebook/lexicon.js';
import { PhraseMatcher } from '../../codebook/phrase-matcher.js';
import type { EntityEntry } from '../../codebook/schema.js';
import { entityMention, type Doc, type EntityMention } from '../../doc/doc.js';
import { zeroedInt32 } from '../../doc/slab.js';
import { TokenKind } from '../../doc/token-table.js';

interface Holder { entry: EntityEntry; country: string; from: string; to: string | null }
interface RoleTables { words: PhraseMatcher<string>; holders: Map<string, Holder[]> }

const FORMER = new Set(['ex', 'oud', 'voormalig', 'voormalige', 'gewezen', 'former', 'ehemalige', 'ehemaliger', 'ehemaligen', 'ancien', 'ancienne', 'past']);
const OF = new Set(['van', 'of', 'von', 'de', 'du', 'des', 'der', 'd']);
const ARTICLES = new Set(['de', 'het', 'the', 'la', 'le', 'l', 'die', 'den', 'des', 'dem']);
/** Alliances and bodies whose officials carry the body as their role's country. */
const BODY_CODES: Record<string, string> = {
  'org.nato': 'NATO', 'org.european-union': 'EU', 'org.united-nations': 'UN', 'org.iaea': 'IAEA',
};
const UPPER_START = /^\p{Lu}/u;

const cache = new WeakMap<Codebook, RoleTables>();

function tablesFor(codebook: Codebook): RoleTables {
  const hit = cache.get(codebook);
  if (hit) return hit;
  const words = new PhraseMatcher<string>();
  for (const r of codebook.roles) words.addAll(wordsFor(r.words, 'xx'), r.role);
  const holders = new Map<string, Holder[]>();
  for (const entry of codebook.entries) {
    for (const held of entry.roles ?? []) {
      const list = holders.get(held.role) ?? [];
      list.push({ entry, country: held.country, from: held.from ?? '0000', to: held.to ?? null });
      holders.set(held.role, list);
    }
  }
  const tables = { words, holders };
  cache.set(codebook, tables);
  return tables;
}

/** The day a document's date stands for: a month-only date counts as its middle. */
export function referenceDay(date: string | null): string | null {
  if (!date) return null;
  return date.length === 7 ? `${date}-15` : date;
}

function heldAt(h: Holder, day: string | null): boolean {
  if (!day) return h.to === null;
  return h.from <= day && (h.to === null || h.to >= day);
}

function countryOf(m: EntityMention): string | undefined {
  return BODY_CODES[m.id] ?? (m.type === 'LOC' ? m.country : undefined);
}

/**
 * Resolves office descriptions ("de Russische president", "le ministre russe des Affaires étrangères",
 * "the former president") to the codebook person who held the office on the article's date. An office
 * title followed by a name ("minister van Buitenlandse Zaken Dmitro Koeleba") is marked covered, so the
 * name detector does not take the title for part of the name.
 */
export function findRoleMentions(doc: Doc, codebook: Codebook, known: EntityMention[], covered: Uint8Array): EntityMention[] {
  const { words, holders } = tablesFor(codebook);
  const { tokens, text } = doc;
  const startsAt = new MentionsByToken(known, tokens.length, (m) => m.tokenStart);
  const endsAt = new MentionsByToken(known, tokens.length, (m) => m.tokenEnd - 1);
  const persons = known.filter((m) => m.type === 'PERSON').sort((a, b) => a.tokenStart - b.tokenStart);
  const seen = new SeenPersons(codebook, referenceDay(doc.date));
  let next = 0;
  const out: EntityMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    while (next < persons.length && persons[next].tokenStart < i) seen.add(persons[next++].id);
    if (covered[i]) continue;
    const r = words.longestAt(tokens, i);
    if (!r) continue;
    const role = r.value;
    let j = i + r.length;
    let country: string | undefined;
    const before = endsAt.get(i - 1);
    if (before) country = countryOf(before);
    if (!country) {
      const after = startsAt.get(j);
      if (after?.adjective) { country = countryOf(after); j = after.tokenEnd; }
    }
    if (!country && j < tokens.length && OF.has(tokens.folded[j])) {
      let k = j + 1;
      if (k < tokens.length && ARTICLES.has(tokens.folded[k])) k++;
      const after = startsAt.get(k);
      if (after) { country = countryOf(after); if (country) j = after.tokenEnd; }
    }
    const following = startsAt.get(j);
    const nameFollows = following?.type === 'PERSON'
      || (j < tokens.length && tokens.kinds[j] === TokenKind.Word && UPPER_START.test(text[tokens.starts[j]]) && !startsAt.has(j));
    if (nameFollows) {
      covered.fill(1, i, i + r.length);
      i += r.length - 1;
      continue;
    }
    const lead = before ? before.tokenStart - 1 : i - 1;
    const former = (lead >= 0 && FORMER.has(tokens.folded[lead]))
      || (lead >= 1 && tokens.folded[lead] === '-' && FORMER.has(tokens.folded[lead - 1]));
    const entry = country ? seen.holderIn(holders.get(role) ?? [], country, former) : seen.lastHolder(role, former);
    if (entry) {
      const last = i + r.length - 1;
      out.push(entityMention({
        start: tokens.starts[i], end: tokens.ends[last], tokenStart: i, tokenEnd: last + 1,
        type: 'PERSON', name: entry.name, id: entry.id, country: entry.country, rule: `role.${role}`,
      }));
      seen.add(entry.id);
    }
    i += r.length - 1;
  }
  return out;
}

/** The known mention that starts (or ends) at each token, the last one listed when several do. */
class MentionsByToken {
  /** 1 + index in `mentions` per token; 0: none. */
  private readonly at: Int32Array;

  constructor(private readonly mentions: EntityMention[], tokenCount: number, tokenOf: (m: EntityMention) => number) {
    this.at = zeroedInt32(tokenCount);
    mentions.forEach((m, k) => {
      const t = tokenOf(m);
      if (t >= 0 && t < tokenCount) this.at[t] = k + 1;
    });
  }

  get(token: number): EntityMention | undefined {
    const k = token >= 0 && token < this.at.length ? this.at[token] : 0;
    return k > 0 ? this.mentions[k - 1] : undefined;
  }

  has(token: number): boolean {
    return this.get(token) !== undefined;
  }
}

/** The people named so far in a document, kept as the scan moves on, so each office lookup is constant time. */
class SeenPersons {
  private readonly ids = new Set<string>();
  private readonly lastByRole = new Map<string, { current: EntityEntry | null; former: EntityEntry | null }>();

  constructor(private readonly codebook: Codebook, private readonly day: string | null) {}

  add(id: string): void {
    this.ids.add(id);
    const entry = this.codebook.byId.get(id);
    for (const held of entry?.roles ?? []) {
      const h: Holder = { entry: entry!, country: held.country, from: held.from ?? '0000', to: held.to ?? null };
      const slot = this.lastByRole.get(held.role) ?? { current: null, former: null };
      const holdsNow = (entry!.roles ?? []).some((x) => x.role === held.role && heldAt({ ...h, from: x.from ?? '0000', to: x.to ?? null }, this.day));
      if (holdsNow) slot.current = entry!;
      else if (!this.day || h.from <= this.day) slot.former = entry!;
      this.lastByRole.set(held.role, slot);
    }
  }

  /** The holder of an office in a country on the day (or before it, for "former"), preferring one already named. */
  holderIn(list: Holder[], country: string, former: boolean): EntityEntry | null {
    const fits = list.filter((h) => h.country === country
      && (former ? !heldAt(h, this.day) && (!this.day || h.from <= this.day) : heldAt(h, this.day)));
    if (fits.length === 0) return null;
    const mentioned = fits.find((h) => this.ids.has(h.entry.id));
    if (mentioned) return mentioned.entry;
    if (former) return [...fits].sort((a, b) => (b.to ?? '').localeCompare(a.to ?? ''))[0].entry;
    return fits.every((h) => h.entry === fits[0].entry) ? fits[0].entry : null;
  }

  /** The last person named who holds (or, for "former", held) the office. */
  lastHolder(role: string, former: boolean): EntityEntry | null {
    const slot = this.lastByRole.get(role);
    return (former ? slot?.former : slot?.current) ?? null;
  }
}
