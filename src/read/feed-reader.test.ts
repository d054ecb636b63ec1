import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './feed-reader.js';
import { readSources } from './read-sources.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire</title><link>https://wire.example/</link>
<item>
  <title>Drill &amp; launch announced</title>
  <link>https://wire.example/1</link>
  <guid isPermaLink="false">wire-0001</guid>
  <pubDate>Tue, 02 May 2023 23:15:00 -0700</pubDate>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>The navy said the drill would start on Friday.</p><p>Officials gave no further details.</p>]]></content:encoded>
</item>
<item>
  <title>Second item</title>
  <link>https://wire.example/2</link>
  <pubDate>Wed, 03 May 2023 08:00:00 GMT</pubDate>
  <description>&lt;p&gt;Escaped first paragraph.&lt;/p&gt;&lt;p&gt;Escaped second &amp;amp; last.&lt;/p&gt;</description>
</item>
<item><title>No body</title></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Blog</title>
  <entry>
    <title type="html">Treaty &amp;amp; talks</title>
    <id>urn:uuid:1b2c</id>
    <link rel="self" href="https://blog.example/api/1"/>
    <link rel="alternate" href="https://blog.example/posts/1"/>
    <published>2024-02-29T22:00:00-05:00</published>
    <updated>2024-03-01T10:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Talks resumed in Geneva.</p><p>Both sides &amp; observers attended.</p></div></content>
  </entry>
  <entry>
    <id>urn:uuid:3d4e</id>
    <updated>2024-03-05T01:00:00Z</updated>
    <summary>Only a summary here.</summary>
  </entry>
</feed>`;

describe('parseFeed', () => {
  it('turns RSS 2.0 items into articles with guid, day, title, link and paragraph text', () => {
    const results = parseFeed(RSS, 'https://wire.example/rss');
    expect(results).toHaveLength(3);
    expect(results[0]).toEqual({
      ok: true,
      article: {
        id: 'wire-0001', date: '2023-05-02', title: 'Drill & launch announced', url: 'https://wire.example/1',
        text: 'The navy said the drill would start on Friday.\n\nOfficials gave no further details.',
        origin: { file: 'https://wire.example/rss', record: 1 },
      },
    });
    expect(results[1].ok && results[1].article).toMatchObject({
      id: 'https://wire.example/2', date: '2023-05-03', text: 'Escaped first paragraph.\n\nEscaped second & last.',
    });
    expect(results[2]).toMatchObject({ ok: false, error: { code: 'NO_TEXT' } });
  });

  it('turns Atom entries into articles, preferring published and the alternate link', () => {
    const results = parseFeed(ATOM, 'blog.atom');
    expect(results.map((r) => r.ok && r.article)).toEqual([
      {
        id: 'urn:uuid:1b2c', date: '2024-02-29', title: 'Treaty & talks', url: 'https://blog.example/posts/1',
        text: 'Talks resumed in Geneva.\n\nBoth sides & observers attended.', origin: { file: 'blog.atom', record: 1 },
      },
      { id: 'urn:uuid:3d4e', date: '2024-03-05', text: 'Only a summary here.', origin: { file: 'blog.atom', record: 2 } },
    ]);
  });

  it('reports broken XML as one MALFORMED_XML error naming the origin', () => {
    const results = parseFeed('<rss><channel><item><title>x</item></channel></rss>', 'bad.xml');
    expect(results).toMatchObject([{ ok: false, error: { code: 'MALFORMED_XML', file: 'bad.xml' } }]);
  });

  it('reports XML that is not a feed as UNSUPPORTED_FORMAT', () => {
    expect(parseFeed('<config><a>1</a></config>', 'c.xml')).toMatchObject([{ ok: false, error: { code: 'UNSUPPORTED_FORMAT' } }]);
  });

  it('reads feed files by extension and by sniffing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'geiger-feed-'));
    try {
      await writeFile(join(dir, 'wire.rss'), RSS);
      await writeFile(join(dir, 'blog-feed'), ATOM);
      const ids = [];
      for await (const r of readSources([dir])) if (r.ok) ids.push(r.article.id);
      expect(ids).toEqual(['urn:uuid:1b2c', 'urn:uuid:3d4e', 'wire-0001', 'https://wire.example/2']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
