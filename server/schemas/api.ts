/** Reply and query schemas of the read API, matching the views that the storage returns. */
import { type Static, Type } from '@sinclair/typebox';
import type { Severity } from '../../scanners/core/types.js';
import {
  FINDING_SORTS,
  type FindingQuery,
  type FindingSort,
  type FindingStatus,
} from '../storage/storage.js';
import { CategorySchema, SeveritySchema } from './upload.js';

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const SeverityCountsSchema = Type.Object({
  critical: Type.Integer(),
  high: Type.Integer(),
  medium: Type.Integer(),
  low: Type.Integer(),
  info: Type.Integer(),
});

export const FINDING_STATUSES = [
  'open',
  'closed',
  'risk_accepted',
  'false_positive',
] as const satisfies readonly FindingStatus[];

export const FindingStatusSchema = Type.Union(FINDING_STATUSES.map((status) => Type.Literal(status)));

export const RepositoryRefSchema = Type.Object({
  id: Type.Integer(),
  provider: Type.String(),
  owner: Type.String(),
  name: Type.String(),
});

export const ScanViewSchema = Type.Object({
  id: Type.Integer(),
  repository: RepositoryRefSchema,
  branch: Type.String(),
  commit: Type.String(),
  kind: Type.Union([Type.Literal('full'), Type.Literal('diff')]),
  runId: Type.String(),
  runUrl: Nullable(Type.String()),
  pullRequest: Nullable(Type.String()),
  tool: Type.Object({ name: Type.String(), version: Type.String() }),
  status: Type.Literal('completed'),
  counts: Type.Object({
    total: Type.Integer(),
    new: Type.Integer(),
    closed: Type.Integer(),
    reopened: Type.Integer(),
    bySeverity: SeverityCountsSchema,
  }),
  createdAt: Type.String({ format: 'date-time' }),
});

export const FindingViewSchema = Type.Object({
  id: Type.Integer(),
  repository: RepositoryRefSchema,
  branch: Type.String(),
  fingerprint: Type.String(),
  ruleId: Type.String(),
  title: Type.String(),
  severity: SeveritySchema,
  category: Type.String(),
  message: Type.String(),
  location: Type.Object({
    file: Type.String(),
    startLine: Type.Integer(),
    startColumn: Type.Integer(),
    endLine: Type.Integer(),
    endColumn: Type.Integer(),
  }),
  resource: Nullable(Type.String()),
  helpUri: Type.String(),
  remediation: Type.String(),
  cwe: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  secret: Nullable(Type.Object({ sha256: Type.String(), preview: Type.String() })),
  suppression: Nullable(Type.Object({ kind: Type.String(), justification: Type.String() })),
  status: FindingStatusSchema,
  statusReason: Nullable(Type.String()),
  statusOwner: Nullable(Type.String()),
  statusExpiresAt: Nullable(Type.String()),
  owner: Nullable(Type.String()),
  ownerSource: Nullable(
    Type.Union([Type.Literal('assigned'), Type.Literal('codeowners'), Type.Literal('tag')], {
      description: 'assigned: set by a person, which derivations (CODEOWNERS, tags) never overwrite',
    }),
  ),
  firstSeenAt: Type.String(),
  lastSeenAt: Type.String(),
  mitigatedAt: Nullable(Type.String()),
  firstScanId: Type.Integer(),
  lastScanId: Type.Integer(),
});

export const FindingEventSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  scanId: Nullable(Type.Integer()),
  fromStatus: Nullable(FindingStatusSchema),
  toStatus: FindingStatusSchema,
  actor: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const RepositoryViewSchema = Type.Composite([
  RepositoryRefSchema,
  Type.Object({
    branches: Type.Array(Type.String()),
    openFindings: Type.Integer(),
    openBySeverity: SeverityCountsSchema,
    lastScanAt: Nullable(Type.String()),
  }),
]);

/** Comma-separated lists in a query string, for example `severity=critical,high`. */
const List = (item: string) => Type.String({ pattern: `^(${item})(,(${item}))*$` });

export const FindingListQuerySchema = Type.Object(
  {
    repository: Type.Optional(Type.Integer({ minimum: 1, description: 'Repository id' })),
    severity: Type.Optional(List('critical|high|medium|low|info')),
    status: Type.Optional(List('open|closed|risk_accepted|false_positive')),
    category: Type.Optional(CategorySchema),
    rule: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    branch: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    owner: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Exact owner' })),
    openedBefore: Type.Optional(
      Type.String({ format: 'date', description: 'First seen before this day (UTC), YYYY-MM-DD' }),
    ),
    openedAfter: Type.Optional(
      Type.String({ format: 'date', description: 'First seen on or after this day (UTC), YYYY-MM-DD' }),
    ),
    minAgeDays: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 36_500, description: 'First seen at least this many days ago' }),
    ),
    deployed: Type.Optional(
      Type.Boolean({ description: 'true: linked to a deployed cloud resource; false: not linked' }),
    ),
    sort: Type.Optional(
      Type.Union(
        FINDING_SORTS.map((sort) => Type.Literal(sort)),
        { default: 'severity' },
      ),
    ),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);

export const IdParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export type FindingListQuery = Static<typeof FindingListQuerySchema>;

const DEFAULT_ORDER: Record<FindingSort, 'asc' | 'desc'> = {
  severity: 'desc',
  lastSeen: 'desc',
  firstSeen: 'desc',
  file: 'asc',
  rule: 'asc',
  priority: 'desc',
};

/** The storage query for a validated query string, with the defaults filled in; ages count back from `now`. */
export function toFindingQuery(query: FindingListQuery, now = new Date()): FindingQuery {
  const sort = query.sort ?? 'severity';
  const before = [
    query.openedBefore && `${query.openedBefore}T00:00:00.000Z`,
    query.minAgeDays !== undefined &&
      new Date(now.getTime() - query.minAgeDays * 86_400_000 + 1).toISOString(),
  ].filter((value): value is string => typeof value === 'string');
  return {
    repositoryId: query.repository,
    severity: query.severity?.split(',') as Severity[] | undefined,
    status: query.status?.split(',') as FindingStatus[] | undefined,
    category: query.category,
    ruleId: query.rule,
    branch: query.branch,
    owner: query.owner,
    // The earlier of the two bounds: both must hold.
    firstSeenBefore: before.sort()[0],
    firstSeenAfter: query.openedAfter && `${query.openedAfter}T00:00:00.000Z`,
    deployed: query.deployed,
    sort,
    order: query.order ?? DEFAULT_ORDER[sort],
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  };
}
