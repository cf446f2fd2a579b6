import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-MSK-002',
  title: 'MSK cluster brokers replicate data without encryption',
  severity: 'medium',
  severityRationale:
    'Replication traffic between brokers is in clear text; reading it needs a foothold in the VPC.',
  category: 'iac',
  description:
    'An Amazon MSK cluster turns off TLS between its brokers, so replicated records cross the network unencrypted.',
  cwe: ['CWE-319'],
  remediation:
    'Set encryption_info.encryption_in_transit.in_cluster (EncryptionInfo.EncryptionInTransit.InCluster) to true; it can only be set at creation.',
  tags: ['aws', 'msk', 'kafka', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.msk.clusters',
  when: {
    attribute: 'inCluster',
    equals: false,
  },
  message: 'MSK cluster {address} replicates between brokers without encryption.',
});
