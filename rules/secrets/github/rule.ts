import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** GitHub tokens: classic and fine-grained PATs, OAuth, app and refresh tokens (CRC32 checksums checked). */
export default secretRule({
  id: 'PAL-SECRET-011',
  title: 'GitHub token in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'A GitHub token is committed to the repository. Tokens with the ghp_, gho_, ghu_, ghs_ and ghr_ prefixes carry a CRC32 checksum that is verified, so a match is a real token shape, not a look-alike.',
  remediation:
    "Revoke the token (Settings > Developer settings, or the app's settings) and use the GITHUB_TOKEN of the workflow, a GitHub App or an encrypted secret.",
  tags: ['github', 'credential'],
  detectors: [
    {
      id: 'github-classic-pat',
      description: 'GitHub personal access token (classic)',
      keywords: ['ghp_'],
      pattern: token('ghp_[A-Za-z0-9]{36}'),
      validators: ['github-checksum'],
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'github-oauth-token',
      description: 'GitHub OAuth access token',
      keywords: ['gho_'],
      pattern: token('gho_[A-Za-z0-9]{36}'),
      validators: ['github-checksum'],
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'github-user-to-server-token',
      description: 'GitHub App user-to-server token',
      keywords: ['ghu_'],
      pattern: token('ghu_[A-Za-z0-9]{36}'),
      validators: ['github-checksum'],
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'github-server-to-server-token',
      description: 'GitHub App installation (server-to-server) token',
      keywords: ['ghs_'],
      pattern: token('ghs_[A-Za-z0-9]{36}'),
      validators: ['github-checksum'],
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'github-refresh-token',
      description: 'GitHub App refresh token',
      keywords: ['ghr_'],
      pattern: token('ghr_[A-Za-z0-9]{36,76}'),
      filters: PREFIXED_FILTERS,
      validators: ['github-checksum'],
    },
    {
      id: 'github-fine-grained-pat',
      description: 'GitHub fine-grained personal access token',
      keywords: ['github_pat_'],
      pattern: token('github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'github-oauth-client-secret',
      description: 'GitHub OAuth app client secret',
      // Every match holds one of these; `github` alone is on every other line of code that uses GitHub's API.
      keywords: ['clientsecret', 'client_secret', 'client-secret', 'client.secret'],
      pattern: assigned('github[_.-]?(?:oauth[_.-]?|app[_.-]?)?client[_.-]?secret', '[a-f0-9]{40}'),
      filters: KEYED_FILTERS,
    },
  ],
});
