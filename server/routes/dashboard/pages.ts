/**
 * The dashboard's analysis pages: overview, findings (bulk actions and CSV export), repository, cloud account
 * and resource, graph and posture. Registered by the dashboard plugin, which lends its page helpers.
 */
import { Readable } from 'node:stream';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CATEGORIES, SEVERITIES } from '../../../scanners/core/types.js';
import { findingsCsv } from '../../dashboard/csv.js';
import type { SafeHtml } from '../../dashboard/html.js';
import { accountView, resourceView } from '../../dashboard/views/cloud.js';
import { errorView, findingView } from '../../dashboard/views/finding.js';
import { type BulkNotice, filterParams, findingsView } from '../../dashboard/views/findings.js';
import { graphPageView, type LinkedResource } from '../../dashboard/views/graph.js';
import type { Page } from '../../dashboard/views/layout.js';
import { type OverviewData, overviewView, type ScoreWithHistory } from '../../dashboard/views/overview.js';
import { postureView } from '../../dashboard/views/posture.js';
import { repositoryView } from '../../dashboard/views/repository.js';
import { actorName, can, type Principal } from '../../domain/roles.js';
import { TRIAGE_STATUSES, triageExpiry } from '../../domain/triage.js';
import {
  FindingListQuerySchema,
  FindingStatusSchema,
  IdParamsSchema,
  toFindingQuery,
} from '../../schemas/api.js';
import type { CloudResourceView, ScoreView } from '../../storage/cloud-storage.js';
import type { FindingFilter, FindingQuery, FindingStatus, SeverityCounts } from '../../storage/storage.js';
import { findingCodeToCloud } from '../cloud/finding-context.js';

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

export interface PageHelpers {
  sendPage(
    request: FastifyRequest,
    reply: FastifyReply,
    title: string,
    body: SafeHtml,
    section?: Page['section'],
  ): FastifyReply;
  requireUser(request: FastifyRequest, reply: FastifyReply): UserPrincipal | undefined;
  /** The user when the CSRF token is the session's; otherwise the error page is sent. */
  formUser(request: FastifyRequest, reply: FastifyReply, csrf: string): UserPrincipal | undefined;
}

/** Days of score history the pages draw. */
const SCORE_DAYS = 90;
/** Resources of one account read for the graph view; the account page pages through all of them. */
const GRAPH_RESOURCES_PER_ACCOUNT = 200;
const GRAPH_ACCOUNTS = 10;
const ACCOUNT_PAGE_SIZE = 100;
const BULK_LIMIT = 1000;
const BULK_ACTIONS = ['risk_accepted', 'false_positive', 'owner'] as const;

/** The findings page query: the API's filters, plus what a bulk action did (counts only, never text). */
const FindingsPageQuerySchema = Type.Object(
  {
    ...FindingListQuerySchema.properties,
    bulk: Type.Optional(Type.Union(BULK_ACTIONS.map((action) => Type.Literal(action)))),
    changed: Type.Optional(Type.Integer({ minimum: 0, maximum: BULK_LIMIT })),
    skipped: Type.Optional(Type.Integer({ minimum: 0, maximum: BULK_LIMIT })),
  },
  { additionalProperties: false },
);

const countQuery = (query: Partial<FindingQuery>): FindingQuery => ({
  sort: 'severity',
  order: 'desc',
  limit: 1,
  offset: 0,
  ...query,
});

function withHistory(
  score: ScoreView | undefined,
  history: Map<string, { day: string; points: number; maxPoints: number; percent: number | null }[]>,
): (ScoreWithHistory & Pick<ScoreView, 'controls'>) | undefined {
  if (!score) return undefined;
  return { ...score, history: history.get(`${score.scope}:${score.subject}`) ?? [] };
}

function bulkNotice(query: { bulk?: string; changed?: number; skipped?: number }): BulkNotice | undefined {
  if (query.bulk === undefined || query.changed === undefined) return undefined;
  const what =
    query.bulk === 'owner'
      ? 'Assigned the owner of'
      : query.bulk === 'risk_accepted'
        ? 'Accepted the risk of'
        : 'Marked as false positive';
  const skipped = query.skipped
    ? ` ${query.skipped} could not change (gone, or not in a state that allows it).`
    : '';
  return { done: `${what} ${query.changed} finding${query.changed === 1 ? '' : 's'}.${skipped}` };
}

/** A bulk form's ids: one checkbox sends a string, several an array. */
function parseIds(value: string | string[] | undefined): number[] | undefined {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const ids = list.map((item) => Number(item));
  return ids.every((id) => Number.isSafeInteger(id) && id > 0) ? [...new Set(ids)] : undefined;
}

/** The findings list URL a bulk form came from, or the plain list: never another page or site. */
function returnTo(value: string | undefined): URL {
  const fallback = new URL('/findings', 'http://dashboard.invalid');
  if (!value?.startsWith('/findings?') && value !== '/findings') return fallback;
  const url = new URL(value, 'http://dashboard.invalid');
  return url.origin === fallback.origin && url.pathname === '/findings' ? url : fallback;
}

export function registerPages(untyped: FastifyInstance, helpers: PageHelpers): void {
  const app = untyped.withTypeProvider<TypeBoxTypeProvider>();
  const { sendPage, requireUser, formUser } = helpers;
  const notFound = (request: FastifyRequest, reply: FastifyReply, what: string) =>
    sendPage(request, reply.code(404), 'Not found', errorView('Not found', `No such ${what}.`));

  /** After a triage decision: scores and priorities depend on it, so the analysis runs again. */
  const reanalyse = (organizationId: number) => app.analysisRunner.request(organizationId);

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const organizationId = user.organizationId;
    const [summary, trends, scores, accounts, topPriorities, paths, analysis, openCounts] = await Promise.all(
      [
        app.storage.summarize(organizationId),
        app.storage.trends(organizationId, { days: 30 }, new Date().toISOString()),
        app.storage.cloud.scores(organizationId, SCORE_DAYS),
        app.storage.cloud.listAccounts(organizationId),
        app.storage.cloud.topPriorities(organizationId, 10),
        app.storage.cloud.attackPaths(organizationId, 200),
        app.storage.cloud.lastAnalysis(organizationId),
        app.storage.countFindings(organizationId, { status: ['open'] }, ['category', 'severity']),
      ],
    );
    const byCategory = CATEGORIES.map((category) => {
      const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as SeverityCounts;
      for (const group of openCounts) {
        if (group.category === category && Object.hasOwn(counts, group.severity)) {
          counts[group.severity] += group.count;
        }
      }
      return { category, counts };
    });
    const scoreOf = (scope: ScoreView['scope'], subject: string) =>
      withHistory(
        scores.current.find((score) => score.scope === scope && score.subject === subject),
        scores.history,
      );
    const data: OverviewData = {
      summary,
      trends,
      byCategory,
      organizationScore: scoreOf('organization', ''),
      repositoryScores: new Map(
        summary.repositories.flatMap((repository) => {
          const score = scoreOf('repository', String(repository.id));
          return score ? [[repository.id, score] as const] : [];
        }),
      ),
      accounts: accounts.map((account) => ({ ...account, score: scoreOf('account', account.accountId) })),
      topPriorities,
      attackPaths: {
        count: paths.length,
        sentences: paths.slice(0, 5).map((path) => ({ sentence: path.sentence, severity: path.severity })),
      },
      analysis,
    };
    return sendPage(request, reply, 'Overview', overviewView(data), 'overview');
  });

  app.get(
    '/findings',
    { schema: { hide: true, querystring: FindingsPageQuerySchema } },
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      const query = toFindingQuery(request.query);
      const [page, repositories] = await Promise.all([
        app.storage.listFindings(user.organizationId, query),
        app.storage.listRepositories(user.organizationId),
      ]);
      const priorities = await app.storage.cloud.priorityScores(
        user.organizationId,
        page.items.map((finding) => finding.id),
      );
      const body = findingsView({
        query: request.query,
        limit: query.limit,
        offset: query.offset,
        page,
        repositories,
        priorities,
        bulk: can(user, 'triage') ? { csrfToken: user.csrfToken } : undefined,
        notice: bulkNotice(request.query),
      });
      return sendPage(request, reply, 'Findings', body, 'findings');
    },
  );

  app.get(
    '/findings.csv',
    { schema: { hide: true, querystring: FindingListQuerySchema } },
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      const { limit: _limit, offset: _offset, ...query } = toFindingQuery(request.query);
      await app.storage.appendAudit({
        organizationId: user.organizationId,
        actor: actorName(user),
        action: 'findings.export',
        target: null,
        details: { format: 'csv', filters: filterParams(request.query) },
      });
      const rows = findingsCsv(
        query,
        async (pageQuery) => ({ items: await app.storage.listFindingItems(user.organizationId, pageQuery) }),
        (ids) => app.storage.cloud.priorityScores(user.organizationId, ids),
      );
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="palisade-findings-${day}.csv"`)
        .send(Readable.from(rows));
    },
  );

  app.post(
    '/findings/bulk',
    {
      schema: {
        hide: true,
        body: Type.Object({
          csrf: Type.String({ maxLength: 200 }),
          return: Type.Optional(Type.String({ maxLength: 4000 })),
          action: Type.String({ maxLength: 50 }),
          ids: Type.Optional(
            Type.Union([
              Type.String({ maxLength: 20 }),
              Type.Array(Type.String({ maxLength: 20 }), { maxItems: BULK_LIMIT }),
            ]),
          ),
          reason: Type.Optional(Type.String({ maxLength: 2000 })),
          expiresOn: Type.Optional(Type.String({ maxLength: 20 })),
          owner: Type.Optional(Type.String({ maxLength: 200 })),
        }),
      },
    },
    async (request, reply) => {
      const user = formUser(request, reply, request.body.csrf);
      if (!user) return reply;
      const back = returnTo(request.body.return);
      const refuse = (status: number, message: string) =>
        sendPage(
          request,
          reply.code(status),
          'Error',
          errorView(`Error ${status}`, `${message} Go back to the findings and try again.`),
        );
      if (!can(user, 'triage')) return refuse(403, 'Your role may not triage findings or assign owners.');
      const action = BULK_ACTIONS.find((candidate) => candidate === request.body.action);
      const ids = parseIds(request.body.ids);
      if (!action) return refuse(400, 'Choose an action.');
      if (!ids || ids.length === 0) return refuse(400, 'Select at least one finding.');
      const now = new Date();
      let changed: number;
      let skipped: number;
      if (action === 'owner') {
        const owner = request.body.owner?.trim() || null;
        const assigned = await app.storage.assignFindingOwner(
          user.organizationId,
          ids,
          owner,
          actorName(user),
          now.toISOString(),
        );
        changed = assigned.length;
        skipped = ids.length - assigned.length;
      } else {
        const status = TRIAGE_STATUSES.find((candidate) => candidate === action)!;
        const reason = request.body.reason?.trim() ?? '';
        if (reason === '') return refuse(400, 'Give a reason for the decision.');
        const expiry = triageExpiry(status, request.body.expiresOn, now);
        if ('error' in expiry) return refuse(400, expiry.error);
        const result = await app.storage.changeFindingStatuses(
          user.organizationId,
          ids,
          { status, reason, expiresAt: expiry.expiresAt, actor: actorName(user) },
          now.toISOString(),
        );
        changed = result.changed.length;
        skipped = result.notFound.length + result.invalidTransition.length;
        if (changed > 0) await reanalyse(user.organizationId);
      }
      back.searchParams.set('bulk', action);
      back.searchParams.set('changed', String(changed));
      back.searchParams.set('skipped', String(skipped));
      return reply.redirect(`${back.pathname}${back.search}`, 303);
    },
  );

  app.get('/findings/:id', { schema: { hide: true, params: IdParamsSchema } }, async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    return showFinding(request, reply, user, request.params.id);
  });

  /** The finding page; `error` is the triage form's. */
  const showFinding = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserPrincipal,
    id: number,
    error?: string,
  ) => {
    const finding = await app.storage.getFinding(user.organizationId, id);
    if (!finding) return notFound(request, reply, 'finding');
    const [history, cloud] = await Promise.all([
      app.storage.listFindingEvents(user.organizationId, id),
      findingCodeToCloud(app, user.organizationId, finding),
    ]);
    const triage = can(user, 'triage') ? { csrfToken: user.csrfToken, error } : undefined;
    return sendPage(
      request,
      reply,
      finding.title,
      findingView({ finding, history, cloud, triage }),
      'findings',
    );
  };

  app.post(
    '/findings/:id/status',
    {
      schema: {
        hide: true,
        params: IdParamsSchema,
        body: Type.Object({
          csrf: Type.String({ maxLength: 200 }),
          status: Type.String({ maxLength: 50 }),
          reason: Type.String({ maxLength: 2000 }),
          expiresOn: Type.Optional(Type.String({ maxLength: 20 })),
        }),
      },
    },
    async (request, reply) => {
      const user = formUser(request, reply, request.body.csrf);
      if (!user) return reply;
      const id = request.params.id;
      if (!can(user, 'triage')) {
        return sendPage(
          request,
          reply.code(403),
          'Error',
          errorView('Error 403', 'Your role may not triage findings.'),
        );
      }
      const status = TRIAGE_STATUSES.find((candidate) => candidate === request.body.status);
      const reason = request.body.reason.trim();
      if (!status || reason === '') {
        return showFinding(request, reply.code(400), user, id, 'Choose a decision and give a reason.');
      }
      const now = new Date();
      const expiry = triageExpiry(status, request.body.expiresOn, now);
      if ('error' in expiry) return showFinding(request, reply.code(400), user, id, expiry.error);
      const result = await app.storage.changeFindingStatus(
        user.organizationId,
        id,
        { status, reason, expiresAt: expiry.expiresAt, actor: actorName(user) },
        now.toISOString(),
      );
      if (result.outcome === 'invalid-transition') {
        return showFinding(
          request,
          reply.code(409),
          user,
          id,
          `A ${result.from} finding cannot be reopened by hand.`,
        );
      }
      if (result.outcome === 'not-found') return notFound(request, reply, 'finding');
      await reanalyse(user.organizationId);
      return reply.redirect(`/findings/${id}`, 303);
    },
  );

  app.get('/repositories/:id', { schema: { hide: true, params: IdParamsSchema } }, async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const organizationId = user.organizationId;
    const repository = await app.storage.getRepository(organizationId, request.params.id);
    if (!repository) return notFound(request, reply, 'repository');
    const open = { repositoryId: repository.id, status: ['open'] as FindingStatus[] };
    const countOf = async (filter: FindingFilter) =>
      (await app.storage.countFindings(organizationId, filter, []))[0]?.count ?? 0;
    const [scores, top, deployedOpen, postureOpen] = await Promise.all([
      app.storage.cloud.scores(organizationId, SCORE_DAYS),
      app.storage.listFindings(organizationId, { ...countQuery(open), sort: 'priority', limit: 15 }),
      countOf({ ...open, deployed: true }),
      countOf({ ...open, category: 'posture' }),
    ]);
    const score = withHistory(
      scores.current.find((entry) => entry.scope === 'repository' && entry.subject === String(repository.id)),
      scores.history,
    );
    const priorities = await app.storage.cloud.priorityScores(
      organizationId,
      top.items.map((finding) => finding.id),
    );
    const body = repositoryView({
      repository,
      score,
      top,
      priorities,
      deployedOpen,
      postureOpen,
    });
    return sendPage(request, reply, `${repository.owner}/${repository.name}`, body, 'overview');
  });

  app.get(
    '/cloud/accounts/:id',
    {
      schema: {
        hide: true,
        params: IdParamsSchema,
        querystring: Type.Object(
          { offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      const organizationId = user.organizationId;
      const account = await app.storage.cloud.getAccount(organizationId, request.params.id);
      if (!account) return notFound(request, reply, 'cloud account');
      const offset = request.query.offset ?? 0;
      const [history, scores, page] = await Promise.all([
        app.storage.cloud.accountHistory(organizationId, account.id),
        app.storage.cloud.scores(organizationId, SCORE_DAYS),
        app.storage.cloud.listAccountResources(organizationId, account.id, ACCOUNT_PAGE_SIZE, offset),
      ]);
      const codeLinks = await app.storage.cloud.codeLinksOfResources(
        organizationId,
        page.items.map((resource) => resource.id),
      );
      const items = page.items.map((resource) => ({ ...resource, code: codeLinks.get(resource.id) ?? [] }));
      const score = withHistory(
        scores.current.find((entry) => entry.scope === 'account' && entry.subject === account.accountId),
        scores.history,
      );
      const body = accountView({
        account,
        history,
        score,
        resources: { items, total: page.total },
        limit: ACCOUNT_PAGE_SIZE,
        offset,
      });
      return sendPage(request, reply, `${account.provider} ${account.accountId}`, body, 'overview');
    },
  );

  app.get(
    '/cloud/resources/:id',
    { schema: { hide: true, params: IdParamsSchema } },
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      const organizationId = user.organizationId;
      const resource = await app.storage.cloud.getResource(organizationId, request.params.id);
      if (!resource) return notFound(request, reply, 'cloud resource');
      const [code, traits] = await Promise.all([
        app.storage.cloud.codeLinksOf(organizationId, resource.id),
        app.storage.cloud.traitsOf(organizationId, `cloud:${resource.id}`),
      ]);
      return sendPage(
        request,
        reply,
        resource.name ?? resource.uid,
        resourceView({ resource, code, traits }),
        'overview',
      );
    },
  );

  app.get('/graph', { schema: { hide: true } }, async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const organizationId = user.organizationId;
    const [accounts, paths] = await Promise.all([
      app.storage.cloud.listAccounts(organizationId),
      app.storage.cloud.attackPaths(organizationId, 20),
    ]);
    let truncated = accounts.length > GRAPH_ACCOUNTS;
    const resources: CloudResourceView[] = [];
    for (const account of accounts.slice(0, GRAPH_ACCOUNTS)) {
      const page = await app.storage.cloud.listAccountResources(
        organizationId,
        account.id,
        GRAPH_RESOURCES_PER_ACCOUNT,
        0,
      );
      if (page.total > page.items.length) truncated = true;
      resources.push(...page.items);
    }
    const ids = resources.map((resource) => resource.id);
    const [codeLinks, traitsByKey] = await Promise.all([
      app.storage.cloud.codeLinksOfResources(organizationId, ids),
      app.storage.cloud.traitsOfResources(
        organizationId,
        ids.map((id) => `cloud:${id}`),
      ),
    ]);
    const linked: LinkedResource[] = [];
    for (const resource of resources) {
      const code = codeLinks.get(resource.id) ?? [];
      const traits = traitsByKey.get(`cloud:${resource.id}`) ?? [];
      const exposed = traits.some((trait) => trait.trait !== 'deployed');
      if (code.length > 0 || exposed) linked.push({ resource, code, traits });
    }
    return sendPage(request, reply, 'Graph', graphPageView({ linked, paths, truncated }), 'graph');
  });

  app.get(
    '/posture',
    {
      schema: {
        hide: true,
        querystring: Type.Object(
          {
            repository: Type.Optional(Type.Integer({ minimum: 1 })),
            status: Type.Optional(FindingStatusSchema),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      const status = request.query.status ?? 'open';
      const [page, repositories] = await Promise.all([
        app.storage.listFindings(user.organizationId, {
          ...countQuery({ category: 'posture', status: [status], repositoryId: request.query.repository }),
          limit: 500,
        }),
        app.storage.listRepositories(user.organizationId),
      ]);
      const body = postureView({ page, repositories, repositoryId: request.query.repository, status });
      return sendPage(request, reply, 'Posture', body, 'posture');
    },
  );
}
