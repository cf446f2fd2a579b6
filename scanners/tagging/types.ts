import { TRACE_TAG_KEYS } from '../core/types.js';
import type { TextEdit } from './edits.js';

/** The tag key `palisade tag` writes. */
export const TRACE_TAG = TRACE_TAG_KEYS[0];

/** One taggable resource found in a file. */
export interface TaggableResource {
  /** `aws_s3_bucket.logs`, `Resources.LogsBucket`, `Microsoft.Storage/storageAccounts/[parameters('name')]`. */
  address: string;
  line: number;
  /** It already carries a trace tag (any of TRACE_TAG_KEYS). */
  traced: boolean;
  /** Why it cannot be tagged automatically (computed tags Palisade cannot extend safely). */
  problem?: string;
}

/** What tagging one file found and would change. */
export interface FileTagPlan {
  resources: TaggableResource[];
  /** Insertions that add a trace tag to every untraced resource without a problem. */
  edits: TextEdit[];
}

/** True for the keys other tools and Palisade use to trace a resource from code to cloud. */
export function isTraceKey(key: unknown): boolean {
  return typeof key === 'string' && (TRACE_TAG_KEYS as readonly string[]).includes(key);
}

/** Makes a new trace id (a UUID v4: lowercase, 36 characters, valid as a Google label value). */
export type TraceIdSource = () => string;
