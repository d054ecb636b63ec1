import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../src/pipeline/create.js';
import { readSources } from '../src/read/index.js';

const SCHEMA = join(import.meta.dirname, '..', '..', 'shared', 'spec', 'analysis.schema.json');
const DEMO = join(import.meta.dirname, '..', 'corpus', 'demo', 'articles');

let schema: object | null = null;
try { schema = JSON.parse(readFileSync(SCHEMA, 'utf8')); } catch { schema = null; }

describe.skipIf(!schema)(`analysis records against ${schema ? 'the contract schema' : 'the contract schema (skipped: ../shared/spec/analysis.schema.json not found)'}`, () => {
  it('every record of the demo corpus is valid against analysis.schema.json', async () => {
    const Ajv = (Ajv2020 as unknown as { default: typeof Ajv2020 }).default ?? Ajv2020;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema!);
    const pipeline = createPipeline();
    let n = 0;
    for await (const r of readSources([DEMO])) {
      if (!r.ok) throw r.error;
      const record = JSON.parse(JSON.stringify(pipeline.analyze(r.article)));
      expect(validate(record), `${record.id}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      n++;
    }
    expect(n).toBeGreaterThanOrEqual(40);
  });
});
