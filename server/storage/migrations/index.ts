/** Every migration, in order: listed statically, so they run the same from sources, build/ or a bundle. */
import type { Migration } from 'kysely';
import * as initial from './0001_initial.js';

export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
};
