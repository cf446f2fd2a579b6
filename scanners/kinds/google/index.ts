import type { KindDefinition } from '../../model/kinds.js';

/** Google Cloud kinds: Terraform google_* resources. */
export const GOOGLE_KINDS: KindDefinition[] = [];
