import type { Attr } from '../../model/attr.js';
import type { KindDefinition } from '../../model/kinds.js';
import { type Entity, type Model, resources } from '../../model/model.js';
import { fixed } from './s3.js';

const inlinePolicyFields = { name: 'string', document: 'json' } as const;
const cfnInlinePolicies = { path: 'Policies', fields: { name: 'PolicyName', document: 'PolicyDocument' } };
const tfInlinePolicies = { path: 'inline_policy', fields: { name: 'name', document: 'policy' } };

export const IAM_KINDS: KindDefinition[] = [
  {
    // Standalone identity policies: managed policies and the inline policies declared as their own resource.
    kind: 'aws.iam.policy',
    collection: 'aws.iam.policies',
    fields: { name: 'string', document: 'json', principalType: 'string', users: 'list' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_iam_policy'],
        fields: { name: 'name', document: 'policy', principalType: fixed('managed'), users: fixed([]) },
      },
      ...(['role', 'user', 'group'] as const).map((principal) => ({
        family: 'terraform' as const,
        types: [`aws_iam_${principal}_policy`],
        fields: { name: 'name', document: 'policy', principalType: fixed(principal), users: fixed([]) },
      })),
      {
        family: 'cloudformation',
        types: ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'],
        fields: {
          name: { path: ['PolicyName', 'ManagedPolicyName'] },
          document: 'PolicyDocument',
          principalType: fixed('managed'),
          users: { path: 'Users', default: [] },
        },
      },
      ...(['Role', 'User', 'Group'] as const).map((principal) => ({
        family: 'cloudformation' as const,
        types: [`AWS::IAM::${principal}Policy`],
        fields: {
          name: 'PolicyName',
          document: 'PolicyDocument',
          principalType: fixed(principal.toLowerCase()),
          users: fixed([]),
        },
      })),
    ],
  },
  {
    kind: 'aws.iam.role',
    collection: 'aws.iam.roles',
    identity: ['name'],
    fields: { name: 'string', assumeRolePolicy: 'json', managedPolicyArns: 'list' },
    children: { inlinePolicies: inlinePolicyFields },
    sources: [
      {
        family: 'terraform',
        types: ['aws_iam_role'],
        fields: {
          name: 'name',
          assumeRolePolicy: 'assume_role_policy',
          managedPolicyArns: { path: 'managed_policy_arns', default: [] },
        },
        children: { inlinePolicies: tfInlinePolicies },
      },
      {
        family: 'cloudformation',
        types: ['AWS::IAM::Role'],
        fields: {
          name: 'RoleName',
          assumeRolePolicy: 'AssumeRolePolicyDocument',
          managedPolicyArns: { path: 'ManagedPolicyArns', default: [] },
        },
        children: { inlinePolicies: cfnInlinePolicies },
      },
    ],
  },
  {
    kind: 'aws.iam.user',
    collection: 'aws.iam.users',
    identity: ['name'],
    fields: { name: 'string', managedPolicyArns: 'list' },
    children: { inlinePolicies: inlinePolicyFields },
    sources: [
      {
        family: 'terraform',
        types: ['aws_iam_user'],
        // Terraform attaches user policies only through separate resources.
        fields: { name: 'name', managedPolicyArns: fixed([]) },
      },
      {
        family: 'cloudformation',
        types: ['AWS::IAM::User'],
        fields: { name: 'UserName', managedPolicyArns: { path: 'ManagedPolicyArns', default: [] } },
        children: { inlinePolicies: cfnInlinePolicies },
      },
    ],
  },
  {
    kind: 'aws.iam.group',
    collection: 'aws.iam.groups',
    identity: ['name'],
    fields: { name: 'string', managedPolicyArns: 'list' },
    children: { inlinePolicies: inlinePolicyFields },
    sources: [
      {
        family: 'terraform',
        types: ['aws_iam_group'],
        fields: { name: 'name', managedPolicyArns: fixed([]) },
      },
      {
        family: 'cloudformation',
        types: ['AWS::IAM::Group'],
        fields: { name: 'GroupName', managedPolicyArns: { path: 'ManagedPolicyArns', default: [] } },
        children: { inlinePolicies: cfnInlinePolicies },
      },
    ],
  },
  {
    // Terraform's separate attachment of a managed policy to users, roles or groups.
    kind: 'aws.iam.policyAttachment',
    collection: 'aws.iam.policyAttachments',
    fields: { policyArn: 'string', principalType: 'string', users: 'list' },
    sources: [
      ...(['role', 'user', 'group'] as const).map((principal) => ({
        family: 'terraform' as const,
        types: [`aws_iam_${principal}_policy_attachment`],
        fields: { policyArn: 'policy_arn', principalType: fixed(principal), users: fixed([]) },
      })),
      {
        family: 'terraform',
        types: ['aws_iam_policy_attachment'],
        fields: {
          policyArn: 'policy_arn',
          principalType: fixed('managed'),
          users: { path: 'users', default: [] },
        },
      },
    ],
  },
  {
    kind: 'aws.iam.passwordPolicy',
    collection: 'aws.iam.passwordPolicies',
    fields: {
      minimumLength: 'number',
      reusePrevention: 'number',
      maxAge: 'number',
      requireSymbols: 'bool',
      requireNumbers: 'bool',
      requireUppercase: 'bool',
      requireLowercase: 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_iam_account_password_policy'],
        fields: {
          minimumLength: { path: 'minimum_password_length', default: 6 },
          reusePrevention: 'password_reuse_prevention',
          maxAge: 'max_password_age',
          requireSymbols: { path: 'require_symbols', default: false },
          requireNumbers: { path: 'require_numbers', default: false },
          requireUppercase: { path: 'require_uppercase_characters', default: false },
          requireLowercase: { path: 'require_lowercase_characters', default: false },
        },
      },
    ],
  },
];

/** An identity policy document and the entity that declares it (a policy, or a role/user/group inline policy). */
export interface IdentityPolicyDocument {
  resource: Entity;
  document: Attr<unknown>;
  /** Who holds it, for messages: the policy's own address or the role, user or group of an inline policy. */
  holder: Entity;
}

/** Every identity policy document of the model: standalone policies and inline policies of roles, users, groups. */
export function identityPolicyDocuments(model: Model): IdentityPolicyDocument[] {
  const documents: IdentityPolicyDocument[] = [];
  for (const policy of resources(model, 'aws.iam.policies'))
    documents.push({ resource: policy, document: policy.document as Attr<unknown>, holder: policy });
  for (const collection of ['aws.iam.roles', 'aws.iam.users', 'aws.iam.groups']) {
    for (const holder of resources(model, collection)) {
      for (const inline of (holder.inlinePolicies as Entity[] | undefined) ?? [])
        documents.push({ resource: inline, document: inline.document as Attr<unknown>, holder });
    }
  }
  return documents;
}
