import { htmlToText } from './html-text.js';

const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const XML_ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Undoes XML escaping (the five named entities and numeric references). */
export function unescapeXml(text: string): string {
  return text.replace(XML_ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name];
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Turns the raw inner XML of a feed text element (escaped HTML, CDATA or inline XHTML) into plain text with paragraph breaks. */
export function feedMarkupToText(raw: string, type?: string): string {
  if (type === 'xhtml') return htmlToText(raw);
  let html = '';
  let last = 0;
  for (const match of raw.matchAll(CDATA)) {
    html += unescapeXml(raw.slice(last, match.index)) + match[1];
    last = match.index + match[0].length;
  }
  html += unescapeXml(raw.slice(last));
  return type === 'text' ? html.trim() : htmlToText(html);
}
