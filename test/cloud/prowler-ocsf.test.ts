import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCategories } from '../../scanners/cloud/categories.js';
import { accountsOf, DEMO, FIXTURES, fixtureText, readFixture, readText, resourceOf } from './helpers.js';

interface OcsfAttribute {
  type: string;
  object_type?: string;
  is_array?: boolean;
  requirement?: string;
}
interface OcsfExport {
  classes: Record<string, { attributes: Record<string, OcsfAttribute> }>;
  objects: Record<string, { attributes: Record<string, OcsfAttribute> }>;
}
const OCSF: OcsfExport = JSON.parse(readFileSync('/work/shared/schemas/ocsf/ocsf-1.8.0-export.json', 'utf8'));

/**
 * Checks a value against an OCSF 1.8 class or object from the official export: every key is a defined
 * attribute, nested objects and arrays recursively, scalar types, and the class's required attributes.
 */
function ocsfErrors(
  value: Record<string, unknown>,
  attributes: Record<string, OcsfAttribute>,
  at: string,
): string[] {
  const errors: string[] = [];
  for (const [name, attribute] of Object.entries(attributes)) {
    // `osint` became required in a later OCSF version than the one Prowler writes (metadata.version).
    if (attribute.requirement === 'required' && !(name in value) && at === '' && name !== 'osint')
      errors.push(`${at}/${name} missing`);
  }
  for (const [name, item] of Object.entries(value)) {
    const attribute = attributes[name];
    if (!attribute) {
      errors.push(`${at}/${name} is not an OCSF attribute`);
      continue;
    }
    const items = attribute.is_array ? (Array.isArray(item) ? item : [Symbol('not an array')]) : [item];
    for (const [index, element] of items.entries()) {
      const where = attribute.is_array ? `${at}/${name}/${index}` : `${at}/${name}`;
      errors.push(...typeErrors(element, attribute, where));
    }
  }
  return errors;
}

function typeErrors(value: unknown, attribute: OcsfAttribute, at: string): string[] {
  switch (attribute.type) {
    case 'object_t': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return [`${at} is not an object`];
      // `unmapped` (type "object") is free-form by definition.
      if (attribute.object_type === 'object') return [];
      const object = OCSF.objects[attribute.object_type ?? ''];
      if (!object) return [`${at}: unknown object ${attribute.object_type}`];
      return ocsfErrors(value as Record<string, unknown>, object.attributes, at);
    }
    case 'json_t':
      return [];
    case 'integer_t':
    case 'long_t':
    case 'timestamp_t':
      return Number.isInteger(value) ? [] : [`${at} is not an integer`];
    case 'boolean_t':
      return typeof value === 'boolean' ? [] : [`${at} is not a boolean`];
    default:
      return typeof value === 'string' ? [] : [`${at} is not a string (${attribute.type})`];
  }
}

describe('Prowler OCSF fixtures', () => {
  it.each([`${DEMO}/prowler-ocsf.json`, `${FIXTURES}/prowler-ocsf-multicloud.json`])(
    '%s is made of valid OCSF 1.8 Detection Findings',
    (file) => {
      const findings = JSON.parse(fixtureText(file)) as Record<string, unknown>[];
      const detectionFinding = OCSF.classes.detection_finding?.attributes ?? {};
      const errors = findings.flatMap((finding, index) =>
        // Two findings of the multi-cloud fixture are broken on purpose: no check id, an unknown status.
        ocsfErrors(finding, detectionFinding, '').map((error) => `/${index}${error}`),
      );
      expect(errors).toEqual([]);
      expect(findings.every((finding) => finding.class_uid === 2004)).toBe(true);
    },
  );

  it('the OCSF check itself finds unknown attributes and wrong types', () => {
    const [finding] = JSON.parse(fixtureText(`${DEMO}/prowler-ocsf.json`)) as Record<string, unknown>[];
    const broken = { ...finding, bogus: 1, severity_id: 'high', cloud: { account: { uid: 7 } } };
    expect(ocsfErrors(broken, OCSF.classes.detection_finding?.attributes ?? {}, '')).toEqual([
      '/severity_id is not an integer',
      '/cloud/account/uid is not a string (string_t)',
      '/bogus is not an OCSF attribute',
    ]);
  });
});

describe('readCloudInventory on Prowler OCSF output', () => {
  it('reads the demo run: resources deduplicated across checks, kinds, tags, CloudFormation origins', () => {
    const { imports, problems } = readFixture(`${DEMO}/prowler-ocsf.json`);
    expect(problems).toEqual([]);
    expect(accountsOf(imports)).toEqual(['aws 123456789012: 10/18']);
    const [cloudImport] = imports;
    expect(cloudImport?.source).toBe('prowler-ocsf');
    expect(cloudImport?.observedAt).toBe('2026-11-28T06:00:00.000Z');

    // Four findings name the reports bucket: one resource.
    const bucket = resourceOf(imports, 'arn:aws:s3:::acme-prod-reports');
    expect(bucket).toEqual({
      uid: 'arn:aws:s3:::acme-prod-reports',
      provider: 'aws',
      accountId: '123456789012',
      region: 'eu-west-1',
      type: 'AwsS3Bucket',
      kind: 'aws.s3.bucket',
      name: 'acme-prod-reports',
      tags: {
        palisade_trace: 'df0ab853-cde9-4528-b675-d6c0119cca78',
        environment: 'prod',
        owner: 'platform-team',
      },
      related: [],
    });
    expect(resourceOf(imports, 'arn:aws:iam::123456789012:role/acme-prod-bastion-role').kind).toBe(
      'aws.iam.role',
    );
    expect(resourceOf(imports, 'arn:aws:rds:eu-west-1:123456789012:db:acme-prod-orders').kind).toBe(
      'aws.rds.instance',
    );
    expect(
      resourceOf(imports, 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0b7c5d9e1f2a3b4c5').kind,
    ).toBe('aws.vpc.securityGroup');

    // `aws:` system tags keep their colons in the key; the stack id's value is an ARN with colons too.
    const queue = resourceOf(imports, 'arn:aws:sqs:eu-west-1:123456789012:order-events');
    expect(queue.origin).toEqual({ cloudformation: { stack: 'platform-queues', logicalId: 'OrderEvents' } });
    expect(queue.tags['aws:cloudformation:stack-id']).toBe(
      'arn:aws:cloudformation:eu-west-1:123456789012:stack/platform-queues/4f1c2e80-8a3b-11ef-9d2e-0a1b2c3d4e5f',
    );
  });

  it('keeps every check result with its status, severity, message and derived categories', () => {
    const { imports } = readFixture(`${DEMO}/prowler-ocsf.json`);
    const checks = imports[0]?.checks ?? [];
    expect(checks.filter((check) => check.status === 'fail')).toHaveLength(12);
    expect(checks.filter((check) => check.status === 'pass')).toHaveLength(6);
    const publicDb = checks.find((check) => check.checkId === 'rds_instance_no_public_access');
    expect(publicDb).toMatchObject({
      resourceUid: 'arn:aws:rds:eu-west-1:123456789012:db:acme-prod-orders',
      title: 'Ensure there are no Public Accessible RDS instances.',
      severity: 'critical',
      status: 'fail',
    });
    expect(publicDb?.message).toMatch(/^RDS Instance acme-prod-orders is set as publicly accessible/);
    expect(publicDb?.categories).toEqual(['internet-exposed', 'sensitive-data']);
    const admin = checks.find((check) => check.checkId === 'iam_role_administratoraccess_policy');
    expect(admin?.categories).toEqual(['admin-privilege', 'trustboundaries']);
    const ssh = checks.find((check) => check.checkId.startsWith('ec2_securitygroup_allow_ingress'));
    expect(ssh?.categories).toEqual(['internet-exposed']);
  });

  it('never copies resources[].data, the resource configuration Prowler attaches', () => {
    const { imports } = readFixture(`${FIXTURES}/prowler-ocsf-multicloud.json`);
    expect(fixtureText(`${FIXTURES}/prowler-ocsf-multicloud.json`)).toContain(
      'PLANTED-PROWLER-RESOURCE-DATA',
    );
    expect(JSON.stringify(imports)).not.toContain('PLANTED');
  });

  it('splits findings into one import per cloud account and reports the findings it cannot read', () => {
    const { imports, problems } = readFixture(`${FIXTURES}/prowler-ocsf-multicloud.json`);
    expect(accountsOf(imports)).toEqual([
      'aws 123456789012: 1/1',
      'aws 210987654321: 2/2',
      // The Azure account comes from the resource id's subscription, whatever cloud.account.uid says.
      'azure 6f1c2e3d-4b5a-4968-8776-a5b4c3d2e1f0: 1/2',
      'google acme-analytics-prod: 1/1',
    ]);
    expect(problems.map((problem) => `${problem.pointer} ${problem.message}`)).toEqual([
      '/3/metadata/event_code the finding names no check',
      '/4/status_code status_code is not PASS, FAIL or MANUAL',
      ' 1 finding(s) of provider "kubernetes" skipped: only aws, azure and gcp are read',
    ]);
    // Azure ids are lower-cased so both spellings of the storage account are one resource.
    const azure = imports.find((i) => i.provider === 'azure');
    expect(azure?.resources[0]?.uid).toBe(
      '/subscriptions/6f1c2e3d-4b5a-4968-8776-a5b4c3d2e1f0/resourcegroups/rg-web-prod/providers/microsoft.storage/storageaccounts/acmewebprodsa',
    );
    expect(azure?.resources[0]?.kind).toBe('azure.storage.account');
    expect(azure?.checks.map((check) => [check.status, check.severity])).toEqual([
      ['fail', 'high'],
      // No severity name: taken from severity_id 2.
      ['pass', 'low'],
    ]);
    const google = imports.find((i) => i.provider === 'google');
    expect(google?.resources[0]).toMatchObject({
      type: 'storage.googleapis.com/Bucket',
      kind: 'google.storage.bucket',
    });
    // Prowler 3 wrote `key: value` labels: the space is not part of the value.
    expect(resourceOf(imports, 'arn:aws:s3:::acme-prod-reports').tags.owner).toBe('platform-team');
    const manual = imports.find((i) => i.accountId === '210987654321')?.checks;
    expect(manual?.map((check) => check.status)).toEqual(['fail', 'manual']);
    expect(manual?.[0]?.categories).toEqual(['admin-privilege']);
  });

  it('rejects OCSF classes other than Detection Finding', () => {
    const legacy = JSON.stringify([{ class_uid: 2001, finding: { title: 'x' } }]);
    expect(() => readText(legacy, 'prowler3.json')).toThrow(
      'prowler3.json (at /0/class_uid): OCSF class_uid 2001 is not read: Prowler 4 and later write Detection Findings (2004)',
    );
  });

  it('keeps a tag named __proto__ as a tag', () => {
    const findings = JSON.parse(fixtureText(`${FIXTURES}/prowler-ocsf-multicloud.json`));
    findings[0].resources[0].labels = ['__proto__:polluted', 'constructor:x'];
    const { imports } = readText(JSON.stringify(findings), 'hostile.json');
    const tags = resourceOf(imports, 'arn:aws:s3:::acme-prod-reports').tags;
    expect(Object.keys(tags)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('check categories', () => {
  it.each([
    ['s3_bucket_public_access', [], [], ['internet-exposed', 'sensitive-data']],
    ['ec2_instance_imdsv2_enabled', [], [], []],
    ['iam_customer_attached_policy_no_administrative_privileges', [], [], ['admin-privilege']],
    ['iam_root_hardware_mfa_enabled', [], [], ['admin-privilege']],
    ['cloudtrail_kms_encryption_enabled', [], [], ['encryption', 'logging']],
    ['vpc_flow_logs_enabled', [], [], ['logging']],
    ['macie_is_enabled', [], ['Sensitive Data Identifications/PII'], ['sensitive-data']],
    ['apigateway_restapi_waf_acl_attached', ['Internet-Exposed'], [], ['internet-exposed']],
    ['keyvault_rbac_secret_expiration_set', ['secrets'], [], ['sensitive-data', 'secrets']],
  ])('%s', (checkId, prowlerCategories, checkTypes, expected) => {
    expect(checkCategories(checkId, prowlerCategories, checkTypes)).toEqual(expected);
  });
});
