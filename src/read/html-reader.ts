import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article } from './article.js';
import { extractHtmlMeta, type HtmlDocument } from './html-meta.js';
import { htmlToText, nodeToText } from './html-text.js';
import { readFail, readOk, type ReadResult } from './read-result.js';

/** Where a page came from and what to fall back on when the page itself is silent. */
export interface HtmlSource {
  origin: { file: string; line?: number; record?: number };
  url?: string;
  id?: string;
  date?: string | null;
}

/** Extracts the main text and metadata of an HTML page with Readability; a page without text is a NO_TEXT error. */
export function htmlToArticle(html: string, source: HtmlSource): ReadResult {
  const { document } = parseHTML(html);
  const meta = extractHtmlMeta(document as HtmlDocument);
  const fallbackText = document.body ? nodeToText(document.body) : '';
  let text = '';
  let title = meta.title;
  try {
    const parsed = new Readability(document).parse();
    if (parsed?.content) text = htmlToText(parsed.content);
    if (parsed?.title) title = parsed.title;
  } catch {
    text = '';
  }
  if (!text) text = fallbackText;
  const where = { file: source.origin.file, line: source.origin.line };
  const place = source.origin.record ? ` (record ${source.origin.record})` : '';
  if (!text.trim()) return readFail('NO_TEXT', `HTML page has no readable text${place}`, where);
  const url = meta.url ?? source.url;
  const article: Article = {
    id: source.id ?? url ?? source.origin.file,
    date: meta.date ?? source.date ?? null,
    text,
    origin: source.origin,
  };
  if (url) article.url = url;
  if (meta.lang) article.lang = meta.lang;
  if (title) article.title = title;
  return readOk(article);
}
