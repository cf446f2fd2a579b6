import { PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** npm, PyPI, NuGet, RubyGems, Clojars and Artifactory publishing credentials. */
export default secretRule({
  id: 'PAL-SECRET-014',
  title: 'Package registry token in source',
  severity: 'critical',
  severityRationale:
    'A publishing token lets anyone push a malicious release of your package to every user of it.',
  description:
    'A package registry publishing token (npm, PyPI, NuGet, RubyGems, Clojars, JFrog Artifactory) is committed to the repository.',
  remediation:
    'Revoke the token on the registry, audit recent releases, and publish from CI with trusted publishing (OIDC) or a masked secret.',
  tags: ['supply-chain', 'credential'],
  detectors: [
    {
      id: 'npm-access-token',
      description: 'npm access token',
      keywords: ['npm_'],
      pattern: token('npm_[A-Za-z0-9]{36}'),
      validators: ['npm-checksum'],
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'pypi-upload-token',
      description: 'PyPI API token',
      keywords: ['pypi-ageichlwas5vcmc'],
      pattern: token('pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'pypi-test-upload-token',
      description: 'TestPyPI API token',
      keywords: ['pypi-agendgvzdc5wexbplm9yzw'],
      pattern: token('pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'nuget-api-key',
      description: 'NuGet.org API key',
      keywords: ['oy2'],
      pattern: token('oy2[a-z0-9]{43}'),
      filters: PREFIXED_FILTERS,
      minEntropy: 3.5,
    },
    {
      id: 'rubygems-api-key',
      description: 'RubyGems API key',
      keywords: ['rubygems_'],
      pattern: token('rubygems_[a-f0-9]{48}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'clojars-deploy-token',
      description: 'Clojars deploy token',
      keywords: ['clojars_'],
      pattern: token('CLOJARS_[a-z0-9]{60}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'artifactory-api-key',
      description: 'JFrog Artifactory API key',
      keywords: ['akcp'],
      pattern: token('AKCp[A-Za-z0-9]{69}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'artifactory-reference-token',
      description: 'JFrog Artifactory reference token',
      keywords: ['cmvmdgtu'],
      pattern: token('cmVmdGtu[A-Za-z0-9]{56}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'packagist-token',
      description: 'Packagist API token',
      keywords: ['packagist_'],
      pattern: token('packagist_[ou][ru]t_[a-f0-9]{68}'),
      filters: PREFIXED_FILTERS,
    },
  ],
});
