import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-EFS-004',
  title: 'EFS access point does not enforce a POSIX user',
  severity: 'low',
  severityRationale:
    'Clients keep their own user and group ids, including root, so file permissions protect less; it needs a compromised client to matter.',
  category: 'iac',
  description:
    'An EFS access point does not set a POSIX user, so clients act on files with whatever user and group ids they claim.',
  cwe: ['CWE-285'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'EFS.4',
    },
  ],
  remediation: 'Add a posix_user block (PosixUser) with the uid and gid the application should use.',
  tags: ['aws', 'efs', 'access-control'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.efs.accessPoints',
  when: {
    attribute: 'posixUser',
    equals: false,
  },
  message: 'EFS access point {address} does not enforce a POSIX user.',
});
