import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { GeigerError } from '../errors.js';
import { normaliseDate } from '../read/index.js';

/** One item of a feed: its id (guid, Atom id, else link), link, title and date. */
export interface FeedItem { id: string; link: string | null; title: string | null; date: string | null; record: number }

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', parseTagValue: false,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
  stopNodes: ['*.content', '*.summary', '*.description', '*.content:encoded'],
});

const asNode = (v: unknown): Node | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : undefined);
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : String(asNode(v)?.['#text'] ?? '')).trim();

function link(item: Node): string | null {
  const links = Array.isArray(item.link) ? item.link : [];
  let fallback: string | null = null;
  for (const l of links) {
    const href = typeof l === 'string' ? l.trim() : String(asNode(l)?.['@_href'] ?? '').trim();
    if (!href) continue;
    const rel = asNode(l)?.['@_rel'];
    if (!rel || rel === 'alternate') return href;
    fallback ??= href;
  }
  return fallback;
}

/** Lists the items of an RSS 2.0, RSS 1.0 or Atom document; malformed XML or another document is a GeigerError naming the feed. */
export function feedItems(xml: string, feedUrl: string): FeedItem[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new GeigerError('MALFORMED_XML', `malformed XML at line ${valid.err.line}: ${valid.err.msg}`, { file: feedUrl, line: valid.err.line });
  const doc = parser.parse(xml) as Node;
  const rss = asNode(doc.rss);
  const items = rss ? asNode(rss.channel)?.item : asNode(doc.feed)?.entry ?? asNode(doc['rdf:RDF'])?.item;
  if (!rss && !asNode(doc.feed) && !asNode(doc['rdf:RDF'])) throw new GeigerError('UNSUPPORTED_FORMAT', 'not an RSS or Atom feed', { file: feedUrl });
  const out: FeedItem[] = [];
  (Array.isArray(items) ? items : []).forEach((raw, index) => {
    const item = asNode(raw);
    if (!item) return;
    let href = link(item);
    if (href) { try { href = new URL(href, feedUrl).href; } catch { href = null; } }
    const id = text(item.guid) || text(item.id) || href;
    if (!id) return;
    const date = normaliseDate(text(item.pubDate) || text(item.published) || text(item['dc:date']) || text(item.updated)) ?? null;
    out.push({ id, link: href, title: text(item.title) || null, date, record: index + 1 });
  });
  return out;
}
