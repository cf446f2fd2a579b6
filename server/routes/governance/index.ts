/**
 * Governance and posture reads: overdue findings (SLA days per severity), open findings per owner, the
 * weekly digest, secure scores with their history, and attack paths.
 */
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { SEVERITIES, type Severity } from '../../../scanners/core/types.js';
import { type DigestScore, dueDate, weeklyDigest } from '../../domain/governance.js';
import { ERROR_REPLIES } from '../../errors.js';
import { Nullable } from '../../schemas/api.js';
import { SeveritySchema } from '../../schemas/upload.js';
import type { GovernanceFinding, ScoreHistoryPoint, ScoreView } from '../../storage/cloud-storage.js';

const DAY_MS = 86_400_000;

const GovernanceFindingSchema = Type.Object({
  id: Type.Integer(),
  ruleId: Type.String(),
  title: Type.String(),
  severity: SeveritySchema,
  status: Type.String(),
  repository: Type.Object({ id: Type.Integer(), owner: Type.String(), name: Type.String() }),
  branch: Type.String(),
  file: Type.String(),
  line: Type.Integer(),
  owner: Nullable(Type.String()),
  firstSeenAt: Type.String(),
});

const OverdueFindingSchema = Type.Composite([
  GovernanceFindingSchema,
  Type.Object({ dueAt: Type.String(), daysOverdue: Type.Integer() }),
]);

const ControlSchema = Type.Object({
  control: Type.String(),
  source: Type.String(),
  severity: SeveritySchema,
  maxPoints: Type.Number(),
  healthy: Type.Integer(),
  unhealthy: Type.Integer(),
  points: Type.Number(),
});

const HistoryPointSchema = Type.Object({
  day: Type.String(),
  points: Type.Number(),
  maxPoints: Type.Number(),
  percent: Nullable(Type.Number()),
});

const ScoreSchema = Type.Object({
  scope: Type.Union([Type.Literal('organization'), Type.Literal('repository'), Type.Literal('account')]),
  subject: Type.String({
    description: "'' for the organisation, the repository id, or the cloud account id",
  }),
  name: Type.String(),
  day: Type.String(),
  computedAt: Type.String(),
  points: Type.Number(),
  maxPoints: Type.Number(),
  percent: Nullable(Type.Number()),
  controls: Type.Array(ControlSchema),
  history: Type.Array(HistoryPointSchema, { description: 'One point per day, oldest first' }),
});

const AttackPathSchema = Type.Object({
  id: Type.String(),
  rank: Type.Integer(),
  severity: Nullable(SeveritySchema),
  hops: Type.Integer(),
  adminPrivilege: Type.Boolean(),
  sentence: Type.String(),
  nodes: Type.Array(
    Type.Object({
      id: Type.String(),
      keys: Type.Array(Type.String()),
      label: Type.String(),
      traits: Type.Array(Type.String()),
      findingIds: Type.Array(Type.Integer()),
      failingChecks: Type.Integer(),
    }),
  ),
  edges: Type.Array(Type.Object({ from: Type.String(), to: Type.String(), relation: Type.String() })),
  findingIds: Type.Array(Type.Integer()),
  computedAt: Type.String(),
});

const DigestFindingSchema = Type.Object({
  id: Type.Integer(),
  ruleId: Type.String(),
  title: Type.String(),
  severity: SeveritySchema,
  repository: Type.String(),
  file: Type.String(),
  line: Type.Optional(Type.Integer()),
  owner: Type.Optional(Nullable(Type.String())),
});
const DigestScoreSchema = Type.Object({
  name: Type.String(),
  percent: Nullable(Type.Number()),
  previousPercent: Type.Optional(Nullable(Type.Number())),
});
const CountsSchema = Type.Object({
  total: Type.Integer(),
  bySeverity: Type.Record(Type.String(), Type.Integer()),
});
const DigestSchema = Type.Object({
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  opened: CountsSchema,
  fixed: CountsSchema,
  overdue: Type.Object({
    total: Type.Integer(),
    items: Type.Array(
      Type.Composite([
        DigestFindingSchema,
        Type.Object({ dueAt: Type.String(), daysOverdue: Type.Integer() }),
      ]),
    ),
  }),
  topPriorities: Type.Array(
    Type.Composite([
      DigestFindingSchema,
      Type.Object({ score: Type.Number(), reasons: Type.Array(Type.String()) }),
    ]),
  ),
  scores: Type.Object({
    organization: DigestScoreSchema,
    repositories: Type.Optional(Type.Array(DigestScoreSchema)),
    accounts: Type.Optional(Type.Array(DigestScoreSchema)),
  }),
});

const governance: FastifyPluginAsyncTypebox = async (app) => {
  /** Per severity with a deadline: findings first seen before this instant are overdue at `now`. */
  const cutoffs = (now: Date): Partial<Record<Severity, string>> => {
    const result: Partial<Record<Severity, string>> = {};
    for (const severity of SEVERITIES) {
      const days = app.codeToCloud.slaDays[severity];
      if (days !== null) result[severity] = new Date(now.getTime() - days * DAY_MS).toISOString();
    }
    return result;
  };
  const withDeadline = (finding: GovernanceFinding, now: Date) => {
    const dueAt = dueDate(
      { severity: finding.severity, openedAt: finding.firstSeenAt },
      app.codeToCloud.slaDays,
    )!;
    return { ...finding, dueAt, daysOverdue: Math.floor((now.getTime() - Date.parse(dueAt)) / DAY_MS) };
  };

  app.get(
    '/api/v1/governance/overdue',
    {
      onRequest: app.requirePermission('read'),
      schema: {
        tags: ['governance'],
        summary:
          'Open findings past their SLA deadline (days per severity, PALISADE_SLA_DAYS), most overdue first',
        security: [{ bearer: [] }],
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            slaDays: Type.Record(Type.String(), Nullable(Type.Integer())),
            total: Type.Integer(),
            items: Type.Array(OverdueFindingSchema),
          }),
          ...ERROR_REPLIES,
        },
      },
    },
    async (request) => {
      const now = new Date();
      const { items, total } = await app.storage.cloud.overdueFindings(
        request.principal!.organizationId,
        cutoffs(now),
        request.query.limit ?? 100,
      );
      return {
        slaDays: app.codeToCloud.slaDays,
        total,
        items: items.map((finding) => withDeadline(finding, now)),
      };
    },
  );

  app.get(
    '/api/v1/governance/owners',
    {
      onRequest: app.requirePermission('read'),
      schema: {
        tags: ['governance'],
        summary: 'Open findings per owner (from CODEOWNERS, an owner tag, or assigned by a person)',
        security: [{ bearer: [] }],
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                owner: Nullable(Type.String({ description: 'null: no owner' })),
                sources: Type.Array(Type.String()),
                open: Type.Integer(),
                bySeverity: Type.Record(Type.String(), Type.Integer()),
              }),
            ),
          }),
          ...ERROR_REPLIES,
        },
      },
    },
    async (request) => {
      const rows = await app.storage.cloud.openByOwner(request.principal!.organizationId);
      const byOwner = new Map<
        string | null,
        { owner: string | null; sources: Set<string>; open: number; bySeverity: Record<string, number> }
      >();
      for (const row of rows) {
        let entry = byOwner.get(row.owner);
        if (!entry) {
          entry = {
            owner: row.owner,
            sources: new Set(),
            open: 0,
            bySeverity: Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])),
          };
          byOwner.set(row.owner, entry);
        }
        if (row.source !== null) entry.sources.add(row.source);
        entry.open += row.count;
        entry.bySeverity[row.severity] = (entry.bySeverity[row.severity] ?? 0) + row.count;
      }
      const items = [...byOwner.values()]
        .map((entry) => ({ ...entry, sources: [...entry.sources].sort() }))
        .sort((a, b) => b.open - a.open || String(a.owner).localeCompare(String(b.owner)));
      return { items };
    },
  );

  app.get(
    '/api/v1/governance/digest',
    {
      onRequest: app.requirePermission('read'),
      schema: {
        tags: ['governance'],
        summary: 'The weekly digest: opened, fixed, overdue, top priorities and secure scores',
        description: 'format=markdown answers text/markdown, ready for a chat message or an issue.',
        security: [{ bearer: [] }],
        querystring: Type.Object(
          { format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('markdown')])) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Union([DigestSchema, Type.String({ description: 'format=markdown: text/markdown' })]),
          ...ERROR_REPLIES,
        },
      },
    },
    async (request, reply) => {
      const organizationId = request.principal!.organizationId;
      const now = new Date();
      const since = new Date(now.getTime() - 7 * DAY_MS).toISOString();
      const { opened, fixed } = await app.storage.cloud.weekActivity(organizationId, since);
      const overdue = await app.storage.cloud.overdueFindings(organizationId, cutoffs(now), 1000);
      const top = await app.storage.cloud.topPriorities(organizationId, 20);
      const scores = await app.storage.cloud.scores(organizationId, 8);
      const names = await app.storage.cloud.scoreSubjects(organizationId);
      const scoreOf = (score: ScoreView): DigestScore => {
        const name = scoreName(score, names);
        const history = scores.history.get(`${score.scope}:${score.subject}`) ?? [];
        const weekBefore = new Date(Date.parse(`${score.day}T00:00:00Z`) - 7 * DAY_MS)
          .toISOString()
          .slice(0, 10);
        const previous = [...history].reverse().find((point) => point.day <= weekBefore);
        return { name, percent: score.percent, ...(previous ? { previousPercent: previous.percent } : {}) };
      };
      const organization = scores.current.find((score) => score.scope === 'organization');
      const digest = weeklyDigest(
        {
          opened: opened.map(toDigestFinding),
          fixed: fixed.map(toDigestFinding),
          overdue: overdue.items.map((finding) => {
            const late = withDeadline(finding, now);
            return { ...toDigestFinding(finding), dueAt: late.dueAt, daysOverdue: late.daysOverdue };
          }),
          topPriorities: top.map((finding) => ({
            ...toDigestFinding(finding),
            score: finding.score,
            reasons: finding.reasons,
          })),
          scores: {
            organization: organization ? scoreOf(organization) : { name: 'Organisation', percent: null },
            repositories: scores.current.filter((score) => score.scope === 'repository').map(scoreOf),
            accounts: scores.current.filter((score) => score.scope === 'account').map(scoreOf),
          },
        },
        now,
      );
      // Counts cover every overdue finding, not only the thousand loaded.
      digest.json.overdue.total = overdue.total;
      if (request.query.format === 'markdown') {
        return reply
          .type('text/markdown; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="palisade-digest-${now.toISOString().slice(0, 10)}.md"`,
          )
          .send(digest.markdown);
      }
      return digest.json;
    },
  );

  app.get(
    '/api/v1/scores',
    {
      onRequest: app.requirePermission('read'),
      schema: {
        tags: ['posture'],
        summary:
          'Secure scores of the organisation, each repository and each cloud account, with daily history',
        security: [{ bearer: [] }],
        querystring: Type.Object(
          { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 730, default: 90 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            organization: Nullable(ScoreSchema),
            repositories: Type.Array(ScoreSchema),
            accounts: Type.Array(ScoreSchema),
          }),
          ...ERROR_REPLIES,
        },
      },
    },
    async (request) => {
      const organizationId = request.principal!.organizationId;
      const scores = await app.storage.cloud.scores(organizationId, request.query.days ?? 90);
      const names = await app.storage.cloud.scoreSubjects(organizationId);
      const view = (score: ScoreView) => ({
        ...score,
        name: scoreName(score, names),
        history: scores.history.get(`${score.scope}:${score.subject}`) ?? ([] as ScoreHistoryPoint[]),
      });
      return {
        organization: scores.current.filter((score) => score.scope === 'organization').map(view)[0] ?? null,
        repositories: scores.current.filter((score) => score.scope === 'repository').map(view),
        accounts: scores.current.filter((score) => score.scope === 'account').map(view),
      };
    },
  );

  app.get(
    '/api/v1/attack-paths',
    {
      onRequest: app.requirePermission('read'),
      schema: {
        tags: ['posture'],
        summary: 'Attack paths across linked code and cloud resources, best ranked first',
        security: [{ bearer: [] }],
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(AttackPathSchema),
            truncated: Type.Boolean({
              description: 'True when the last search hit its work budget: more paths may exist',
            }),
          }),
          ...ERROR_REPLIES,
        },
      },
    },
    async (request) => {
      const organizationId = request.principal!.organizationId;
      return {
        items: await app.storage.cloud.attackPaths(organizationId, request.query.limit ?? 50),
        truncated: (await app.storage.cloud.lastAnalysis(organizationId))?.attackPathsTruncated ?? false,
      };
    },
  );
};

/** What a score is of: the organisation, a repository's owner/name or an account's provider and id. */
function scoreName(
  score: ScoreView,
  names: { repositories: Map<string, string>; accounts: Map<string, string> },
): string {
  if (score.scope === 'organization') return 'Organisation';
  return (
    (score.scope === 'repository' ? names.repositories : names.accounts).get(score.subject) ?? score.subject
  );
}

function toDigestFinding(finding: GovernanceFinding) {
  return {
    id: finding.id,
    ruleId: finding.ruleId,
    title: finding.title,
    severity: finding.severity,
    repository: `${finding.repository.owner}/${finding.repository.name}`,
    file: finding.file,
    line: finding.line,
    owner: finding.owner,
  };
}

export default governance;
