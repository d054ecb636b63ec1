import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodebook, type Codebook } from '../codebook/load.js';
import type { Analysis, EventRecord } from '../pipeline/analysis.js';
import type { AlertHit, WatchRule } from '../store/store.js';
import { renderAtomFeed } from './atom.js';
import { createWatchRule, matchRule, WatchRuleInputSchema } from './rules.js';

const TEXT = 'Medvedev dreigde opnieuw met kernwapens. Poetin liet oefeningen houden. Het Westen reageerde kalm.';
const span = (needle: string) => {
  const start = TEXT.indexOf(needle);
  return { start, end: start + needle.length, text: needle };
};
const event = (type: EventRecord['type'], actor: string | null, intensity: number, extra: Partial<EventRecord> = {}): EventRecord => ({
  type, actor, target: null, weapon: null, intensity, evidence: span('kernwapens'), ...extra,
});
const ANALYSIS: Analysis = {
  id: 'x1', date: '2024-02-01', lang: 'nl', relevant: true, title: 'Dreigementen',
  entities: [
    { type: 'PERSON', name: 'Dmitry Medvedev', id: 'person.dmitry-medvedev', mentions: [span('Medvedev')] },
    { type: 'PERSON', name: 'Vladimir Putin', id: 'person.vladimir-putin', mentions: [span('Poetin')] },
  ],
  events: [
    event('THREATEN', 'Dmitry Medvedev', 9),
    event('EXERCISE', 'Vladimir Putin', 5),
    event('THREATEN', 'Vladimir Putin', 8, { negated: true }),
  ],
  quotes: [],
  claims: [],
};

let codebook: Codebook;
beforeAll(() => { codebook = loadCodebook(); });

const rule = (input: Parameters<typeof createWatchRule>[1]): WatchRule => createWatchRule(codebook, input, new Date('2024-01-01T00:00:00Z'));

describe('watch rules', () => {
  it('resolves the actor through the codebook when the rule is made', () => {
    const r = rule({ name: 'Poetin oefent', actor: 'Poetin' });
    expect(r.actorKeys).toEqual(expect.arrayContaining(['Vladimir Putin', 'person.vladimir-putin']));
    expect(r.id).toMatch(/^poetin-oefent-[0-9a-f]{6}$/);
    expect(r.created).toBe('2024-01-01T00:00:00.000Z');
  });

  it('rejects a rule without conditions and an unknown event type', () => {
    expect(WatchRuleInputSchema.safeParse({ name: 'nothing' }).success).toBe(false);
    const bad = WatchRuleInputSchema.safeParse({ name: 'x', type: 'BOAST' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/unknown event type "BOAST"/);
  });

  it('hits each non-negated event of the type by the actor', () => {
    expect(matchRule(rule({ name: 'a', type: 'THREATEN' }), ANALYSIS, TEXT).map((m) => m.eventIndex)).toEqual([0]);
    expect(matchRule(rule({ name: 'b', type: 'THREATEN', actor: 'Poetin' }), ANALYSIS, TEXT)).toEqual([]);
    expect(matchRule(rule({ name: 'c', actor: 'Putin', type: 'EXERCISE' }), ANALYSIS, TEXT))
      .toEqual([{ eventIndex: 1, type: 'EXERCISE', actor: 'Vladimir Putin', intensity: 5 }]);
  });

  it('applies the minimum intensity to every event type', () => {
    expect(matchRule(rule({ name: 'hot', minIntensity: 6 }), ANALYSIS, TEXT).map((m) => m.eventIndex)).toEqual([0]);
    expect(matchRule(rule({ name: 'warm', minIntensity: 5 }), ANALYSIS, TEXT).map((m) => m.eventIndex)).toEqual([0, 1]);
  });

  it('hits the article once when only the actor is given and it is mentioned', () => {
    expect(matchRule(rule({ name: 'm', actor: 'Lavrov' }), ANALYSIS, TEXT)).toEqual([]);
    expect(matchRule(rule({ name: 'm', actor: 'medvedev' }), ANALYSIS, TEXT))
      .toEqual([{ eventIndex: null, type: null, actor: 'Dmitry Medvedev', intensity: null }]);
  });

  it('needs every word at the start of a word of the title or body, ignoring case and accents', () => {
    expect(matchRule(rule({ name: 'w', words: 'KERNWAPEN westen' }), ANALYSIS, TEXT)).toHaveLength(1);
    expect(matchRule(rule({ name: 'w', words: 'dreigement' }), ANALYSIS, TEXT)).toHaveLength(1);
    expect(matchRule(rule({ name: 'w', words: 'kernwapen oosten' }), ANALYSIS, TEXT)).toEqual([]);
    expect(matchRule(rule({ name: 'w', words: 'wapens' }), ANALYSIS, TEXT)).toEqual([]);
  });
});

describe('Atom feed', () => {
  const hostile = 'Bom <script>alert("x")</script> & \'co\'';
  const r: WatchRule = { ...createWatchRuleStub(), name: hostile };
  const hits: AlertHit[] = [
    { ruleId: r.id, articleId: 'a&b', eventIndex: 2, date: '2024-02-01', title: hostile, type: 'THREATEN', actor: 'Dmitry Medvedev', intensity: 9, matchedAt: '2024-02-02T10:00:00.000Z' },
    { ruleId: r.id, articleId: 'c', eventIndex: null, date: null, title: null, type: null, actor: null, intensity: null, matchedAt: '2024-02-01T10:00:00.000Z' },
  ];
  const xml = renderAtomFeed(r, hits, 'http://127.0.0.1:7420');

  it('is well-formed XML with the required feed and entry elements', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('urn:geiger:watch-rule:r1');
    expect(feed.updated).toBe('2024-02-02T10:00:00.000Z');
    expect(feed.entry).toHaveLength(2);
    for (const e of feed.entry) for (const key of ['id', 'title', 'updated', 'link', 'summary']) expect(e[key]).toBeDefined();
    expect(feed.entry[0].link['@_href']).toBe('http://127.0.0.1:7420/article/a%26b');
    expect(new Set(feed.entry.map((e: { id: string }) => e.id)).size).toBe(2);
  });

  it('escapes hostile text so that it stays text', () => {
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;co&apos;');
    const feed = new XMLParser({ processEntities: true }).parse(xml).feed;
    expect(feed.entry[0].title).toBe(hostile);
  });

  it('drops characters XML cannot hold', () => {
    const odd = renderAtomFeed({ ...r, name: 'bell\u0007 and nul\u0000' }, [], 'http://h');
    expect(XMLValidator.validate(odd)).toBe(true);
    expect(odd).toContain('<title>Geiger alert: bell and nul</title>');
  });
});

function createWatchRuleStub(): WatchRule {
  return { id: 'r1', name: 'r', actor: null, actorKeys: [], type: 'THREATEN', minIntensity: null, words: null, created: '2024-01-01T00:00:00.000Z' };
}
