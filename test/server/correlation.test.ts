import { describe, expect, it } from 'vitest';
import { codeUrl, parseCodeHosts } from '../../server/domain/code-url.js';
import {
  type CorrelationCloudResource,
  type CorrelationIacResource,
  correlate,
  isWeakLink,
  parseAddress,
} from '../../server/domain/correlation.js';
import { looksLikeSecretValue, safeTags } from '../../server/ingest/secret-fields.js';

function iac(
  key: string,
  address: string,
  changes: Partial<CorrelationIacResource> = {},
): CorrelationIacResource {
  return {
    key,
    family: 'terraform',
    type: 'aws_s3_bucket',
    kind: 'aws.s3.bucket',
    address,
    file: 'main.tf',
    tags: {},
    ...changes,
  };
}

function cloud(key: string, changes: Partial<CorrelationCloudResource> = {}): CorrelationCloudResource {
  return { key, type: 'AWS::S3::Bucket', kind: 'aws.s3.bucket', name: null, tags: {}, ...changes };
}

const linksOf = (links: ReturnType<typeof correlate>) =>
  links.map((link) => `${link.iacKey}>${link.cloudKey}:${link.method}`).sort();

describe('correlate: trace tags', () => {
  it('links by any recognised trace tag value, before the state address', () => {
    const links = correlate(
      [
        iac('i1', 'aws_s3_bucket.a', { traceTag: 'f2b6c3f0-1111-4a5b-9c7d-000000000001' }),
        iac('i2', 'aws_s3_bucket.b', { tags: { yor_trace: 'yor-2' } }),
        iac('i3', 'aws_s3_bucket.c', { tags: { mapping_tag: 'map-3' } }),
      ],
      [
        // The state says this is another address: the trace tag wins.
        cloud('c1', {
          tags: { palisade_trace: 'f2b6c3f0-1111-4a5b-9c7d-000000000001' },
          origin: { terraformAddress: 'aws_s3_bucket.renamed' },
        }),
        cloud('c2', { tags: { yor_trace: 'yor-2' } }),
        cloud('c3', { tags: { mapping_tag: 'map-3' } }),
      ],
    );
    expect(linksOf(links)).toEqual(['i1>c1:trace-tag', 'i2>c2:trace-tag', 'i3>c3:trace-tag']);
  });

  it('never links on an empty or blank trace value', () => {
    const links = correlate(
      [iac('i1', 'aws_s3_bucket.a', { tags: { palisade_trace: ' ' } })],
      [cloud('c1', { tags: { palisade_trace: ' ' } })],
    );
    expect(links).toEqual([]);
  });

  it('narrows count copies that share a trace tag by their state address', () => {
    const tag = { palisade_trace: 'shared' };
    const links = correlate(
      [iac('i0', 'aws_s3_bucket.b[0]', { tags: tag }), iac('i1', 'aws_s3_bucket.b[1]', { tags: tag })],
      [
        cloud('c0', { tags: tag, origin: { terraformAddress: 'aws_s3_bucket.b[0]' } }),
        cloud('c1', { tags: tag, origin: { terraformAddress: 'aws_s3_bucket.b[1]' } }),
      ],
    );
    expect(linksOf(links)).toEqual(['i0>c0:trace-tag', 'i1>c1:trace-tag']);
  });
});

describe('correlate: Terraform state addresses', () => {
  const state = (key: string, address: string) => cloud(key, { origin: { terraformAddress: address } });

  it('matches every instance when the code address has no key, and only the written key otherwise', () => {
    const links = correlate(
      [
        iac('any', 'aws_s3_bucket.b'),
        iac('one', 'aws_s3_bucket.k[1]'),
        iac('named', 'aws_s3_bucket.m["logs"]'),
      ],
      [
        state('b0', 'aws_s3_bucket.b[0]'),
        state('bx', 'aws_s3_bucket.b["x"]'),
        state('bb', 'aws_s3_bucket.bb'),
        state('k0', 'aws_s3_bucket.k[0]'),
        state('k1', 'aws_s3_bucket.k[1]'),
        state('m', "aws_s3_bucket.m['logs']"),
      ],
    );
    expect(linksOf(links)).toEqual([
      'any>b0:state-address',
      'any>bx:state-address',
      'named>m:state-address',
      'one>k1:state-address',
    ]);
  });

  it('compares module paths step by step, module instance keys included', () => {
    const links = correlate(
      [
        iac('site', 'module.site.aws_s3_bucket.logs', {
          modulePath: 'module.site',
        } as Partial<CorrelationIacResource>),
        iac('eu', 'module.net["eu"].module.inner.aws_security_group.web'),
      ],
      [
        state('site-eu', 'module.site["eu"].aws_s3_bucket.logs'),
        state('other', 'module.other.aws_s3_bucket.logs'),
        state('root', 'aws_s3_bucket.logs'),
        state('eu-web', 'module.net["eu"].module.inner.aws_security_group.web'),
        state('us-web', 'module.net["us"].module.inner.aws_security_group.web'),
      ],
    );
    expect(linksOf(links)).toEqual(['eu>eu-web:state-address', 'site>site-eu:state-address']);
  });

  it('parses keys holding brackets and dots, and refuses text that is not an address', () => {
    expect(parseAddress('module.a["x].y"].aws_s3_bucket.b[0]')).toEqual([
      { name: 'module.a', key: '"x].y"' },
      { name: 'aws_s3_bucket.b', key: '0' },
    ]);
    expect(parseAddress('data.aws_iam_policy_document.p')).toEqual([
      { name: 'data.aws_iam_policy_document.p' },
    ]);
    for (const bad of [
      '',
      'bucket',
      'module.',
      'module.a',
      'aws_s3_bucket.b[',
      'aws_s3_bucket.b["a"',
      'a.b.c',
      'a.b]',
    ])
      expect(parseAddress(bad), bad).toBeUndefined();
  });
});

describe('correlate: CloudFormation stacks', () => {
  const deployed = (key: string, stack: string, logicalId: string, type = 'AWS::SQS::Queue') =>
    cloud(key, { type, kind: undefined, origin: { cloudformation: { stack, logicalId } } });
  const template = (key: string, logicalId: string, file: string) =>
    iac(key, `Resources.${logicalId}`, {
      family: 'cloudformation',
      type: 'AWS::SQS::Queue',
      kind: undefined,
      file,
    });

  it('links a logical id of the same type in a stack', () => {
    const links = correlate(
      [template('q', 'Queue', 'queue.yaml')],
      [deployed('c', 'orders', 'Queue'), deployed('t', 'orders', 'Queue', 'AWS::SNS::Topic')],
    );
    expect(linksOf(links)).toEqual(['q>c:cloudformation-stack']);
  });

  it('prefers stacks named after the template when several stacks have the logical id, else links them all', () => {
    const clouds = [deployed('prod', 'network-prod', 'Queue'), deployed('other', 'billing', 'Queue')];
    expect(linksOf(correlate([template('q', 'Queue', 'stacks/Network.yaml')], clouds))).toEqual([
      'q>prod:cloudformation-stack',
    ]);
    expect(linksOf(correlate([template('q', 'Queue', 'template.yaml')], clouds))).toEqual([
      'q>other:cloudformation-stack',
      'q>prod:cloudformation-stack',
    ]);
  });
});

describe('correlate: the name heuristic', () => {
  it('links the same kind and literal name, flagged weak, only where no stronger link exists', () => {
    const links = correlate(
      [
        iac('named', 'aws_s3_bucket.data', { name: 'customer-data' }),
        iac('traced', 'aws_s3_bucket.logs', { name: 'logs', traceTag: 't-1' }),
        iac('taken', 'aws_s3_bucket.copy', { name: 'logs' }),
        iac('queue', 'aws_sqs_queue.q', {
          name: 'customer-data',
          type: 'aws_sqs_queue',
          kind: 'aws.sqs.queue',
        }),
      ],
      [
        cloud('data', { name: 'customer-data' }),
        cloud('logs', { name: 'logs', tags: { palisade_trace: 't-1' } }),
      ],
    );
    expect(linksOf(links)).toEqual(['named>data:name-heuristic', 'traced>logs:trace-tag']);
    expect(links.filter((link) => isWeakLink(link.method)).map((link) => link.iacKey)).toEqual(['named']);
  });

  it('compares types when either side has no kind', () => {
    const links = correlate(
      [iac('a', 'aws_s3_bucket.a', { kind: undefined, name: 'same' })],
      [
        cloud('t', { kind: undefined, type: 'aws_s3_bucket', name: 'same' }),
        cloud('u', { kind: undefined, name: 'same' }),
      ],
    );
    expect(linksOf(links)).toEqual(['a>t:name-heuristic']);
  });
});

describe('codeUrl', () => {
  const at = { owner: 'acme', repository: 'infra', commit: 'abc123', file: 'dir with space/a#b.tf', line: 7 };

  it('builds GitHub, GitLab and Azure DevOps links with encoded paths', () => {
    expect(codeUrl({ ...at, provider: 'github' })).toBe(
      'https://github.com/acme/infra/blob/abc123/dir%20with%20space/a%23b.tf#L7',
    );
    expect(codeUrl({ ...at, provider: 'gitlab', owner: 'group/sub' })).toBe(
      'https://gitlab.com/group/sub/infra/-/blob/abc123/dir%20with%20space/a%23b.tf#L7',
    );
    expect(codeUrl({ ...at, provider: 'azure-devops', owner: 'contoso/Web Project' })).toBe(
      'https://dev.azure.com/contoso/Web%20Project/_git/infra?path=/dir%20with%20space/a%23b.tf&version=GCabc123&line=7',
    );
  });

  it('uses configured self-hosted hosts, and gives no link it cannot build', () => {
    const hosts = parseCodeHosts(
      'github=https://ghe.example.com/, azure-devops=https://dev.azure.com/contoso',
    );
    expect(codeUrl({ ...at, provider: 'github', file: 'main.tf' }, hosts)).toBe(
      'https://ghe.example.com/acme/infra/blob/abc123/main.tf#L7',
    );
    expect(codeUrl({ ...at, provider: 'azure-devops', owner: 'Project', file: 'main.tf' }, hosts)).toBe(
      'https://dev.azure.com/contoso/Project/_git/infra?path=/main.tf&version=GCabc123&line=7',
    );
    expect(codeUrl({ ...at, provider: 'azure-devops', owner: 'Project' })).toBeNull();
    expect(codeUrl({ ...at, provider: 'local' })).toBeNull();
    expect(codeUrl({ ...at, provider: 'github', commit: 'not-a-sha' })).toBeNull();
  });

  it('refuses hosts that are not http(s) URLs of a known provider', () => {
    expect(() => parseCodeHosts('bitbucket=https://x.example.com')).toThrow(/github=URL/);
    expect(() => parseCodeHosts('github=javascript:alert(1)')).toThrow(/http/);
    expect(() => parseCodeHosts('github')).toThrow(/github=URL/);
  });
});

describe('safeTags', () => {
  it('drops tags named like secrets and values shaped like credentials, keeping ordinary ones', () => {
    const tags = safeTags({
      Name: 'web-server',
      owner: 'team-payments',
      palisade_trace: '0b5c4a9e-7f1d-4e8a-9a57-3c2d1e0f9a8b',
      role_arn: 'arn:aws:iam::123456789012:role/app',
      db_password: 'hunter2',
      ApiKey: 'short',
      build: 'wJalrXUtnFEMIK7MDENGbPxRfiCYzK9q2Lr8sT4v',
    });
    expect(tags).toEqual({
      Name: 'web-server',
      owner: 'team-payments',
      palisade_trace: '0b5c4a9e-7f1d-4e8a-9a57-3c2d1e0f9a8b',
      role_arn: 'arn:aws:iam::123456789012:role/app',
    });
    expect(looksLikeSecretValue('ghp_4Jx9Qm2LzT7vR1sK8nW3bY6cH0dF5gA2pE9u')).toBe(true);
    expect(looksLikeSecretValue('production-eu-west-1')).toBe(false);
  });
});
