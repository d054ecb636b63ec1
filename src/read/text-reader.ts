import type { Article } from './article.js';
import { parseSeedText } from './seed.js';

const MAX_TITLE = 140;

/** A headline line: the first line when it is short, has no closing full stop and more text follows. */
export function headlineOf(body: string): string | undefined {
  const newline = body.indexOf('\n');
  if (newline <= 0) return undefined;
  const first = body.slice(0, newline).trim();
  if (!first || first.length > MAX_TITLE || /[.:;,]$/.test(first) || !body.slice(newline).trim()) return undefined;
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
