import { PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Slack tokens and incoming webhooks. */
export default secretRule({
  id: 'PAL-SECRET-017',
  title: 'Slack token or webhook in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'A Slack bot, user, app-level, configuration or refresh token, or an incoming or workflow webhook URL, is committed to the repository.',
  remediation:
    "Revoke the token or regenerate the webhook in the Slack app's settings, and store the new one as a secret.",
  tags: ['slack', 'credential'],
  detectors: [
    {
      id: 'slack-bot-token',
      description: 'Slack bot token',
      keywords: ['xoxb-'],
      pattern: token('xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'slack-user-token',
      description: 'Slack user token',
      keywords: ['xoxp-'],
      pattern: token('xoxp-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[a-f0-9]{32}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'slack-legacy-token',
      description: 'Slack legacy workspace or bot token',
      keywords: ['xoxa-', 'xoxo-', 'xoxs-', 'xoxr-'],
      pattern: token('xox[aors]-(?:2-)?[0-9]{10,13}-[A-Za-z0-9-]{20,120}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'slack-app-token',
      description: 'Slack app-level token',
      keywords: ['xapp-'],
      pattern: token('xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'slack-config-token',
      description: 'Slack app configuration token',
      keywords: ['xoxe.xox'],
      pattern: token(String.raw`xoxe\.xox[bp]-[0-9]-[A-Za-z0-9]{150,170}`),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'slack-refresh-token',
      description: 'Slack configuration refresh token',
      keywords: ['xoxe-'],
      pattern: token('xoxe-[0-9]-[A-Za-z0-9]{140,160}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'slack-webhook',
      description: 'Slack incoming webhook URL',
      keywords: ['hooks.slack.com'],
      pattern: String.raw`(https://hooks\.slack\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24})`,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'slack-workflow-webhook',
      description: 'Slack workflow webhook URL',
      keywords: ['hooks.slack.com'],
      pattern: String.raw`(https://hooks\.slack\.com/(?:workflows|triggers)/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/[0-9]{10,20}/[A-Za-z0-9]{32})`,
      filters: PREFIXED_FILTERS,
    },
  ],
});
