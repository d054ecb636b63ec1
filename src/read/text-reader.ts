import type { Article } from './article.js';
import { parseSeedText } from './seed.js';

const MAX_TITLE = 140;

/** A headline: a short first line standing as its own paragraph, without a closing full stop, with more text after it. */
export function headlineOf(body: string): string | undefined {
  const m = /^[ \t]*([^\n]+?)[ \t]*\r?\n[ \t]*\r?\n/.exec(body);
  if (!m) return undefined;
  const first = m[1];
  if (first.length > MAX_TITLE || /[.:;,]$/.test(first) || !body.slice(m[0].length).trim()) return undefined;
  return first;
}

/** Turns decoded text into an Article: a seed marker gives the date and is cut off, otherwise the text stays whole with the fallback date. */
export function textToArticle(raw: string, id: string, file: string, fallbackDate: string | null): Article {
  const { date, body } = parseSeedText(raw);
  const article: Article = { id, date: date ?? fallbackDate, text: body, origin: { file } };
  const title = headlineOf(body);
  if (title) article.title = title;
  return article;
}
