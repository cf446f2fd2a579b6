import type { KindDefinition } from '../../model/kinds.js';
import { COMPUTE_KINDS } from './compute.js';
import { DATA_KINDS } from './data.js';
import { GKE_KINDS } from './gke.js';
import { IAM_KINDS } from './iam.js';
import { SERVERLESS_KINDS } from './serverless.js';
import { SQL_KINDS } from './sql.js';
import { STORAGE_KINDS } from './storage.js';

/** Google Cloud kinds: Terraform google_* resources. */
export const GOOGLE_KINDS: KindDefinition[] = [
  ...STORAGE_KINDS,
  ...IAM_KINDS,
  ...COMPUTE_KINDS,
  ...GKE_KINDS,
  ...SQL_KINDS,
  ...DATA_KINDS,
  ...SERVERLESS_KINDS,
];
