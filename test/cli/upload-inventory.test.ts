import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCodeowners, uploadableResources, uploadScan } from '../../scanners/cli/upload.js';
import type { IacResourceRecord } from '../../scanners/core/types.js';
import { scan } from '../../scanners/engine/scan.js';
import { buildApp } from '../../server/app.js';
import { bootstrap } from '../../server/bootstrap.js';
import { ScanUploadSchema } from '../../server/schemas/upload.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';

const TOKEN = 'pal_inventory-upload-token-0123456789';
const METADATA = {
  provider: 'github',
  organization: 'acme',
  repository: 'shop',
  branch: 'main',
  commit: 'd'.repeat(40),
  kind: 'full' as const,
  runId: 'inventory-run-1',
};

let dataDir: string;
let app: ReturnType<typeof buildApp>;
let serverUrl: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'palisade-upload-inventory-'));
  app = buildApp({ dataDir });
  await app.ready();
  await bootstrap(app.storage, { adminToken: TOKEN, adminPassword: 'inventory upload password' });
  serverUrl = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  removeTempDirs();
});

describe('upload: resource inventory and CODEOWNERS', () => {
  it('sends the scan inventory and the CODEOWNERS text in a body the real server accepts', async () => {
    const root = makeTempDir({
      'main.tf':
        'resource "aws_s3_bucket" "logs" {\n  bucket = "shop-logs"\n  tags = { palisade_trace = "5d1f0000-0000-4000-8000-000000000001" }\n}\n',
      '.github/CODEOWNERS': '# Owners\n*.tf @acme/platform\n',
      CODEOWNERS: '* @acme/ignored-when-github-has-one\n',
    });
    const result = await scan({ root, jobs: 1 });
    const sent: unknown[] = [];
    // The real fetch to the real server; the body is kept to look at.
    const recordingFetch: typeof fetch = (input, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    const reply = await uploadScan(serverUrl, TOKEN, result, METADATA, recordingFetch);
    expect(reply.status).toBe(201);
    const body = sent[0] as { resources: IacResourceRecord[]; codeowners: string };
    expect(
      Value.Check(ScanUploadSchema, body),
      JSON.stringify([...Value.Errors(ScanUploadSchema, body)]),
    ).toBe(true);
    expect(body.codeowners).toBe('# Owners\n*.tf @acme/platform\n');
    expect(body.resources).toEqual([
      {
        family: 'terraform',
        type: 'aws_s3_bucket',
        kind: 'aws.s3.bucket',
        address: 'aws_s3_bucket.logs',
        name: 'shop-logs',
        file: 'main.tf',
        line: 1,
        traceTag: '5d1f0000-0000-4000-8000-000000000001',
        tags: { palisade_trace: '5d1f0000-0000-4000-8000-000000000001' },
        references: [],
      },
    ]);
  });

  it('never reads a CODEOWNERS that links out of the repository, and cuts a long one at a whole line', () => {
    const outside = makeTempDir({ 'secret.txt': 'not for the server\n' });
    const linked = makeTempDir({ 'docs/CODEOWNERS': { symlink: path.join(outside, 'secret.txt') } });
    expect(readCodeowners(linked)).toBeUndefined();

    const long = makeTempDir({});
    const line = `/services/payments/ @acme/payments-${'x'.repeat(60)}\n`;
    writeFileSync(path.join(long, 'CODEOWNERS'), line.repeat(2000));
    const text = readCodeowners(long) ?? '';
    expect(text.length).toBeLessThanOrEqual(64 * 1024);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.length % line.length).toBe(0);
  });

  it('fits outsized records to the server limits instead of failing the whole upload', () => {
    const base: IacResourceRecord = {
      family: 'terraform',
      type: 'aws_s3_bucket',
      address: 'aws_s3_bucket.a',
      file: 'main.tf',
      line: 1,
      tags: {},
      references: [],
    };
    const tags = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`k${String(i).padStart(3, '0')}`, 'v']),
    );
    const fitted = uploadableResources([
      { ...base, tags: { ...tags, long: 'x'.repeat(3000) }, name: 'n'.repeat(1001), traceTag: '' },
      { ...base, address: 'a'.repeat(2001) },
      { ...base, address: 'aws_s3_bucket.b', references: Array.from({ length: 1500 }, (_, i) => `r.${i}`) },
    ]);
    expect(fitted.map((r) => r.address)).toEqual(['aws_s3_bucket.a', 'aws_s3_bucket.b']);
    expect(Object.keys(fitted[0]!.tags)).toHaveLength(200);
    expect(fitted[0]).not.toHaveProperty('name');
    expect(fitted[0]).not.toHaveProperty('traceTag');
    expect(fitted[1]!.references).toHaveLength(1000);
    const body = {
      ...METADATA,
      tool: { name: 'palisade', version: '0.1.0' },
      findings: [],
      resources: fitted,
    };
    expect(Value.Check(ScanUploadSchema, body)).toBe(true);
  });
});
