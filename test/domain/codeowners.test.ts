import { describe, expect, it } from 'vitest';
import { parseCodeowners } from '../../server/domain/codeowners.js';

// Cases written from the rules GitHub and GitLab document for CODEOWNERS (not their example files).
const GITHUB = [
  '# Everyone in the platform team reviews by default.',
  '*                 @acme/platform',
  '*.tf              @acme/infra     # trailing comment',
  '/deploy/logs/     @ops-lead',
  'config/*          security@acme.example',
  'assets/           @design',
  '**/fixtures       @qa',
  '/vendor/          @acme/platform',
  '/vendor/generated',
  'my\\ folder/       @alice',
  '\\#notes.md        @bob',
  '',
].join('\n');

describe('CODEOWNERS (GitHub syntax)', () => {
  const owners = parseCodeowners(GITHUB);

  it('parses every rule without errors', () => {
    expect(owners.errors).toEqual([]);
    expect(owners.rules.map((rule) => rule.pattern)).toEqual([
      '*',
      '*.tf',
      '/deploy/logs/',
      'config/*',
      'assets/',
      '**/fixtures',
      '/vendor/',
      '/vendor/generated',
      'my folder/',
      '#notes.md',
    ]);
  });

  it('lets the last matching rule win', () => {
    expect(owners.ownersFor('README.md')).toEqual(['@acme/platform']);
    expect(owners.ownersFor('modules/network/main.tf')).toEqual(['@acme/infra']);
    // *.tf matches, but /deploy/logs/ comes later.
    expect(owners.ownersFor('deploy/logs/retention.tf')).toEqual(['@ops-lead']);
    expect(owners.ownersFor('deploy/logs/nested/deep/file.txt')).toEqual(['@ops-lead']);
  });

  it('anchors patterns with a leading or inner slash, and matches the others at any depth', () => {
    expect(owners.ownersFor('config/app.yml')).toEqual(['security@acme.example']);
    expect(owners.ownersFor('service/config/app.yml')).toEqual(['@acme/platform']);
    expect(owners.ownersFor('web/static/assets/logo.svg')).toEqual(['@design']);
    expect(owners.ownersFor('assets/logo.svg')).toEqual(['@design']);
    expect(owners.ownersFor('a/b/fixtures/case.json')).toEqual(['@qa']);
    expect(owners.ownersFor('other/deploy/logs/x.txt')).toEqual(['@acme/platform']);
  });

  it('matches a trailing wildcard one level deep only', () => {
    expect(owners.ownersFor('config/env/prod.yml')).toEqual(['@acme/platform']);
  });

  it('leaves paths unowned under a later rule without owners', () => {
    expect(owners.ownersFor('vendor/lib.js')).toEqual(['@acme/platform']);
    expect(owners.ownersFor('vendor/generated/client.js')).toEqual([]);
  });

  it('reads escaped spaces and hashes, and is case-sensitive', () => {
    expect(owners.ownersFor('my folder/notes.txt')).toEqual(['@alice']);
    expect(owners.ownersFor('#notes.md')).toEqual(['@bob']);
    expect(owners.ownersFor('Config/app.yml')).toEqual(['@acme/platform']);
  });

  it('normalises leading slashes, ./ and backslashes in the path asked about', () => {
    for (const path of ['/config/app.yml', './config/app.yml', 'config\\app.yml'])
      expect(owners.ownersFor(path)).toEqual(['security@acme.example']);
    expect(owners.ownersFor('')).toEqual([]);
  });

  it('reports invalid lines and skips them, as GitHub does, keeping the rest', () => {
    const parsed = parseCodeowners(
      [
        '* @everyone',
        '!secret.txt @nobody',
        '[abc].txt @x',
        'src/ not-an-owner',
        `${'*a'.repeat(20)} @greedy`,
        `${'x'.repeat(5000)} @long`,
        'src/ @dev',
      ].join('\n'),
    );
    expect(parsed.errors.map((error) => error.line)).toEqual([2, 3, 4, 5, 6]);
    expect(parsed.errors[2]?.message).toBe('invalid owner "not-an-owner"');
    expect(parsed.ownersFor('src/index.ts')).toEqual(['@dev']);
    expect(parsed.ownersFor('secret.txt')).toEqual(['@everyone']);
  });
});

describe('CODEOWNERS (GitLab sections)', () => {
  const owners = parseCodeowners(
    [
      '* @everyone',
      '',
      '[Documentation] @docs-team',
      'docs/',
      'README.md @tech-writer',
      '',
      '^[Database][2] @dba',
      '*.sql',
      '/db/migrations/ @alice',
      '',
      '[documentation]',
      'guides/ @guide-owner',
    ].join('\n'),
  );

  it('combines the last match of every section, and uses section default owners', () => {
    expect(owners.errors).toEqual([]);
    expect(owners.ownersFor('docs/intro.md')).toEqual(['@everyone', '@docs-team']);
    expect(owners.ownersFor('README.md')).toEqual(['@everyone', '@tech-writer']);
    expect(owners.ownersFor('db/migrations/001.sql')).toEqual(['@everyone', '@alice']);
    expect(owners.ownersFor('docs/schema.sql')).toEqual(['@everyone', '@docs-team', '@dba']);
  });

  it('merges sections with the same name in any case', () => {
    expect(owners.ownersFor('guides/setup.md')).toEqual(['@everyone', '@guide-owner']);
    expect(owners.rules.find((rule) => rule.pattern === 'guides/')?.section).toBe('Documentation');
  });
});
