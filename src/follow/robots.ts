/** The Allow/Disallow rules of one robots.txt group. */
export interface RobotsGroup { agents: string[]; rules: { allow: boolean; pattern: string }[] }

/** Parsed robots.txt (RFC 9309): groups of user agents with their rules. */
export interface Robots { groups: RobotsGroup[] }

/** A robots.txt that allows everything (missing file, 4xx). */
export const ALLOW_ALL: Robots = { groups: [] };

/** Parses robots.txt text; unknown lines are ignored. */
export function parseRobots(text: string): Robots {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current || (key !== 'allow' && key !== 'disallow')) continue;
    if (key === 'disallow' && value === '') continue;
    current.rules.push({ allow: key === 'allow', pattern: value });
  }
  return { groups };
}

function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const regex = body.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${regex}${anchored ? '$' : ''}`).test(path);
}

/** True when `path` (with its query) may be fetched by `agent`: its own group, else `*`; the longest matching rule wins, Allow on ties. */
export function isAllowed(robots: Robots, agent: string, path: string): boolean {
  const token = agent.toLowerCase();
  const own = robots.groups.filter((g) => g.agents.some((a) => a !== '*' && token.includes(a)));
  const groups = own.length ? own : robots.groups.filter((g) => g.agents.includes('*'));
  let best: { allow: boolean; length: number } | null = null;
  for (const group of groups) {
    for (const rule of group.rules) {
      if (!patternMatches(rule.pattern, path)) continue;
      const length = rule.pattern.length;
      if (!best || length > best.length || (length === best.length && rule.allow)) best = { allow: rule.allow, length };
    }
  }
  return best?.allow ?? true;
}
