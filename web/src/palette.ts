/** Event type colours, shared by charts (the badges use the same values in styles.css). */
export const EVENT_COLORS: Record<string, string> = {
  THREATEN: '#b8433f',
  DEPLOY: '#d9822b',
  EXERCISE: '#c9a227',
  TREATY: '#2f6f9f',
  CONDEMN: '#8a5a9e',
  SANCTION: '#687789',
  REASSURE: '#3f8f6b',
  ASSESS: '#4aa3b8',
  POSTURE: '#7a5230',
};

export const ESCALATION_COLOR = '#b8433f';

/** Unix seconds of a "YYYY-MM-DD" (or coarser) date at UTC midnight. */
export function toSeconds(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1) / 1000;
}

/** "YYYY-MM-DD" of Unix seconds (UTC). */
export function isoDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
