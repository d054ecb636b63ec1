import { readFileSync, writeFileSync } from 'node:fs';
import { resultsSvg } from './lib/results-svg.mjs';

const [input = new URL('./out/results-full.json', import.meta.url).pathname, output = new URL('../docs/benchmarks.svg', import.meta.url).pathname] = process.argv.slice(2);
writeFileSync(output, resultsSvg(JSON.parse(readFileSync(input, 'utf8'))));
console.log(`wrote ${output} from ${input}`);
