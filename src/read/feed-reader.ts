import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Article } from './article.js';
import { normaliseDate } from './dates.js';
import { fileStem } from './format.js';
import { readFail, readOk, type ReadResult } from './read-result.js';
import { feedMarkupToText } from './xml-text.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
  stopNodes: ['*.content', '*.summary', '*.description', '*.content:encoded'],
});

const TEXT_FIELDS = ['content:encoded', 'content', 'description', 'summary'];
const DATE_FIELDS = ['pubDate', 'published', 'dc:date', 'updated', 'a10:updated', 'issued'];

/** Parses an RSS 2.0 / RSS 1.0 / Atom document into one result per item; broken XML is one MALFORMED_XML error naming the origin. */
export function parseFeed(xml: string, origin: string): ReadResult[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return [readFail('MALFORMED_XML', `malformed XML at line ${valid.err.line}: ${valid.err.msg}`, { file: origin, line: valid.err.line })];
  }
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    return [readFail('MALFORMED_XML', `malformed XML: ${(error as Error).message}`, { file: origin })];
  }
  const items = feedItems(doc);
  if (!items) return [readFail('UNSUPPORTED_FORMAT', 'XML is not an RSS or Atom feed', { file: origin })];
  const stem = fileStem(origin);
  return items.map((item, index) => itemToResult(item, index + 1, origin, stem));
}

function feedItems(doc: Node): Node[] | null {
  const rss = asNode(doc.rss);
  if (rss) return asNodes(asNode(rss.channel)?.item);
  const feed = asNode(doc.feed);
  if (feed) return asNodes(feed.entry);
  const rdf = asNode(doc['rdf:RDF']);
  if (rdf) return asNodes(rdf.item);
  return null;
}

function itemToResult(item: Node, record: number, origin: string, stem: string): ReadResult {
  const url = itemLink(item);
  let text = '';
  for (const field of TEXT_FIELDS) {
    const value = item[field];
    if (value === undefined) continue;
    text = feedMarkupToText(textOf(value), attr(value, 'type'));
    if (text) break;
  }
  if (!text) return readFail('NO_TEXT', `feed item ${record} has no text`, { file: origin });
  const id = textOf(item.guid).trim() || textOf(item.id).trim() || url || `${stem}:${record}`;
  const article: Article = { id, date: itemDate(item), text, origin: { file: origin, record } };
  const title = itemTitle(item.title);
  if (title) article.title = title;
  if (url) article.url = url;
  return readOk(article);
}

function itemDate(item: Node): string | null {
  for (const field of DATE_FIELDS) {
    const date = normaliseDate(textOf(item[field]));
    if (date) return date;
  }
  return null;
}

function itemTitle(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const type = attr(value, 'type');
  const title = type === 'html' || type === 'xhtml' ? feedMarkupToText(textOf(value), type) : textOf(value).trim();
  return title || undefined;
}

function itemLink(item: Node): string | undefined {
  const links = Array.isArray(item.link) ? item.link : [];
  let fallback: string | undefined;
  for (const link of links) {
    const href = typeof link === 'string' ? link.trim() : attr(link, 'href');
    if (!href) continue;
    const rel = attr(link, 'rel');
    if (!rel || rel === 'alternate') return href;
    fallback ??= href;
  }
  return fallback;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  const node = asNode(value);
  return node && typeof node['#text'] === 'string' ? node['#text'] : '';
}

function attr(value: unknown, name: string): string | undefined {
  const found = asNode(value)?.[`@_${name}`];
  return typeof found === 'string' ? found.trim() : undefined;
}

function asNode(value: unknown): Node | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : undefined;
}

function asNodes(value: unknown): Node[] {
  if (Array.isArray(value)) return value.filter((v): v is Node => asNode(v) !== undefined);
  return [];
}
