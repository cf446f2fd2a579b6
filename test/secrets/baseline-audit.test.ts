import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
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

/**
 * `palisade ...args` from the sources, in a real pseudo-terminal driven by tools/pty-session.py. It runs in
 * the repository (where tsx resolves), so paths in `args` are absolute.
 */
async function inTerminal(
  args: string[],
  steps: Array<{ expect: string; send: string }>,
): Promise<{ transcript: string; exitCode: number; error: string | null }> {
  const cli = pathToFileURL(path.join(import.meta.dirname, '../../scanners/cli/main.ts')).href;
  const program = `const { main } = await import(${JSON.stringify(cli)}); process.exitCode = await main(${JSON.stringify(['node', 'palisade', ...args])});`;
  const cwd = path.join(import.meta.dirname, '../..');
  const spec = {
    command: [process.execPath, '--import', 'tsx', '--input-type=module', '--eval', program],
    cwd,
    env: { TERM: 'xterm-256color' },
    timeout: 240,
    steps,
  };
  const driver = path.join(import.meta.dirname, 'tools/pty-session.py');
  const { stdout } = await promisify(execFile)('python3', [driver, JSON.stringify(spec)], {
    cwd,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as { transcript: string; exitCode: number; error: string | null };
}

const PROMPT = 'secret? [t]rue positive, [f]alse positive, [s]kip, [q]uit: ';
const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

describe('palisade baseline audit in a terminal', () => {
  const random = seededRandom(31);
  const github = expand('{gh:ghp_}', random);
  const slack = `xoxb-${expand('{d:12}-{d:12}-{A:24}', random)}`;
  const stripe = `sk_live_${expand('{A:32}', random)}`;

  it('prompts for each entry with only the masked preview, and records the verdicts typed', async () => {
    const { dir, remove } = tempProject(
      { 'app.py': `GITHUB = "${github}"\nSLACK = "${slack}"\nSTRIPE = "${stripe}"\n` },
      { config: false },
    );
    cleanups.push(remove);
    expect((await runCli(['baseline', 'create'], dir)).code).toBe(0);
    const file = path.join(dir, '.palisade-baseline.json');
    const created = (JSON.parse(readFileSync(file, 'utf8')) as { findings: Entry[] }).findings;
    expect(created).toHaveLength(3);

    // First entry: true positive; second: skipped; third: false positive.
    const first = await inTerminal(
      ['baseline', 'audit', file],
      [
        { expect: PROMPT, send: 't\r' },
        { expect: PROMPT, send: 's\r' },
        { expect: PROMPT, send: 'f\r' },
      ],
    );
    expect(first.error).toBeNull();
    expect(first.exitCode).toBe(0);
    const transcript = plain(first.transcript);
    for (const secret of [github, slack, stripe]) expect(transcript).not.toContain(secret);
    // Each prompt names the entry: its position, rule, detector, file and line, and the 4-character preview.
    const shown = [
      ...transcript.matchAll(/\[(\d)\/3\] (PAL-SECRET-\d+) ([a-z0-9-]+) app\.py:(\d) value (\S+)…/g),
    ].map((m) => ({ position: m[1]!, detector: m[3]!, line: m[4]!, preview: m[5]! }));
    expect(shown.map((s) => s.position)).toEqual(['1', '2', '3']);
    const expectedPreview: Record<string, string> = {
      'github-classic-pat': 'ghp_',
      'slack-bot-token': 'xoxb',
      'stripe-secret-key': 'sk_l',
    };
    for (const entry of shown) expect(entry.preview).toBe(expectedPreview[entry.detector]);
    expect(new Set(shown.map((s) => s.detector))).toEqual(new Set(Object.keys(expectedPreview)));
    expect(transcript).toContain('1 true positive, 1 false positive, 1 not reviewed');

    const verdictOf = (entries: Entry[], detector: string) =>
      entries.find((e) => e.detector === detector)?.audit?.verdict;
    const audited = (JSON.parse(readFileSync(file, 'utf8')) as { findings: Entry[] }).findings;
    expect(verdictOf(audited, shown[0]!.detector)).toBe('true-positive');
    expect(verdictOf(audited, shown[1]!.detector)).toBeUndefined();
    expect(verdictOf(audited, shown[2]!.detector)).toBe('false-positive');
    const serialized = readFileSync(file, 'utf8');
    for (const secret of [github, slack, stripe]) expect(serialized).not.toContain(secret);

    // A second session offers only the entry left unreviewed; quitting keeps every verdict.
    const second = await inTerminal(['baseline', 'audit', file], [{ expect: PROMPT, send: 'q\r' }]);
    expect(second.error).toBeNull();
    const again = plain(second.transcript);
    expect(again).toContain(`[1/1] `);
    expect(again).toContain(` ${shown[1]!.detector} app.py:${shown[1]!.line}`);
    expect(again).not.toContain('[1/2]');
    expect(again).toContain('1 true positive, 1 false positive, 1 not reviewed');
    expect(readFileSync(file, 'utf8')).toBe(serialized);
  }, 600_000);
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
