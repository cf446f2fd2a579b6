/** Repository settings posture: findings of category `posture`, grouped per repository. */
import { FINDING_STATUSES } from '../../schemas/api.js';
import type { FindingPage, RepositoryView } from '../../storage/storage.js';
import { html, type SafeHtml, withQuery } from '../html.js';
import { badge, formatTime } from './layout.js';

/** The posture page body: `page` holds posture findings (open by default) of every repository or one. */
export function postureView(options: {
  page: FindingPage;
  repositories: RepositoryView[];
  repositoryId?: number;
  status: string;
}): SafeHtml {
  const { page } = options;
  const groups = new Map<number, FindingPage['items']>();
  for (const finding of page.items) {
    const list = groups.get(finding.repository.id) ?? [];
    list.push(finding);
    groups.set(finding.repository.id, list);
  }
  return html`<h1>Posture</h1>
<p>Repository settings checked against the posture rules: branch protection, required reviews, secret scanning and the like.
Settings are collected from GitHub (by <code>palisade posture</code> and the GitHub App).
GitLab and Azure DevOps settings are not collected yet, so their repositories have no posture findings here.</p>
<form class="filters" method="get" action="/posture" aria-label="Filter posture findings">
  <label>Repository <select name="repository"><option value="">any</option>${options.repositories.map(
    (repository) =>
      html`<option value="${repository.id}"${repository.id === options.repositoryId ? html` selected` : ''}>${repository.owner}/${repository.name}</option>`,
  )}</select></label>
  <label>Status <select name="status">${FINDING_STATUSES.map(
    (status) =>
      html`<option value="${status}"${status === options.status ? html` selected` : ''}>${status.replace('_', ' ')}</option>`,
  )}</select></label>
  <button type="submit">Filter</button>
</form>
<p class="muted">${page.total}${page.totalCapped ? '+' : ''} ${options.status.replace('_', ' ')} posture findings${
    page.items.length < page.total ? `; the first ${page.items.length} are listed` : ''
  }.</p>
${
  groups.size === 0
    ? html`<p class="empty">No posture findings. Upload the settings of your GitHub repositories with <code>palisade posture</code>.</p>`
    : [...groups.values()].map((findings) => {
        const repository = findings[0]!.repository;
        return html`<section aria-labelledby="posture-${repository.id}">
  <h2 id="posture-${repository.id}"><a href="/repositories/${repository.id}">${repository.owner}/${repository.name}</a> <span class="muted">${repository.provider} · ${findings.length}</span></h2>
  <table>
    <thead><tr><th scope="col">Severity</th><th scope="col">Setting</th><th scope="col">What is wrong</th><th scope="col">Status</th><th scope="col">Last seen</th></tr></thead>
    <tbody>${findings.map(
      (finding) => html`<tr>
      <td>${badge('severity', finding.severity)}</td>
      <td><a href="/findings/${finding.id}">${finding.title}</a><br><span class="muted">${finding.ruleId}</span></td>
      <td>${finding.message}</td>
      <td>${badge('status', finding.status)}</td>
      <td class="nowrap">${formatTime(finding.lastSeenAt)}</td>
    </tr>`,
    )}</tbody>
  </table>
  <p><a href="${withQuery('/findings', { repository: repository.id, category: 'posture', status: options.status })}">These findings in the findings list</a></p>
</section>`;
      })
}`;
}
