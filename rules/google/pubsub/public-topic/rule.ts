import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-PUBSUB-001',
  title: 'Pub/Sub topic is granted to allUsers or allAuthenticatedUsers',
  severity: 'high',
  severityRationale: 'Anyone on the internet, or any Google account, gets the role on the topic.',
  category: 'iac',
  description: 'An IAM grant on a topic includes allUsers or allAuthenticatedUsers.',
  cwe: ['CWE-284'],
  remediation: 'Grant roles on the topic to named users, groups or service accounts only.',
  tags: ['gcp', 'pubsub', 'internet-exposed'],
  formats: ['terraform'],
  resources: 'google.iam.grants',
  when: {
    all: [
      {
        any: [
          { attribute: 'members', contains: 'allUsers' },
          { attribute: 'members', contains: 'allAuthenticatedUsers' },
        ],
      },
      { attribute: 'sourceType', in: ['google_pubsub_topic_iam_member', 'google_pubsub_topic_iam_binding'] },
    ],
  },
  message: '{address} makes the topic public.',
});
