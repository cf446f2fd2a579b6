import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultRange, scanHistory } from '../../scanners/cli/history.js';
import { defaultConfig } from '../../scanners/config/config.js';
import { render } from '../../scanners/reporters/index.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';
import { expand, seededRandom } from './tools/samples.js';

afterAll(removeTempDirs);

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Dana Dev',
      GIT_AUTHOR_EMAIL: 'dana@example.com',
      GIT_COMMITTER_NAME: 'Dana Dev',
      GIT_COMMITTER_EMAIL: 'dana@example.com',
      GIT_AUTHOR_DATE: '2026-03-01T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-03-01T10:00:00Z',
    },
  });
}

function commitFile(root: string, file: string, text: string, message: string): string {
  writeFileSync(path.join(root, file), text);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
  return git(root, 'rev-parse', 'HEAD').trim();
}

describe('scan --history', () => {
  const random = seededRandom(2024);
  const token = expand('{gh:ghp_}', random);
  const stripe = `sk_live_${expand('{A:24}', random)}`;

  it('finds a secret that a later commit deleted, naming commit, author, date, file and line', async () => {
    const root = makeTempDir({});
    git(root, 'init', '-q', '-b', 'main');
    commitFile(root, 'README.md', '# app\n', 'init');
    const added = commitFile(root, 'config.py', `import os\n\nTOKEN = "${token}"\n`, 'add config');
    commitFile(root, 'config.py', 'import os\n\nTOKEN = os.environ["TOKEN"]\n', 'use env');
    commitFile(
      root,
      'pay.js',
      `// billing\nconst key = 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx';\nconst live = '${stripe}';\n`,
      'pay',
    );

    const result = await scanHistory({ root, range: 'HEAD', config: defaultConfig(), baseline: false });
    const found = result.findings.map((f) => [
      f.message,
      f.location.file,
      f.location.startLine,
      f.commit?.sha,
    ]);
    expect(found).toEqual([
      ['GitHub personal access token (classic) [github-classic-pat]', 'config.py', 3, added],
      ['Stripe live secret key [stripe-secret-key]', 'pay.js', 3, expect.stringMatching(/^[0-9a-f]{40}$/)],
    ]);
    expect(result.findings[0]!.commit).toMatchObject({ author: 'Dana Dev', email: 'dana@example.com' });
    expect(result.findings[0]!.commit!.date).toMatch(/^2026-03-01T10:00:00/);
    for (const format of ['json', 'sarif', 'text', 'markdown'] as const) {
      const output = render(format, result, { color: false });
      expect(output).not.toContain(token);
      expect(output).not.toContain(stripe);
    }
    expect(render('json', result)).toContain(added);
    expect(render('sarif', result)).toContain(added);
  });

  it('scans only the commits of a range, and streams a long history', async () => {
    const root = makeTempDir({});
    git(root, 'init', '-q', '-b', 'main');
    const base = commitFile(root, 'old.env', `OLD_TOKEN=${expand('{gh:ghp_}', random)}\n`, 'old');
    for (let i = 0; i < 150; i++) commitFile(root, 'log.txt', `entry ${i}\n`, `commit ${i}`);
    const fresh = expand('{gh:ghp_}', random);
    commitFile(root, 'new.env', `# new\nNEW_TOKEN=${fresh}\n`, 'new');
    const ranged = await scanHistory({
      root,
      range: `${base}..HEAD`,
      config: defaultConfig(),
      baseline: false,
    });
    expect(ranged.findings.map((f) => `${f.location.file}:${f.location.startLine}`)).toEqual(['new.env:2']);
    expect(ranged.stats.filesScanned).toBe(151);
    const all = await scanHistory({ root, range: 'HEAD', config: defaultConfig(), baseline: false });
    expect(all.findings.map((f) => f.location.file)).toEqual(['new.env', 'old.env']);
  });

  it('defaults to merge-base..HEAD in a pull request', async () => {
    const root = makeTempDir({});
    git(root, 'init', '-q', '-b', 'main');
    const base = commitFile(root, 'a.txt', 'a\n', 'a');
    git(root, 'checkout', '-q', '-b', 'feature');
    commitFile(root, 'b.txt', 'b\n', 'b');
    expect(await defaultRange(root, { GITHUB_BASE_REF: 'main' })).toBe(`${base}..HEAD`);
    expect(await defaultRange(root, {})).toBe('HEAD');
  });
});
