import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Email delivery services: SendGrid, Mailgun, Mailchimp, Mandrill, Postmark, Brevo, Mailjet. */
export default secretRule({
  id: 'PAL-SECRET-021',
  title: 'Email service API key in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'An email delivery API key (SendGrid, Mailgun, Mailchimp, Mandrill, Postmark, Brevo/Sendinblue, Mailjet) is committed to the repository; it can send mail as your domain.',
  remediation:
    "Delete the key in the provider's API key settings and create a new one with the least scope, stored as a secret.",
  tags: ['email', 'credential'],
  detectors: [
    {
      id: 'sendgrid-api-key',
      description: 'SendGrid API key',
      keywords: ['sg.'],
      pattern: token(String.raw`SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}`),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'mailgun-api-key',
      description: 'Mailgun API key',
      keywords: ['key-', 'mailgun'],
      pattern:
        '(?:^|[^A-Za-z0-9_-])(key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})(?:[^A-Za-z0-9_-]|$)',
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'mailgun-webhook-signing-key',
      description: 'Mailgun webhook signing key',
      keywords: ['mailgun'],
      pattern: assigned('mailgun[_.-]?(?:webhook[_.-]?)?signing[_.-]?key', '[a-f0-9]{32}|key-[a-f0-9]{32}'),
      filters: KEYED_FILTERS,
      supersedes: ['mailgun-api-key'],
    },
    {
      id: 'mailchimp-api-key',
      description: 'Mailchimp API key',
      keywords: ['-us'],
      pattern: token('[a-f0-9]{32}-us[0-9]{1,2}'),
      maxMatchChars: 38,
      // The data center's number: `-us` is mostly `-user` and `-use` (14,000 hits on node_modules).
      keywordThen: '[0-9]',
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'mandrill-api-key',
      description: 'Mailchimp Transactional (Mandrill) API key',
      keywords: ['mandrill'],
      pattern: assigned('mandrill[_.-]?(?:api[_.-]?)?key', 'md-[A-Za-z0-9_-]{22}|[A-Za-z0-9_-]{22}'),
      filters: KEYED_FILTERS,
      minEntropy: 3.5,
    },
    {
      id: 'postmark-server-token',
      description: 'Postmark server or account token',
      keywords: ['postmark'],
      pattern: assigned(
        'postmark[_.-]?(?:server|account|api)?[_.-]?(?:token|key)|x-postmark-(?:server|account)-token',
        '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      ),
      filters: KEYED_FILTERS,
    },
    {
      id: 'brevo-api-key',
      description: 'Brevo (Sendinblue) API key',
      keywords: ['xkeysib-', 'xsmtpsib-'],
      pattern: token('x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'mailjet-secret-key',
      description: 'Mailjet API secret key',
      keywords: ['mailjet', 'mj_apikey_private'],
      pattern: assigned('mailjet[_.-]?(?:api[_.-]?)?secret(?:[_.-]?key)?|mj_apikey_private', '[a-f0-9]{32}'),
      filters: KEYED_FILTERS,
    },
  ],
});
