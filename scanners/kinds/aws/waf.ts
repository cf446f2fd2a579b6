import type { Attr } from '../../model/attr.js';
import type { KindDefinition } from '../../model/kinds.js';
import { type Entity, type Model, resources } from '../../model/model.js';

/** Associations of a WAF web ACL with a regional resource (an ALB, an API Gateway stage). */
export const WAF_KINDS: KindDefinition[] = [
  {
    kind: 'aws.waf.webAclAssociation',
    collection: 'aws.waf.webAclAssociations',
    fields: { resourceArn: 'string', webAclArn: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_wafv2_web_acl_association'],
        fields: { resourceArn: 'resource_arn', webAclArn: 'web_acl_arn' },
      },
      {
        family: 'terraform',
        types: ['aws_wafregional_web_acl_association'],
        fields: { resourceArn: 'resource_arn', webAclArn: 'web_acl_id' },
      },
      {
        family: 'cloudformation',
        types: ['AWS::WAFv2::WebACLAssociation'],
        fields: { resourceArn: 'ResourceArn', webAclArn: 'WebACLArn' },
      },
      {
        family: 'cloudformation',
        types: ['AWS::WAFRegional::WebACLAssociation'],
        fields: { resourceArn: 'ResourceArn', webAclArn: 'WebACLId' },
      },
    ],
  },
];

/**
 * Whether a web ACL protects `entity`: `protected` when an association's resource ARN is computed from it,
 * `unknown` when some association names a resource that cannot be told (a literal ARN, a `!Sub` string, a
 * variable), `unprotected` otherwise.
 */
export function wafProtection(model: Model, entity: Entity): 'protected' | 'unknown' | 'unprotected' {
  const keys = new Set(entity.refKeys);
  let unknown = false;
  for (const association of resources(model, 'aws.waf.webAclAssociations')) {
    const arn = association.resourceArn as Attr<unknown> | undefined;
    if (!arn) continue;
    if (arn.origin === 'unresolvable') {
      if (arn.refs?.some((ref) => keys.has(ref))) return 'protected';
      if (!arn.refs?.length) unknown = true;
    } else if (arn.origin === 'explicit') {
      unknown = true;
    }
  }
  return unknown ? 'unknown' : 'unprotected';
}
