/**
 * A directed graph rendered on the server: dagre lays the nodes out, d3-shape draws the edges, and the result is
 * inline SVG whose nodes are links with `<title>`s. Next to it, the same graph as a text list (each node with
 * where its edges lead), so that screen-reader and keyboard users get everything the picture shows.
 */
import dagre from '@dagrejs/dagre';
import { curveBasis, line } from 'd3-shape';
import { push } from '../domain/maps.js';
import { html, type SafeHtml } from './html.js';

export interface GraphNode {
  id: string;
  label: string;
  /** What the node is: code (an IaC resource), resource (deployed), exposure (internet, data, privilege). */
  kind: 'code' | 'resource' | 'exposure';
  /** Extra words for the node's tooltip and the text list (type, account, traits). */
  detail?: string;
  /** Where the node leads (a finding, a cloud resource); only local paths are given here. */
  href?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** Short: drawn on the edge. */
  label: string;
  /** Why, in words: in the edge's tooltip and the list. */
  detail?: string;
  /** A weaker relation (a name heuristic link): drawn dashed and said so in the list. */
  weak?: boolean;
}

const NODE_HEIGHT = 40;
const CHARACTER_WIDTH = 7;
const MAX_LABEL = 34;

const shorten = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

/** The SVG of a graph and its text list; `title` names both. Unknown edge ends are ignored. */
export function graphView(options: {
  /** Unique on the page: names the arrow marker. */
  id: string;
  title: string;
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  direction?: 'LR' | 'TB';
}): SafeHtml {
  const { title } = options;
  const marker = `arrow-${options.id.replace(/[^A-Za-z0-9-]/g, '-')}`;
  const nodes = new Map(options.nodes.map((node) => [node.id, node]));
  const edges = options.edges.filter((edge) => nodes.has(edge.from) && nodes.has(edge.to));
  if (nodes.size === 0) return html`<p class="empty">${title}: nothing to show yet.</p>`;

  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: options.direction ?? 'LR', nodesep: 24, ranksep: 70, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes.values()) {
    graph.setNode(node.id, {
      width: Math.max(90, shorten(node.label).length * CHARACTER_WIDTH + 24),
      height: NODE_HEIGHT,
    });
  }
  edges.forEach((edge, index) => {
    graph.setEdge(edge.from, edge.to, { label: edge.label }, `e${index}`);
  });
  dagre.layout(graph);
  const size = graph.graph() as { width?: number; height?: number };
  const width = Math.ceil(size.width ?? 200);
  const height = Math.ceil(size.height ?? 60);
  const toPath = line<{ x: number; y: number }>()
    .x((point) => point.x)
    .y((point) => point.y)
    .curve(curveBasis);
  const description = `${title}: ${nodes.size} nodes, ${edges.length} connections. The list after the picture says the same.`;

  const drawnEdges = edges.map((edge, index) => {
    const laid = graph.edge({ v: edge.from, w: edge.to, name: `e${index}` }) as {
      points?: { x: number; y: number }[];
    };
    const points = laid.points ?? [];
    const middle = points[Math.floor(points.length / 2)];
    const from = nodes.get(edge.from)!;
    const to = nodes.get(edge.to)!;
    return html`<g class="edge${edge.weak ? ' weak' : ''}"><title>${from.label} ${edge.label} ${to.label}${edge.detail ? `: ${edge.detail}` : ''}${edge.weak ? ' (weak link)' : ''}</title>
<path d="${toPath(points) ?? ''}" marker-end="url(#${marker})"></path>${
      middle
        ? html`<text class="edge-label" x="${middle.x}" y="${middle.y - 5}" text-anchor="middle">${edge.label}</text>`
        : ''
    }</g>`;
  });
  const drawnNodes = [...nodes.values()].map((node) => {
    const laid = graph.node(node.id) as { x: number; y: number; width: number; height: number };
    const shape = html`<rect x="${laid.x - laid.width / 2}" y="${laid.y - laid.height / 2}" width="${laid.width}" height="${laid.height}" rx="6"></rect>
<text x="${laid.x}" y="${laid.y + 4}" text-anchor="middle">${shorten(node.label)}</text>`;
    const tip = html`<title>${node.label}${node.detail ? ` (${node.detail})` : ''}</title>`;
    return node.href
      ? html`<a class="node node-${node.kind}" href="${node.href}">${tip}${shape}</a>`
      : html`<g class="node node-${node.kind}">${tip}${shape}</g>`;
  });

  const outgoing = new Map<string, GraphEdge[]>();
  for (const edge of edges) push(outgoing, edge.from, edge);
  const nameOf = (node: GraphNode) =>
    node.href ? html`<a href="${node.href}">${node.label}</a>` : node.label;
  return html`<div class="graph">
<div class="graph-picture"><svg class="graph-svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${description}">
<title>${description}</title>
<defs><marker id="${marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow" d="M0,0L10,5L0,10z"></path></marker></defs>
${drawnEdges}
${drawnNodes}
</svg></div>
<ul class="graph-list" aria-label="${title}, as a list">
${[...nodes.values()].map(
  (node) =>
    html`<li><span class="node-kind">${node.kind}</span> ${nameOf(node)}${node.detail ? html` <span class="muted">${node.detail}</span>` : ''}${
      outgoing.has(node.id)
        ? html`<ul>${outgoing
            .get(node.id)!
            .map(
              (edge) =>
                html`<li>${edge.label} → ${nameOf(nodes.get(edge.to)!)}${edge.detail ? html` <span class="muted">${edge.detail}</span>` : ''}${edge.weak ? html` <span class="muted">(weak link: name heuristic)</span>` : ''}</li>`,
            )}</ul>`
        : ''
    }</li>`,
)}
</ul>
</div>`;
}
