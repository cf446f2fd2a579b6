import { PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** GitLab tokens of every kind. */
export default secretRule({
  id: 'PAL-SECRET-012',
  title: 'GitLab token in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'A GitLab token is committed to the repository: a personal, project or group access token, an OAuth application secret, a deploy, runner, CI job, trigger, feed, incoming mail, agent, SCIM or feature-flag token.',
  remediation:
    "Revoke the token in GitLab (the token's settings page, or the API) and use CI/CD variables marked masked and protected.",
  tags: ['gitlab', 'credential'],
  detectors: [
    {
      id: 'gitlab-pat',
      description: 'GitLab personal, project or group access token',
      keywords: ['glpat-'],
      pattern: token(
        String.raw`glpat-(?:[A-Za-z0-9_-]{20}|[A-Za-z0-9_-]{27,300}\.[0-9a-z]{2}\.[0-9a-z]{7,9})`,
      ),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'gitlab-oauth-app-secret',
      description: 'GitLab OAuth application secret',
      keywords: ['gloas-'],
      pattern: token('gloas-[a-f0-9]{64}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'gitlab-deploy-token',
      description: 'GitLab deploy token',
      keywords: ['gldt-'],
      pattern: token('gldt-[A-Za-z0-9_-]{20,}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'gitlab-runner-auth-token',
      description: 'GitLab runner authentication token',
      keywords: ['glrt-'],
      pattern: token(String.raw`glrt-(?:t\d_)?[A-Za-z0-9_-]{20,}(?:\.[0-9a-z]{2}\.[0-9a-z]{7,9})?`),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'gitlab-runner-registration-token',
      description: 'GitLab runner registration token (legacy)',
      keywords: ['gr1348941'],
      pattern: token('GR1348941[A-Za-z0-9_-]{20}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'gitlab-ci-job-token',
      description: 'GitLab CI/CD job token',
      keywords: ['glcbt-'],
      pattern: token('glcbt-(?:[0-9a-fA-F]{1,5}_)?[A-Za-z0-9_-]{20,}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'gitlab-pipeline-trigger-token',
      description: 'GitLab pipeline trigger token',
      keywords: ['glptt-'],
      pattern: token('glptt-[A-Za-z0-9_-]{40}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'gitlab-feed-token',
      description: 'GitLab feed token',
      keywords: ['glft-'],
      pattern: token('glft-[A-Za-z0-9_-]{20}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'gitlab-incoming-mail-token',
      description: 'GitLab incoming mail token',
      keywords: ['glimt-'],
      pattern: token('glimt-[A-Za-z0-9_-]{25}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'gitlab-agent-token',
      description: 'GitLab agent for Kubernetes token',
      keywords: ['glagent-'],
      pattern: token('glagent-[A-Za-z0-9_-]{50,}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'gitlab-scim-token',
      description: 'GitLab SCIM OAuth token',
      keywords: ['glsoat-'],
      pattern: token('glsoat-[A-Za-z0-9_-]{20}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'gitlab-feature-flag-client-token',
      description: 'GitLab feature flags client token',
      // Read-only access to a project's feature flag definitions, built into client applications.
      severity: 'low',
      keywords: ['glffct-'],
      pattern: token('glffct-[A-Za-z0-9_-]{20}'),
      filters: PREFIXED_FILTERS,
    },
  ],
});
