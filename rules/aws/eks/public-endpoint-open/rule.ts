import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-EKS-001',
  title: 'EKS cluster API endpoint is open to the whole internet',
  severity: 'high',
  severityRationale:
    'The Kubernetes API is reachable from anywhere; stolen credentials or an API-server bug need no network foothold.',
  category: 'iac',
  description:
    'The EKS cluster endpoint is publicly accessible and its public access CIDRs include 0.0.0.0/0 (the default when none are listed).',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'EKS.1' }],
  remediation:
    'Turn on private endpoint access and either turn public access off or restrict public_access_cidrs to known ranges.',
  tags: ['aws', 'eks', 'kubernetes', 'network', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.eks.clusters',
  when: {
    all: [
      { attribute: 'publicAccessCidrs', contains: '0.0.0.0/0' },
      { attribute: 'endpointPublicAccess', equals: true },
    ],
  },
  message: 'EKS cluster {address} exposes its API endpoint to 0.0.0.0/0.',
});
