import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYTICS_RECORDS } from '../../test/helpers/analytics-records.js';
import { storeWith } from '../../test/helpers/stored-records.js';
import { loadCodebook } from '../codebook/load.js';
import type { StoredEntity, Store } from '../store/store.js';
import { actorProfile, coMentionNetwork, coMentions } from './actor-profile.js';

const row = (articleId: string, name: string, id: string | null = null): StoredEntity => ({
  articleId, date: '2023-03-01', lang: 'en', title: null, type: 'LOC', name, id, mentions: 1,
});
const rows = [
  row('a', 'Putin', 'p'), row('a', 'Belarus', 'b'), row('a', 'NATO', 'n'),
  row('b', 'Putin', 'p'), row('b', 'Belarus', 'b'), row('b', 'Belarus', 'b'),
  row('c', 'Putin', 'p'), row('c', 'Minsk'),
];
const isSelf = (e: StoredEntity) => e.id === 'p';

describe('coMentions', () => {
  it('counts each co-mentioned entity once per article, most first', () => {
    expect(coMentions(rows, isSelf).map((c) => [c.key, c.articles])).toEqual([['b', 2], ['name:Minsk', 1], ['n', 1]]);
  });
});

describe('coMentionNetwork', () => {
  it('links the actor to its top co-mentions and those among themselves', () => {
    const net = coMentionNetwork({ key: 'p', name: 'Putin', type: 'PERSON', articles: 3 }, rows, isSelf, 2);
    expect(net.nodes.map((n) => n.key)).toEqual(['p', 'b', 'name:Minsk']);
    expect(net.edges).toEqual([{ source: 'p', target: 'b', weight: 2 }, { source: 'p', target: 'name:Minsk', weight: 1 }]);
    const wide = coMentionNetwork({ key: 'p', name: 'Putin', type: 'PERSON', articles: 3 }, rows, isSelf, 5);
    expect(wide.edges).toContainEqual({ source: 'b', target: 'n', weight: 1 });
  });
});

describe('actorProfile', () => {
  let store: Store;
  const codebook = loadCodebook();
  beforeAll(async () => { store = (await storeWith(ANALYTICS_RECORDS)).store; });
  afterAll(async () => { await store.close(); });

  it('profiles an actor typed in Dutch from records in two languages', async () => {
    const p = await actorProfile(store, codebook, 'Poetin');
    expect(p).toMatchObject({ name: 'Vladimir Putin', ids: ['person.vladimir-putin'], type: 'PERSON' });
    expect(p.aliases.nl).toContain('Poetin');
    expect(p.counts).toEqual({ mentions: 2, articles: 2, quotes: 2, eventsAsActor: 2, eventsAsTarget: 0 });
    expect(p.quotes.map((q) => q.lang).sort()).toEqual(['en', 'nl']);
    expect(p.coMentions.slice(0, 3).map((c) => [c.name, c.articles])).toEqual([['Belarus', 2], ['NATO', 2], ['Russia', 2]]);
    expect(p.network.edges).toContainEqual({ source: 'loc.belarus', target: 'org.nato', weight: 2 });
  });

  it('counts near copies only on request', async () => {
    const p = await actorProfile(store, codebook, 'Putin', { includeNearCopies: true });
    expect(p.counts.quotes).toBe(3);
  });

  it('profiles events aimed at the actor and keeps an unknown name as typed', async () => {
    const russia = await actorProfile(store, codebook, 'Russische');
    expect(russia.name).toBe('Russia');
    expect(russia.eventsAsTarget.map((e) => e.type).sort()).toEqual(['CONDEMN', 'CONDEMN', 'TREATY']);
    const nobody = await actorProfile(store, codebook, 'Jan Modaal');
    expect(nobody).toMatchObject({ name: 'Jan Modaal', ids: [], type: null, counts: { mentions: 0, quotes: 0 } });
  });
});
