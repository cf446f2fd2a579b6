import { getOctokit } from '@actions/github';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../scanners/config/config.js';
import {
  collectGitHubRepositorySettings,
  repositoryUploadMetadata,
  scanRepositorySettings,
} from '../../scanners/posture/github.js';
import { errorsText, palisadeReportValidator } from '../helpers/schemas.js';
import {
  branchRule,
  DENIED,
  FakeGitHubSettings,
  type FakeRepositorySettings,
  weakRepository,
} from './fake-github-settings.js';
import { expectValidSnapshot } from './snapshot-schema.js';

const started: FakeGitHubSettings[] = [];

async function fakeGitHub(settings: FakeRepositorySettings) {
  const fake = new FakeGitHubSettings(settings);
  started.push(fake);
  await fake.start();
  return { fake, octokit: getOctokit('ghs_posture-test-token', { baseUrl: fake.url }) };
}

afterEach(async () => {
  for (const fake of started.splice(0)) await fake.stop();
});

const ALL_POSTURE = { ...defaultConfig(), rules: { ...defaultConfig().rules, enable: ['PAL-GHP-*'] } };

function activeRuleIds(result: Awaited<ReturnType<typeof scanRepositorySettings>>): string[] {
  return result.findings.filter((f) => !f.suppression).map((f) => f.ruleId);
}

describe('collectGitHubRepositorySettings against a fake GitHub that checks the OpenAPI contract', () => {
  it('records a weak repository as it is, and every posture rule that applies reports it', async () => {
    const { fake, octokit } = await fakeGitHub(weakRepository());
    const snapshot = await collectGitHubRepositorySettings(
      octokit,
      'acme',
      'web',
      () => new Date('2026-11-28T12:00:00Z'),
    );
    expect(fake.violations).toEqual([]);
    expectValidSnapshot(snapshot);
    expect(snapshot).toMatchObject({
      kind: 'github-repository-settings',
      schemaVersion: 1,
      collectedAt: '2026-11-28T12:00:00.000Z',
      repository: {
        owner: 'acme',
        name: 'web',
        visibility: 'public',
        defaultBranch: 'main',
        archived: false,
      },
      branchProtection: null,
      rulesets: [],
      secretScanning: false,
      secretScanningPushProtection: false,
      dependabotAlerts: false,
      actions: { defaultWorkflowPermissions: 'write', canApprovePullRequestReviews: true },
      selfHostedRunners: 2,
    });
    // An unprotected branch is known from the branch itself: no admin-only protection request.
    expect(fake.requests.map((r) => r.operation)).not.toContain(
      'GET /repos/{owner}/{repo}/branches/{branch}/protection',
    );

    const result = await scanRepositorySettings(snapshot, { config: ALL_POSTURE });
    expect(activeRuleIds(result).sort()).toEqual([
      'PAL-GHP-001', // unprotected
      'PAL-GHP-006', // secret scanning off (push protection is not reported on top)
      'PAL-GHP-008',
      'PAL-GHP-009',
      'PAL-GHP-010',
      'PAL-GHP-011',
    ]);
    expect(result.findings.every((f) => f.category === 'posture')).toBe(true);
    expect(result.findings[0]?.location.file).toBe('acme/web.palisade-posture.json');
    expect(result.errors).toEqual([]);
    const validate = palisadeReportValidator();
    expect(validate(JSON.parse(JSON.stringify(result))), errorsText(validate.errors)).toBe(true);
    expect(repositoryUploadMetadata(snapshot, 'run-1')).toMatchObject({
      provider: 'github',
      organization: 'acme',
      repository: 'web',
      branch: 'main',
      categories: ['posture'],
      commit: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
      kind: 'full',
    });
  });

  it('reads classic protection and counts rulesets on the default branch, the strictest winning', async () => {
    const { fake, octokit } = await fakeGitHub({
      ...weakRepository(),
      secretScanning: 'enabled',
      pushProtection: 'disabled',
      dependabotAlerts: true,
      workflow: { default_workflow_permissions: 'read', can_approve_pull_request_reviews: false },
      runners: 0,
      protection: {
        required_pull_request_reviews: {
          url: 'https://api.github.com/repos/acme/web/branches/main/protection/required_pull_request_reviews',
          dismiss_stale_reviews: false,
          require_code_owner_reviews: false,
          required_approving_review_count: 0,
        },
        allow_force_pushes: { enabled: true },
        allow_deletions: { enabled: false },
        enforce_admins: { url: 'https://api.github.com/x', enabled: false },
      },
      rules: [
        branchRule('pull_request', 7, {
          dismiss_stale_reviews_on_push: false,
          require_code_owner_review: true,
          require_last_push_approval: false,
          required_approving_review_count: 2,
          required_review_thread_resolution: false,
        }),
        branchRule('non_fast_forward', 7),
        branchRule('required_status_checks', 9, {
          required_status_checks: [{ context: 'build' }],
          strict_required_status_checks_policy: true,
        }),
      ],
    });
    const snapshot = await collectGitHubRepositorySettings(octokit, 'acme', 'web');
    expect(fake.violations).toEqual([]);
    expectValidSnapshot(snapshot);
    expect(snapshot.branchProtection).toEqual({
      requiredApprovingReviewCount: 0,
      dismissStaleReviews: false,
      requireCodeOwnerReviews: false,
      allowForcePushes: true,
      allowDeletions: false,
      enforceAdmins: false,
      requiredStatusChecks: [],
    });
    expect(snapshot.rulesets).toEqual([
      {
        id: 7,
        sourceType: 'Organization',
        source: 'acme',
        pullRequest: {
          requiredApprovingReviewCount: 2,
          dismissStaleReviewsOnPush: false,
          requireCodeOwnerReview: true,
        },
        blocksForcePushes: true,
        blocksDeletions: false,
        requiredStatusChecks: [],
      },
      {
        id: 9,
        sourceType: 'Organization',
        source: 'acme',
        blocksForcePushes: false,
        blocksDeletions: false,
        requiredStatusChecks: ['build'],
      },
    ]);
    const result = await scanRepositorySettings(snapshot, { config: ALL_POSTURE });
    // Reviews (2, from the ruleset) and force pushes (blocked by the ruleset) pass; nobody dismisses stale
    // approvals; secret scanning is on but push protection is off.
    expect(activeRuleIds(result).sort()).toEqual(['PAL-GHP-003', 'PAL-GHP-007']);
  });

  it('turns settings the token may not read into permission notes, never findings', async () => {
    const { fake, octokit } = await fakeGitHub({
      ...weakRepository(),
      admin: false,
      protection: DENIED,
      workflow: DENIED,
      runners: DENIED,
    });
    const snapshot = await collectGitHubRepositorySettings(octokit, 'acme', 'web');
    expect(fake.violations).toEqual([]);
    expectValidSnapshot(snapshot);
    expect(snapshot.branchProtection).toEqual({ unknown: expect.objectContaining({ status: 403 }) });
    expect(snapshot.secretScanning).toEqual({
      unknown: { permission: expect.stringContaining('Administration: read') },
    });
    // A non-administrator's 404 says nothing about Dependabot alerts.
    expect(snapshot.dependabotAlerts).toEqual({ unknown: expect.objectContaining({ status: 404 }) });

    const result = await scanRepositorySettings(snapshot, { config: ALL_POSTURE });
    expect(result.findings).toEqual([]);
    const notes = result.errors.filter((e) => e.code === 'permission-missing');
    expect(notes.every((n) => n.level === 'note' && n.file === 'acme/web.palisade-posture.json')).toBe(true);
    expect(notes.map((n) => n.message.split(' could not be read')[0])).toEqual([
      'the branch protection of the default branch',
      'secret scanning',
      'secret scanning push protection',
      'Dependabot alerts',
      'the Actions workflow permissions',
      'the self-hosted runners',
    ]);
    expect(notes[0]?.message).toContain('Administration: read');
    expect(result.errors.filter((e) => e.level !== 'note')).toEqual([]);
  });

  it('throws on a rate limit instead of calling it a missing permission, and on a repository it cannot read', async () => {
    const { fake, octokit } = await fakeGitHub({ ...weakRepository(), rateLimited: true });
    await expect(collectGitHubRepositorySettings(octokit, 'acme', 'web')).rejects.toThrow(/rate limit/i);
    fake.settings.rateLimited = false;
    await expect(collectGitHubRepositorySettings(octokit, 'acme', 'other')).rejects.toThrow(
      'cannot read acme/other: GitHub answered 404',
    );
    await expect(collectGitHubRepositorySettings(octokit, 'acme', '../web')).rejects.toThrow(
      'not a GitHub repository name',
    );
    expect(fake.requests.every((r) => r.authorization === 'token ghs_posture-test-token')).toBe(true);
  });

  it('skips archived repositories', async () => {
    const { octokit } = await fakeGitHub({ ...weakRepository(), archived: true });
    const snapshot = await collectGitHubRepositorySettings(octokit, 'acme', 'web');
    expectValidSnapshot(snapshot);
    const result = await scanRepositorySettings(snapshot, { config: ALL_POSTURE });
    expect(result.findings).toEqual([]);
  });
});
