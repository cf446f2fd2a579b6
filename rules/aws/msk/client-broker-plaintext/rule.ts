import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-MSK-001',
  title: 'MSK cluster accepts plaintext connections from clients',
  severity: 'medium',
  severityRationale:
    'Producers and consumers may talk to brokers in clear text; reading that traffic needs a foothold in the network.',
  category: 'iac',
  description:
    'An Amazon MSK cluster allows clients to connect without TLS (client_broker PLAINTEXT or TLS_PLAINTEXT).',
  cwe: ['CWE-319'],
  remediation:
    'Set encryption_info.encryption_in_transit.client_broker (EncryptionInfo.EncryptionInTransit.ClientBroker) to TLS.',
  tags: ['aws', 'msk', 'kafka', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.msk.clusters',
  when: {
    attribute: 'clientBroker',
    in: ['PLAINTEXT', 'TLS_PLAINTEXT'],
  },
  message: 'MSK cluster {address} accepts plaintext client connections.',
});
