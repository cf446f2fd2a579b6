import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packagePath } from '../../scanners/core/package.js';

const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;
const sharedSchema = (name: string) =>
  JSON.parse(readFileSync(packagePath(`../shared/schemas/${name}`), 'utf8')) as object;

describe('project files', () => {
  it('action.yml is valid against the GitHub action schema', () => {
    const validate = addFormats(new Ajv({ strict: false, allErrors: true })).compile(
      sharedSchema('github-action.schema.json'),
    );
    const action = parse(readFileSync(packagePath('action.yml'), 'utf8'));
    expect(validate(action), JSON.stringify(validate.errors)).toBe(true);
    // The JavaScript action of issue 6 (test/action/ covers it); it runs no script, so nothing is spliced.
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action/index.js' });
  });

  it('the published config schema accepts the documented starter config', () => {
    const validate = addFormats(new Ajv({ strict: false, allErrors: true })).compile(
      JSON.parse(readFileSync(packagePath('schemas/palisade-config.schema.json'), 'utf8')),
    );
    const config = {
      'fail-on': 'high',
      rules: { disable: ['PAL-DOCKER-001'], severity: { 'PAL-AWS-S3-001': 'low' } },
      exclude: ['test/fixtures/**'],
      overrides: [{ paths: ['legacy/**'], categories: { disable: ['iac'] } }],
      limits: { 'max-file-size': '10MB' },
    };
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...config, 'fail-on': 'severe' })).toBe(false);
  });
});
