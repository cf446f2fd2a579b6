import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_CATEGORIES, type Finding, type ScanResult } from '../../scanners/core/types.js';
import { planLifecycle } from '../../server/domain/lifecycle.js';
import type { ScanUpload } from '../../server/schemas/upload.js';
import type { FindingView } from '../../server/storage/storage.js';
import {
  ADMIN_TOKEN,
  bearer,
  postScan,
  scanServerCorpus,
  startTestServer,
  type TestServer,
  uploadOf,
  variant,
} from './helpers.js';

let server: TestServer;
let result: ScanResult;
let repositoryCount = 0;

beforeAll(async () => {
  // Recorded in the request, however large: these tests read the lifecycle right after each upload.
  server = await startTestServer({ asyncIngestThreshold: Number.MAX_SAFE_INTEGER });
  result = await scanServerCorpus();
});
afterAll(async () => server.close());

type StoredFinding = FindingView;

/** A repository of its own for each test, with a helper to upload scans of it and read its findings. */
function freshRepository() {
  repositoryCount += 1;
  const repository = `lifecycle-${repositoryCount}`;
  let run = 0;
  return {
    name: repository,
    async upload(findings: Finding[], overrides: Partial<ScanUpload> = {}) {
      run += 1;
      const response = await postScan(
        server.app,
        ADMIN_TOKEN,
        uploadOf({ ...result, findings }, { repository, runId: `run-${run}`, ...overrides }),
      );
      expect(response.statusCode, response.body).toBe(201);
      return response.json().scan as {
        id: number;
        repository: { id: number };
        counts: Record<string, number>;
      };
    },
    async findings(branch = 'main'): Promise<StoredFinding[]> {
      const scans = await server.app.inject({ url: '/api/v1/repositories', headers: bearer(ADMIN_TOKEN) });
      const id = scans.json().items.find((item: { name: string }) => item.name === repository).id;
      const response = await server.app.inject({
        url: `/api/v1/findings?repository=${id}&branch=${encodeURIComponent(branch)}&limit=500&sort=file`,
        headers: bearer(ADMIN_TOKEN),
      });
      return response.json().items;
    },
  };
}

async function history(app: FastifyInstance, findingId: number): Promise<Array<{ kind: string }>> {
  const response = await app.inject({ url: `/api/v1/findings/${findingId}`, headers: bearer(ADMIN_TOKEN) });
  return response.json().history;
}

async function triage(findingId: number, status: string, extra: Record<string, string> = {}) {
  return server.app.inject({
    method: 'POST',
    url: `/api/v1/findings/${findingId}/status`,
    headers: bearer(ADMIN_TOKEN),
    payload: { status, reason: 'checked by the security team', ...extra },
  });
}

const byFingerprint = (findings: StoredFinding[], fingerprint: string) =>
  findings.find((finding) => finding.fingerprint === fingerprint)!;

describe('finding lifecycle', () => {
  it('keeps the repository list open counts in step with scans and triage decisions', async () => {
    const repository = freshRepository();
    const counted = async () => {
      const list = await server.app.inject({ url: '/api/v1/repositories', headers: bearer(ADMIN_TOKEN) });
      return list.json().items.find((item: { name: string }) => item.name === repository.name) as {
        openFindings: number;
        openBySeverity: Record<string, number>;
      };
    };
    const exact = async () => {
      const open = (await repository.findings()).filter((finding) => finding.status === 'open');
      const bySeverity: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
      for (const finding of open) bySeverity[finding.severity]! += 1;
      return { openFindings: open.length, openBySeverity: bySeverity };
    };
    const [gone, ...kept] = result.findings;
    await repository.upload(result.findings);
    expect(await counted()).toMatchObject(await exact());
    await repository.upload(kept, { commit: 'b'.repeat(40) });
    expect(await counted()).toMatchObject(await exact());
    const accepted = (await repository.findings()).find((finding) => finding.status === 'open')!;
    expect((await triage(accepted.id, 'risk_accepted')).statusCode).toBe(200);
    const afterTriage = await counted();
    expect(afterTriage).toMatchObject(await exact());
    expect(afterTriage.openFindings).toBe(kept.length - 1);
    expect((await triage(accepted.id, 'open')).statusCode).toBe(200);
    expect(await counted()).toMatchObject({ openFindings: kept.length });
    expect(gone).toBeDefined();
  });

  it('a full scan closes the findings that are gone, with a mitigated date, and the return reopens them', async () => {
    const repository = freshRepository();
    const [gone, ...kept] = result.findings;
    await repository.upload(result.findings);
    const second = await repository.upload(kept, { commit: 'b'.repeat(40) });
    expect(second.counts).toMatchObject({ new: 0, closed: 1, reopened: 0 });
    const afterFix = byFingerprint(await repository.findings(), gone!.fingerprint);
    expect(afterFix.status).toBe('closed');
    expect(afterFix.mitigatedAt).not.toBeNull();

    const third = await repository.upload(result.findings, { commit: 'c'.repeat(40) });
    expect(third.counts).toMatchObject({ new: 0, closed: 0, reopened: 1 });
    const back = byFingerprint(await repository.findings(), gone!.fingerprint);
    expect(back).toMatchObject({ id: afterFix.id, status: 'open', mitigatedAt: null });
    expect((await history(server.app, back.id)).map((event) => event.kind)).toEqual([
      'opened',
      'closed',
      'reopened',
    ]);
  });

  it('follows the fingerprint, never the line: a moved finding is the same finding with its new line', async () => {
    const repository = freshRepository();
    const finding = result.findings[0]!;
    await repository.upload([finding]);
    const [before] = await repository.findings();
    const moved = {
      ...finding,
      location: {
        ...finding.location,
        startLine: finding.location.startLine + 40,
        endLine: finding.location.endLine + 40,
      },
    };
    const second = await repository.upload([moved], { commit: 'b'.repeat(40) });
    expect(second.counts).toMatchObject({ new: 0, closed: 0, reopened: 0 });
    const [after] = await repository.findings();
    expect(after).toMatchObject({ id: before!.id, status: 'open', firstSeenAt: before!.firstSeenAt });
    expect(after!.location.startLine).toBe(finding.location.startLine + 40);
    expect(after!.lastScanId).toBe(second.id);
  });

  it('never reopens a false positive or an accepted risk that comes back', async () => {
    const repository = freshRepository();
    const [falsePositive, accepted, ...rest] = result.findings;
    await repository.upload(result.findings);
    const stored = await repository.findings();
    expect(
      (await triage(byFingerprint(stored, falsePositive!.fingerprint).id, 'false_positive')).statusCode,
    ).toBe(200);
    expect((await triage(byFingerprint(stored, accepted!.fingerprint).id, 'risk_accepted')).statusCode).toBe(
      200,
    );

    await repository.upload(rest, { commit: 'b'.repeat(40) });
    const whileGone = await repository.findings();
    expect(byFingerprint(whileGone, falsePositive!.fingerprint)).toMatchObject({ status: 'false_positive' });
    expect(byFingerprint(whileGone, falsePositive!.fingerprint).mitigatedAt).not.toBeNull();
    expect(byFingerprint(whileGone, accepted!.fingerprint)).toMatchObject({ status: 'risk_accepted' });

    const back = await repository.upload(result.findings, { commit: 'c'.repeat(40) });
    expect(back.counts).toMatchObject({ new: 0, reopened: 0, closed: 0 });
    const afterReturn = await repository.findings();
    expect(byFingerprint(afterReturn, falsePositive!.fingerprint)).toMatchObject({
      status: 'false_positive',
      mitigatedAt: null,
      statusReason: 'checked by the security team',
      statusOwner: 'token:bootstrap-admin',
    });
    expect(byFingerprint(afterReturn, accepted!.fingerprint)).toMatchObject({ status: 'risk_accepted' });
  });

  it('re-importing an identical scan changes no status, date or history', async () => {
    const repository = freshRepository();
    const [gone, ...kept] = result.findings;
    await repository.upload(result.findings);
    await repository.upload(kept, { commit: 'b'.repeat(40) });
    const before = await repository.findings();
    const historiesBefore = await Promise.all(before.map((finding) => history(server.app, finding.id)));

    const again = await repository.upload(kept, { commit: 'b'.repeat(40) });
    expect(again.counts).toMatchObject({ new: 0, closed: 0, reopened: 0 });
    const after = await repository.findings();
    const strip = (findings: StoredFinding[]) =>
      findings.map(({ lastSeenAt: _seen, lastScanId: _scan, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
    expect(byFingerprint(after, gone!.fingerprint).status).toBe('closed');
    expect(await Promise.all(after.map((finding) => history(server.app, finding.id)))).toEqual(
      historiesBefore,
    );
  });

  it('a diff scan adds and updates findings but never closes the ones it does not see', async () => {
    const repository = freshRepository();
    const [first, second, ...rest] = result.findings;
    await repository.upload(rest);
    const diff = await repository.upload([first!, second!], { kind: 'diff', commit: 'b'.repeat(40) });
    expect(diff.counts).toMatchObject({ new: 2, closed: 0 });
    const stored = await repository.findings();
    expect(stored).toHaveLength(result.findings.length);
    expect(stored.every((finding) => finding.status === 'open')).toBe(true);
  });

  it('keeps branches apart: a full scan of one branch closes nothing on another', async () => {
    const repository = freshRepository();
    await repository.upload(result.findings, { branch: 'main' });
    await repository.upload([], { branch: 'release/1.x', commit: 'b'.repeat(40) });
    await repository.upload([], { branch: 'release/1.x', commit: 'c'.repeat(40) });
    expect((await repository.findings('main')).every((finding) => finding.status === 'open')).toBe(true);
  });

  it('reopens an accepted risk whose acceptance has expired when it is seen again', async () => {
    const repository = freshRepository();
    const finding = result.findings[0]!;
    await repository.upload([finding]);
    const [stored] = await repository.findings();
    // The API refuses an expiry in the past, so set one through storage, as if time had passed.
    await server.app.storage.changeFindingStatus(
      server.organizationId,
      stored!.id,
      {
        status: 'risk_accepted',
        reason: 'until the migration',
        expiresAt: '2000-01-01T00:00:00.000Z',
        actor: 'test',
      },
      new Date().toISOString(),
    );
    const next = await repository.upload([finding], { commit: 'b'.repeat(40) });
    expect(next.counts.reopened).toBe(1);
    const [after] = await repository.findings();
    expect(after).toMatchObject({ status: 'open', statusReason: null, statusExpiresAt: null });
    expect((await history(server.app, after!.id)).map((event) => event.kind)).toEqual([
      'opened',
      'triaged',
      'expired',
    ]);
  });

  it('applies thousands of findings in batches within one scan, then closes them all', async () => {
    const repository = freshRepository();
    const template = result.findings[0]!;
    const many = Array.from({ length: 6_000 }, (_, index) => variant(template, `bulk-${index}`));
    const first = await repository.upload(many);
    expect(first.counts).toMatchObject({ total: 6_000, new: 6_000 });
    const second = await repository.upload([], { commit: 'b'.repeat(40) });
    expect(second.counts).toMatchObject({ closed: 6_000 });
    const open = await server.app.inject({
      url: `/api/v1/findings?repository=${first.repository.id}&status=open&limit=1`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(open.json().total).toBe(0);
  });
});

describe('triage through the API', () => {
  it('records the decision with a reason and expiry, in the history and the audit log, and reopens', async () => {
    const repository = freshRepository();
    await repository.upload([result.findings[0]!]);
    const [finding] = await repository.findings();
    const accepted = await triage(finding!.id, 'risk_accepted', { expiresOn: '2999-12-31' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'risk_accepted',
      statusExpiresAt: '2999-12-31T00:00:00.000Z',
    });
    const reopened = await triage(finding!.id, 'open');
    expect(reopened.json()).toMatchObject({ status: 'open', statusReason: null, statusExpiresAt: null });

    const audit = await server.app.storage.listAudit(server.organizationId, 10);
    expect(
      audit.filter((entry) => entry.target === `finding:${finding!.id}`).map((entry) => entry.details),
    ).toEqual([
      { from: 'risk_accepted', to: 'open', reason: 'checked by the security team', expiresAt: null },
      {
        from: 'open',
        to: 'risk_accepted',
        reason: 'checked by the security team',
        expiresAt: '2999-12-31T00:00:00.000Z',
      },
    ]);
  });

  it('refuses an expiry in the past, reopening an open finding, and an unknown finding', async () => {
    const repository = freshRepository();
    await repository.upload([result.findings[0]!]);
    const [finding] = await repository.findings();
    const past = await triage(finding!.id, 'risk_accepted', { expiresOn: '2001-01-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json().pointer).toBe('/expiresOn');
    expect((await triage(finding!.id, 'open')).statusCode).toBe(409);
    expect((await triage(999_999, 'false_positive')).statusCode).toBe(404);
    const noReason = await server.app.inject({
      method: 'POST',
      url: `/api/v1/findings/${finding!.id}/status`,
      headers: bearer(ADMIN_TOKEN),
      payload: { status: 'false_positive' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().pointer).toBe('/reason');
  });
});

describe('planLifecycle', () => {
  const CODE = new Set<string>(CODE_CATEGORIES);
  const content = (fingerprint: string) => ({
    fingerprint,
    ruleId: 'R',
    title: 't',
    severity: 'high',
    category: 'iac',
    message: 'm',
    file: 'f',
    startLine: 1,
    startColumn: 1,
    endLine: 1,
    endColumn: 2,
    resource: null,
    helpUri: '',
    remediation: '',
    cwe: '[]',
    tags: '[]',
    secretSha256: null,
    secretPreview: null,
    suppressionKind: null,
    suppressionJustification: null,
  });
  const known = (id: number, fingerprint: string, status: 'open' | 'closed' | 'false_positive') => ({
    ...content(fingerprint),
    id,
    status,
    statusExpiresAt: null,
    mitigatedAt: status === 'closed' ? '2026-01-01T00:00:00.000Z' : null,
  });

  it('plans creates, closes, reopens and rewrites by fingerprint', () => {
    const plan = planLifecycle(
      [
        known(1, 'a', 'open'),
        known(2, 'b', 'closed'),
        known(3, 'c', 'open'),
        known(4, 'd', 'false_positive'),
      ],
      [{ ...content('a'), startLine: 9 }, content('b'), content('e')],
      'full',
      '2026-06-01T00:00:00.000Z',
      CODE,
    );
    expect(plan).toEqual({
      create: [content('e')],
      seen: [1, 2],
      rewrite: [{ id: 1, content: { ...content('a'), startLine: 9 } }],
      reopen: [{ id: 2, from: 'closed', expired: false }],
      close: [3],
      markGone: [4],
      markBack: [],
    });
  });

  it('closes nothing for a diff scan', () => {
    const plan = planLifecycle([known(1, 'a', 'open')], [], 'diff', '2026-06-01T00:00:00.000Z', CODE);
    expect(plan.close).toEqual([]);
  });

  it('closes only the categories a full scan covered: a settings check leaves code findings be', () => {
    const settings = { ...known(2, 'p', 'open'), category: 'posture' };
    const code = known(1, 'a', 'open');
    const postureScan = planLifecycle(
      [code, settings],
      [],
      'full',
      '2026-06-01T00:00:00.000Z',
      new Set(['posture']),
    );
    expect(postureScan.close).toEqual([2]);
    const codeScan = planLifecycle([code, settings], [], 'full', '2026-06-01T00:00:00.000Z', CODE);
    expect(codeScan.close).toEqual([1]);
  });
});
