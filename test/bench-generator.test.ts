import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module of the bench, without type declarations
import { generateArticle, generateArticles, toJsonl } from '../bench/corpus/generate.mjs';

interface BenchArticle { id: string; date: string; lang: string; title: string; url: string; text: string; offTopic: boolean }
const articles = (seed: number, count: number): BenchArticle[] => [...generateArticles({ seed, count })];

describe('bench corpus generator', () => {
  it('gives the same articles for the same seed, whatever order they are made in', () => {
    const first = articles(42, 40);
    expect(articles(42, 40)).toEqual(first);
    expect(generateArticle(42, 17)).toEqual(first[17]);
  });

  it('gives different articles for another seed', () => {
    const a = articles(1, 20).map((x) => x.text);
    const b = articles(2, 20).map((x) => x.text);
    expect(a.filter((t, i) => t === b[i])).toHaveLength(0);
  });

  it('writes articles of 2–5 KB in Dutch, English, German and French, some off topic', () => {
    const sample = articles(7, 400);
    const sizes = sample.map((a) => Buffer.byteLength(a.text));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1900);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5600);
    expect(new Set(sample.map((a) => a.lang))).toEqual(new Set(['nl', 'en', 'de', 'fr']));
    const offTopic = sample.filter((a) => a.offTopic).length / sample.length;
    expect(offTopic).toBeGreaterThan(0.05);
    expect(offTopic).toBeLessThan(0.3);
    expect(sample.every((a) => /^\d{4}-\d{2}-\d{2}$/.test(a.date) && a.text.startsWith(a.title))).toBe(true);
    expect(sample.some((a) => a.lang === 'nl' && a.text.includes('Poetin'))).toBe(true);
    expect(sample.some((a) => a.lang === 'fr' && a.text.includes('« '))).toBe(true);
  });

  it('stops at the requested size in bytes', () => {
    const made = [...generateArticles({ seed: 3, bytes: 100_000 })] as BenchArticle[];
    const total = made.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
    expect(total).toBeGreaterThanOrEqual(100_000);
    expect(total - Buffer.byteLength(made[made.length - 1].text)).toBeLessThan(100_000);
  });

  it('serialises a row that geiger ingest reads as JSON Lines', () => {
    const row = JSON.parse(toJsonl(generateArticle(5, 0)));
    expect(Object.keys(row).sort()).toEqual(['date', 'id', 'lang', 'text', 'title', 'url']);
  });
});
