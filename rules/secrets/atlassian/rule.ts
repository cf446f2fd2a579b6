import { ALL_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Atlassian (Jira, Confluence) API tokens. */
export default secretRule({
  id: 'PAL-SECRET-024',
  title: 'Atlassian API token in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'An Atlassian API token (Jira, Confluence) is committed to the repository; with the account e-mail it acts as that user.',
  remediation:
    'Revoke the token at id.atlassian.com (Security > API tokens) and store the new one as a secret.',
  tags: ['atlassian', 'credential'],
  detectors: [
    {
      id: 'atlassian-api-token',
      description: 'Atlassian API token',
      keywords: ['atatt3'],
      pattern: token('ATATT3[A-Za-z0-9_=-]{180,200}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'atlassian-legacy-api-token',
      description: 'Atlassian API token (legacy format) in a Jira or Confluence setting',
      keywords: ['jira', 'confluence', 'atlassian'],
      pattern: assigned(
        '(?:jira|confluence|atlassian)[_.-]?(?:api[_.-]?)?(?:token|password)',
        '[A-Za-z0-9]{24}',
      ),
      filters: ALL_FILTERS,
      minEntropy: 3.5,
      validators: ['mixed-alphanumeric'],
    },
  ],
});
