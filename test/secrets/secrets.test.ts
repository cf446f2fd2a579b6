/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: placeholder texts such as ${VAR} are test data */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../scanners/config/config.js';
import { scan } from '../../scanners/engine/scan.js';
import { REPORT_FORMATS, render } from '../../scanners/reporters/index.js';
import { builtinRuleList } from '../../scanners/rules/registry.js';
import { uniformDetector } from '../../scanners/secrets/detector.js';
import { compileDetectors, fileKind, registeredDetectors, scanText } from '../../scanners/secrets/engine.js';
import {
  hasNonAscii,
  isDocumentedExample,
  isFilePath,
  isHash,
  isIdentifier,
  isLowEntropy,
  isPlaceholder,
  isPublicKey,
  isReference,
  isRepeatedOrSequential,
  isUuid,
} from '../../scanners/secrets/filters.js';
import { maxMatchLength } from '../../scanners/secrets/pattern-length.js';
import { type KeywordHits, KeywordPrefilter } from '../../scanners/secrets/prefilter.js';
import { type RegexEngine, regexEngine } from '../../scanners/secrets/regex.js';
import { DEFAULT_SECRET_SETTINGS } from '../../scanners/secrets/settings.js';
import { hasBase62Checksum, isJwt, isPemBlock } from '../../scanners/secrets/validators.js';
import { codeUnitsOf } from '../helpers/code-units.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';
import { expand, seededRandom } from './tools/samples.js';

afterAll(removeTempDirs);

const secretRules = builtinRuleList().filter((r) => r.category === 'secret');
const fixtureTexts = secretRules.flatMap((rule) => {
  const folder = path.join(rule.dir!, 'fixtures', 'text');
  return readdirSync(folder)
    .filter((f) => f !== 'expected.json')
    .map((f) => ({ file: f, text: readFileSync(path.join(folder, f), 'utf8') }));
});

type DetectorSet = ReturnType<typeof compileDetectors>;

/** Both compiled sets find the same secrets, at the same offsets, in every fixture (over 200 in all). */
function expectSameFindingsInFixtures(expected: DetectorSet, actual: DetectorSet): void {
  let total = 0;
  for (const { file, text } of fixtureTexts) {
    const found = (set: DetectorSet) =>
      scanText(file, text, DEFAULT_SECRET_SETTINGS, set).map((m) => `${m.detector.id}@${m.start}`);
    const wanted = found(expected);
    expect(found(actual)).toEqual(wanted);
    total += wanted.length;
  }
  expect(total).toBeGreaterThan(200);
}

/** A prefilter scan's hits as `keyword@start`, taken before the next scan reuses them. */
function hitList(hits: KeywordHits): string[] {
  return Array.from({ length: hits.count }, (_, i) => `${hits.keywords[i]}@${hits.starts[i]}`);
}

describe('secret detectors', () => {
  it('are at least 150 provider formats plus generic ones, with unique ids', () => {
    const detectors = registeredDetectors();
    expect(detectors.filter((d) => !d.generic).length).toBeGreaterThanOrEqual(150);
    expect(detectors.filter((d) => d.generic).length).toBeGreaterThanOrEqual(4);
    expect(new Set(detectors.map((d) => d.id)).size).toBe(detectors.length);
  });

  it('find the same secrets with the native re2 engine and the portable re2js engine', () => {
    const native = compileDetectors(registeredDetectors(), regexEngine('re2'));
    const portable = compileDetectors(registeredDetectors(), regexEngine('re2js'));
    // Patterns compile on first use (fileNames on its own); every one must compile on both engines.
    for (const set of [native, portable])
      for (const compiled of set.detectors) {
        expect(compiled.patterns.pattern.source).toBe(compiled.detector.pattern);
        expect(() => compiled.namesFile('.npmrc')).not.toThrow();
      }
    expectSameFindingsInFixtures(native, portable);
  });

  it('answer test() as matchAll() does, on both engines, call after call', () => {
    for (const engine of [regexEngine('re2'), regexEngine('re2js')]) {
      const pattern = engine.compile(String.raw`\.git-credentials$|^\.npmrc$`, { ignoreCase: true });
      for (const name of [
        '.git-credentials',
        '.NPMRC',
        'x.npmrc',
        'notes.txt',
        '.git-credentials',
        '.npmrc',
      ]) {
        expect(pattern.test(name), `${engine.name} ${name}`).toBe(pattern.matchAll(name).length > 0);
        expect(pattern.test(name)).toBe(pattern.test(name));
      }
    }
  });

  it('search the region of a keyword only where its keywordThen follows within keywordWithin', () => {
    const detector = {
      id: 'demo-value',
      description: 'a quoted value near a keyword',
      keywords: ['secret'],
      pattern: '"([a-z]{8,})"',
      keywordWithin: 10,
      keywordThen: '"[a-z]{8}',
    };
    // The texts the detector's pattern is run on, through the native engine.
    const searched: string[] = [];
    const native = regexEngine('re2');
    const recording: RegexEngine = {
      name: native.name,
      compile(source, options) {
        const pattern = native.compile(source, options);
        return {
          source,
          matchAll: (text) => {
            searched.push(text);
            return pattern.matchAll(text);
          },
          test: (text) => pattern.test(text),
        };
      },
    };
    const set = compileDetectors([detector], recording);
    const found = (text: string) => {
      searched.length = 0;
      return scanText('a.txt', text, DEFAULT_SECRET_SETTINGS, set).map((m) => m.value);
    };
    expect(found('secret = "abcdefghij"')).toEqual(['abcdefghij']);
    expect(searched).toEqual(['secret = "abcdefghij"']);
    // Too far from the keyword, on the next line, or too short: nothing is searched.
    for (const text of [
      'secret = ............ "abcdefghij"',
      'secret =\n"abcdefghij"',
      'secret = "abc", x = "abcdefghij"',
    ]) {
      expect(found(text)).toEqual([]);
      expect(searched).toEqual([]);
    }
    // Of two keywords on a line, the region starts at the one that passes.
    expect(found('secret = 1, secret: "qrstuvwxyz"')).toEqual(['qrstuvwxyz']);
    expect(searched).toEqual(['secret: "qrstuvwxyz"']);
    // Without keywordWithin, keywordThen must follow the keyword at once.
    const adjacent = compileDetectors(
      [{ ...detector, keywordWithin: undefined, keywordThen: '=' }],
      recording,
    );
    searched.length = 0;
    scanText('a.txt', 'secret = "abcdefghij"\nsecret="abcdefghij"', DEFAULT_SECRET_SETTINGS, adjacent);
    expect(searched).toEqual(['secret="abcdefghij"']);
    expect(() => compileDetectors([{ ...detector, keywordThen: '(' }])).toThrow(
      /demo-value: invalid keywordThen/,
    );
  });

  it('find the same secrets in every fixture with keywordThen as without it (it only saves work)', () => {
    const withChecks = compileDetectors(registeredDetectors());
    const withoutChecks = compileDetectors(
      registeredDetectors().map(({ keywordThen: _, ...detector }) => detector),
    );
    expect(registeredDetectors().filter((d) => d.keywordThen).length).toBeGreaterThanOrEqual(4);
    expectSameFindingsInFixtures(withoutChecks, withChecks);
  });

  it('find the same secrets in a text read as CodeUnits as in its string', () => {
    const found = (file: string, text: string | ReturnType<typeof codeUnitsOf>) =>
      scanText(file, text).map((m) => `${m.detector.id}@${m.start}-${m.end}:${m.value}`);
    let total = 0;
    for (const { file, text } of fixtureTexts) {
      const wanted = found(file, text);
      expect(found(file, codeUnitsOf(text)), file).toEqual(wanted);
      total += wanted.length;
    }
    expect(total).toBeGreaterThan(200);
    // Large texts as the reader gives them: every fixture in one file, each after a minified-looking line
    // (long lines are searched in windows) and with and without non-ASCII text (one or two bytes a unit).
    const random = seededRandom(11);
    const noise = (length: number) =>
      Array.from({ length }, () => 'abcdefABCDEF0123456789+/=;:"\' '.at(Math.floor(random() * 31))).join('');
    for (const extra of ['', 'naïve café 🔑 ']) {
      const parts = fixtureTexts.map(
        ({ text }) => `${noise(5000 + Math.floor(random() * 5000))}\n${extra}${text}\n`,
      );
      const text = parts.join('');
      const files = ['bundle.js', 'settings.yaml', 'notes.txt'];
      for (const file of files) {
        const wanted = found(file, text);
        expect(wanted.length, file).toBeGreaterThan(100);
        expect(found(file, codeUnitsOf(text)), file).toEqual(wanted);
      }
    }
  });

  it('take keywordThen patterns only when their longest match is known, so a window of a text can be tested', () => {
    expect(maxMatchLength(String.raw`[A-Za-z0-9]{14}\.`)).toBe(15);
    expect(maxMatchLength(String.raw`[^\n]{0,40}?(?:(?:["\']|[:=]\s{0,4})[A-Za-z0-9+/_-]{20})`)).toBe(65);
    expect(maxMatchLength(String.raw`(?:ab|c[\]x]{2,3})?d??e{2}`)).toBe(4 + 1 + 2);
    for (const unbounded of [
      'a+',
      'a*',
      'a{2,}',
      'x$',
      '^x',
      String.raw`\bx`,
      '(?=x)',
      '(?<n>x)',
      String.raw`(x)\1`,
    ])
      expect(() => maxMatchLength(unbounded), unbounded).toThrow(/keywordThen pattern must be bounded/);
    const detector = { id: 'demo', description: 'demo', keywords: ['secret'], pattern: 'secret(x)' };
    expect(() => compileDetectors([{ ...detector, keywordThen: '=+' }])).toThrow(/demo: invalid keywordThen/);
    for (const d of registeredDetectors())
      if (d.keywordThen !== undefined) expect(() => maxMatchLength(d.keywordThen!), d.id).not.toThrow();
  });

  it('find an assignment to every spelling of a secret word in code, such as authKey and private.key', () => {
    for (const name of ['authKey', 'auth.key', 'privateKey', 'private-key', 'api.key', 'accessKey']) {
      const found = scanText('src/config.ts', `const settings = { ${name}: "q9Xv2LmR8sT4" };\n`);
      expect(
        found.map((m) => `${m.detector.id} ${m.value}`),
        name,
      ).toEqual(['generic-secret-code q9Xv2LmR8sT4']);
    }
  });

  it('name the detector whose pattern does not compile, when it first triggers', () => {
    const set = compileDetectors([
      { id: 'broken-lookahead', description: 'not RE2', keywords: ['zz_'], pattern: 'zz_(?=x)' },
    ]);
    expect(scanText('a.txt', 'nothing here', DEFAULT_SECRET_SETTINGS, set)).toEqual([]);
    expect(() => scanText('a.txt', 'zz_x', DEFAULT_SECRET_SETTINGS, set)).toThrow(
      /secret detector broken-lookahead: invalid pattern/,
    );
    const names = compileDetectors([
      { id: 'broken-names', description: 'not RE2', keywords: ['zz_'], pattern: 'zz_', fileNames: '(?=x)' },
    ]);
    expect(() => scanText('a.txt', 'zz_x', DEFAULT_SECRET_SETTINGS, names)).toThrow(
      /secret detector broken-names: invalid fileNames/,
    );
  });

  it('honour PALISADE_REGEX_ENGINE and refuse an unknown engine name', () => {
    const saved = process.env.PALISADE_REGEX_ENGINE;
    try {
      process.env.PALISADE_REGEX_ENGINE = 're2js';
      expect(regexEngine().name).toBe('re2js');
      process.env.PALISADE_REGEX_ENGINE = 're2';
      expect(regexEngine().name).toBe('re2');
      process.env.PALISADE_REGEX_ENGINE = 'pcre';
      expect(() => regexEngine()).toThrow(/re2 or re2js/);
    } finally {
      if (saved === undefined) delete process.env.PALISADE_REGEX_ENGINE;
      else process.env.PALISADE_REGEX_ENGINE = saved;
    }
  });

  it('verify GitHub and npm CRC32 checksums, JWT headers and PEM blocks', () => {
    const random = seededRandom(42);
    const token = expand('{gh:ghp_}', random);
    expect(hasBase62Checksum(token, 4)).toBe(true);
    expect(hasBase62Checksum(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 4)).toBe(false);
    expect(isJwt(expand('{jwt}', random))).toBe(true);
    expect(isJwt('eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.sig')).toBe(false);
    expect(isPemBlock(expand('{pem:RSA PRIVATE KEY}', random))).toBe(true);
    expect(isPemBlock('-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----')).toBe(false);
    expect(isPemBlock(expand('{pem:EC PRIVATE KEY}', random).replace('END EC', 'END RSA'))).toBe(false);
  });

  it('prefilter finds keywords case-insensitively, overlapping ones too', () => {
    const prefilter = new KeywordPrefilter(['ghp_', 'token', 'oken']);
    const hitsIn = (text: string, limit?: number) => hitList(prefilter.scan(text, limit));
    expect(hitsIn('X TOKEN ghp_ é token')).toEqual(['1@2', '2@3', '0@8', '1@15', '2@16']);
    // Non-ASCII code units break a keyword; astral characters count as two code units.
    expect(hitsIn('token 🔑token ToKeN')).toEqual(['1@0', '2@1', '1@8', '2@9', '1@14', '2@15']);
    expect(hitsIn('toKén')).toEqual([]);
    // The limit counts keywords, and a longer text after a short one reuses the same memory.
    expect(hitsIn('token token', 3)).toEqual(['1@0', '2@1', '1@6']);
    expect(hitsIn(`${'x'.repeat(200_000)}ghp_`)).toEqual(['0@200000']);
    // A larger limit moves the text: what an earlier text left before the new place is not read as text.
    const rotations = new KeywordPrefilter(['abcd', 'bcad', 'cabd']);
    expect(rotations.scan('abc'.repeat(20_000), 10).count).toBe(0);
    expect(hitList(rotations.scan(`d${'x'.repeat(2000)}`, 1000))).toEqual([]);
    // No keywords (no secret rule loaded): nothing to find, in short texts and in four-part ones.
    const empty = new KeywordPrefilter([]);
    expect(empty.scan('token ghp_').count).toBe(0);
    expect(empty.scan('token '.repeat(1000)).count).toBe(0);
  });

  it('prefilter finds the same hits when it scans a long text as four parts at once', () => {
    const keywords = ['ghp_', 'token', 'oken', 'api_key', 'key', 'a', 'xoxb-'];
    const prefilter = new KeywordPrefilter(keywords);
    const random = seededRandom(11);
    const pieces = ['ghp_', 'TOKEN', 'api_KEY', 'xoxb-', 'é', '\n', ' ', 'b', 'ke', 'y'];
    for (const length of [700, 1024, 1031, 3000, 5001, 20_000]) {
      let text = '';
      while (text.length < length) text += pieces[Math.floor(random() * pieces.length)];
      text = text.slice(0, length);
      const part = Math.ceil(text.length / 4);
      // A keyword across each cut between two parts, and one that ends at the text's last code unit.
      if (text.length >= 1024) {
        for (const cut of [part, 2 * part, 3 * part])
          text = `${text.slice(0, cut - 3)}api_key${text.slice(cut + 4)}`;
        text = `${text.slice(0, -5)}xoxb-`;
      }
      const expected: Array<[number, number]> = [];
      const lower = text.toLowerCase();
      keywords.forEach((keyword, index) => {
        for (let at = lower.indexOf(keyword); at !== -1; at = lower.indexOf(keyword, at + 1))
          expected.push([at + keyword.length, index]);
      });
      expected.sort((a, b) => a[0] - b[0]);
      const hits = prefilter.scan(text);
      const actual = Array.from({ length: hits.count }, (_, i): [number, number] => [
        hits.starts[i]! + keywords[hits.keywords[i]!]!.length,
        hits.keywords[i]!,
      ]);
      // The same text as the reader gives a large file: its code units, or its bytes when it is ASCII.
      // (The hits are reused by the next scan, so each list is taken before it.)
      for (const units of [codeUnitsOf(text), codeUnitsOf(text.replaceAll('é', 'e'))]) {
        const fromUnits = hitList(prefilter.scan(units));
        expect(fromUnits.length).toBeGreaterThan(0);
        expect(fromUnits).toEqual(hitList(prefilter.scan(units.toString())));
      }
      // Hits come in order of their ends; keywords that end together may come in any order.
      expect(actual.every(([end], i) => i === 0 || actual[i - 1]![0] <= end)).toBe(true);
      const key = ([end, keyword]: [number, number]) => end * 100 + keyword;
      expect(actual.map(key).sort((a, b) => a - b)).toEqual(expected.map(key).sort((a, b) => a - b));
      // The limit cuts the same ordered list.
      for (const limit of [1, 100, Math.floor(actual.length / 2)]) {
        const limited = prefilter.scan(text, limit);
        expect(Array.from(limited.starts.subarray(0, limited.count))).toEqual(
          actual.slice(0, limit).map(([end, keyword]) => end - keywords[keyword]!.length),
        );
      }
    }
  });

  it('give every detector the same fields in the same order, with its own values', () => {
    const detectors = registeredDetectors();
    const fields = Object.keys(uniformDetector(detectors[0]!));
    for (const detector of detectors) {
      const uniform = uniformDetector(detector);
      expect(Object.keys(uniform)).toEqual(fields);
      expect(uniform).toEqual(detector);
    }
    // Matches carry the uniform copy, with the detector's values.
    const [match] = scanText('app.env', `GITHUB_TOKEN=${expand('{gh:ghp_}', seededRandom(5))}\n`);
    expect(Object.keys(match!.detector)).toEqual(fields);
    expect(match!.detector).toEqual(detectors.find((d) => d.id === match!.detector.id));
  });

  it('tell file kinds from names and extensions, for detectors that depend on syntax', () => {
    const kinds = {
      'src/app.ts': 'code',
      'lib/Main.Java': 'code',
      'deploy/values.YAML': 'yaml',
      'cfn/stack.template': 'json',
      'conf/app.properties': 'properties',
      'setup.cfg': 'ini',
      'home/.npmrc': 'ini',
      '.env': 'env',
      'config/.env.production': 'env',
      'prod.env': 'env',
      'web.config': 'xml',
      Dockerfile: 'shell',
      'build/api.dockerfile': 'shell',
      'scripts/run.ps1': 'shell',
      'main.tf': 'hcl',
      'README.md': 'other',
      Makefile: 'other',
    };
    for (const [file, kind] of Object.entries(kinds)) expect([file, fileKind(file)]).toEqual([file, kind]);
  });

  it('search only a window of very long lines, so minified files stay linear', () => {
    const random = seededRandom(7);
    const token = expand('{gh:ghp_}', random);
    const line = `${'a=1;'.repeat(50_000)}var t="${token}";${'b=2;'.repeat(50_000)}`;
    const found = scanText('bundle.min.js', line);
    expect(found.map((m) => m.detector.id)).toEqual(['github-classic-pat']);
    expect(found[0]!.start).toBe(line.indexOf(token));
  });
});

describe('false-positive filters', () => {
  it('placeholders and templating', () => {
    for (const value of [
      'changeme',
      '<password>',
      'xxxxxxxxxxxx',
      '${DB_PASSWORD}',
      '{{ .Values.pw }}',
      '%s',
      '$(cat /run/pw)',
      '***',
      'your-api-key-here',
    ])
      expect(isPlaceholder(value), value).toBe(true);
    expect(isPlaceholder('Tr7#kQ9zLp2x')).toBe(false);
  });

  it('environment and secret-store references', () => {
    const ctx = (value: string, before = '') => ({ value, before, line: before + value, file: 'a.py' });
    expect(isReference(ctx('process.env.TOKEN'))).toBe(true);
    expect(isReference(ctx('DB_PASSWORD', 'password = os.environ["'))).toBe(true);
    expect(isReference(ctx('@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/x)'))).toBe(true);
    expect(isReference(ctx('{{resolve:secretsmanager:prod/db:SecretString:password}}'))).toBe(true);
    expect(isReference(ctx('aws_secretsmanager_secret_version.db.secret_string'))).toBe(true);
    expect(isReference(ctx('Tr7#kQ9zLp2x', 'password = "'))).toBe(false);
  });

  it('sequential or repeated strings, UUIDs, hashes, paths, identifiers, low entropy, documented examples', () => {
    expect(isRepeatedOrSequential('abcdefghijklmnop')).toBe(true);
    expect(isRepeatedOrSequential('1234567890')).toBe(true);
    expect(isRepeatedOrSequential('abcabcabcabc')).toBe(true);
    expect(isRepeatedOrSequential('Tr7#kQ9zLp2x')).toBe(false);
    expect(isUuid('3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f')).toBe(true);
    expect(isHash({ value: 'sha512-abc', before: '"integrity": "', line: '', file: 'x.json' })).toBe(true);
    expect(isHash({ value: 'abc', before: '', line: '', file: 'web/package-lock.json' })).toBe(true);
    expect(isFilePath('/etc/ssl/private/server.key')).toBe(true);
    expect(isFilePath('./config/token.json')).toBe(true);
    expect(isIdentifier('resetPasswordToken')).toBe(true);
    expect(isIdentifier('API_KEY_NAME')).toBe(true);
    expect(isIdentifier('hJkLmNqWpRtY')).toBe(false);
    expect(isLowEntropy('aaaaab')).toBe(true);
    expect(isLowEntropy('Tr7#kQ9zLp2x')).toBe(false);
    expect(isDocumentedExample('AKIAIOSFODNN7EXAMPLE')).toBe(true);
  });

  it('test values that spell out a secret word, and examples published without an EXAMPLE mark', () => {
    for (const value of ['secret-2-levels', 'real-secret-6-levels', 'libsecret-1-0', 'super_secret_password'])
      expect(isPlaceholder(value), value).toBe(true);
    for (const value of [
      'secret-Tr7kQ9zLp2x',
      'a8f5f167-secret',
      'sk_live_secretabc123',
      'correct-horse-staple',
    ])
      expect(isPlaceholder(value), value).toBe(false);
    for (const value of [
      '+ZYvJDZMHUfBkJdyq5Zm9SKqeuBQ4sj+6sfjlH4CgG0=',
      '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11',
      'cbdeb34vzyuk5l4gxc4qfczn3lko3avfkfqyb47etahq6axpcqha',
    ])
      expect(isDocumentedExample(value), value).toBe(true);

    // The same through the engine: the look-alikes go, the credential beside them stays.
    const text = [
      `const cookieSecret = 'secret-1';`,
      `const user = { auth: { password: 'real-secret-6-levels' } };`,
      `"libsecret-1.so.0": "libsecret-1-0",`,
      ` * key = Base64.decode64("+ZYvJDZMHUfBkJdyq5Zm9SKqeuBQ4sj+6sfjlH4CgG0=")`,
      `  botToken: "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",`,
      `const dbPassword = "Gh5tR8mK2qXz";`,
    ].join('\n');
    const found = scanText('client.js', text).map(
      (m) => `${text.slice(0, m.start).split('\n').length}:${m.detector.id}`,
    );
    expect(found).toEqual(['6:generic-secret-code']);
    expect(scanText('README.md', 'API_TOKEN=cbdeb34vzyuk5l4gxc4qfczn3lko3avfkfqyb47etahq6axpcqha\n')).toEqual(
      [],
    );
  });

  it('translated messages, public keys, relative paths, shared libraries and names with a sigil', () => {
    expect(hasNonAscii('予期しないトークンです')).toBe(true);
    expect(hasNonAscii('Gh5tR8mK2qXz')).toBe(false);
    const context = (before: string, value: string, file = 'a.js') => ({
      value,
      before,
      line: `${before}${value}`,
      file,
    });
    expect(isPublicKey(context('var publicKey = Convert.FromBase64String("', 'x'))).toBe(true);
    expect(isPublicKey(context('ssh_public_key: "', 'x'))).toBe(true);
    expect(isPublicKey(context('PUBKEY=', 'x'))).toBe(true);
    expect(isPublicKey(context('private_key = "', 'x'))).toBe(false);
    expect(isFilePath('bin/secretlint.js')).toBe(true);
    expect(isFilePath('libsecret-1.so.0')).toBe(true);
    expect(isFilePath('crypt32.dll')).toBe(true);
    expect(isFilePath('Gh5tR8mK2qXz.so')).toBe(true);
    expect(isFilePath('Gh5tR8mK2qXz')).toBe(false);
    expect(isIdentifier('?NoLineTerminatorHere')).toBe(true);
    expect(isIdentifier('@scopeName')).toBe(true);
    expect(isIdentifier('?hJkLmNqWpRtY')).toBe(false);
    expect(isHash(context('', 'x', 'node_modules/.package-lock.json'))).toBe(true);
    expect(isHash(context('  - Release GPG key: ', 'x', 'README.md'))).toBe(true);

    // The same through the engine: the look-alikes go, the credentials next to them stay.
    const random = seededRandom(5);
    const key = expand('{b64:44}', random);
    const text = [
      `  "Unexpected_token_1012": "予期しないトークンです。",`,
      `var publicKey = Convert.FromBase64String("${key}");`,
      `var signingKey = Convert.FromBase64String("${key}");`,
      `lastSignificantToken = "?NoLineTerminatorHere";`,
      `"libsecret-1.so.0": "libsecret.so.0",`,
      `const dbPassword = "Gh5tR8mK2qXz";`,
    ].join('\n');
    const found = scanText('client.js', text).map(
      (m) => `${text.slice(0, m.start).split('\n').length}:${m.detector.id}`,
    );
    expect(found).toEqual(['3:generic-high-entropy-base64', '6:generic-secret-code']);
    expect(scanText('messages.json', '{ "Unexpected_token_1012": "予期しないトークンです。" }')).toEqual([]);
  });
});

describe('inline allow markers and config', () => {
  const random = seededRandom(99);
  const token = () => expand('{gh:ghp_}', random);

  it('honours palisade:allow, pragma: allowlist secret, pragma: allowlist nextline secret and gitleaks:allow', () => {
    const text = [
      `a = "${token()}"  # palisade:allow test fixture`,
      `b = "${token()}"  # pragma: allowlist secret`,
      '# pragma: allowlist nextline secret',
      `c = "${token()}"`,
      `d = "${token()}"  # gitleaks:allow`,
      `e = "${token()}"`,
    ].join('\n');
    const found = scanText('app.py', text);
    expect(found.map((m) => text.slice(0, m.start).split('\n').length)).toEqual([6]);
  });

  it('secrets.disable and secrets.enabled reach the engine through scan()', async () => {
    const root = makeTempDir({ 'app.py': `t = "${token()}"\n` });
    const rules = secretRules;
    const on = await scan({ root, rules, config: defaultConfig(), baseline: false, jobs: 1 });
    expect(on.findings.map((f) => f.message)).toEqual([
      'GitHub personal access token (classic) [github-classic-pat]',
    ]);
    const disabled = {
      ...defaultConfig(),
      secrets: { ...DEFAULT_SECRET_SETTINGS, disable: ['github-classic-pat'] },
    };
    expect((await scan({ root, rules, config: disabled, baseline: false, jobs: 1 })).findings).toEqual([]);
    const off = { ...defaultConfig(), secrets: { ...DEFAULT_SECRET_SETTINGS, enabled: false } };
    expect((await scan({ root, rules, config: off, baseline: false, jobs: 1 })).findings).toEqual([]);
  });

  it('keeps the fingerprint when the secret moves to another line', async () => {
    const secret = token();
    const rootA = makeTempDir({ 'app.py': `t = "${secret}"\n` });
    const rootB = makeTempDir({ 'app.py': `# moved\n\n\nt = "${secret}"\n` });
    const a = await scan({
      root: rootA,
      rules: secretRules,
      config: defaultConfig(),
      baseline: false,
      jobs: 1,
    });
    const b = await scan({
      root: rootB,
      rules: secretRules,
      config: defaultConfig(),
      baseline: false,
      jobs: 1,
    });
    expect(b.findings[0]!.location.startLine).toBe(4);
    expect(b.findings[0]!.fingerprint).toBe(a.findings[0]!.fingerprint);
  });
});

describe('per-detector severity', () => {
  const monitoring = secretRules.find((r) => r.id === 'PAL-SECRET-026')!;
  const fixture = (name: string) =>
    readFileSync(path.join(monitoring.dir!, 'fixtures', 'text', name), 'utf8');

  it("reports a detector's own severity, in JSON and SARIF, and a config override of the rule wins", async () => {
    const root = makeTempDir({
      'client.js': fixture('fail-client.js'),
      'settings.env': fixture('fail-settings.env'),
    });
    const result = await scan({
      root,
      rules: secretRules,
      config: defaultConfig(),
      baseline: false,
      jobs: 1,
    });
    const severityOf = (findings: typeof result.findings) =>
      Object.fromEntries(findings.map((f) => [/\[([a-z0-9-]+)\]$/.exec(f.message)![1], f.severity]));
    const severities = severityOf(result.findings);
    // The browser key ships in web pages (its detector says low); the rest of the group is high.
    expect(severities['newrelic-browser-key']).toBe('low');
    expect(monitoring.severity).toBe('high');
    const others = Object.entries(severities).filter(([id]) => id !== 'newrelic-browser-key');
    expect(others.length).toBeGreaterThanOrEqual(3);
    for (const [, severity] of others) expect(severity).toBe('high');

    const json = JSON.parse(render('json', result, { verbose: false, color: false })) as {
      findings: Array<{ message: string; severity: string }>;
    };
    expect(json.findings.find((f) => f.message.endsWith('[newrelic-browser-key]'))?.severity).toBe('low');
    const sarif = JSON.parse(render('sarif', result, { verbose: false, color: false })) as {
      runs: Array<{ results: Array<{ level: string; message: { text: string } }> }>;
    };
    const levels = sarif.runs[0]!.results.map((r) => [
      r.message.text.includes('[newrelic-browser-key]'),
      r.level,
    ]);
    expect(levels.filter(([browser]) => browser).map(([, level]) => level)).toEqual(['note']);
    expect(new Set(levels.filter(([browser]) => !browser).map(([, level]) => level))).toEqual(
      new Set(['error']),
    );

    const overridden = await scan({
      root,
      config: {
        ...defaultConfig(),
        rules: { enable: ['PAL-SECRET-026'], disable: [], severity: { 'PAL-SECRET-026': 'critical' } },
      },
      baseline: false,
      jobs: 1,
    });
    expect(new Set(overridden.findings.map((f) => f.severity))).toEqual(new Set(['critical']));
    expect(overridden.findings.length).toBe(result.findings.length);
  });
});

describe('redaction everywhere', () => {
  it('no planted secret appears in any reporter output', async () => {
    const planted: Record<string, string> = {};
    const files: Record<string, string> = {};
    for (const rule of secretRules) {
      const folder = path.join(rule.dir!, 'fixtures', 'text');
      for (const file of readdirSync(folder).filter((f) => f.startsWith('fail-'))) {
        files[`${path.basename(rule.dir!)}/${file}`] = readFileSync(path.join(folder, file), 'utf8');
      }
    }
    const root = makeTempDir(files);
    const result = await scan({
      root,
      rules: secretRules,
      config: defaultConfig(),
      baseline: false,
      jobs: 1,
    });
    expect(result.findings.length).toBeGreaterThan(200);
    // The raw values, found again by the engine from the planted files.
    for (const [file, text] of Object.entries(files)) {
      for (const match of scanText(file, text))
        if (match.value.length >= 8) planted[match.value] = match.detector.id;
    }
    const values = Object.keys(planted);
    expect(values.length).toBeGreaterThan(200);
    for (const format of REPORT_FORMATS) {
      const output = render(format, result, { verbose: true, color: false });
      const leaked = values.filter((v) => output.includes(v));
      expect(leaked, `${format} leaks ${leaked.map((v) => planted[v]).join(', ')}`).toEqual([]);
    }
    const leakedInJson = values.filter((v) => JSON.stringify(result).includes(v));
    expect(leakedInJson).toEqual([]);
  });
});
