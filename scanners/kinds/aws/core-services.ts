import type { KindDefinition } from '../../model/kinds.js';
import { EBS_KINDS } from './ebs.js';
import { EC2_KINDS } from './ec2.js';
import { ECR_KINDS } from './ecr.js';
import { ECS_KINDS } from './ecs.js';
import { EKS_KINDS } from './eks.js';
import { IAM_KINDS } from './iam.js';
import { KMS_KINDS } from './kms.js';
import { LAMBDA_KINDS } from './lambda.js';
import { RDS_KINDS } from './rds.js';
import { S3_KINDS } from './s3.js';
import { VPC_KINDS } from './vpc.js';

/** S3, IAM, EC2 and VPC, EBS, RDS, EKS, ECS and ECR, Lambda, KMS. */
export const AWS_CORE_KINDS: KindDefinition[] = [
  ...S3_KINDS,
  ...IAM_KINDS,
  ...EC2_KINDS,
  ...VPC_KINDS,
  ...EBS_KINDS,
  ...RDS_KINDS,
  ...EKS_KINDS,
  ...ECS_KINDS,
  ...ECR_KINDS,
  ...LAMBDA_KINDS,
  ...KMS_KINDS,
];
