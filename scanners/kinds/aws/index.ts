import type { KindDefinition } from '../../model/kinds.js';
import { S3_KINDS } from './s3.js';

/** AWS kinds: Terraform aws_* and CloudFormation AWS::* resources. */
export const AWS_KINDS: KindDefinition[] = [...S3_KINDS];
