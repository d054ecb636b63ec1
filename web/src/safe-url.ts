/** Returns the URL when it is an absolute http(s) link, else null (never javascript: or data:). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The host of a safe link, for display. */
export function hostOf(url: string | null | undefined): string | null {
  const href = safeHref(url);
  return href ? new URL(href).host.replace(/^www\./, '') : null;
}
