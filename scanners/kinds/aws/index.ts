import type { KindDefinition } from '../../model/kinds.js';
import { AWS_CORE_KINDS } from './core-services.js';
import { AWS_MANAGED_KINDS } from './managed-services.js';

/** AWS kinds: Terraform aws_* and CloudFormation AWS::* resources. */
export const AWS_KINDS: KindDefinition[] = [...AWS_CORE_KINDS, ...AWS_MANAGED_KINDS];
