/** The published snapshot schema (schemas/github-repository-settings.schema.json), compiled once. */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';
import { errorsText, packageSchema } from '../helpers/schemas.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const validateSnapshot = addFormats(new Ajv({ allErrors: true })).compile(
  packageSchema('github-repository-settings.schema.json'),
);

export function expectValidSnapshot(snapshot: unknown, name = 'snapshot'): void {
  expect(validateSnapshot(snapshot), `${name}: ${errorsText(validateSnapshot.errors)}`).toBe(true);
}
