import { PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Microsoft Teams incoming webhooks and workflow trigger URLs. */
export default secretRule({
  id: 'PAL-SECRET-019',
  title: 'Microsoft Teams webhook in source',
  severity: 'medium',
  severityRationale: 'A webhook URL lets anyone post messages (and convincing phishing) into the channel.',
  description:
    'A Microsoft Teams incoming webhook URL, or a Power Automate / Logic Apps workflow trigger URL with its signature, is committed to the repository.',
  remediation:
    'Remove the connector or regenerate the workflow URL in Teams, and read the new URL from a secret.',
  tags: ['teams', 'credential'],
  detectors: [
    {
      id: 'teams-incoming-webhook',
      description: 'Microsoft Teams incoming webhook URL',
      keywords: ['webhook.office.com', 'outlook.office.com/webhook'],
      pattern: String.raw`(https://[a-z0-9-]+\.webhook\.office\.com/webhookb2/[0-9a-f-]{36}@[0-9a-f-]{36}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36}(?:/[A-Za-z0-9_-]{40,50})?|https://outlook\.office\.com/webhook/[0-9a-f-]{36}@[0-9a-f-]{36}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36})`,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'teams-workflow-url',
      description: 'Power Automate / Logic Apps workflow trigger URL with signature',
      keywords: ['logic.azure.com', 'powerplatform.com'],
      pattern: String.raw`(https://[a-z0-9.-]+\.(?:logic\.azure\.com|environment\.api\.powerplatform\.com)(?::443)?/[^\s"\']{0,300}?[?&]sig=[A-Za-z0-9_-]{43})`,
      filters: PREFIXED_FILTERS,
    },
  ],
});
