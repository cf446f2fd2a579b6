/**
 * The graph view: code → deployed resource → exposure for every linked resource, and each attack path as a
 * small graph with its sentence. Pictures are server-side SVG (../graph.ts) with a text list of the same.
 */
import type { AttackPathEdge, AttackPathNode } from '../../domain/analysis-model.js';
import type {
  AttackPathView,
  CloudResourceView,
  CodeLinkView,
  TraitView,
} from '../../storage/cloud-storage.js';
import { type GraphEdge, type GraphNode, graphView } from '../graph.js';
import { html, type SafeHtml } from '../html.js';
import { badge } from './layout.js';

/** A deployed resource with the code it comes from and its traits. */
export interface LinkedResource {
  resource: Pick<CloudResourceView, 'id' | 'uid' | 'name' | 'type' | 'region' | 'account'>;
  code: CodeLinkView[];
  traits: TraitView[];
}

const EXPOSURES: Record<string, { label: string; relation: string }> = {
  'internet-exposed': { label: 'Internet', relation: 'reachable from' },
  'sensitive-data': { label: 'Sensitive data', relation: 'holds' },
  'admin-privilege': { label: 'Admin privilege', relation: 'has' },
};

const RELATIONS: Record<AttackPathEdge['relation'], string> = {
  references: 'references',
  related: 'related to',
  grants: 'grants access to',
  'admin-access': 'has admin over',
};

/** Code → resource → exposure for the linked resources. */
export function codeToCloudGraph(linked: readonly LinkedResource[]): {
  nodes: GraphNode[];
  edges: GraphEdge[];
} {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  for (const { resource, code, traits } of linked) {
    const resourceId = `cloud:${resource.id}`;
    nodes.set(resourceId, {
      id: resourceId,
      label: resource.name ?? resource.uid,
      kind: 'resource',
      detail: `${resource.type}, ${resource.account.provider} ${resource.account.accountId}${resource.region ? ` ${resource.region}` : ''}`,
      href: `/cloud/resources/${resource.id}`,
    });
    for (const link of code) {
      const codeId = `code:${link.repository.id}:${link.branch}:${link.address}`;
      nodes.set(codeId, {
        id: codeId,
        label: link.address,
        kind: 'code',
        detail: `${link.repository.owner}/${link.repository.name} ${link.file}:${link.line} on ${link.branch}`,
        href: `/repositories/${link.repository.id}`,
      });
      edges.push({ from: codeId, to: resourceId, label: 'deployed as', weak: link.weak });
    }
    for (const trait of new Set(traits.map((entry) => entry.trait))) {
      const exposure = EXPOSURES[trait];
      if (!exposure) continue;
      const exposureId = `trait:${trait}`;
      nodes.set(exposureId, { id: exposureId, label: exposure.label, kind: 'exposure' });
      const reasons = traits.filter((entry) => entry.trait === trait).map((entry) => entry.reason);
      edges.push({
        from: resourceId,
        to: exposureId,
        label: exposure.relation,
        detail: reasons.join('; '),
      });
    }
  }
  return { nodes: [...nodes.values()], edges };
}

function pathNodeHref(node: AttackPathNode): string | undefined {
  const cloud = node.keys.find((key) => /^cloud:\d+$/.test(key));
  if (cloud) return `/cloud/resources/${cloud.slice('cloud:'.length)}`;
  const finding = node.findingIds[0];
  return finding === undefined ? undefined : `/findings/${finding}`;
}

/** One attack path as nodes and edges, from the internet when its first resource is exposed. */
export function attackPathGraph(path: AttackPathView): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes: GraphNode[] = path.nodes.map((node) => ({
    id: node.id,
    label: node.label,
    kind: 'resource',
    detail: [
      node.traits.filter((trait) => trait !== 'deployed').join(', '),
      node.findingIds.length ? `${node.findingIds.length} open findings` : '',
      node.failingChecks ? `${node.failingChecks} failing checks` : '',
    ]
      .filter(Boolean)
      .join('; '),
    href: pathNodeHref(node),
  }));
  const edges: GraphEdge[] = path.edges.map((edge) => ({
    from: edge.from,
    to: edge.to,
    label: RELATIONS[edge.relation] ?? edge.relation,
  }));
  const first = path.nodes[0];
  if (first?.traits.includes('internet-exposed')) {
    nodes.unshift({ id: 'internet', label: 'Internet', kind: 'exposure' });
    edges.unshift({ from: 'internet', to: first.id, label: 'reaches' });
  }
  const last = path.nodes.at(-1);
  if (last?.traits.includes('sensitive-data')) {
    nodes.push({ id: 'data', label: 'Sensitive data', kind: 'exposure' });
    edges.push({ from: last.id, to: 'data', label: 'holds' });
  }
  return { nodes, edges };
}

/** The graph page body. */
export function graphPageView(options: {
  linked: LinkedResource[];
  paths: AttackPathView[];
  /** True when only the first resources of large accounts were read. */
  truncated: boolean;
}): SafeHtml {
  const overview = codeToCloudGraph(options.linked);
  return html`<h1>Graph</h1>
<p>Code → deployed resource → exposure, from the links the code-to-cloud analysis made, and the attack paths it found across linked resources. Dashed edges are weak links (a name match only).</p>
<section aria-labelledby="paths-heading">
  <h2 id="paths-heading">Attack paths: ${options.paths.length}</h2>
  ${
    options.paths.length === 0
      ? html`<p class="empty">No attack path across linked resources.</p>`
      : options.paths.map((path) => {
          const graph = attackPathGraph(path);
          return html`<article class="attack-path" aria-labelledby="path-${path.rank}">
  <h3 id="path-${path.rank}">${path.rank}. ${path.severity ? badge('severity', path.severity) : ''} ${path.sentence}</h3>
  <p class="muted">${path.hops === 0 ? 'one resource' : `${path.hops} hops`}${path.adminPrivilege ? ' · admin privilege on the way' : ''} · ${
    path.findingIds.length === 0
      ? 'no open code finding on it (runtime checks only)'
      : html`open findings on it: ${path.findingIds.slice(0, 10).map((id, index) => html`${index > 0 ? ', ' : ''}<a href="/findings/${id}">#${id}</a>`)}${path.findingIds.length > 10 ? ` and ${path.findingIds.length - 10} more` : ''}`
  }</p>
  ${graphView({
    id: `path-${path.rank}`,
    title: `Attack path ${path.rank}`,
    nodes: graph.nodes,
    edges: graph.edges,
    // A long chain reads better top to bottom than shrunk to the width of the page.
    direction: graph.nodes.length > 3 ? 'TB' : 'LR',
  })}
</article>`;
        })
  }
</section>
<section aria-labelledby="links-heading">
  <h2 id="links-heading">Code to cloud</h2>
  ${options.truncated ? html`<p class="notice">Large accounts: only their first resources are drawn here; every resource is on its account page.</p>` : ''}
  ${
    overview.nodes.length === 0
      ? html`<p class="empty">No code is linked to a deployed resource yet: import a Terraform state or cloud inventory of the accounts your code deploys to.</p>`
      : graphView({
          id: 'code-to-cloud',
          title: 'Code to cloud',
          nodes: overview.nodes,
          edges: overview.edges,
        })
  }
</section>`;
}
