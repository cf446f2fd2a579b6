/** The committed bundle (dist/action/) must be exactly what `npm run build:action` makes from the sources. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildAction } from '../../actions/build.js';
import { packagePath } from '../../scanners/core/package.js';
import { makeTempDir } from '../helpers/tmp.js';

const DIST = packagePath('dist/action');

describe('action bundle', () => {
  it('is up to date with the sources (run `npm run build:action` and commit dist/ when this fails)', async () => {
    const fresh = makeTempDir({}, 'palisade-bundle-');
    const inputs = await buildAction(fresh);
    const committed = readdirSync(DIST).sort();
    expect(committed, 'dist/action/ files differ: run `npm run build:action`').toEqual(
      readdirSync(fresh).sort(),
    );
    for (const name of committed) {
      const same = readFileSync(path.join(DIST, name)).equals(readFileSync(path.join(fresh, name)));
      expect(same, `dist/action/${name} is stale: run \`npm run build:action\` and commit dist/`).toBe(true);
    }
    // The portable regex engine and the wasm Terraform parser are in; native addons and server code are not.
    expect(inputs.some((file) => file.startsWith('node_modules/re2js/'))).toBe(true);
    expect(inputs.some((file) => file.startsWith('node_modules/web-tree-sitter/'))).toBe(true);
    expect(inputs.some((file) => file.startsWith('actions/'))).toBe(true);
    const forbidden = inputs.filter((file) =>
      /^(node_modules\/(re2|better-sqlite3|@node-rs|pg|fastify|kysely|probot)\/|server\/|app\/)/.test(file),
    );
    expect(forbidden).toEqual([]);
  });

  it('action.yml is a valid node24 action whose entry point exists', () => {
    const action = parse(readFileSync(packagePath('action.yml'), 'utf8'));
    const schema = JSON.parse(
      readFileSync(packagePath('../shared/schemas/github-action.schema.json'), 'utf8'),
    );
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(action), JSON.stringify(validate.errors)).toBe(true);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action/index.js' });
    expect(readdirSync(DIST)).toContain('index.js');
    expect(Object.keys(action.inputs).sort()).toEqual(
      [
        'annotations',
        'baseline',
        'comment',
        'config',
        'diff-only',
        'fail-on',
        'path',
        'sarif-file',
        'server-token',
        'server-url',
        'token',
      ].sort(),
    );
    expect(Object.keys(action.outputs).sort()).toEqual([
      'comment-file',
      'critical',
      'findings',
      'high',
      'report-url',
      'sarif-file',
    ]);
  });
});
