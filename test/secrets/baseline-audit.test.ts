import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../cli/helpers.js';
import { expand, seededRandom } from './tools/samples.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const remove of cleanups.splice(0)) remove();
});

interface Entry {
  fingerprint: string;
  ruleId: string;
  detector?: string;
  secret?: { preview: string };
  audit?: { verdict: string; note?: string };
}

describe('secret baselines and palisade baseline audit', () => {
  const random = seededRandom(77);
  const token = expand('{gh:ghp_}', random);
  const slack = `xoxb-${expand('{d:12}-{d:12}-{A:24}', random)}`;

  it('records detector and masked preview, survives a moved secret, and records verdicts from scripts', async () => {
    const { dir, remove } = tempProject(
      { 'app.py': `TOKEN = "${token}"\nSLACK = "${slack}"\n` },
      { config: false },
    );
    cleanups.push(remove);
    expect((await runCli(['baseline', 'create'], dir)).code).toBe(0);
    const file = path.join(dir, '.palisade-baseline.json');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain(slack);
    const entries = (JSON.parse(text) as { findings: Entry[] }).findings;
    expect(entries.map((e) => [e.detector, e.secret?.preview]).sort()).toEqual([
      ['github-classic-pat', 'ghp_'],
      ['slack-bot-token', 'xoxb'],
    ]);

    // The same secrets on other lines: still known, nothing reported.
    writeFileSync(path.join(dir, 'app.py'), `# settings\n\nSLACK = "${slack}"\n\nTOKEN = "${token}"\n`);
    const rescan = await runCli(['scan', '--baseline', '.palisade-baseline.json', '--format', 'json'], dir);
    expect(JSON.parse(rescan.stdout).findings).toEqual([]);

    const github = entries.find((e) => e.detector === 'github-classic-pat')!;
    const slackEntry = entries.find((e) => e.detector === 'slack-bot-token')!;
    const marked = await runCli(
      [
        'baseline',
        'audit',
        '--non-interactive',
        '--mark',
        `${github.fingerprint.slice(0, 10)}=false`,
        '--note',
        'test fixture',
      ],
      dir,
    );
    expect(marked.code).toBe(0);
    expect(marked.stdout).toContain('0 true positive, 1 false positive, 1 not reviewed');
    writeFileSync(
      path.join(dir, 'decisions.json'),
      JSON.stringify({ [slackEntry.fingerprint]: 'true-positive' }),
    );
    const decided = await runCli(['baseline', 'audit', '--decisions', 'decisions.json'], dir);
    expect(decided.stdout).toContain('1 true positive, 1 false positive, 0 not reviewed');
    const audited = (JSON.parse(readFileSync(file, 'utf8')) as { findings: Entry[] }).findings;
    expect(audited.find((e) => e.detector === 'github-classic-pat')?.audit).toMatchObject({
      verdict: 'false-positive',
      note: 'test fixture',
    });
    expect(audited.find((e) => e.detector === 'slack-bot-token')?.audit?.verdict).toBe('true-positive');
  });

  it('refuses an unknown fingerprint or verdict', async () => {
    const { dir, remove } = tempProject({ 'app.py': `TOKEN = "${token}"\n` }, { config: false });
    cleanups.push(remove);
    await runCli(['baseline', 'create'], dir);
    const unknown = await runCli(['baseline', 'audit', '--mark', 'ffffffff=true'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no baseline entry has fingerprint ffffffff');
    const bad = await runCli(['baseline', 'audit', '--mark', 'a=maybe'], dir);
    expect(bad.code).toBe(2);
  });
});

describe('redaction in CLI output', () => {
  it('prints no planted secret on stdout or stderr, in any format, with --verbose', async () => {
    const random = seededRandom(5);
    const secrets = [
      expand('{gh:ghp_}', random),
      `sk_live_${expand('{A:32}', random)}`,
      `xoxb-${expand('{d:12}-{d:12}-{A:24}', random)}`,
      expand('{jwt}', random),
    ];
    const { dir, remove } = tempProject(
      {
        'app.py': secrets.map((s, i) => `VALUE_${i} = "${s}"`).join('\n'),
        id_rsa: expand('{pem:OPENSSH PRIVATE KEY}', random),
      },
      { config: false },
    );
    cleanups.push(remove);
    for (const format of ['text', 'json', 'sarif', 'markdown', 'junit', 'gitlab-secret-detection']) {
      const run = await runCli(['scan', '--verbose', '--format', format], dir);
      expect(run.code).toBe(1);
      for (const secret of secrets) {
        expect(run.stdout).not.toContain(secret);
        expect(run.stderr).not.toContain(secret);
      }
      expect(run.stdout).not.toMatch(/-----BEGIN OPENSSH PRIVATE KEY-----\n[A-Za-z0-9+/]{64}/);
    }
  });
});
