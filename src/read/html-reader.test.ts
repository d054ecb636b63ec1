import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { htmlToArticle } from './html-reader.js';
import { htmlToText } from './html-text.js';
import { readSources } from './read-sources.js';

const PARA_ONE = 'Het ministerie van Defensie maakte dinsdag bekend dat de nieuwe raketeenheden in het noorden van het land gestationeerd worden, ondanks kritiek.';
const PARA_TWO = 'Volgens analisten is het vooral een politiek signaal aan de buurlanden, die de stap met zorg volgen en om overleg vragen.';

const page = (head: string, lang = 'nl'): string => `<!doctype html>
<html lang="${lang}"><head><title>Raketeenheden naar het noorden | Krant</title>${head}</head>
<body><nav><a href="/">Home</a> <a href="/binnenland">Binnenland</a></nav>
<article><h1>Raketeenheden naar het noorden</h1><p>${PARA_ONE}</p><p>${PARA_TWO}</p></article>
<footer>Alle rechten voorbehouden</footer><script>var tracking = 1;</script></body></html>`;

describe('htmlToArticle', () => {
  it('extracts title, date, canonical url, language and paragraph text', () => {
    const html = page('<meta property="article:published_time" content="2023-05-16T09:30:00+02:00"><link rel="canonical" href="https://krant.example/a/42">');
    const result = htmlToArticle(html, { origin: { file: 'page.html' }, id: 'page' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article).toMatchObject({ id: 'page', date: '2023-05-16', url: 'https://krant.example/a/42', lang: 'nl' });
    expect(result.article.title).toContain('Raketeenheden naar het noorden');
    expect(result.article.text).toContain(`${PARA_ONE}\n\n${PARA_TWO}`);
    expect(result.article.text).not.toContain('tracking');
    expect(result.article.text).not.toContain('Alle rechten');
  });

  it('finds the date in JSON-LD or a <time> element and the url in og:url', () => {
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2022-10-07T06:00:00Z"}]}</script><meta property="og:url" content="https://krant.example/b">';
    const fromLd = htmlToArticle(page(ld), { origin: { file: 'x' } });
    expect(fromLd.ok && [fromLd.article.date, fromLd.article.url]).toEqual(['2022-10-07', 'https://krant.example/b']);
    const withTime = page('').replace('<h1>', '<time datetime="2021-02-03">3 februari</time><h1>');
    const fromTime = htmlToArticle(withTime, { origin: { file: 'x' } });
    expect(fromTime.ok && fromTime.article.date).toBe('2021-02-03');
  });

  it('falls back to the date and url it is given', () => {
    const result = htmlToArticle(page(''), { origin: { file: 'crawl.warc', record: 2 }, url: 'https://krant.example/c', date: '2024-01-09' });
    expect(result.ok && result.article).toMatchObject({ id: 'https://krant.example/c', date: '2024-01-09', url: 'https://krant.example/c' });
  });

  it('reports a page without text as NO_TEXT', () => {
    const result = htmlToArticle('<html><head><title>Leeg</title></head><body><script>x()</script></body></html>', { origin: { file: 'empty.html' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_TEXT', file: 'empty.html' } });
  });
});

describe('htmlToText', () => {
  it('separates blocks by a blank line, keeps <br> as a line break and collapses spaces', () => {
    expect(htmlToText('<p>One   <b>bold</b>\n word.</p><ul><li>item a</li><li>item b</li></ul>line<br>break &amp; more'))
      .toBe('One bold word.\n\nitem a\n\nitem b\n\nline\nbreak & more');
  });
});

describe('HTML files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'geiger-html-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads an .htm file with the file stem as id and a windows-1252 page by its meta charset', async () => {
    await writeFile(join(dir, 'story.htm'), page('<meta name="date" content="2023-09-01">'));
    const latin = Buffer.from(page('<meta charset="windows-1252">').replace(PARA_TWO, `${PARA_TWO} Caf\u00e9 gesloten.`), 'latin1');
    await writeFile(join(dir, 'latin.html'), latin);
    const results = [];
    for await (const r of readSources([dir])) results.push(r);
    expect(results.map((r) => r.ok && r.article.id)).toEqual(['latin', 'story']);
    expect(results[0].ok && results[0].article.text).toContain('Café gesloten.');
    expect(results[1].ok && results[1].article.date).toBe('2023-09-01');
  });
});
