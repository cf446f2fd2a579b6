import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Bitbucket app passwords, access tokens and OAuth secrets. */
export default secretRule({
  id: 'PAL-SECRET-013',
  title: 'Bitbucket credential in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'A Bitbucket app password, repository/workspace access token or OAuth consumer secret is committed to the repository.',
  remediation:
    'Revoke the app password or access token in Bitbucket settings and use a secured repository variable.',
  tags: ['bitbucket', 'credential'],
  detectors: [
    {
      id: 'bitbucket-app-password',
      description: 'Bitbucket app password',
      keywords: ['atbb'],
      pattern: token('ATBB[A-Za-z0-9_=.-]{28,32}[A-F0-9]{8}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'bitbucket-access-token',
      description: 'Bitbucket repository, project or workspace access token',
      keywords: ['atctt3'],
      pattern: token('ATCTT3xFfGN0[A-Za-z0-9_=-]{170,250}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'bitbucket-client-secret',
      description: 'Bitbucket OAuth consumer secret',
      keywords: ['bitbucket'],
      pattern: assigned('bitbucket[_.-]?(?:oauth[_.-]?)?(?:client|consumer)[_.-]?secret', '[A-Za-z0-9]{32}'),
      filters: KEYED_FILTERS,
      minEntropy: 3.8,
    },
  ],
});
