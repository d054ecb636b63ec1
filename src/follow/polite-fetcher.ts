import { ALLOW_ALL, isAllowed, parseRobots, type Robots } from './robots.js';

/** The User-Agent Geiger sends; robots.txt groups for "geiger" apply to it. */
export const USER_AGENT = 'Geiger/0.1 (+https://github.com/geiger-news/geiger)';
const ROBOTS_TOKEN = 'geiger';

export interface FetcherOptions {
  userAgent?: string;
  /** Least time between two requests to the same host; default 1000 ms. */
  minIntervalMs?: number;
  /** Time allowed for one attempt (headers and body); default 15000 ms. */
  timeoutMs?: number;
  /** Further attempts after a 5xx, a timeout or a network error; default 2. */
  retries?: number;
  /** First backoff before a retry, doubled each time; default 500 ms. */
  backoffMs?: number;
  /** Largest body read; default 10 MB. */
  maxBytes?: number;
  /** How long a host's robots.txt is trusted; default one hour. */
  robotsTtlMs?: number;
}

/** A fetched response with its body read. */
export interface Fetched { status: number; url: string; headers: Headers; text: string }

/** A request that failed for good: robots.txt forbids it, or every attempt failed. */
export class FetchFailure extends Error {
  constructor(readonly url: string, message: string, readonly status: number | null, readonly transient: boolean) {
    super(message);
    this.name = 'FetchFailure';
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** HTTP GET with a clear User-Agent, robots.txt, a per-host rate limit, timeouts and retries with exponential backoff. */
export class PoliteFetcher {
  readonly userAgent: string;
  private readonly minIntervalMs: number;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxBytes: number;
  private readonly robotsTtlMs: number;
  private readonly nextSlot = new Map<string, number>();
  private readonly robots = new Map<string, { at: number; rules: Promise<Robots> }>();

  constructor(options: FetcherOptions = {}) {
    this.userAgent = options.userAgent ?? USER_AGENT;
    this.minIntervalMs = options.minIntervalMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
    this.robotsTtlMs = options.robotsTtlMs ?? 3_600_000;
  }

  /** GETs a URL robots.txt allows; 4xx comes back as a response, 5xx and timeouts are retried, then thrown. */
  async get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
    const target = new URL(url);
    const rules = await this.robotsFor(target);
    if (!isAllowed(rules, ROBOTS_TOKEN, target.pathname + target.search)) {
      throw new FetchFailure(url, 'disallowed by robots.txt', null, false);
    }
    return this.getWithRetries(target, headers);
  }

  private async getWithRetries(target: URL, headers: Record<string, string>): Promise<Fetched> {
    let last = '';
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await sleep(this.backoffMs * 2 ** (attempt - 1));
      try {
        const got = await this.once(target, headers);
        if (got.status < 500) return got;
        last = `HTTP ${got.status}`;
      } catch (error) {
        if (error instanceof FetchFailure) throw error;
        const e = error as Error;
        last = e.name === 'TimeoutError' || e.name === 'AbortError' ? `timed out after ${this.timeoutMs} ms` : e.message;
      }
    }
    throw new FetchFailure(target.href, `${last} (after ${this.retries + 1} attempts)`, null, true);
  }

  private async once(target: URL, headers: Record<string, string>): Promise<Fetched> {
    await this.waitTurn(target.host);
    const response = await fetch(target, {
      headers: { 'user-agent': this.userAgent, ...headers },
      redirect: 'follow',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > this.maxBytes) {
      await response.body?.cancel();
      throw new FetchFailure(target.href, `response of ${length} bytes exceeds the limit of ${this.maxBytes}`, response.status, false);
    }
    const text = await response.text();
    return { status: response.status, url: response.url || target.href, headers: response.headers, text };
  }

  private async waitTurn(host: string): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(host) ?? 0);
    this.nextSlot.set(host, slot + this.minIntervalMs);
    if (slot > now) await sleep(slot - now);
  }

  private robotsFor(target: URL): Promise<Robots> {
    const cached = this.robots.get(target.origin);
    if (cached && Date.now() - cached.at < this.robotsTtlMs) return cached.rules;
    const rules = this.fetchRobots(target.origin);
    this.robots.set(target.origin, { at: Date.now(), rules });
    return rules;
  }

  private async fetchRobots(origin: string): Promise<Robots> {
    try {
      const got = await this.getWithRetries(new URL('/robots.txt', origin), {});
      if (got.status >= 200 && got.status < 300) return parseRobots(got.text);
      return ALLOW_ALL;
    } catch (error) {
      this.robots.delete(origin);
      throw new FetchFailure(`${origin}/robots.txt`, `robots.txt unreachable, not fetching from ${origin}: ${(error as Error).message}`, null, true);
    }
  }
}
