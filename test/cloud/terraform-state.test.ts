import { describe, expect, it } from 'vitest';
import { CloudInventoryError } from '../../scanners/cloud/inventory.js';
import { accountsOf, DEMO, FIXTURES, fixtureText, readFixture, readText, resourceOf } from './helpers.js';

/** The only instance attributes the importer may read (docs/cloud.md). */
const READ_ATTRIBUTES = new Set(['id', 'arn', 'tags', 'tags_all', 'labels', 'project']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A copy of a state with a unique fake secret in every place the importer must never read: every other
 * attribute (nested values too), tag values that `sensitive_attributes` marks, the `sensitive_attributes`
 * paths themselves, `private`, `dependencies`, outputs, data sources and non-cloud resources entirely.
 */
function plantSecrets(state: { [key: string]: Json }): { state: string; planted: string[] } {
  const planted: string[] = [];
  const secret = () => {
    const value = `PLANTED-SECRET-${planted.length}-${'x'.repeat(8)}`;
    planted.push(value);
    return value;
  };
  const everywhere = (value: Json): Json =>
    Array.isArray(value)
      ? [...value.map(everywhere), secret()]
      : value !== null && typeof value === 'object'
        ? Object.fromEntries([
            ...Object.entries(value).map(([k, v]) => [k, everywhere(v)]),
            ['planted', secret()],
          ])
        : secret();
  const copy = structuredClone(state) as { [key: string]: Json };
  copy.outputs = {
    token: { value: secret(), type: 'string', sensitive: true },
    other: everywhere(copy.outputs ?? {}),
  };
  copy.lineage = secret();
  for (const resource of copy.resources as { [key: string]: Json }[]) {
    if (typeof resource !== 'object' || resource === null) continue;
    const cloud = resource.mode === 'managed' && /aws|azurerm|google/.test(String(resource.provider));
    for (const instance of (resource.instances ?? []) as { [key: string]: Json }[]) {
      instance.private = secret();
      instance.dependencies = [...((instance.dependencies as Json[]) ?? []), secret()];
      const attributes = instance.attributes as { [key: string]: Json };
      const sensitiveTag = secret();
      instance.sensitive_attributes = [
        ...((instance.sensitive_attributes as Json[]) ?? []),
        [{ type: 'get_attr', value: secret() }],
        [
          { type: 'get_attr', value: 'tags' },
          { type: 'index', value: { value: sensitiveTag, type: 'string' } },
        ],
        [
          { type: 'get_attr', value: 'tags_all' },
          { type: 'index', value: { value: sensitiveTag, type: 'string' } },
        ],
      ];
      for (const [name, value] of Object.entries(attributes)) {
        if (!cloud || !READ_ATTRIBUTES.has(name)) attributes[name] = everywhere(value);
      }
      attributes[`extra_${planted.length}`] = secret();
      // A tag whose value Terraform marks sensitive: its key is the planted path above.
      for (const name of ['tags', 'tags_all']) {
        const tags = attributes[name];
        if (cloud && tags && typeof tags === 'object' && !Array.isArray(tags)) tags[sensitiveTag] = secret();
      }
    }
  }
  return { state: JSON.stringify(copy), planted };
}

describe('readCloudInventory on Terraform state', () => {
  it('reads the demo state: addresses with module paths, ARNs, kinds and tags; no parts without identity', () => {
    const { imports, problems } = readFixture(`${DEMO}/platform-infra.tfstate`);
    expect(problems).toEqual([]);
    expect(accountsOf(imports)).toEqual(['aws 123456789012: 4/0']);
    expect(imports[0]?.observedAt).toBeNull();
    const bucket = resourceOf(imports, 'arn:aws:s3:::acme-prod-access-logs');
    // The bucket's ARN has no account: the state's other ARNs all name 123456789012.
    expect(bucket).toEqual({
      uid: 'arn:aws:s3:::acme-prod-access-logs',
      provider: 'aws',
      accountId: '123456789012',
      region: null,
      type: 'aws_s3_bucket',
      kind: 'aws.s3.bucket',
      name: 'acme-prod-access-logs',
      tags: {
        palisade_trace: '70427cdb-d596-46a2-a1f9-743de49fae7d',
        environment: 'prod',
        owner: 'platform-team',
      },
      origin: { terraformAddress: 'module.access_logs.aws_s3_bucket.this' },
      related: [],
    });
    expect(imports[0]?.resources.map((r) => r.origin?.terraformAddress)).toEqual([
      'aws_security_group.bastion',
      'aws_db_instance.orders',
      'module.access_logs.aws_s3_bucket.this',
      'aws_s3_bucket.reports',
    ]);
    expect(resourceOf(imports, 'arn:aws:rds:eu-west-1:123456789012:db:acme-prod-orders')).toMatchObject({
      region: 'eu-west-1',
      kind: 'aws.rds.instance',
      name: 'acme-prod-orders',
    });
  });

  it('reads several clouds and accounts, instance keys, nested modules and dependencies', () => {
    const { imports, problems } = readFixture(`${FIXTURES}/terraform-multicloud.tfstate`, {
      accountId: '123456789012',
    });
    expect(problems.map((p) => `${p.pointer} ${p.message}`)).toEqual([
      '/resources/11 a resource is a JSON object',
    ]);
    expect(accountsOf(imports)).toEqual([
      'aws 123456789012: 3/0',
      'aws 210987654321: 1/0',
      'azure 6f1c2e3d-4b5a-4968-8776-a5b4c3d2e1f0: 1/0',
      'google acme-analytics-prod: 3/0',
    ]);
    const assets = resourceOf(imports, 'arn:aws:s3:::acme-site-eu-assets');
    expect(assets.origin?.terraformAddress).toBe('module.site["eu"].module.cdn.aws_s3_bucket.assets');
    // `api_token` is a sensitive tag in sensitive_attributes: left out.
    expect(assets.tags).toEqual({ palisade_trace: '3f2e1d0c-9b8a-4765-8432-10fedcba9876', team: 'web' });
    expect(resourceOf(imports, 'arn:aws:iam::123456789012:role/worker-1').origin?.terraformAddress).toBe(
      'aws_iam_role.workers[1]',
    );
    // Dependencies name resources; related holds the uids of all their instances.
    expect(
      resourceOf(imports, 'arn:aws:ec2:us-west-2:210987654321:instance/i-0123456789abcdef0').related,
    ).toEqual([
      'arn:aws:iam::123456789012:role/worker-0',
      'arn:aws:iam::123456789012:role/worker-1',
      'arn:aws:s3:::acme-site-eu-assets',
    ]);
    // The network rules resource carries the storage account's id: the account itself is kept.
    const storage = imports.find((i) => i.provider === 'azure')?.resources;
    expect(storage).toEqual([
      {
        uid: '/subscriptions/6f1c2e3d-4b5a-4968-8776-a5b4c3d2e1f0/resourcegroups/rg-web-prod/providers/microsoft.storage/storageaccounts/acmewebprodsa',
        provider: 'azure',
        accountId: '6f1c2e3d-4b5a-4968-8776-a5b4c3d2e1f0',
        region: null,
        type: 'azurerm_storage_account',
        kind: 'azure.storage.account',
        name: 'acmewebprodsa',
        tags: { palisade_trace: '4e0f7b52-7a1d-4c39-9b0e-2f5d8c6a1b34', owner: 'web-team' },
        origin: { terraformAddress: 'azurerm_storage_account.web' },
        related: [],
      },
    ]);
    const google = imports.find((i) => i.provider === 'google')?.resources ?? [];
    expect(google.map((r) => [r.uid, r.kind, r.origin?.terraformAddress])).toEqual([
      [
        '//compute.googleapis.com/projects/acme-analytics-prod/zones/us-central1-a/instances/etl-worker-1',
        'google.compute.instance',
        'google_compute_instance.etl["etl-worker-1"]',
      ],
      [
        '//iam.googleapis.com/projects/acme-analytics-prod/serviceAccounts/ci@acme-analytics-prod.iam.gserviceaccount.com/keys/0f1e2d3c4b5a69788796a5b4c3d2e1f0',
        'google.iam.serviceAccountKey',
        'google_service_account_key.ci',
      ],
      // The asset inventory's full name of a bucket; `labels`, not `effective_labels`.
      [
        '//storage.googleapis.com/acme-analytics-exports',
        'google.storage.bucket',
        'google_storage_bucket.exports',
      ],
    ]);
    expect(resourceOf(imports, '//storage.googleapis.com/acme-analytics-exports').tags).toEqual({
      palisade_trace: '9d3c4b5a-6e7f-4081-92a3-b4c5d6e7f809',
    });
  });

  it('asks for --account when the ARN has none and the state spans several accounts', () => {
    const { imports, problems } = readFixture(`${FIXTURES}/terraform-multicloud.tfstate`);
    expect(problems.map((p) => `${p.pointer} ${p.message}`)).toContain(
      '/resources/2/instances/0 cannot tell the account of module.site["eu"].module.cdn.aws_s3_bucket.assets from its ARN: pass --account',
    );
    expect(accountsOf(imports)[0]).toBe('aws 123456789012: 2/0');
  });

  it('never reads a secret: every other attribute, sensitive tags, outputs, private data and paths', () => {
    for (const file of [`${DEMO}/platform-infra.tfstate`, `${FIXTURES}/terraform-multicloud.tfstate`]) {
      const original = JSON.parse(fixtureText(file));
      const { state, planted } = plantSecrets(original);
      expect(planted.length).toBeGreaterThan(100);
      for (const value of planted) expect(state).toContain(value);

      const clean = readText(fixtureText(file), file, { accountId: '123456789012' });
      const withSecrets = readText(state, file, { accountId: '123456789012' });
      const output = JSON.stringify(withSecrets);
      expect(output).not.toContain('PLANTED');
      for (const value of planted) expect(output).not.toContain(value);
      // The same resources were read: the proof is not vacuous.
      expect(withSecrets.imports).toEqual(clean.imports);
      expect(withSecrets.imports.flatMap((i) => i.resources).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('refuses other state versions and malformed states with the place of the fault', () => {
    expect(() =>
      readText(JSON.stringify({ version: 3, terraform_version: '0.11.14', resources: [] }), 'old.tfstate'),
    ).toThrow(
      'old.tfstate (at /version): Terraform state version 3 is not read: Terraform 0.12 and later write version 4',
    );
    expect(() =>
      readText('{"version": 4, "resources": {}}', 'odd.tfstate', { source: 'terraform-state' }),
    ).toThrow(CloudInventoryError);
    const { imports, problems } = readText(
      JSON.stringify({
        version: 4,
        lineage: 'x',
        resources: [
          {
            mode: 'managed',
            type: 'aws_s3_bucket',
            provider: 'provider["registry.terraform.io/hashicorp/aws"]',
            instances: [],
          },
          {
            mode: 'managed',
            type: 'aws_s3_bucket',
            name: 'a',
            provider: 'provider["registry.terraform.io/hashicorp/aws"]',
            instances: [7],
          },
        ],
      }),
      'bad.tfstate',
    );
    expect(imports).toEqual([]);
    expect(problems.map((p) => `${p.pointer} ${p.message}`)).toEqual([
      '/resources/0 the resource has no type or name',
      '/resources/1/instances/0 an instance is a JSON object',
    ]);
  });
});
