import { benchmarkSvg } from './svg.mjs';

/** The plot of a bench results document: throughput bars against the floor and wink-nlp, search latency per query. */
export function resultsSvg(r) {
  const a = r.analysis;
  const throughput = [
    { label: 'floor: one regex, token count', value: a.floor.mbPerSecond, color: '#999' },
    ...(r.scaling ? [{ label: 'Geiger, 2 worker threads', value: r.scaling.two.mbPerSecond, color: '#2a6f3f' }] : []),
    { label: 'Geiger, 1 thread, nl/en/de/fr', value: a.geiger.mbPerSecond, color: '#54a24b' },
    { label: 'Geiger, 1 thread, English', value: a.geigerEnglish.mbPerSecond, color: '#54a24b' },
    { label: 'wink-nlp readDoc, English', value: a.wink.mbPerSecond, color: '#4c78a8' },
  ];
  const s = r.search.find((x) => x.size === 100_000) ?? r.search[0];
  return benchmarkSvg({
    throughput, throughputTarget: 3, latencyTarget: 50,
    latency: { title: `SQLite store of ${s.size.toLocaleString('en-US')} articles`, queries: s.queries },
    subtitle: `${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node}, ${r.machine.date.slice(0, 10)}, commit ${r.machine.commit ?? '?'}, mode ${r.mode}`,
  });
}
