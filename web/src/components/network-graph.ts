import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { NetworkEdge, NetworkNode } from '../api.js';
import { navigate } from '../router.js';

interface LaidNode extends SimulationNodeDatum { id: string; name: string; type: string | null; weight: number; r: number; center: boolean }
type LaidLink = SimulationLinkDatum<LaidNode> & { weight: number };

const WIDTH = 640;
const HEIGHT = 420;

function layout(nodes: NetworkNode[], edges: NetworkEdge[], centerName: string): { nodes: LaidNode[]; links: LaidLink[] } {
  const maxWeight = Math.max(1, ...nodes.map((n) => n.weight));
  const laid: LaidNode[] = nodes.map((n, i) => {
    const center = n.name === centerName || n.id === centerName;
    const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
    return {
      id: n.id, name: n.name, type: n.type, weight: n.weight, center,
      r: center ? 16 : 5 + 13 * Math.sqrt(n.weight / maxWeight),
      x: center ? WIDTH / 2 : WIDTH / 2 + 150 * Math.cos(angle), y: center ? HEIGHT / 2 : HEIGHT / 2 + 150 * Math.sin(angle),
      ...(center ? { fx: WIDTH / 2, fy: HEIGHT / 2 } : {}),
    };
  });
  const ids = new Set(laid.map((n) => n.id));
  const links: LaidLink[] = edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ source: e.source, target: e.target, weight: e.weight }));
  const maxEdge = Math.max(1, ...links.map((l) => l.weight));
  const simulation = forceSimulation<LaidNode>(laid)
    .force('link', forceLink<LaidNode, LaidLink>(links).id((d) => d.id).distance((l) => 150 - 60 * (l.weight / maxEdge)).strength(0.5))
    .force('charge', forceManyBody<LaidNode>().strength(-420))
    .force('collide', forceCollide<LaidNode>().radius((d) => d.r + 20))
    .force('center', forceCenter(WIDTH / 2, HEIGHT / 2))
    .stop();
  for (let i = 0; i < 300; i++) simulation.tick();
  fit(laid);
  return { nodes: laid, links };
}

/** Scales the laid-out graph to fill the drawing, leaving room for labels. */
function fit(nodes: LaidNode[]): void {
  if (nodes.length < 2) return;
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const padX = 70;
  const padTop = 26;
  const padBottom = 34;
  const sx = (WIDTH - 2 * padX) / Math.max(1, maxX - minX);
  const sy = (HEIGHT - padTop - padBottom) / Math.max(1, maxY - minY);
  const scale = Math.min(sx, sy, 3);
  const offX = (WIDTH - scale * (maxX - minX)) / 2;
  const offY = padTop + (HEIGHT - padTop - padBottom - scale * (maxY - minY)) / 2;
  for (const n of nodes) {
    n.x = offX + scale * ((n.x ?? 0) - minX);
    n.y = offY + scale * ((n.y ?? 0) - minY);
  }
}

/** A force-directed co-mention graph in SVG; clicking a node opens that actor. */
export function NetworkGraph(props: { nodes: NetworkNode[]; edges: NetworkEdge[]; center: string; label: string }): VNode {
  const graph = useMemo(() => layout(props.nodes, props.edges, props.center), [props.nodes, props.edges, props.center]);
  const maxEdge = Math.max(1, ...graph.links.map((l) => l.weight));
  const open = (name: string) => navigate('/actor/' + encodeURIComponent(name));
  return html`<svg class="network" viewBox=${`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label=${props.label}>
    <g class="links">
      ${graph.links.map((l) => {
        const s = l.source as LaidNode;
        const t = l.target as LaidNode;
        return html`<line x1=${s.x} y1=${s.y} x2=${t.x} y2=${t.y} stroke-width=${1 + 3 * (l.weight / maxEdge)}></line>`;
      })}
    </g>
    <g class="nodes">
      ${graph.nodes.map((n) => html`<g class=${'node t-' + (n.type ?? 'NONE') + (n.center ? ' center' : '')} transform=${`translate(${n.x?.toFixed(1)},${n.y?.toFixed(1)})`}
          tabindex="0" role="link" aria-label=${n.name} data-name=${n.name}
          onClick=${() => open(n.name)} onKeyDown=${(e: KeyboardEvent) => { if (e.key === 'Enter') open(n.name); }}>
        <title>${n.name} · ${n.weight}</title>
        <circle r=${n.r}></circle>
        <text y=${n.r + 13} text-anchor="middle">${n.name}</text>
      </g>`)}
    </g>
  </svg>`;
}
