import { defineRule } from '../../../../scanners/rules/api.js';
import { internetPortCheck } from '../security-group-ingress.js';

export default defineRule({
  id: 'PAL-AWS-VPC-001',
  title: 'Security group allows SSH (port 22) from the internet',
  severity: 'high',
  severityRationale:
    'SSH open to the world is brute-forced continuously; one weak key or daemon bug gives a shell.',
  category: 'iac',
  description: 'A security group ingress rule admits TCP port 22 (SSH) from 0.0.0.0/0 or ::/0.',
  cwe: ['CWE-284'],
  benchmarks: [
    { framework: 'CIS AWS Foundations', version: '2.0.0', control: '5.2' },
    { framework: 'CIS AWS Foundations', version: '2.0.0', control: '5.3' },
    { framework: 'AWS Foundational Security Best Practices', control: 'EC2.13' },
  ],
  remediation:
    'Allow port 22 only from known address ranges or security groups, or use Session Manager instead of opening the port.',
  tags: ['aws', 'vpc', 'security-group', 'network', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  check: internetPortCheck(22, 'SSH'),
});
