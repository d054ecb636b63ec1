const MARKER = /^ date (\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?) /;

/** Splits a seed document into its date marker (` date YYYY-MM[-DD] `) and the untouched body; date is null when the marker is absent. */
export function parseSeedText(raw: string): { date: string | null; body: string } {
  const match = MARKER.exec(raw);
  if (!match) return { date: null, body: raw };
  return { date: match[1], body: raw.slice(match[0].length) };
}
