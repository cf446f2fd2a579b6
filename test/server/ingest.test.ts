import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../scanners/core/types.js';
import type { FindingView } from '../../server/storage/storage.js';
import {
  ADMIN_TOKEN,
  bearer,
  postScan,
  scanServerCorpus,
  startTestServer,
  type TestServer,
  uploadOf,
} from './helpers.js';

let server: TestServer;
let result: ScanResult;

beforeAll(async () => {
  server = await startTestServer({
    ingestBodyLimit: 256 * 1024,
    ingestRateLimit: { max: 40, timeWindow: 60_000 },
  });
  result = await scanServerCorpus();
});
afterAll(async () => server.close());

describe('POST /api/v1/scans', () => {
  it('records a real scan: every finding, its location, secret hash and preview, but no snippet', async () => {
    expect(result.findings.length).toBeGreaterThan(5);
    const response = await postScan(server.app, ADMIN_TOKEN, uploadOf(result, { runId: 'happy' }));
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.created).toBe(true);
    expect(body.url).toBe(`/api/v1/scans/${body.scan.id}`);
    expect(body.scan.counts).toMatchObject({
      total: result.findings.length,
      new: result.findings.length,
      closed: 0,
    });
    const high = result.findings.filter((finding) => finding.severity === 'high').length;
    expect(body.scan.counts.bySeverity.high).toBe(high);

    const list = await server.app.inject({ url: '/api/v1/findings?limit=500', headers: bearer(ADMIN_TOKEN) });
    expect(list.statusCode).toBe(200);
    const stored = list.json().items as FindingView[];
    expect(stored).toHaveLength(result.findings.length);
    for (const finding of result.findings) {
      const match = stored.find((row) => row.fingerprint === finding.fingerprint)!;
      expect(match).toMatchObject({
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        location: finding.location,
        status: 'open',
        branch: 'main',
        repository: { provider: 'github', owner: 'acme', name: 'infra' },
        secret: finding.secret ?? null,
      });
      expect(match).not.toHaveProperty('snippet');
    }
    expect(stored.some((row) => row.secret?.preview === 'AKIA')).toBe(true);

    const scanResponse = await server.app.inject({ url: body.url, headers: bearer(ADMIN_TOKEN) });
    expect(scanResponse.json()).toEqual(body.scan);
  });

  it('is idempotent on (repository, commit, kind, runId): a retry returns the same scan and changes nothing', async () => {
    const upload = uploadOf(result, { runId: 'retry', commit: 'b'.repeat(40) });
    const first = await postScan(server.app, ADMIN_TOKEN, upload);
    const before = await server.app.inject({
      url: '/api/v1/findings?limit=500',
      headers: bearer(ADMIN_TOKEN),
    });
    const retry = await postScan(server.app, ADMIN_TOKEN, upload);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().created).toBe(false);
    expect(retry.json().scan).toEqual(first.json().scan);
    const after = await server.app.inject({
      url: '/api/v1/findings?limit=500',
      headers: bearer(ADMIN_TOKEN),
    });
    expect(after.json()).toEqual(before.json());
    const scans = await server.app.inject({ url: '/api/v1/scans', headers: bearer(ADMIN_TOKEN) });
    expect(scans.json().items.filter((item: { runId: string }) => item.runId === 'retry')).toHaveLength(1);
  });

  it('keeps one finding per fingerprint when an upload repeats one', async () => {
    const finding = result.findings[0]!;
    const response = await postScan(
      server.app,
      ADMIN_TOKEN,
      uploadOf({ ...result, findings: [finding, finding] }, { repository: 'dupes' }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ duplicates: 1, scan: { counts: { total: 1 } } });
  });

  it('answers 400 with a JSON pointer to the invalid field', async () => {
    const findings = structuredClone(result.findings);
    (findings[3] as { severity: string }).severity = 'severe';
    const response = await postScan(server.app, ADMIN_TOKEN, uploadOf({ ...result, findings }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid-request', pointer: '/findings/3/severity' });
    expect(response.json().message).toContain('body/findings/3/severity');
  });

  it('names a missing field and an unknown field by their pointers', async () => {
    const missing = structuredClone(result.findings);
    delete (missing[0] as { fingerprint?: string }).fingerprint;
    const noFingerprint = await postScan(server.app, ADMIN_TOKEN, uploadOf({ ...result, findings: missing }));
    expect(noFingerprint.statusCode).toBe(400);
    expect(noFingerprint.json().pointer).toBe('/findings/0/fingerprint');

    const extra = structuredClone(result.findings);
    (extra[1]!.location as unknown as Record<string, unknown>).column = 3;
    const unknownField = await postScan(server.app, ADMIN_TOKEN, uploadOf({ ...result, findings: extra }));
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().pointer).toBe('/findings/1/location/column');

    const noBranch = await postScan(server.app, ADMIN_TOKEN, { ...uploadOf(result), branch: undefined });
    expect(noBranch.json().pointer).toBe('/branch');
    const badCommit = await postScan(server.app, ADMIN_TOKEN, uploadOf(result, { commit: 'not-a-sha' }));
    expect(badCommit.json().pointer).toBe('/commit');
  });

  it('rejects any field that could carry a raw secret value, and a preview longer than 4 characters', async () => {
    const secretIndex = result.findings.findIndex((finding) => finding.secret);
    const withValue = structuredClone(result.findings);
    (withValue[secretIndex]!.secret as unknown as Record<string, string>).value = 'AKIAQWERTYUIOPASDFGH';
    const valueResponse = await postScan(
      server.app,
      ADMIN_TOKEN,
      uploadOf({ ...result, findings: withValue }),
    );
    expect(valueResponse.statusCode).toBe(400);
    expect(valueResponse.json()).toMatchObject({
      error: 'secret-value',
      pointer: `/findings/${secretIndex}/secret/value`,
    });

    const rawAtTop = structuredClone(result.findings);
    (rawAtTop[0] as unknown as Record<string, string>).rawSecret = 'x';
    const rawResponse = await postScan(server.app, ADMIN_TOKEN, uploadOf({ ...result, findings: rawAtTop }));
    expect(rawResponse.json().pointer).toBe('/findings/0/rawSecret');

    const longPreview = structuredClone(result.findings);
    longPreview[secretIndex]!.secret!.preview = 'AKIAQ';
    const previewResponse = await postScan(
      server.app,
      ADMIN_TOKEN,
      uploadOf({ ...result, findings: longPreview }),
    );
    expect(previewResponse.statusCode).toBe(400);
    expect(previewResponse.json().pointer).toBe(`/findings/${secretIndex}/secret/preview`);
  });

  it('answers 400 to malformed JSON and 413 to an upload over the size limit', async () => {
    const malformed = await server.app.inject({
      method: 'POST',
      url: '/api/v1/scans',
      headers: { ...bearer(ADMIN_TOKEN), 'content-type': 'application/json' },
      payload: '{"provider": "github", ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toBe('invalid-json');

    const finding = result.findings[0]!;
    const many = Array.from({ length: 400 }, (_, index) => ({ ...finding, fingerprint: `fp-${index}` }));
    const tooLarge = await postScan(server.app, ADMIN_TOKEN, uploadOf({ ...result, findings: many }));
    expect(JSON.stringify(uploadOf({ ...result, findings: many })).length).toBeGreaterThan(256 * 1024);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ statusCode: 413, error: 'payload-too-large' });
  });

  it('checks the token before reading the body: no token 401, wrong role 403, whatever the body', async () => {
    const finding = result.findings[0]!;
    const oversized = uploadOf({
      ...result,
      findings: Array.from({ length: 400 }, (_, index) => ({ ...finding, fingerprint: `x-${index}` })),
    });
    const invalid = { provider: 'github', findings: [{ secret: { value: 'AKIAQWERTYUIOPASDFGH' } }] };
    for (const body of [oversized, invalid]) {
      const anonymous = await server.app.inject({ method: 'POST', url: '/api/v1/scans', payload: body });
      expect(anonymous.statusCode).toBe(401);
      const reader = await postScan(server.app, await server.token('read'), body);
      expect(reader.statusCode).toBe(403);
    }
  });

  it('serves the OpenAPI description with the ingestion and read routes', async () => {
    const response = await server.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/scans',
        '/api/v1/findings',
        '/api/v1/findings/{id}/status',
        '/api/v1/repositories',
      ]),
    );
    expect(document.paths['/api/v1/scans'].post.requestBody).toBeDefined();
  });
});

describe('ingestion limits', () => {
  it('accepts uploads above the 1 MiB default body limit of other routes (default upload limit 50 MiB)', async () => {
    const big = await startTestServer();
    try {
      const finding = result.findings[0]!;
      const findings = Array.from({ length: 2_500 }, (_, index) => ({
        ...finding,
        fingerprint: `big-${index}`,
      }));
      const upload = uploadOf({ ...result, findings });
      expect(JSON.stringify(upload).length).toBeGreaterThan(1024 * 1024);
      const response = await postScan(big.app, ADMIN_TOKEN, upload);
      expect(response.statusCode).toBe(201);
      expect(response.json().scan.counts.new).toBe(2_500);
      const page = await big.app.inject({ url: '/api/v1/findings?limit=1', headers: bearer(ADMIN_TOKEN) });
      expect(page.json().total).toBe(2_500);
    } finally {
      await big.close();
    }
  });

  it('rate-limits ingestion per token with a 429', async () => {
    const limited = await startTestServer({ ingestRateLimit: { max: 2, timeWindow: 60_000 } });
    try {
      const upload = uploadOf({ ...result, findings: [] });
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 3; attempt++)
        statuses.push((await postScan(limited.app, ADMIN_TOKEN, upload)).statusCode);
      expect(statuses).toEqual([201, 200, 429]);
      const other = await limited.token('ingest');
      expect((await postScan(limited.app, other, upload)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
