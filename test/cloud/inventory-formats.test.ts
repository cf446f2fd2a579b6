import { describe, expect, it } from 'vitest';
import { CLOUD_INPUT_MAX_CHARS } from '../../scanners/cloud/input.js';
import { CloudInventoryError, readCloudInventory } from '../../scanners/cloud/inventory.js';
import { accountsOf, FIXTURES, fixtureText, readFixture, readText, resourceOf } from './helpers.js';

describe('AWS Config configuration snapshots', () => {
  it('reads the demo account: CloudFormation types to kinds, relationships to uids, stack origins', () => {
    const { imports, problems } = readFixture(`${FIXTURES}/demo-aws-config-snapshot.json`);
    expect(problems).toEqual([]);
    // The deleted instance and Config's own compliance record are not resources.
    expect(accountsOf(imports)).toEqual(['aws 123456789012: 8/0']);
    expect(imports[0]?.source).toBe('aws-config');
    expect(imports[0]?.observedAt).toBe('2026-11-28T05:42:17.318Z');
    const instance = resourceOf(imports, 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0d4e5f6a7b8c9d0e1');
    expect(instance).toEqual({
      uid: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0d4e5f6a7b8c9d0e1',
      provider: 'aws',
      accountId: '123456789012',
      region: 'eu-west-1',
      type: 'AWS::EC2::Instance',
      kind: 'aws.ec2.instance',
      name: 'i-0d4e5f6a7b8c9d0e1',
      tags: { Name: 'acme-prod-bastion', environment: 'prod', owner: 'platform-team' },
      // The subnet, network interface and VPC are not in the snapshot: they have no uid to point at.
      related: [
        'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0b7c5d9e1f2a3b4c5',
        'arn:aws:ec2:eu-west-1:123456789012:volume/vol-0a9b8c7d6e5f4a3b2',
      ],
    });
    expect(resourceOf(imports, 'arn:aws:sqs:eu-west-1:123456789012:order-events').origin).toEqual({
      cloudformation: { stack: 'platform-queues', logicalId: 'OrderEvents' },
    });
    expect(resourceOf(imports, 'arn:aws:s3:::acme-prod-reports')).toMatchObject({
      kind: 'aws.s3.bucket',
      name: 'acme-prod-reports',
      tags: { palisade_trace: 'df0ab853-cde9-4528-b675-d6c0119cca78' },
    });
    // `configuration` (user data and all) is never read.
    expect(fixtureText(`${FIXTURES}/demo-aws-config-snapshot.json`)).toContain('PLANTED-CONFIG-USERDATA');
    expect(JSON.stringify(imports)).not.toContain('PLANTED');
  });
});

describe('Azure Resource Graph exports', () => {
  it('reads rows into one import per subscription, ids and types lower-cased, ARM types to kinds', () => {
    const { imports, problems } = readFixture(`${FIXTURES}/azure-resource-graph.json`);
    expect(problems.map((p) => `${p.pointer} ${p.message}`)).toEqual([
      '/data/6/id the row has no Azure resource id',
    ]);
    expect(accountsOf(imports)).toEqual([
      'azure 0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d: 2/0',
      'azure 6f1c2e3d-4b5a-4968-8776-a5b4c3d2e1f0: 4/0',
    ]);
    const storage = resourceOf(
      imports,
      '/subscriptions/6f1c2e3d-4b5a-4968-8776-a5b4c3d2e1f0/resourcegroups/rg-web-prod/providers/microsoft.storage/storageaccounts/acmewebprodsa',
    );
    expect(storage).toEqual({
      uid: '/subscriptions/6f1c2e3d-4b5a-4968-8776-a5b4c3d2e1f0/resourcegroups/rg-web-prod/providers/microsoft.storage/storageaccounts/acmewebprodsa',
      provider: 'azure',
      accountId: '6f1c2e3d-4b5a-4968-8776-a5b4c3d2e1f0',
      region: 'westeurope',
      type: 'microsoft.storage/storageaccounts',
      kind: 'azure.storage.account',
      name: 'acmewebprodsa',
      tags: { palisade_trace: '4e0f7b52-7a1d-4c39-9b0e-2f5d8c6a1b34', owner: 'web-team' },
      related: [],
    });
    const kinds = imports.flatMap((i) => i.resources.map((r) => [r.name, r.kind ?? null]));
    expect(kinds).toEqual([
      ['acme-data-kv', 'azure.keyvault.vault'],
      ['acme-data-sql', 'azure.sql.server'],
      ['web-vm-01', 'azure.compute.virtualMachine'],
      ['web-nsg', 'azure.network.securityGroup'],
      // No kind models public IP addresses: none is made up.
      ['web-vm-01-pip', null],
      ['acmewebprodsa', 'azure.storage.account'],
    ]);
    // `properties` is never read.
    expect(JSON.stringify(imports)).not.toContain('PLANTED');
  });

  it('reads the plain JSON array older Azure CLIs print', () => {
    const rows = JSON.parse(fixtureText(`${FIXTURES}/azure-resource-graph.json`)).data.slice(0, 2);
    const { imports } = readText(JSON.stringify(rows), 'graph.json');
    expect(accountsOf(imports)).toEqual(['azure 6f1c2e3d-4b5a-4968-8776-a5b4c3d2e1f0: 2/0']);
  });
});

describe('Google Cloud Asset Inventory exports', () => {
  it('reads NDJSON assets, finds each project id, skips IAM policy lines and reports a broken line', () => {
    const { imports, problems } = readFixture(`${FIXTURES}/gcp-asset-inventory.ndjson`);
    expect(problems.map((p) => `${p.pointer} ${p.message}`)).toEqual(['line 5 the line is not JSON']);
    // Buckets' names carry no project: their ancestors' project number maps to the id other assets show.
    expect(accountsOf(imports)).toEqual([
      'google acme-analytics-prod: 3/0',
      'google acme-platform-prod: 2/0',
    ]);
    expect(imports[0]?.observedAt).toBe('2026-11-28T04:12:09.530Z');
    expect(resourceOf(imports, '//storage.googleapis.com/acme-analytics-exports')).toEqual({
      uid: '//storage.googleapis.com/acme-analytics-exports',
      provider: 'google',
      accountId: 'acme-analytics-prod',
      region: 'us',
      type: 'storage.googleapis.com/Bucket',
      kind: 'google.storage.bucket',
      name: 'acme-analytics-exports',
      tags: { palisade_trace: '9d3c4b5a-6e7f-4081-92a3-b4c5d6e7f809', owner: 'analytics' },
      related: [],
    });
    expect(
      resourceOf(
        imports,
        '//container.googleapis.com/projects/acme-platform-prod/locations/europe-west1/clusters/platform',
      ),
    ).toMatchObject({ kind: 'google.gke.cluster', tags: { team: 'platform' }, region: 'europe-west1' });
    // The startup script in resource.data is never read.
    expect(fixtureText(`${FIXTURES}/gcp-asset-inventory.ndjson`)).toContain('PLANTED-GCP-STARTUP-SCRIPT');
    expect(JSON.stringify(imports)).not.toContain('PLANTED');
  });

  it('reads the camelCase JSON array of gcloud asset list', () => {
    const listed = [
      {
        name: '//compute.googleapis.com/projects/acme-edge/global/firewalls/allow-ssh',
        assetType: 'compute.googleapis.com/Firewall',
        resource: { data: { name: 'allow-ssh' }, location: 'global' },
        ancestors: ['projects/551234567890'],
        updateTime: '2026-11-27T12:00:00Z',
      },
    ];
    const { imports } = readText(JSON.stringify(listed), 'assets.json');
    expect(imports[0]?.resources[0]).toMatchObject({
      accountId: 'acme-edge',
      kind: 'google.compute.firewall',
    });
    expect(imports[0]?.observedAt).toBe('2026-11-27T12:00:00.000Z');
  });
});

describe('format detection and hostile input', () => {
  it.each([
    ['server/demo/cloud/prowler-ocsf.json', 'prowler-ocsf'],
    ['server/demo/cloud/platform-infra.tfstate', 'terraform-state'],
    [`${FIXTURES}/demo-aws-config-snapshot.json`, 'aws-config'],
    [`${FIXTURES}/azure-resource-graph.json`, 'azure-resource-graph'],
    [`${FIXTURES}/gcp-asset-inventory.ndjson`, 'gcp-asset-inventory'],
  ])('recognises %s as %s', (file, source) => {
    expect(readFixture(file).imports[0]?.source).toBe(source);
  });

  it('names the supported formats when it cannot tell', () => {
    expect(() => readText('{"hello": "world"}', 'mystery.json')).toThrow(
      /^mystery\.json: cannot tell the format: expected one of prowler-ocsf \(Prowler --output-formats json-ocsf\), terraform-state .*aws-config .*azure-resource-graph .*gcp-asset-inventory .*; an empty or unusual file needs --source$/,
    );
    expect(() => readText('[]', 'empty.json')).toThrow(/cannot tell the format/);
    expect(readText('[]', 'empty.json', { source: 'prowler-ocsf' }).imports).toEqual([]);
  });

  it('says where JSON breaks, and refuses a file of the wrong shape for --source', () => {
    expect(() => readText('[{"class_uid": 2004,', 'cut.json')).toThrow(/^cut\.json: not JSON \(/);
    expect(() =>
      readText(fixtureText(`${FIXTURES}/azure-resource-graph.json`), 'x.json', { source: 'aws-config' }),
    ).toThrow('x.json: an AWS Config snapshot is an object with a "configurationItems" array');
  });

  it('refuses oversized input before parsing it', () => {
    const huge = { length: CLOUD_INPUT_MAX_CHARS + 1 } as unknown as string;
    expect(() => readCloudInventory(huge, 'huge.json')).toThrow(
      new CloudInventoryError('huge.json', 'larger than 256 MiB: split it'),
    );
  });

  it('drops oversized tags and surplus tags with a problem, and keeps the resource', () => {
    const tags = {
      long: 'v'.repeat(3000),
      ...Object.fromEntries(Array.from({ length: 205 }, (_, index) => [`k${index}`, 'v'])),
    };
    const rows = [
      {
        id: '/subscriptions/0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d/resourceGroups/rg/providers/Microsoft.Web/sites/app',
        name: 'app',
        type: 'microsoft.web/sites',
        tags,
      },
    ];
    const { imports, problems } = readText(JSON.stringify(rows), 'tags.json');
    expect(Object.keys(imports[0]?.resources[0]?.tags ?? {})).toHaveLength(200);
    expect(problems.map((p) => `${p.pointer} ${p.message}`)).toEqual([
      '/0/tags tag "long" is longer than the limit and was dropped',
      '/0/tags more than 200 tags: the rest were dropped',
    ]);
    expect(imports[0]?.resources[0]?.kind).toBe('azure.appservice.site');
  });

  it('reports items that are not objects and goes on', () => {
    const snapshot = JSON.parse(fixtureText(`${FIXTURES}/demo-aws-config-snapshot.json`));
    snapshot.configurationItems.unshift(null, 'text', { resourceType: 'AWS::S3::Bucket' });
    const { imports, problems } = readText(JSON.stringify(snapshot), 'snapshot.json');
    expect(problems.map((p) => `${p.pointer} ${p.message}`)).toEqual([
      '/configurationItems/0 a configuration item is a JSON object',
      '/configurationItems/1 a configuration item is a JSON object',
      '/configurationItems/2 the item has no resourceType or resourceId',
    ]);
    expect(accountsOf(imports)).toEqual(['aws 123456789012: 8/0']);
  });
});
