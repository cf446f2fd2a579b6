import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CloudImport } from '../../scanners/cloud/model.js';
import { packagePath } from '../../scanners/core/package.js';
import { runCli } from '../cli/helpers.js';
import { makeTempDir } from '../helpers/tmp.js';
import { DEMO, FIXTURES, readFixture } from './helpers.js';

const TOKEN = 'pal_cloud-import-test-token-0123456789';

interface Received {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: CloudImport;
}

/** A stand-in for the server's import endpoint: records each request, answers like the real one would. */
let received: Received[] = [];
let rejectAccount: string | undefined;
let server: Server;
let serverUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      const body = JSON.parse(text) as CloudImport;
      const seen = received.some((r) => JSON.stringify(r.body) === text);
      received.push({ method: request.method, url: request.url, headers: request.headers, body });
      response.setHeader('content-type', 'application/json');
      if (body.accountId === rejectAccount) {
        response.statusCode = 400;
        response.end(
          JSON.stringify({
            message: 'tags must NOT have more than 200 properties',
            pointer: '/resources/0/tags',
          }),
        );
        return;
      }
      response.statusCode = seen ? 200 : 201;
      response.end(
        JSON.stringify({ snapshotId: received.length, url: `/api/v1/cloud/accounts/${received.length}` }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received = [];
  rejectAccount = undefined;
});

const demoFiles = [packagePath(`${DEMO}/prowler-ocsf.json`), packagePath(`${DEMO}/platform-infra.tfstate`)];

describe('palisade cloud import', () => {
  it('posts one import per account as JSON with the token, and prints what it read and sent', async () => {
    const run = await runCli(
      ['cloud', 'import', ...demoFiles, '--upload', `${serverUrl}/`],
      packagePath('.'),
      {
        env: { PALISADE_TOKEN: TOKEN },
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        'server/demo/cloud/prowler-ocsf.json (prowler-ocsf):',
        '  aws 123456789012: 10 resources, 18 checks (12 fail, 6 pass)',
        'server/demo/cloud/platform-infra.tfstate (terraform-state):',
        '  aws 123456789012: 4 resources, 0 checks',
        'total: 1 account, 14 resources, 18 checks (12 fail, 6 pass)',
        '',
      ].join('\n'),
    );
    expect(
      received.map((r) => [r.method, r.url, r.headers.authorization, r.headers['content-type']]),
    ).toEqual([
      ['POST', '/api/v1/cloud/imports', `Bearer ${TOKEN}`, 'application/json'],
      ['POST', '/api/v1/cloud/imports', `Bearer ${TOKEN}`, 'application/json'],
    ]);
    expect(received.map((r) => r.body)).toEqual([
      ...readFixture(`${DEMO}/prowler-ocsf.json`).imports,
      ...readFixture(`${DEMO}/platform-infra.tfstate`).imports,
    ]);
    expect(run.stderr).toContain(
      `palisade: imported aws 123456789012 from server/demo/cloud/prowler-ocsf.json: ${serverUrl}/api/v1/cloud/accounts/1\n`,
    );

    // The same file again: the server says it has it already.
    const again = await runCli(
      ['cloud', 'import', demoFiles[0] ?? '', '--upload', serverUrl, '--quiet'],
      packagePath('.'),
      {
        env: { PALISADE_TOKEN: TOKEN },
      },
    );
    expect(again).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 3 when the server refuses an import, after sending the others', async () => {
    rejectAccount = '210987654321';
    const run = await runCli(
      ['cloud', 'import', `${FIXTURES}/prowler-ocsf-multicloud.json`, '--upload', serverUrl],
      packagePath('.'),
      { env: { PALISADE_TOKEN: TOKEN } },
    );
    expect(run.code).toBe(3);
    expect(received.map((r) => `${r.body.provider} ${r.body.accountId}`)).toEqual([
      'aws 123456789012',
      'aws 210987654321',
      'azure 6f1c2e3d-4b5a-4968-8776-a5b4c3d2e1f0',
      'google acme-analytics-prod',
    ]);
    expect(run.stderr).toContain(
      `palisade: upload of aws 210987654321 from test/fixtures/cloud/prowler-ocsf-multicloud.json to ${serverUrl} failed: the server answered 400: tags must NOT have more than 200 properties (at /resources/0/tags)\n`,
    );
    // Item problems are warnings with the place of each.
    expect(run.stderr).toContain(
      'palisade: warning: test/fixtures/cloud/prowler-ocsf-multicloud.json (at /4/status_code): status_code is not PASS, FAIL or MANUAL\n',
    );
  });

  it('exits 3 when the server cannot be reached', async () => {
    const run = await runCli(
      ['cloud', 'import', demoFiles[0] ?? '', '--upload', 'http://127.0.0.1:9'],
      packagePath('.'),
      {
        env: { PALISADE_TOKEN: TOKEN },
      },
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /upload of aws 123456789012 from .* to http:\/\/127\.0\.0\.1:9 failed: fetch failed/,
    );
  });

  it('needs PALISADE_TOKEN to upload, and says so before reading', async () => {
    const run = await runCli(['cloud', 'import', ...demoFiles, '--upload', serverUrl], packagePath('.'));
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'palisade: --upload needs the server API token in the PALISADE_TOKEN environment variable\n',
    });
  });

  it('--dry-run sends nothing and --output writes the normalized imports', async () => {
    const dir = makeTempDir();
    const run = await runCli(
      [
        'cloud',
        'import',
        `${FIXTURES}/terraform-multicloud.tfstate`,
        '--account',
        '123456789012',
        '--upload',
        serverUrl,
        '--dry-run',
        '--output',
        path.join(dir, 'out', 'inventory.json'),
      ],
      packagePath('.'),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(received).toEqual([]);
    expect(run.stdout).toBe(
      [
        'test/fixtures/cloud/terraform-multicloud.tfstate (terraform-state):',
        '  aws 123456789012: 3 resources, 0 checks',
        '  aws 210987654321: 1 resource, 0 checks',
        '  azure 6f1c2e3d-4b5a-4968-8776-a5b4c3d2e1f0: 1 resource, 0 checks',
        '  google acme-analytics-prod: 3 resources, 0 checks',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toContain(`palisade: --dry-run: 4 imports not sent to ${serverUrl}\n`);
    const written = JSON.parse(readFileSync(path.join(dir, 'out', 'inventory.json'), 'utf8'));
    expect(written).toEqual(
      readFixture(`${FIXTURES}/terraform-multicloud.tfstate`, { accountId: '123456789012' }).imports,
    );
  });

  it('reports an unreadable file, reads the others and exits 2', async () => {
    const dir = makeTempDir({ 'broken.json': '{"configurationItems": [', 'odd.json': '{"a": 1}' });
    const run = await runCli(
      [
        'cloud',
        'import',
        'broken.json',
        'missing.json',
        'odd.json',
        packagePath(`${FIXTURES}/azure-resource-graph.json`),
      ],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^palisade: broken\.json: not JSON \(/m);
    expect(run.stderr).toContain('palisade: missing.json: cannot read: ENOENT\n');
    expect(run.stderr).toMatch(/^palisade: odd\.json: cannot tell the format: expected one of prowler-ocsf/m);
    expect(run.stdout).toContain('  azure 6f1c2e3d-4b5a-4968-8776-a5b4c3d2e1f0: 4 resources, 0 checks\n');
  });

  it('shows hostile names without their terminal escape sequences', async () => {
    const rows = [
      {
        id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Web/sites/app',
        name: 'app',
        type: 'microsoft.web/sites',
        subscriptionId: 'sub\u001b]0;owned\u0007\u001b[2J',
        tags: { ['k'.repeat(600)]: 'v' },
      },
    ];
    const dir = makeTempDir({ 'graph.json': JSON.stringify(rows) });
    const run = await runCli(['cloud', 'import', 'graph.json'], dir);
    expect(run.code).toBe(0);
    expect(`${run.stdout}${run.stderr}`.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f]/);
    // Subscription ids are lower-cased like the resource ids that carry them.
    expect(run.stdout).toContain('  azure sub\uFFFD]0;owned\uFFFD\uFFFD[2j: 1 resource, 0 checks\n');
    expect(run.stderr).toContain(
      `(at /0/tags): tag "${'k'.repeat(80)}" is longer than the limit and was dropped\n`,
    );
  });

  it('refuses an unknown --source', async () => {
    const run = await runCli(['cloud', 'import', 'x.json', '--source', 'cloudtrail'], packagePath('.'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("option '--source <format>' argument 'cloudtrail' is invalid");
  });
});
