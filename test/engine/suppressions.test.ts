import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../scanners/config/config.js';
import { shouldFail } from '../../scanners/core/types.js';
import { type ScanOptions, scan } from '../../scanners/engine/scan.js';
import { makeTempDir, removeTempDirs, type TempFiles } from '../helpers/tmp.js';
import {
  AWS_KEY,
  AWS_KEY_ID,
  bucketTemplate,
  deployment,
  engineRules,
  errorsFor,
  findingsIn,
  K8S_PRIVILEGED,
  lineOf,
  S3_VERSIONING,
} from './sources.js';

afterEach(removeTempDirs);

const TODAY = '2026-11-28';
const MANIFEST = deployment('web', [{ name: 'app', privileged: true }]);
const TEMPLATE = bucketTemplate({ Logs: { versioning: 'Suspended' } });

/** Appends a trailing comment to the first line containing `needle`. */
function commentAfter(text: string, needle: string, comment: string): string {
  return text.replace(new RegExp(`^(.*${escapeRegExp(needle)}.*)$`, 'm'), `$1 ${comment}`);
}

/** Inserts a comment line, indented like the first line containing `needle`, just above it. */
function commentAbove(text: string, needle: string, comment: string): string {
  return text.replace(new RegExp(`^([ \\t]*)(.*${escapeRegExp(needle)})`, 'm'), `$1${comment}\n$1$2`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function scanFiles(files: TempFiles, options: ScanOptions = {}) {
  return scan({ root: makeTempDir(files), jobs: 1, today: TODAY, rules: engineRules(), ...options });
}

describe('inline suppressions', () => {
  const directive = (ruleId: string) => `# palisade:ignore ${ruleId} reason text`;
  const placements: TempFiles = {
    'k8s/same-line.yaml': commentAfter(MANIFEST, 'privileged: true', directive(K8S_PRIVILEGED)),
    'k8s/line-above.yaml': commentAbove(MANIFEST, 'privileged: true', directive(K8S_PRIVILEGED)),
    'k8s/above-list-item.yaml': commentAbove(MANIFEST, '- name: app', directive(K8S_PRIVILEGED)),
    'k8s/on-list-item.yaml': commentAfter(MANIFEST, '- name: app', directive(K8S_PRIVILEGED)),
    'cfn/on-logical-id.yaml': commentAfter(TEMPLATE, 'Logs:', directive(S3_VERSIONING)),
    'cfn/above-logical-id.yaml': commentAbove(TEMPLATE, 'Logs:', directive(S3_VERSIONING)),
    'cfn/same-line.yaml': commentAfter(TEMPLATE, 'Status: Suspended', directive(S3_VERSIONING)),
    'secrets/same-line.env': `AWS_ACCESS_KEY_ID=${AWS_KEY} ${directive(AWS_KEY_ID)}\n`,
    'secrets/line-above.py': `${directive(AWS_KEY_ID)}\nKEY = "${AWS_KEY}"\n`,
  };

  it.each(Object.keys(placements))(
    'keeps the finding, marked as suppressed, for a directive in %s',
    async (file) => {
      const content = placements[file] as string;
      const result = await scanFiles({ [file]: content });

      expect(result.errors).toEqual([]);
      expect(result.findings).toHaveLength(1);
      const [finding] = result.findings;
      expect(finding?.suppression).toMatchObject({
        kind: 'inline',
        justification: 'reason text',
        location: { file, startLine: lineOf(content, 'palisade:ignore') },
      });
      expect(finding?.suppression?.until).toBeUndefined();
    },
  );

  it('reads several rule ids, and * for every rule', async () => {
    const result = await scanFiles({
      'k8s/listed.yaml': commentAfter(
        MANIFEST,
        'privileged: true',
        '# palisade:ignore PAL-DOCKER-001, PAL-K8S-001 both',
      ),
      'k8s/wildcard.yaml': commentAfter(
        MANIFEST,
        'privileged: true',
        '# palisade:ignore * generated fixture',
      ),
    });

    expect(result.findings.map((f) => [f.location.file, f.suppression?.justification])).toEqual([
      ['k8s/listed.yaml', 'both'],
      ['k8s/wildcard.yaml', 'generated fixture'],
    ]);
  });

  it('does not suppress with a directive for another rule, or one that is not next to the finding', async () => {
    const result = await scanFiles({
      'k8s/other-rule.yaml': commentAfter(
        MANIFEST,
        'privileged: true',
        '# palisade:ignore PAL-DOCKER-001 not this',
      ),
      'k8s/too-far.yaml': commentAbove(
        MANIFEST,
        'replicas:',
        `# palisade:ignore ${K8S_PRIVILEGED} too far away`,
      ),
      'secrets/next-line.env': `AWS_ACCESS_KEY_ID=${AWS_KEY}\n# palisade:ignore ${AWS_KEY_ID} after, not before\n`,
    });

    expect(result.findings.map((f) => [f.location.file, f.suppression])).toEqual([
      ['k8s/other-rule.yaml', undefined],
      ['k8s/too-far.yaml', undefined],
      ['secrets/next-line.env', undefined],
    ]);
  });

  it('honours an until= date in the future', async () => {
    const content = commentAbove(
      MANIFEST,
      'privileged: true',
      `# palisade:ignore ${K8S_PRIVILEGED} reason text until=2099-01-01`,
    );

    const result = await scanFiles({ 'k8s/web.yaml': content });

    expect(result.errors).toEqual([]);
    expect(result.findings[0]?.suppression).toMatchObject({
      kind: 'inline',
      justification: 'reason text',
      until: '2099-01-01',
    });
  });

  it('reports an expired directive as a warning at its line and does not suppress', async () => {
    const content = commentAbove(
      MANIFEST,
      'privileged: true',
      `# palisade:ignore ${K8S_PRIVILEGED} reason text until=2020-01-01`,
    );

    const result = await scanFiles({ 'k8s/web.yaml': content });

    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.suppression).toBeUndefined();
    expect(errorsFor(result, 'k8s/web.yaml')).toEqual([
      expect.objectContaining({
        code: 'expired-suppression',
        level: 'warning',
        line: lineOf(content, 'palisade:ignore'),
        message: expect.stringContaining('2020-01-01'),
      }),
    ]);
  });

  it('treats the until= day itself as still valid (expiry is after that day)', async () => {
    const content = commentAbove(
      MANIFEST,
      'privileged: true',
      `# palisade:ignore ${K8S_PRIVILEGED} last day until=${TODAY}`,
    );

    const result = await scanFiles({ 'k8s/web.yaml': content });

    expect(result.errors).toEqual([]);
    expect(result.findings[0]?.suppression?.until).toBe(TODAY);
  });

  it('ignores every directive when inline ignores are off, by option or by config', async () => {
    const files: TempFiles = {
      'k8s/web.yaml': commentAfter(
        MANIFEST,
        'privileged: true',
        `# palisade:ignore ${K8S_PRIVILEGED} reason text`,
      ),
      'k8s/expired.yaml': commentAfter(
        MANIFEST,
        'privileged: true',
        `# palisade:ignore * x until=2020-01-01`,
      ),
    };

    const byOption = await scanFiles(files, { inlineIgnores: false });
    const byConfig = await scanFiles(files, { config: parseConfig('inline-ignores: false\n') });

    for (const result of [byOption, byConfig]) {
      expect(result.findings).toHaveLength(2);
      expect(result.findings.every((f) => f.suppression === undefined)).toBe(true);
      expect(result.errors).toEqual([]);
    }
  });
});

describe('shouldFail', () => {
  it('is false when the only high finding is suppressed, and true once it is not', async () => {
    const suppressed = await scanFiles({
      'k8s/web.yaml': commentAfter(
        MANIFEST,
        'privileged: true',
        `# palisade:ignore ${K8S_PRIVILEGED} reason text`,
      ),
    });
    const unsuppressed = await scanFiles({ 'k8s/web.yaml': MANIFEST });

    expect(suppressed.failOn).toBe('high');
    expect(findingsIn(suppressed, 'k8s/web.yaml', K8S_PRIVILEGED)[0]?.severity).toBe('high');
    expect(shouldFail(suppressed)).toBe(false);
    expect(shouldFail(unsuppressed)).toBe(true);
  });

  it('follows the fail-on threshold', async () => {
    const result = await scanFiles({ 'stack.yaml': TEMPLATE });

    expect(result.findings.map((f) => f.severity)).toEqual(['medium']);
    expect(shouldFail(result)).toBe(false);
    expect(shouldFail({ ...result, failOn: 'medium' })).toBe(true);
    expect(shouldFail({ ...result, failOn: 'none' })).toBe(false);
  });
});
