import { defineRule, isKnown } from '../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-K8S-041',
  title: 'LoadBalancer Service accepts traffic from any address',
  severity: 'medium',
  severityRationale:
    'The cloud load balancer is public and open to the whole internet unless source ranges or an internal annotation restrict it.',
  category: 'iac',
  description:
    'A Service of `type: LoadBalancer` has no `loadBalancerSourceRanges` and no cloud annotation making the load balancer internal (AWS, Azure, Google Cloud, Oracle, OpenStack, IBM). The cloud provider then creates a load balancer reachable from any address on the internet.',
  cwe: ['CWE-284', 'CWE-668'],
  remediation:
    "Restrict `loadBalancerSourceRanges` to the client networks, or make the load balancer internal with your cloud's annotation.",
  tags: ['kubernetes', 'network', 'internet-exposed'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const service of model.kubernetes.services) {
      if (!isKnown(service.type) || service.type.value !== 'LoadBalancer' || service.internalLoadBalancer)
        continue;
      const ranges = service.loadBalancerSourceRanges;
      if (!isKnown(ranges)) continue;
      const open =
        ranges.value.length === 0 || ranges.value.some((range) => /^(0\.0\.0\.0|::)\/0$/.test(range));
      if (!open) continue;
      report({
        resource: service,
        attr: ranges.origin === 'explicit' ? ranges : service.type,
        message: `Service ${service.name.value ?? '?'} is a load balancer open to any address.`,
      });
    }
  },
});
