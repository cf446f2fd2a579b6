import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Collaboration and SaaS API tokens: Notion, Linear, Figma, Airtable, Asana, Typeform, HubSpot, Dropbox, Mapbox, Telegram, Zendesk, Algolia. */
export default secretRule({
  id: 'PAL-SECRET-034',
  title: 'SaaS API token in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'An API token of a collaboration or SaaS product (Notion, Linear, Figma, Airtable, Asana, Typeform, HubSpot, Dropbox, Mapbox, Telegram, Zendesk, Algolia) is committed to the repository.',
  remediation:
    "Revoke the token in the product's developer or integration settings and keep the new one in a secret store.",
  tags: ['saas', 'credential'],
  detectors: [
    {
      id: 'notion-integration-token',
      description: 'Notion integration token',
      keywords: ['secret_', 'ntn_'],
      pattern: token('(?:secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35})'),
      filters: PREFIXED_FILTERS,
      minEntropy: 4,
    },
    {
      id: 'linear-api-key',
      description: 'Linear API key',
      keywords: ['lin_api_'],
      pattern: token('lin_api_[A-Za-z0-9]{40}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'figma-token',
      description: 'Figma personal access token',
      keywords: ['figd_'],
      pattern: token('figd_[A-Za-z0-9_-]{40}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'airtable-pat',
      description: 'Airtable personal access token',
      keywords: ['pat'],
      pattern: token(String.raw`pat[A-Za-z0-9]{14}\.[a-f0-9]{64}`),
      // `pat` starts path, patch and pattern: search only around it, not its whole line, and only where
      // the token's shape follows.
      maxMatchChars: 84,
      keywordThen: String.raw`[A-Za-z0-9]{14}\.`,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'asana-pat',
      description: 'Asana personal access token',
      keywords: ['asana'],
      pattern: assigned(
        'asana[_.-]?(?:access[_.-]?|api[_.-]?)?(?:token|pat|key)',
        '[0-9]/[0-9]{16}(?::[A-Za-z0-9]{32})?|2/[0-9]{16}/[0-9]{16}:[a-f0-9]{32}',
      ),
      filters: KEYED_FILTERS,
    },
    {
      id: 'typeform-token',
      description: 'Typeform personal access token',
      keywords: ['tfp_'],
      pattern: token('tfp_[A-Za-z0-9_-]{44}_[A-Za-z0-9_-]{14}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'hubspot-private-app-token',
      description: 'HubSpot private app access token',
      keywords: ['pat-na', 'pat-eu'],
      pattern: token('pat-(?:na|eu)[0-9]-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'dropbox-access-token',
      description: 'Dropbox short-lived access token',
      keywords: ['sl.'],
      pattern: token(String.raw`sl\.[A-Za-z0-9_-]{130,160}`),
      filters: PREFIXED_FILTERS,
      minEntropy: 4,
    },
    {
      id: 'mapbox-secret-token',
      description: 'Mapbox secret access token',
      keywords: ['sk.eyj'],
      pattern: token(String.raw`sk\.eyJ[A-Za-z0-9_-]{50,120}\.[A-Za-z0-9_-]{20,40}`),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'telegram-bot-token',
      description: 'Telegram bot token',
      keywords: [':aa'],
      pattern: '(?:^|[^0-9A-Za-z_])([0-9]{8,10}:AA[A-Za-z0-9_-]{33})(?:[^A-Za-z0-9_-]|$)',
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'zendesk-api-token',
      description: 'Zendesk API token',
      keywords: ['zendesk'],
      pattern: assigned('zendesk[_.-]?(?:api[_.-]?)?(?:token|key)', '[A-Za-z0-9]{40}'),
      filters: KEYED_FILTERS,
      minEntropy: 4,
    },
    {
      id: 'algolia-admin-key',
      description: 'Algolia admin API key',
      keywords: ['algolia'],
      pattern: assigned('algolia[_.-]?(?:admin|write|api)[_.-]?key', '[a-f0-9]{32}'),
      filters: KEYED_FILTERS,
    },
  ],
});
