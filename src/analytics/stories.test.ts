import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYTICS_RECORDS } from '../../test/helpers/analytics-records.js';
import { storeWith } from '../../test/helpers/stored-records.js';
import type { Store } from '../store/store.js';
import { clusterStories, sameStory, storiesFromStore, type StoryArticle } from './stories.js';

const article = (over: Partial<StoryArticle> & { id: string }): StoryArticle => ({
  date: '2023-03-25', lang: 'en', title: null, nearDuplicateOf: null, actors: [], entities: [], eventTypes: [], topEvent: null, ...over,
});
const deployNl = article({
  id: 'nl1', lang: 'nl', title: 'Kernwapens naar Belarus', actors: ['putin', 'russia', 'belarus'], entities: ['putin', 'russia', 'belarus'], eventTypes: ['DEPLOY'],
});
const deployEn = article({
  id: 'en1', date: '2023-03-27', title: 'Weapons to Belarus', actors: ['putin', 'belarus', 'nato'], entities: ['putin', 'belarus', 'nato'], eventTypes: ['DEPLOY', 'CONDEMN'],
});
const unrelated = article({ id: 'en2', date: '2023-03-26', actors: ['usa', 'china'], entities: ['usa', 'china'], eventTypes: ['ASSESS'] });

describe('sameStory', () => {
  it('links articles in two languages sharing two actors and an event type within three days', () => {
    expect(sameStory(deployNl, deployEn)).toBe(true);
  });

  it('does not link the same content more than three days apart', () => {
    expect(sameStory(deployNl, { ...deployEn, date: '2023-03-29' })).toBe(false);
  });

  it('links a month-dated article only within its month', () => {
    expect(sameStory({ ...deployNl, date: '2023-03' }, deployEn)).toBe(true);
    expect(sameStory({ ...deployNl, date: '2023-04' }, { ...deployEn, date: '2023-03-31' })).toBe(false);
  });

  it('needs a shared event type besides the actors, unless the content overlaps strongly', () => {
    expect(sameStory(deployNl, { ...deployEn, eventTypes: ['ASSESS'] })).toBe(false);
    expect(sameStory(deployNl, { ...deployNl, id: 'x', eventTypes: [], entities: ['putin', 'russia', 'belarus'] })).toBe(true);
  });

  it('never links on shared event types alone', () => {
    const a = article({ id: 'p', actors: ['x'], entities: ['x'], eventTypes: ['DEPLOY', 'CONDEMN'] });
    const b = article({ id: 'q', actors: ['y'], entities: ['y'], eventTypes: ['DEPLOY', 'CONDEMN'] });
    expect(sameStory(a, b)).toBe(false);
    expect(clusterStories([a, b])).toHaveLength(2);
  });

  it('never links undated articles', () => {
    expect(sameStory({ ...deployNl, date: null }, deployEn)).toBe(false);
  });
});

describe('clusterStories', () => {
  it('clusters the Dutch and English deployment reports and leaves the unrelated one alone', () => {
    const stories = clusterStories([unrelated, deployEn, deployNl]);
    expect(stories).toHaveLength(2);
    expect(stories[0]).toMatchObject({ title: 'Kernwapens naar Belarus', first: '2023-03-25', last: '2023-03-27', languages: ['en', 'nl'] });
    expect(stories[0].articles.map((a) => a.id)).toEqual(['nl1', 'en1']);
    expect(stories[0].actors).toEqual(['belarus', 'putin']);
    expect(stories[1].articles.map((a) => a.id)).toEqual(['en2']);
  });

  it('links chains transitively', () => {
    const third = { ...deployEn, id: 'en3', date: '2023-03-30' };
    const stories = clusterStories([deployNl, deployEn, third]);
    expect(stories).toHaveLength(1);
  });

  it('puts a near copy in its original story even when its date would not align', () => {
    const copy = article({ id: 'copy', date: '2023-05-01', nearDuplicateOf: 'en1' });
    const stories = clusterStories([deployNl, deployEn, copy]);
    expect(stories).toHaveLength(1);
    expect(stories[0].articles.find((a) => a.id === 'copy')).toMatchObject({ nearCopy: true });
  });

  it('keeps the story id stable when later articles join', () => {
    const before = clusterStories([deployNl])[0].id;
    const after = clusterStories([deployNl, deployEn])[0].id;
    expect(after).toBe(before);
    expect(before).toMatch(/^story-[0-9a-f]{12}$/);
  });

  it('titles a story without a headline by its strongest event', () => {
    const [s] = clusterStories([article({ id: 'q', topEvent: { type: 'THREATEN', actor: 'Dmitry Medvedev', target: 'West', intensity: 9 } })]);
    expect(s.title).toBe('THREATEN Dmitry Medvedev → West');
  });
});

describe('storiesFromStore', () => {
  let store: Store;
  beforeAll(async () => { store = (await storeWith(ANALYTICS_RECORDS)).store; });
  afterAll(async () => { await store.close(); });

  it('finds the cross-language deployment story with its near copy', async () => {
    const stories = await storiesFromStore(store);
    const deploy = stories[0];
    expect(deploy.articles.map((a) => a.id)).toEqual(['nl-deploy', 'en-deploy', 'en-deploy-copy']);
    expect(deploy.languages).toEqual(['en', 'nl']);
    expect(deploy.actors).toEqual(expect.arrayContaining(['Vladimir Putin', 'Belarus', 'NATO', 'Russia']));
    expect(stories.find((s) => s.articles.some((a) => a.id === 'en-football'))?.articles).toHaveLength(1);
    expect(stories.find((s) => s.articles.some((a) => a.id === 'en-threat'))?.articles).toHaveLength(1);
  });
});
