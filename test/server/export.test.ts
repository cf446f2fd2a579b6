/** Continuous export: OCSF, CEF over syslog (UDP and TCP), Splunk HEC and signed webhooks, with retries. */
import { createSocket } from 'node:dgram';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../scanners/core/package.js';
import type { ScanResult } from '../../scanners/core/types.js';
import { readExportSinks } from '../../server/export/config.js';
import { toCef, toOcsf } from '../../server/export/formats.js';
import { webhookSignature } from '../../server/export/sinks.js';
import type { ExportEvent } from '../../server/storage/storage.js';
import {
  ADMIN_TOKEN,
  bearer,
  postScan,
  scanServerCorpus,
  startTestServer,
  type TestServer,
  uploadOf,
} from './helpers.js';

// The compiled OCSF 1.8.0 schema from the shared schemas (see ../shared/schemas/README.md).
const OCSF = JSON.parse(readFileSync(packagePath('../shared/schemas/ocsf/ocsf-1.8.0-export.json'), 'utf8'));
const HEC_TOKEN = 'hec-0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const WEBHOOK_SECRET = 'whsec-a-long-shared-secret-for-tests';

interface Received {
  udp: string[];
  tcp: string[];
  hec: Array<{ authorization?: string; body: string }>;
  webhook: Array<{ headers: IncomingMessage['headers']; body: string }>;
}

const received: Received = { udp: [], tcp: [], hec: [], webhook: [] };
let webhookFailuresLeft = 2;
const closers: Array<() => void> = [];
let server: TestServer;
let result: ScanResult;
let ocsfFile: string;
let tempDir: string;

function listen(httpServer: Server): Promise<number> {
  return new Promise((resolve) =>
    httpServer.listen(0, '127.0.0.1', () => resolve((httpServer.address() as { port: number }).port)),
  );
}

function collect(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk) => (body += String(chunk)));
    request.on('end', () => resolve(body));
  });
}

beforeAll(async () => {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'palisade-export-'));
  ocsfFile = path.join(tempDir, 'siem', 'findings.ocsf.jsonl');

  const udp = createSocket('udp4');
  udp.on('message', (message) => received.udp.push(String(message)));
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  closers.push(() => udp.close());

  const tcp: TcpServer = createTcpServer((socket) => {
    let buffer = '';
    socket.on('data', (chunk) => (buffer += String(chunk)));
    socket.on('end', () => received.tcp.push(...buffer.split('\n').filter(Boolean)));
  });
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  closers.push(() => tcp.close());

  const hec = createServer(async (request, response) => {
    received.hec.push({ authorization: request.headers.authorization, body: await collect(request) });
    expect(request.url).toBe('/services/collector/event');
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"text":"Success","code":0}');
  });
  const hecPort = await listen(hec);
  closers.push(() => hec.close());

  const webhook = createServer(async (request, response) => {
    const body = await collect(request);
    if (webhookFailuresLeft > 0) {
      webhookFailuresLeft -= 1;
      response.writeHead(503).end('busy');
      return;
    }
    received.webhook.push({ headers: request.headers, body });
    response.writeHead(204).end();
  });
  const webhookPort = await listen(webhook);
  closers.push(() => webhook.close());

  server = await startTestServer({
    jobs: {
      sinks: [
        { name: 'siem-file', type: 'ocsf-file', path: ocsfFile },
        {
          name: 'syslog-udp',
          type: 'cef-syslog',
          host: '127.0.0.1',
          port: (udp.address() as { port: number }).port,
          protocol: 'udp',
        },
        {
          name: 'syslog-tcp',
          type: 'cef-syslog',
          host: '127.0.0.1',
          port: (tcp.address() as { port: number }).port,
          protocol: 'tcp',
        },
        {
          name: 'splunk',
          type: 'splunk-hec',
          url: `http://127.0.0.1:${hecPort}`,
          token: HEC_TOKEN,
          index: 'security',
        },
        {
          name: 'hooks',
          type: 'webhook',
          url: `http://127.0.0.1:${webhookPort}/palisade`,
          secret: WEBHOOK_SECRET,
        },
      ],
      exporter: { pollMs: 50, backoffMs: 50, maxBackoffMs: 200 },
    },
  });
  result = await scanServerCorpus();
});

afterAll(async () => {
  await server.close();
  for (const close of closers) close();
  rmSync(tempDir, { recursive: true, force: true });
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Checks an event against the OCSF 1.8.0 Detection Finding class as the compiled export describes it. */
function ocsfProblems(event: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { attributes } = OCSF.classes.detection_finding;
  // cloud and osint are required only by profiles the event does not declare.
  for (const [name, attribute] of Object.entries<{ requirement: string }>(attributes)) {
    if (attribute.requirement === 'required' && !['cloud', 'osint'].includes(name) && !(name in event))
      problems.push(`missing required ${name}`);
  }
  for (const [name, value] of Object.entries(event)) {
    const attribute = attributes[name];
    if (!attribute) {
      problems.push(`unknown attribute ${name}`);
      continue;
    }
    const expected: Record<string, string> = {
      integer_t: 'number',
      long_t: 'number',
      timestamp_t: 'number',
      string_t: 'string',
      url_t: 'string',
      boolean_t: 'boolean',
      object_t: 'object',
    };
    const type = attribute.is_array ? 'object' : expected[attribute.type];
    if (type && typeof value !== type) problems.push(`${name} is ${typeof value}, not ${attribute.type}`);
    if (attribute.enum && !(String(value) in attribute.enum))
      problems.push(`${name} ${value} is not in its enum`);
  }
  for (const [name, value] of Object.entries(event.finding_info as Record<string, unknown>)) {
    if (!(name in OCSF.objects.finding_info.attributes))
      problems.push(`finding_info.${name} is not an attribute`);
    void value;
  }
  if (event.type_uid !== (event.class_uid as number) * 100 + (event.activity_id as number))
    problems.push('type_uid is not class_uid * 100 + activity_id');
  return problems;
}

describe('export formats', () => {
  const event: ExportEvent = {
    eventId: 7,
    kind: 'opened',
    fromStatus: null,
    toStatus: 'open',
    actor: null,
    reason: null,
    createdAt: '2026-11-28T10:00:00.000Z',
    organization: 'acme',
    finding: {
      id: 1,
      repository: { id: 1, provider: 'github', owner: 'acme', name: 'infra' },
      branch: 'main',
      fingerprint: 'f'.repeat(64),
      ruleId: 'PAL-K8S-001',
      title: 'Container runs in privileged mode',
      severity: 'high',
      category: 'iac',
      message: 'Container shell | runs privileged = bad \\ really\nsecond line',
      location: { file: 'k8s/pod.yaml', startLine: 9, startColumn: 7, endLine: 9, endColumn: 40 },
      resource: 'Pod/default/debug',
      helpUri: 'https://palisade.dev/rules/PAL-K8S-001',
      remediation: 'Remove it.',
      cwe: ['CWE-250'],
      tags: [],
      secret: null,
      suppression: null,
      status: 'open',
      statusReason: null,
      statusOwner: null,
      statusExpiresAt: null,
      owner: null,
      ownerSource: null,
      firstSeenAt: '2026-11-28T10:00:00.000Z',
      lastSeenAt: '2026-11-28T10:00:00.000Z',
      mitigatedAt: null,
      firstScanId: 1,
      lastScanId: 1,
    },
  };

  it('writes an OCSF 1.8.0 Detection Finding that the class description accepts', () => {
    const ocsf = toOcsf(event);
    expect(ocsfProblems(ocsf)).toEqual([]);
    expect(ocsf).toMatchObject({
      class_uid: 2004,
      activity_id: 1,
      type_uid: 200401,
      severity_id: 4,
      status_id: 1,
    });
    expect(toOcsf({ ...event, kind: 'closed', toStatus: 'closed' })).toMatchObject({
      activity_id: 3,
      status_id: 4,
    });
    expect(toOcsf({ ...event, kind: 'triaged', toStatus: 'risk_accepted' })).toMatchObject({
      activity_id: 2,
      status_id: 3,
    });
  });

  it('escapes CEF header and extension values', () => {
    const line = toCef(event);
    expect(line.startsWith('CEF:0|Palisade|Palisade|')).toBe(true);
    expect(line).toContain('|PAL-K8S-001|Container runs in privileged mode|8|');
    expect(line).toContain('msg=Container shell | runs privileged \\= bad \\\\ really\\nsecond line');
    expect(line).not.toContain('\n');
    expect(toCef({ ...event, finding: { ...event.finding, title: 'a|b' } })).toContain('|a\\|b|');
  });
});

describe('continuous export', () => {
  it('delivers every new finding to every sink, retries a failing one, and never holds up ingestion', async () => {
    const started = performance.now();
    const response = await postScan(server.app, ADMIN_TOKEN, uploadOf(result, { repository: 'exported' }));
    expect(response.statusCode).toBe(201);
    // The webhook answers 503 twice: the upload did not wait for it.
    expect(performance.now() - started).toBeLessThan(10_000);
    const total = result.findings.length;

    await until(() => received.udp.length >= total && received.tcp.length >= total, 'syslog');
    await until(() => received.hec.length > 0 && received.webhook.length > 0, 'http sinks');
    await until(() => readLines(ocsfFile).length >= total, 'the OCSF file');

    const fileEvents = readLines(ocsfFile).map((line) => JSON.parse(line));
    expect(fileEvents).toHaveLength(total);
    for (const fileEvent of fileEvents) expect(ocsfProblems(fileEvent)).toEqual([]);
    expect(new Set(fileEvents.map((e) => e.finding_info.uid))).toEqual(
      new Set(result.findings.map((f) => f.fingerprint)),
    );

    expect(received.udp[0]).toMatch(/^<\d+>1 \S+ \S+ palisade \d+ finding - CEF:0\|Palisade\|Palisade\|/);
    expect(received.tcp).toHaveLength(total);

    const hecEvents = received.hec.flatMap((request) =>
      request.body.split('\n').map((line) => JSON.parse(line)),
    );
    expect(received.hec.every((request) => request.authorization === `Splunk ${HEC_TOKEN}`)).toBe(true);
    expect(hecEvents).toHaveLength(total);
    expect(hecEvents[0]).toMatchObject({
      index: 'security',
      sourcetype: 'ocsf:detection_finding',
      event: { class_uid: 2004 },
    });

    const delivery = received.webhook[0]!;
    const timestamp = String(delivery.headers['x-palisade-timestamp']);
    expect(delivery.headers['x-palisade-signature']).toBe(
      `sha256=${webhookSignature(WEBHOOK_SECRET, timestamp, delivery.body)}`,
    );
    expect(JSON.parse(delivery.body).events).toHaveLength(total);

    // A sink's cursor moves just after its delivery is acknowledged.
    const latest = await server.app.storage.latestEventId();
    let cursors = await server.app.storage.listExportCursors();
    for (let i = 0; i < 200 && !cursors.every((cursor) => cursor.lastEventId === latest); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      cursors = await server.app.storage.listExportCursors();
    }
    expect(cursors.map((cursor) => cursor.sink).sort()).toEqual([
      'hooks',
      'siem-file',
      'splunk',
      'syslog-tcp',
      'syslog-udp',
    ]);
    expect(cursors.every((cursor) => cursor.failures === 0 && cursor.lastEventId === latest)).toBe(true);
    const metrics = (await server.app.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(/^palisade_export_deliveries_total\{sink="hooks",outcome="failed"\} 2$/m);
  });

  it('exports a triage decision as an OCSF update', async () => {
    const listed = await server.app.inject({ url: '/api/v1/findings?limit=1', headers: bearer(ADMIN_TOKEN) });
    const finding = listed.json().items[0];
    const triage = await server.app.inject({
      method: 'POST',
      url: `/api/v1/findings/${finding.id}/status`,
      headers: bearer(ADMIN_TOKEN),
      payload: { status: 'false_positive', reason: 'test fixture, never deployed' },
    });
    expect(triage.statusCode).toBe(200);
    await until(
      () => readLines(ocsfFile).some((line) => line.includes('test fixture, never deployed')),
      'the update',
    );
    const update = readLines(ocsfFile)
      .map((line) => JSON.parse(line))
      .find((e) => e.status_detail === 'test fixture, never deployed');
    expect(update).toMatchObject({
      activity_id: 2,
      status_id: 3,
      finding_info: { uid: finding.fingerprint },
    });
  });
});

describe('PALISADE_EXPORTS', () => {
  it('reads sinks, resolves secrets from the environment, and names what is wrong', () => {
    expect(
      readExportSinks({
        PALISADE_EXPORTS: JSON.stringify([
          { name: 'splunk', type: 'splunk-hec', url: 'https://hec.example:8088', tokenEnv: 'HEC' },
        ]),
        HEC: 'token-value',
      }),
    ).toEqual([
      {
        name: 'splunk',
        type: 'splunk-hec',
        url: 'https://hec.example:8088',
        tokenEnv: 'HEC',
        token: 'token-value',
      },
    ]);
    expect(readExportSinks({})).toEqual([]);
    expect(() => readExportSinks({ PALISADE_EXPORTS: '[{"name":"x","type":"kafka"}]' })).toThrow(
      /PALISADE_EXPORTS\/0: value of tag "type" must be in oneOf/,
    );
    expect(() =>
      readExportSinks({ PALISADE_EXPORTS: '[{"name":"s","type":"cef-syslog","host":"h","port":514}]' }),
    ).toThrow(/protocol/);
    expect(() =>
      readExportSinks({
        PALISADE_EXPORTS: '[{"name":"w","type":"webhook","url":"https://x.example","secretEnv":"MISSING"}]',
      }),
    ).toThrow(/MISSING, which is not set/);
    expect(() => readExportSinks({ PALISADE_EXPORTS: '{not json' })).toThrow(/not valid JSON/);
  });
});

function readLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}
