import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

/** One plotted series: raw values per x (stacked bars add them up for drawing). */
export interface ChartSeries { label: string; color: string; values: (number | null)[] }

export interface TimeChartProps {
  /** Period starts as Unix seconds. */
  x: number[];
  series: ChartSeries[];
  kind: 'line' | 'stacked';
  height?: number;
  /** Called with the selected range in Unix seconds after a drag. */
  onSelect?: (from: number, to: number) => void;
  ariaLabel: string;
}

const AXIS = { stroke: '#5b6675', grid: { stroke: '#e6e9ee', width: 1 }, ticks: { stroke: '#e6e9ee', width: 1 }, font: '12px system-ui, sans-serif' };

function stack(series: ChartSeries[]): number[][] {
  const sums: number[][] = [];
  let running = series.length ? series[0].values.map(() => 0) : [];
  for (const s of series) {
    running = running.map((v, i) => v + (s.values[i] ?? 0));
    sums.push(running);
  }
  return sums;
}

function options(props: TimeChartProps, width: number): uPlot.Options {
  const height = props.height ?? 240;
  const utc = (ts: number) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC');
  const common = {
    width, height, tzDate: utc,
    cursor: { drag: { x: true, y: false, setScale: false }, points: { size: 7 } },
    legend: { show: props.kind === 'line', live: true },
    axes: [{ ...AXIS }, { ...AXIS, size: 44 }],
    scales: { x: { time: true } },
    hooks: {
      setSelect: [
        (u: uPlot) => {
          if (!props.onSelect || u.select.width < 4) return;
          const from = u.posToVal(u.select.left, 'x');
          const to = u.posToVal(u.select.left + u.select.width, 'x');
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          props.onSelect(from, to);
        },
      ],
    },
  } satisfies Partial<uPlot.Options>;
  if (props.kind === 'line') {
    return {
      ...common,
      series: [
        {},
        ...props.series.map((s) => ({
          label: s.label, stroke: s.color, width: 2, fill: s.color + '22', points: { show: props.x.length < 40, size: 5 },
          value: (_u: uPlot, v: number | null) => (v === null ? '–' : v.toFixed(1)),
        })),
      ],
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
    };
  }
  const bars = uPlot.paths.bars!({ size: [0.72, 36], gap: 1 });
  const order = props.series.map((_, i) => i).reverse();
  return {
    ...common,
    series: [
      {},
      ...order.map((i) => {
        const s = props.series[i];
        return {
          label: s.label, stroke: s.color, fill: s.color, width: 0, paths: bars, points: { show: false },
          value: (_u: uPlot, _v: number | null, _si: number, di: number | null) => (di === null ? '–' : String(s.values[di] ?? 0)),
        };
      }),
    ],
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] } },
  };
}

function data(props: TimeChartProps): uPlot.AlignedData {
  if (props.kind === 'line') return [props.x, ...props.series.map((s) => s.values)];
  const sums = stack(props.series);
  return [props.x, ...sums.map((_, i) => sums[i]).reverse()];
}

/** A uPlot time chart (lines or stacked bars) that fills its container's width and reports drag selections. */
export function TimeChart(props: TimeChartProps): VNode {
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const key = JSON.stringify([props.kind, props.x, props.series.map((s) => [s.label, s.color, s.values]), props.height]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = new uPlot(options({ ...latest.current, onSelect: (a, b) => latest.current.onSelect?.(a, b) }, Math.max(300, el.clientWidth)), data(latest.current), el);
    const observer = new ResizeObserver(() => {
      const width = Math.max(300, el.clientWidth);
      if (Math.abs(width - chart.width) > 2) chart.setSize({ width, height: chart.height });
    });
    observer.observe(el);
    return () => { observer.disconnect(); chart.destroy(); };
  }, [key]);
  return html`<div class="chart" ref=${box} role="img" aria-label=${props.ariaLabel}></div>`;
}
