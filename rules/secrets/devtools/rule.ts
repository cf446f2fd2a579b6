import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Developer and CI service tokens: SonarQube, CircleCI, Buildkite, Pulumi, Doppler, 1Password, Snyk, LaunchDarkly, Postman, Codecov, Travis CI. */
export default secretRule({
  id: 'PAL-SECRET-033',
  title: 'Developer service token in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'A token of a developer or CI service (SonarQube, CircleCI, Buildkite, Pulumi, Doppler, 1Password service account, Snyk, LaunchDarkly, Postman, Codecov, Travis CI) is committed to the repository.',
  remediation:
    "Revoke the token in the service's settings and configure the replacement as a masked CI secret.",
  tags: ['devtools', 'credential'],
  detectors: [
    {
      id: 'sonarqube-token',
      description: 'SonarQube token',
      keywords: ['squ_', 'sqp_', 'sqa_'],
      pattern: token('sq[upa]_[a-f0-9]{40}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'circleci-token',
      description: 'CircleCI personal API token',
      keywords: ['ccipat_'],
      pattern: token('CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'buildkite-token',
      description: 'Buildkite API access token',
      keywords: ['bkua_'],
      pattern: token('bkua_[a-f0-9]{40}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'pulumi-access-token',
      description: 'Pulumi access token',
      keywords: ['pul-'],
      pattern: token('pul-[a-f0-9]{40}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'doppler-token',
      description: 'Doppler token',
      keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
      pattern: token(String.raw`dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}`),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'onepassword-service-account-token',
      description: '1Password service account token',
      keywords: ['ops_ey'],
      pattern: token('ops_eyJ[A-Za-z0-9+/=_-]{250,}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'snyk-api-token',
      description: 'Snyk API token',
      keywords: ['snyk'],
      pattern: assigned(
        'snyk[_.-]?(?:api[_.-]?|auth[_.-]?)?token',
        '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      ),
      filters: KEYED_FILTERS,
    },
    {
      id: 'launchdarkly-access-token',
      description: 'LaunchDarkly API access token or SDK key',
      keywords: ['api-', 'sdk-', 'launchdarkly'],
      pattern: String.raw`(?i:launchdarkly|ld)[A-Za-z0-9_.-]{0,24}["\']?\s{0,4}[:=]\s{0,4}["\']?((?:api|sdk)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})`,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'postman-api-key',
      description: 'Postman API key',
      keywords: ['pmak-'],
      pattern: token('PMAK-[a-f0-9]{24}-[a-f0-9]{34}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'codecov-token',
      description: 'Codecov upload token',
      keywords: ['codecov'],
      pattern: assigned('codecov[_.-]?token', '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
      filters: KEYED_FILTERS,
    },
    {
      id: 'travis-ci-token',
      description: 'Travis CI API token',
      keywords: ['travis'],
      pattern: assigned('travis[_.-]?(?:ci[_.-]?)?(?:api[_.-]?)?token', '[A-Za-z0-9_-]{22}'),
      filters: KEYED_FILTERS,
      minEntropy: 3.5,
    },
  ],
});
