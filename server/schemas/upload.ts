/**
 * The upload body of POST /api/v1/scans: scan metadata and findings in the engine's Finding shape
 * (schemas/palisade-report.schema.json). Every object is closed, so an unknown field is a 400, never
 * silently stored.
 */
import { type Static, Type } from '@sinclair/typebox';
import { CATEGORIES, SEVERITIES } from '../../scanners/core/types.js';

export const Text = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength });
const Line = Type.Integer({ minimum: 1 });
const Column = Type.Integer({ minimum: 1 });

export const SeveritySchema = Type.Union(SEVERITIES.map((severity) => Type.Literal(severity)));
export const CategorySchema = Type.Union(CATEGORIES.map((category) => Type.Literal(category)));

const LocationSchema = Type.Object(
  {
    file: Text(4096),
    startLine: Line,
    startColumn: Column,
    endLine: Line,
    endColumn: Column,
  },
  { additionalProperties: false },
);

const BenchmarkSchema = Type.Object(
  {
    framework: Text(200),
    version: Type.Optional(Text(50)),
    control: Text(100),
  },
  { additionalProperties: false },
);

/** A secret travels as its hash and at most 4 leading characters: never its value. */
const RedactedSecretSchema = Type.Object(
  {
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    preview: Type.String({ maxLength: 4 }),
  },
  { additionalProperties: false },
);

const SuppressionSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('inline'), Type.Literal('config')]),
    justification: Text(2000, 0),
    until: Type.Optional(Type.String({ format: 'date' })),
    location: Type.Optional(LocationSchema),
  },
  { additionalProperties: false },
);

export const UploadFindingSchema = Type.Object(
  {
    ruleId: Text(200),
    title: Text(1000),
    severity: SeveritySchema,
    category: CategorySchema,
    message: Text(16_384),
    location: LocationSchema,
    resource: Type.Optional(Text(2000)),
    modulePath: Type.Optional(Text(2000)),
    remediation: Text(16_384, 0),
    helpUri: Text(2000, 0),
    cwe: Type.Array(Text(30), { maxItems: 50 }),
    benchmarks: Type.Array(BenchmarkSchema, { maxItems: 100 }),
    tags: Type.Array(Text(100), { maxItems: 100 }),
    // Accepted because the engine sends it, but never stored: the server keeps no source text.
    snippet: Type.Optional(Type.String({ maxLength: 16_384 })),
    secret: Type.Optional(RedactedSecretSchema),
    suppression: Type.Optional(SuppressionSchema),
    fingerprint: Text(200),
  },
  { additionalProperties: false },
);
export type UploadFinding = Static<typeof UploadFindingSchema>;

/**
 * String tags of a resource (IaC or cloud). Keys are data, not field names: any text up to 512 characters
 * (`[\\s\\S]` so that a key with a line break is still a key). AWS allows 50 tags, Azure 50, Google 64 labels.
 */
export const TagsSchema = Type.Record(
  Type.String({ pattern: '^[\\s\\S]{1,512}$' }),
  Type.String({ maxLength: 2048 }),
  {
    maxProperties: 200,
    additionalProperties: false,
  },
);

export const IAC_FAMILIES = ['terraform', 'cloudformation', 'arm'] as const;

/** One IaC resource of a full scan (`IacResourceRecord` in scanners/core/types.ts). */
export const UploadResourceSchema = Type.Object(
  {
    family: Type.Union(IAC_FAMILIES.map((family) => Type.Literal(family))),
    type: Text(300),
    kind: Type.Optional(Text(200)),
    address: Text(2000),
    modulePath: Type.Optional(Text(2000)),
    name: Type.Optional(Text(1000)),
    file: Text(4096),
    line: Line,
    traceTag: Type.Optional(Text(200)),
    tags: TagsSchema,
    references: Type.Array(Text(2000), { maxItems: 1000 }),
  },
  { additionalProperties: false },
);
export type UploadResource = Static<typeof UploadResourceSchema>;

/** Largest CODEOWNERS text accepted with a scan, in characters (GitHub's own limit is 3 MB; 64 KiB covers real files). */
export const CODEOWNERS_MAX_LENGTH = 65_536;
export const UPLOAD_RESOURCES_MAX = 50_000;

export const ScanUploadSchema = Type.Object(
  {
    provider: Type.String({
      pattern: '^[a-z0-9][a-z0-9-]{0,39}$',
      description: 'github, gitlab, azure-devops, local…',
    }),
    organization: Text(200),
    repository: Text(200),
    branch: Text(500),
    commit: Type.String({ pattern: '^[0-9a-fA-F]{4,64}$' }),
    kind: Type.Union([Type.Literal('full'), Type.Literal('diff')]),
    runId: Text(200),
    runUrl: Type.Optional(Type.String({ maxLength: 2000, pattern: '^https?://' })),
    pullRequest: Type.Optional(Text(100)),
    tool: Type.Optional(
      Type.Object(
        { name: Text(100), version: Text(100), informationUri: Type.Optional(Text(2000)) },
        { additionalProperties: false },
      ),
    ),
    categories: Type.Optional(
      Type.Array(CategorySchema, {
        minItems: 1,
        uniqueItems: true,
        description:
          'The finding categories the scan covered: a full scan closes only the absent findings of these. Default: iac, secret and pipeline (a code scan).',
      }),
    ),
    findings: Type.Array(UploadFindingSchema),
    resources: Type.Optional(
      Type.Array(UploadResourceSchema, {
        maxItems: UPLOAD_RESOURCES_MAX,
        description: 'IaC resources of a full scan: the inventory that code-to-cloud correlation links',
      }),
    ),
    codeowners: Type.Optional(
      Type.String({
        maxLength: CODEOWNERS_MAX_LENGTH,
        description: "The repository's CODEOWNERS text, for finding owners",
      }),
    ),
  },
  { additionalProperties: false },
);
export type ScanUpload = Static<typeof ScanUploadSchema>;
