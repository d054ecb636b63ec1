import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GeigerError } from '../errors.js';

/** What is remembered of one feed between rounds. */
export interface FeedState {
  etag?: string;
  lastModified?: string;
  lastPolled?: string;
  lastError?: string;
  /** Item ids already handled (stored, or a copy of something stored), newest last; capped. */
  seen?: string[];
}

/** The follower's state file: per feed URL. */
export interface FollowState { feeds: Record<string, FeedState> }

const SEEN_CAP = 5000;

/** Reads the state file; a missing file is an empty state, a corrupt one a STORE_ERROR naming it. */
export function loadFollowState(path: string): FollowState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { feeds: {} };
    throw new GeigerError('STORE_ERROR', `cannot read follow state: ${(error as Error).message}`, { file: path });
  }
  try {
    const parsed = JSON.parse(text) as FollowState;
    return parsed && typeof parsed.feeds === 'object' ? parsed : { feeds: {} };
  } catch (error) {
    throw new GeigerError('STORE_ERROR', `follow state is not JSON: ${(error as Error).message}`, { file: path });
  }
}

/** Writes the state file atomically (a temporary file renamed over it). */
export function saveFollowState(path: string, state: FollowState): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 1)}\n`);
  renameSync(temp, path);
}

/** Adds ids to a feed's seen list, keeping the newest SEEN_CAP. */
export function markSeen(feed: FeedState, ids: Iterable<string>): void {
  const seen = new Set(feed.seen ?? []);
  for (const id of ids) { seen.delete(id); seen.add(id); }
  const all = [...seen];
  feed.seen = all.length > SEEN_CAP ? all.slice(all.length - SEEN_CAP) : all;
}
