import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-EC2-005',
  title: 'AMI is shared with everyone',
  severity: 'high',
  severityRationale:
    'Anyone can launch the image and read everything baked into it: code, configuration and often secrets.',
  category: 'iac',
  description: 'An AMI launch permission grants the group "all", making the image public.',
  cwe: ['CWE-200'],
  remediation: 'Share AMIs with named account ids or organisation ARNs only.',
  tags: ['aws', 'ec2', 'public-access'],
  formats: ['terraform'],
  resources: 'aws.ec2.amiLaunchPermissions',
  when: { attribute: 'group', equals: 'all' },
  message: 'Launch permission {address} makes an AMI public.',
});
