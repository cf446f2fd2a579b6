import { defineRule } from '../../../../scanners/rules/api.js';
import { internetPortCheck } from '../security-group-ingress.js';

export default defineRule({
  id: 'PAL-AWS-VPC-002',
  title: 'Security group allows RDP (port 3389) from the internet',
  severity: 'high',
  severityRationale: 'Internet-facing RDP is a leading ransomware entry point.',
  category: 'iac',
  description: 'A security group ingress rule admits TCP port 3389 (RDP) from 0.0.0.0/0 or ::/0.',
  cwe: ['CWE-284'],
  benchmarks: [
    { framework: 'CIS AWS Foundations', version: '2.0.0', control: '5.2' },
    { framework: 'CIS AWS Foundations', version: '2.0.0', control: '5.3' },
  ],
  remediation:
    'Allow port 3389 only from known address ranges or security groups, or use Session Manager instead of opening the port.',
  tags: ['aws', 'vpc', 'security-group', 'network', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  check: internetPortCheck(3389, 'RDP'),
});
