import { createHash } from 'node:crypto';
import type { Codebook } from '../codebook/load.js';
import { Doc } from '../doc/doc.js';
import { GeigerError } from '../errors.js';
import type { Article } from '../read/article.js';
import type { Analysis, EntityRecord } from './analysis.js';
import type { Stage, StageOptions } from './define-stage.js';

/** Bumped when extraction logic changes, so stored analyses can be recomputed. */
export const PIPELINE_VERSION = '0.1.0';

/** The versions stored beside every analysis: of the pipeline (stages) and of its codebook. */
export interface PipelineVersion { pipeline: string; codebook: string }

/** A checked list of stages bound to one codebook; analyses one article at a time. */
export class Pipeline {
  readonly codebook: Codebook;
  readonly stages: Stage[];
  private readonly runners: { name: string; run: (doc: Doc) => void }[];
  /** Hash of the stage names, part of the version string (computed once: the stage list is fixed). */
  private readonly stagesHash: string;

  constructor(stages: Stage[], codebook: Codebook, options: StageOptions = {}) {
    const assigned = new Set<string>();
    for (const stage of stages) {
      for (const need of stage.requires) {
        if (!assigned.has(need)) {
          throw new GeigerError('PIPELINE_INVALID', `stage ${stage.name} requires ${need}, which no earlier stage assigns`);
        }
      }
      for (const a of stage.assigns) assigned.add(a);
    }
    this.codebook = codebook;
    this.stages = stages;
    this.runners = stages.map((s) => ({ name: s.name, run: s.create(options, codebook) }));
    this.stagesHash = createHash('sha256').update(stages.map((s) => s.name).join(',')).digest('hex').slice(0, 6);
  }

  /** Version string of this pipeline and codebook, stored beside every analysis. */
  get version(): PipelineVersion {
    return { pipeline: `${PIPELINE_VERSION}+${this.stagesHash}`, codebook: this.codebook.version };
  }

  /** Runs every stage over a new Doc for the article. */
  run(article: Article): Doc {
    const doc = new Doc({ id: article.id, text: article.text, date: article.date, lang: article.lang });
    for (const r of this.runners) {
      r.run(doc);
      doc.markDone(r.name);
    }
    return doc;
  }

  /** Analyses one article into the record of ANALYSIS.md. */
  analyze(article: Article): Analysis {
    const doc = this.run(article);
    const record = toAnalysis(doc);
    if (article.title) record.title = article.title;
    if (article.url) record.url = article.url;
    record.version = this.version;
    return record;
  }
}

/** Builds the analysis record from a finished Doc: mentions grouped into entities by canonical id. */
export function toAnalysis(doc: Doc): Analysis {
  const entities = new Map<string, EntityRecord>();
  for (const m of doc.mentions) {
    let e = entities.get(m.id);
    if (!e) {
      e = { type: m.type, name: m.name, mentions: [] };
      if (!m.id.startsWith('doc:')) e.id = m.id;
      entities.set(m.id, e);
    }
    const span = doc.span(m.start, m.end);
    e.mentions.push({ start: span.start, end: span.end, text: span.text, rule: m.rule });
  }
  return {
    id: doc.id,
    date: doc.date,
    lang: doc.lang,
    relevant: doc.relevant,
    relevance: Math.round(doc.relevance * 1000) / 1000,
    entities: [...entities.values()],
    quotes: doc.quotes,
    events: doc.events,
    claims: doc.claims,
    dates: doc.dates,
    diagnostics: doc.diagnostics.length ? doc.diagnostics : undefined,
  };
}
