/** Request and reply schemas of the cloud inventory API: the CloudImport body and the account/resource views. */
import { type Static, Type } from '@sinclair/typebox';
import { CLOUD_IMPORT_SOURCES } from '../../../scanners/cloud/model.js';
import { Nullable } from '../../schemas/api.js';
import { SeveritySchema, TagsSchema, Text } from '../../schemas/upload.js';

/** Resources in one import: a large AWS organisation account holds tens of thousands. */
export const CLOUD_IMPORT_MAX_RESOURCES = 100_000;
export const CLOUD_IMPORT_MAX_CHECKS = 500_000;

export const CloudProviderSchema = Type.Union([
  Type.Literal('aws'),
  Type.Literal('azure'),
  Type.Literal('google'),
]);

const OriginSchema = Type.Object(
  {
    terraformAddress: Type.Optional(Text(2000)),
    cloudformation: Type.Optional(
      Type.Object({ stack: Text(256), logicalId: Text(256) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

export const CloudResourceSchema = Type.Object(
  {
    uid: Text(2048),
    provider: CloudProviderSchema,
    accountId: Text(200),
    region: Nullable(Text(100)),
    type: Text(300),
    kind: Type.Optional(Text(200)),
    name: Nullable(Text(1024)),
    tags: TagsSchema,
    origin: Type.Optional(OriginSchema),
    related: Type.Array(Text(2048), { maxItems: 1000 }),
  },
  { additionalProperties: false },
);

export const CloudCheckSchema = Type.Object(
  {
    resourceUid: Text(2048),
    checkId: Text(300),
    title: Text(1000, 0),
    severity: SeveritySchema,
    status: Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('manual')]),
    message: Text(16_384, 0),
    categories: Type.Array(Text(100), { maxItems: 50 }),
  },
  { additionalProperties: false },
);

export const CloudImportSchema = Type.Object(
  {
    source: Type.Union(CLOUD_IMPORT_SOURCES.map((source) => Type.Literal(source))),
    provider: CloudProviderSchema,
    accountId: Text(200),
    observedAt: Nullable(Type.String({ format: 'date-time' })),
    resources: Type.Array(CloudResourceSchema, { maxItems: CLOUD_IMPORT_MAX_RESOURCES }),
    checks: Type.Array(CloudCheckSchema, { maxItems: CLOUD_IMPORT_MAX_CHECKS }),
  },
  { additionalProperties: false },
);
export type CloudImportBody = Static<typeof CloudImportSchema>;

export const CloudAccountRefSchema = Type.Object({
  id: Type.Integer(),
  provider: Type.String(),
  accountId: Type.String(),
});

export const CloudSnapshotSchema = Type.Object({
  id: Type.Integer(),
  source: Type.String(),
  contentSha256: Type.String(),
  observedAt: Nullable(Type.String()),
  importedAt: Type.String(),
  resources: Type.Integer(),
  checks: Type.Integer(),
  failingChecks: Type.Integer(),
});

export const CloudAccountSchema = Type.Composite([
  CloudAccountRefSchema,
  Type.Object({
    resources: Type.Integer(),
    failingChecks: Type.Integer(),
    sources: Type.Array(CloudSnapshotSchema, { description: 'The current snapshot of each source' }),
    updatedAt: Type.String(),
  }),
]);

export const CloudCheckViewSchema = Type.Object({
  source: Type.String(),
  checkId: Type.String(),
  title: Type.String(),
  severity: SeveritySchema,
  status: Type.String(),
  message: Type.String(),
  categories: Type.Array(Type.String()),
});

const ReplyTagsSchema = Type.Record(Type.String(), Type.String());

export const CloudResourceViewSchema = Type.Object({
  id: Type.Integer(),
  account: CloudAccountRefSchema,
  uid: Type.String(),
  type: Type.String(),
  kind: Nullable(Type.String()),
  region: Nullable(Type.String()),
  name: Nullable(Type.String()),
  tags: ReplyTagsSchema,
  origin: Nullable(
    Type.Object({
      terraformAddress: Type.Optional(Type.String()),
      cloudformation: Type.Optional(Type.Object({ stack: Type.String(), logicalId: Type.String() })),
    }),
  ),
  related: Type.Array(Type.String()),
  sources: Type.Array(Type.String()),
  checks: Type.Array(CloudCheckViewSchema),
});

export const LinkMethodSchema = Type.Union([
  Type.Literal('trace-tag'),
  Type.Literal('state-address'),
  Type.Literal('cloudformation-stack'),
  Type.Literal('name-heuristic'),
]);

export const CodeLinkSchema = Type.Object({
  method: LinkMethodSchema,
  weak: Type.Boolean({ description: 'True for a name-heuristic link, which may be the wrong resource' }),
  repository: Type.Object({
    id: Type.Integer(),
    provider: Type.String(),
    owner: Type.String(),
    name: Type.String(),
  }),
  branch: Type.String(),
  address: Type.String(),
  file: Type.String(),
  line: Type.Integer(),
});

export const TraitSchema = Type.Object({ trait: Type.String(), reason: Type.String() });

export const DeployedResourceSchema = Type.Object({
  id: Type.Integer(),
  account: CloudAccountRefSchema,
  region: Nullable(Type.String()),
  uid: Type.String(),
  name: Nullable(Type.String()),
  type: Type.String(),
  method: LinkMethodSchema,
  weak: Type.Boolean(),
  failingChecks: Type.Array(CloudCheckViewSchema),
});

export const PrioritySchema = Type.Object({
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  reasons: Type.Array(Type.String()),
  factors: Type.Array(Type.Object({ factor: Type.String(), points: Type.Number(), reason: Type.String() })),
});
