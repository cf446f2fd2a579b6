import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-EFS-003',
  title: 'EFS access point exposes the whole file system',
  severity: 'medium',
  severityRationale:
    'Clients of the access point can reach every directory of the file system, not only their own; the file permissions are the only limit left.',
  category: 'iac',
  description:
    'An EFS access point does not set a root directory (or sets "/"), so applications that mount through it see the entire file system.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'EFS.3',
    },
  ],
  remediation:
    'Set root_directory.path (RootDirectory.Path) to a directory dedicated to the application, with creation_info (CreationInfo) to create it.',
  tags: ['aws', 'efs', 'access-control'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.efs.accessPoints',
  when: {
    attribute: 'rootDirectory',
    equals: '/',
  },
  message: 'EFS access point {address} exposes the whole file system.',
});
