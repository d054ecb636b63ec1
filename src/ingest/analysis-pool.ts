import { Piscina } from 'piscina';
import { GeigerError } from '../errors.js';
import type { PipelineVersion } from '../pipeline/pipeline.js';
import type { Article } from '../read/article.js';
import type { Analysed, AnalyseBatch } from './analysed.js';
import type { VersionReply } from './analysis-worker.js';

const WORKER = new URL('./analysis-worker.js', import.meta.url);

/**
 * V8 limits for an analysis worker. Analysis allocates ~80 bytes per character of text, nearly all short-lived; a
 * 64 MB young generation (the default is 16-32) halves the scavenges and what they promote, and with it the GC
 * work that competes for the cores when two workers run (2-thread speed-up 1.15-1.30x → 1.41-1.57x, bench/).
 */
export const ANALYSIS_WORKER_LIMITS = { maxYoungGenerationSizeMb: 64 } as const;

/**
 * Worker threads, each with its own pipeline over the same codebook, that analyse batches of articles while the
 * calling thread deduplicates and commits: ingest uses the machine's second core.
 */
export class AnalysisPool {
  private readonly pool: Piscina;
  private readonly threads: number;

  constructor(options: { codebookDir?: string; threads?: number } = {}) {
    const threads = Math.max(1, options.threads ?? 1);
    this.threads = threads;
    this.pool = new Piscina({
      filename: WORKER.href, minThreads: threads, maxThreads: threads, idleTimeout: Infinity,
      workerData: { codebookDir: options.codebookDir }, resourceLimits: ANALYSIS_WORKER_LIMITS,
    });
  }

  /**
   * Analyses a batch, split in one part per thread; a worker that dies fails its part's articles with the reason,
   * and the pool replaces it.
   */
  readonly analyse: AnalyseBatch = async (articles: Article[]): Promise<Analysed[]> => {
    const size = Math.ceil(articles.length / this.threads);
    const parts: Article[][] = [];
    for (let i = 0; i < articles.length; i += size) parts.push(articles.slice(i, i + size));
    return (await Promise.all(parts.map((part) => this.analysePart(part)))).flat();
  };

  private async analysePart(articles: Article[]): Promise<Analysed[]> {
    try {
      return (await this.pool.run(articles)) as Analysed[];
    } catch (error) {
      const reason = `analysis worker failed: ${(error as Error).message}`;
      return articles.map(() => ({ error: reason }));
    }
  }

  /**
   * The version of the workers' pipeline (one codebook for all). Throws the GeigerError of a codebook a worker cannot
   * load, so a caller can fail on a bad codebook before it starts, as it would building a pipeline itself.
   */
  async version(): Promise<PipelineVersion> {
    const reply = (await this.pool.run(null, { name: 'version' })) as VersionReply;
    if ('error' in reply) {
      const { code, message, file, line } = reply.error;
      throw new GeigerError(code, message, { file, line });
    }
    return reply.version;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
