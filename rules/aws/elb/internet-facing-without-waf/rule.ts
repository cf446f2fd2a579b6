import { wafProtection } from '../../../../scanners/kinds/aws/waf.js';
import { defineRule, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-ELB-006',
  title: 'Internet-facing Application Load Balancer has no WAF web ACL',
  severity: 'medium',
  severityRationale:
    'Without a WAF, common web exploits and bot floods reach the application directly; the application may still withstand them.',
  category: 'iac',
  description:
    'An internet-facing Application Load Balancer is not associated with an AWS WAF web ACL, so no managed rule filters requests before they reach the application.',
  cwe: ['CWE-693'],
  remediation:
    'Associate a WAFv2 web ACL with the load balancer (aws_wafv2_web_acl_association / AWS::WAFv2::WebACLAssociation).',
  tags: ['aws', 'elb', 'alb', 'waf'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const lb of resources(model, 'aws.elb.loadBalancers')) {
      if (!isKnownValue(field(lb, 'type'), 'application') || !isKnownValue(field(lb, 'internal'), false))
        continue;
      if (wafProtection(model, lb) !== 'unprotected') continue;
      report({
        resource: lb,
        message: `Internet-facing load balancer ${lb.address} has no WAF web ACL associated.`,
      });
    }
  },
});
