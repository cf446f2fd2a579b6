import { defineRule, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-ECR-001',
  title: 'ECR repository does not scan images on push',
  severity: 'low',
  severityRationale:
    'Unscanned images can ship known vulnerabilities unnoticed; scanning finds them, it does not block them.',
  category: 'iac',
  description:
    'The repository does not scan images when they are pushed, and no registry-wide scanning configuration is declared.',
  cwe: ['CWE-1104'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'ECR.1' }],
  remediation: 'Enable scan_on_push (ScanOnPush), or configure registry-wide enhanced scanning.',
  tags: ['aws', 'ecr', 'containers', 'vulnerabilities'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    // Registry-wide scanning rules decide for every repository they match.
    if (resources(model, 'aws.ecr.registryScanning').some((r) => field<boolean>(r, 'rules').value === true))
      return;
    for (const repository of resources(model, 'aws.ecr.repositories')) {
      const scan = field<boolean>(repository, 'scanOnPush');
      if (isKnownValue(scan, false))
        report({
          resource: repository,
          attr: scan,
          message: `Repository ${repository.address} does not scan images on push.`,
        });
    }
  },
});
