import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Okta and Auth0 credentials. */
export default secretRule({
  id: 'PAL-SECRET-025',
  title: 'Identity provider credential in source',
  severity: 'critical',
  severityRationale:
    'An identity provider admin token can create users and change sign-in policy for every application.',
  description:
    'An Okta API token or an Auth0 client secret or management token is committed to the repository.',
  remediation:
    'Revoke the token in the Okta admin console (Security > API > Tokens) or rotate the Auth0 client secret, then store it in a secret store.',
  tags: ['identity', 'credential'],
  detectors: [
    {
      id: 'okta-api-token',
      description: 'Okta API token',
      keywords: ['okta', 'ssws'],
      pattern: String.raw`(?i:okta[A-Za-z0-9_.-]{0,24}["\']?\s{0,4}[:=]\s{0,4}["\']?|SSWS\s+)(00[A-Za-z0-9_-]{40})(?:[^A-Za-z0-9_-]|$)`,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'auth0-client-secret',
      description: 'Auth0 client secret',
      keywords: ['auth0'],
      pattern: assigned('auth0[_.-]?(?:client[_.-]?)?secret', '[A-Za-z0-9_-]{64}'),
      filters: KEYED_FILTERS,
      minEntropy: 4,
    },
    {
      id: 'auth0-management-token',
      description: 'Auth0 Management API token',
      keywords: ['auth0'],
      pattern: assigned(
        'auth0[_.-]?(?:management[_.-]?|mgmt[_.-]?|api[_.-]?)token',
        String.raw`eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}`,
      ),
      filters: KEYED_FILTERS,
      supersedes: ['jwt'],
    },
  ],
});
