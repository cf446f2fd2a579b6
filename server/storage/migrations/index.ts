/** Every migration, in order: listed statically, so they run the same from sources, build/ or a bundle. */
import type { Migration } from 'kysely';
import * as initial from './0001_initial.js';
import * as ingestJobs from './0002_ingest_jobs.js';
import * as exportCursors from './0003_export_cursors.js';
import * as findingIndexes from './0004_finding_indexes.js';
import * as accessAndOwners from './0005_access_and_owners.js';
import * as openCounts from './0006_open_counts.js';
import * as codeToCloud from './0007_code_to_cloud.js';
import * as trendDays from './0008_trend_days.js';
import * as unusedEventIndex from './0009_unused_event_index.js';
import * as findingCounts from './0010_finding_counts.js';

export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_ingest_jobs': ingestJobs,
  '0003_export_cursors': exportCursors,
  '0004_finding_indexes': findingIndexes,
  '0005_access_and_owners': accessAndOwners,
  '0006_open_counts': openCounts,
  '0007_code_to_cloud': codeToCloud,
  '0008_trend_days': trendDays,
  '0009_unused_event_index': unusedEventIndex,
  '0010_finding_counts': findingCounts,
};
