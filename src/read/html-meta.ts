import { normaliseDate } from './dates.js';

/** Metadata found in an HTML page's head and markup. */
export interface HtmlMeta {
  title?: string;
  date: string | null;
  url?: string;
  lang?: string;
}

/** The slice of a DOM document (from linkedom) that metadata extraction uses. */
export interface HtmlDocument {
  documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

interface DomElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
}

const DATE_METAS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'datePublished',
  'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'pubdate', 'publishdate', 'sailthru.date',
];

/** Reads title, publication date, canonical url and language from a parsed HTML document. */
export function extractHtmlMeta(document: HtmlDocument): HtmlMeta {
  const meta = (key: string): string | undefined => {
    for (const el of document.querySelectorAll('meta')) {
      const name = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
      if (name && name.toLowerCase() === key.toLowerCase()) {
        const content = el.getAttribute('content')?.trim();
        if (content) return content;
      }
    }
    return undefined;
  };
  const title = meta('og:title') ?? (document.querySelector('title')?.textContent?.trim() || undefined);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim();
  const url = canonical || meta('og:url');
  const lang = document.documentElement?.getAttribute('lang')?.trim() || meta('og:locale')?.replace('_', '-');
  return { title, date: findDate(document, meta), url: url || undefined, lang: lang || undefined };
}

function findDate(document: HtmlDocument, meta: (key: string) => string | undefined): string | null {
  for (const key of DATE_METAS) {
    const date = normaliseDate(meta(key));
    if (date) return date;
  }
  const jsonLd = jsonLdDate(document);
  if (jsonLd) return jsonLd;
  for (const el of document.querySelectorAll('time[datetime]')) {
    const date = normaliseDate(el.getAttribute('datetime'));
    if (date) return date;
  }
  return null;
}

function jsonLdDate(document: HtmlDocument): string | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const date = searchDatePublished(data, 0);
    if (date) return date;
  }
  return null;
}

function searchDatePublished(value: unknown, depth: number): string | null {
  if (depth > 5 || typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const date = searchDatePublished(item, depth + 1);
      if (date) return date;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.datePublished === 'string') return normaliseDate(record.datePublished);
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
    const date = searchDatePublished(record[key], depth + 1);
    if (date) return date;
  }
  return null;
}
