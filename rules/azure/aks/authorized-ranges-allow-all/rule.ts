import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-AKS-005',
  title: 'AKS API server authorized IP ranges include 0.0.0.0/0',
  severity: 'high',
  severityRationale:
    'The allow-list admits every address, so the API server is open to the internet despite looking restricted.',
  category: 'iac',
  description: "The API server's authorized IP ranges contain 0.0.0.0/0.",
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation: 'Remove 0.0.0.0/0 and list only the networks that administer the cluster.',
  tags: ['azure', 'aks', 'kubernetes', 'network', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.aks.clusters',
  when: {
    attribute: 'authorizedIpRanges',
    contains: '0.0.0.0/0',
  },
  message: 'AKS cluster {address} authorizes every IP address (0.0.0.0/0) on its API server.',
});
