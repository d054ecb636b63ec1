import type { Analysis } from '../pipeline/analysis.js';
import type { CommonFilter, EventFilter, Store, StoredArticle, StoredEvent, ArticleSummary } from '../store/store.js';

const PAGE = 500;

/** Article summaries matching a filter, page by page (flat memory). */
export async function* articlePages(store: Store, filter: CommonFilter): AsyncGenerator<ArticleSummary> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listArticles({ ...filter, limit: PAGE, offset });
    yield* page.items;
    if (page.items.length < PAGE) return;
  }
}

/** Stored analysis records of the articles matching a filter. */
export async function* analysisRecords(store: Store, filter: CommonFilter): AsyncGenerator<Analysis> {
  for await (const summary of articlePages(store, filter)) {
    const stored = await store.getArticle(summary.id);
    if (stored) yield stored.analysis;
  }
}

/** Stored events matching a filter, newest article first, page by page. */
export async function* eventRows(store: Store, filter: EventFilter): AsyncGenerator<StoredEvent> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.events({ ...filter, limit: PAGE, offset });
    yield* page.items;
    if (page.items.length < PAGE) return;
  }
}

/** Looks up stored articles, remembering the last one (events arrive grouped by article). */
export class LastArticle {
  private id: string | null = null;
  private value: StoredArticle | null = null;

  constructor(private readonly store: Store) {}

  async get(id: string): Promise<StoredArticle | null> {
    if (id !== this.id) {
      this.id = id;
      this.value = await this.store.getArticle(id);
    }
    return this.value;
  }
}
