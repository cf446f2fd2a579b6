import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ELB-002',
  title: 'Load balancer listener uses a TLS policy that allows TLS 1.0 or 1.1',
  severity: 'medium',
  severityRationale:
    'TLS 1.0 and 1.1 have known weaknesses and weak cipher suites; exploiting them needs a network position and effort.',
  category: 'iac',
  description:
    'An HTTPS or TLS listener uses a predefined ELB security policy that still negotiates TLS 1.0 or TLS 1.1.',
  cwe: ['CWE-327'],
  remediation:
    'Set ssl_policy (SslPolicy) to ELBSecurityPolicy-TLS13-1-2-2021-06 or another policy with TLS 1.2 as its minimum.',
  tags: ['aws', 'elb', 'tls', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.elb.listeners',
  when: {
    all: [
      {
        attribute: 'sslPolicy',
        matches:
          '^ELBSecurityPolicy-(2015-05|2016-08|TLS-1-0-.*|TLS-1-1-.*|FS-2018-06|FS-1-1-.*|TLS13-1-[01]-.*)$',
      },
      {
        attribute: 'protocol',
        in: ['HTTPS', 'TLS'],
      },
    ],
  },
  message: 'Listener {address} uses a TLS policy that still allows TLS 1.0 or 1.1.',
});
