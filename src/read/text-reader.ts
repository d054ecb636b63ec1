import type { Article } from './article.js';
import { parseSeedText } from './seed.js';

/** Turns decoded text into an Article: a seed marker gives the date and is cut off, otherwise the text stays whole with the fallback date. */
export function textToArticle(raw: string, id: string, file: string, fallbackDate: string | null): Article {
  const { date, body } = parseSeedText(raw);
  return { id, date: date ?? fallbackDate, text: body, origin: { file } };
}
