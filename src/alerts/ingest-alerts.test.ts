import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestArticles } from '../ingest/ingest.js';
import { createPipeline } from '../pipeline/create.js';
import type { ReadResult } from '../read/read-result.js';
import { openStore } from '../store/store.js';
import { createWatchRule } from './rules.js';
import { alertsOnStored } from './evaluate.js';

async function* articles(): AsyncGenerator<ReadResult> {
  yield { ok: true, article: { id: 'a1', date: '2023-03-26', text: 'Poetin kondigde aan dat Rusland tactische kernwapens in Belarus zal stationeren. Het gaat om kernwapens.' } };
  yield { ok: true, article: { id: 'a2', date: '2023-03-27', text: 'In Utrecht won de thuisploeg zondag met 2-0 van de bezoekers uit Zwolle.' } };
}

describe('alerts on ingest', () => {
  it('evaluates watch rules on each newly ingested article and records only matching hits', async () => {
    const store = await openStore({ db: join(mkdtempSync(join(tmpdir(), 'geiger-alerts-')), 'g.db') });
    const pipeline = createPipeline();
    try {
      const rule = createWatchRule(pipeline.codebook, { name: 'poetin', actor: 'Poetin' });
      await store.saveWatchRule(rule);
      await ingestArticles(store, pipeline, articles(), { onStored: await alertsOnStored(store) });
      const hits = await store.alertHits(rule.id);
      expect(hits.items.map((h) => h.articleId)).toEqual(['a1']);
    } finally {
      await store.close();
    }
  });
});
