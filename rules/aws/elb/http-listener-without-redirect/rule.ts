import {
  defineRule,
  type Entity,
  field,
  isKnown,
  isKnownValue,
  type Model,
  resolveAttr,
  resources,
} from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-ELB-001',
  title: 'Load balancer listener serves plain HTTP instead of redirecting to HTTPS',
  severity: 'medium',
  severityRationale:
    'Traffic in clear text can be read and changed on the network path; it needs a position on that path to exploit.',
  category: 'iac',
  description:
    'An ELBv2 listener accepts HTTP and forwards the requests to targets (or redirects them to another HTTP URL) instead of redirecting clients to HTTPS.',
  cwe: ['CWE-319'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'ELB.1',
    },
  ],
  remediation:
    'Make the HTTP listener’s default action a redirect with protocol HTTPS (status HTTP_301), and serve the application on an HTTPS listener.',
  tags: ['aws', 'elb', 'alb', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const listener of resources(model, 'aws.elb.listeners')) {
      const protocol = field<string>(listener, 'protocol');
      const http =
        isKnownValue(protocol, 'HTTP') ||
        (protocol.origin === 'default' &&
          listener.family === 'terraform' &&
          onApplicationLoadBalancer(model, listener));
      if (!http) continue;
      const action = field<string>(listener, 'defaultActionType');
      const redirect = field<string>(listener, 'redirectProtocol');
      const serves =
        isKnownValue(action, 'forward') ||
        (isKnownValue(action, 'redirect') && isKnown(redirect) && redirect.value !== 'HTTPS');
      if (!serves) continue;
      report({
        resource: listener,
        attr: protocol,
        message: `Listener ${listener.address} serves HTTP without redirecting to HTTPS.`,
      });
    }
  },
});

/** Terraform defaults a listener's protocol to HTTP on an application load balancer (gateway ones have none). */
function onApplicationLoadBalancer(model: Model, listener: Entity): boolean {
  return resolveAttr(model, field(listener, 'loadBalancer')).some(
    (lb) => lb.kind === 'aws.elb.loadBalancer' && isKnownValue(field(lb, 'type'), 'application'),
  );
}
