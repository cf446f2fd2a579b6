import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Observability and incident tools: Datadog, New Relic, Sentry, PagerDuty, Grafana, Dynatrace, Honeycomb. */
export default secretRule({
  id: 'PAL-SECRET-026',
  title: 'Monitoring service key in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'An observability or incident management key (Datadog, New Relic, Sentry, PagerDuty, Grafana, Dynatrace, Honeycomb) is committed to the repository; it can read telemetry, which often holds personal data, or page your on-call.',
  remediation:
    "Revoke the key in the service's API key settings and inject the new one from a secret at deploy time.",
  tags: ['monitoring', 'credential'],
  detectors: [
    {
      id: 'datadog-api-key',
      description: 'Datadog API key',
      keywords: ['datadog', 'dd_api_key', 'dd-api-key'],
      pattern: assigned('(?:datadog|dd)[_.-]?api[_.-]?key', '[a-f0-9]{32}'),
      filters: KEYED_FILTERS,
    },
    {
      id: 'datadog-app-key',
      description: 'Datadog application key',
      keywords: ['datadog', 'dd_app_key', 'dd_application_key', 'dd-application-key'],
      pattern: assigned('(?:datadog|dd)[_.-]?app(?:lication)?[_.-]?key', '[a-f0-9]{40}'),
      filters: KEYED_FILTERS,
    },
    {
      id: 'newrelic-user-api-key',
      description: 'New Relic user API key',
      keywords: ['nrak-'],
      pattern: token('NRAK-[A-Z0-9]{27}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'newrelic-license-key',
      description: 'New Relic ingest license key',
      keywords: ['nral', 'newrelic', 'new_relic'],
      pattern: '(?:^|[^A-Za-z0-9])([a-f0-9]{36}NRAL)(?:[^A-Za-z0-9]|$)',
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'newrelic-insert-key',
      description: 'New Relic insights insert key',
      keywords: ['nrii-'],
      pattern: token('NRII-[A-Za-z0-9_-]{32}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'newrelic-browser-key',
      description: 'New Relic browser API token',
      // Shipped in every page the browser agent runs on; it can only send browser telemetry.
      severity: 'low',
      keywords: ['nrjs-'],
      pattern: token('NRJS-[a-f0-9]{19}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'sentry-org-token',
      description: 'Sentry organization auth token',
      keywords: ['sntrys_'],
      pattern: token('sntrys_eyJ[A-Za-z0-9+/=_-]{80,300}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'sentry-user-token',
      description: 'Sentry user auth token',
      keywords: ['sntryu_'],
      pattern: token('sntryu_[a-f0-9]{64}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'sentry-legacy-auth-token',
      description: 'Sentry auth token (legacy format)',
      keywords: ['sentry'],
      pattern: assigned('sentry[_.-]?auth[_.-]?token', '[a-f0-9]{64}'),
      filters: KEYED_FILTERS,
    },
    {
      id: 'pagerduty-api-key',
      description: 'PagerDuty REST API key',
      keywords: ['pagerduty', 'pd_token', 'pd_api'],
      pattern: assigned(
        'pagerduty[_.-]?(?:api[_.-]?|rest[_.-]?)?(?:key|token)|pd[_.-]?(?:api[_.-]?)?token',
        '[A-Za-z0-9_+-]{20}',
      ),
      filters: KEYED_FILTERS,
      minEntropy: 3.5,
      validators: ['mixed-alphanumeric'],
    },
    {
      id: 'pagerduty-integration-key',
      description: 'PagerDuty Events API integration (routing) key',
      keywords: ['routing_key', 'integration_key', 'pagerduty'],
      pattern: assigned(
        '(?:pagerduty[_.-]?)?(?:routing|integration|service)[_.-]?key',
        '[a-f0-9]{32}|R0[A-Z0-9]{30}',
      ),
      filters: KEYED_FILTERS,
    },
    {
      id: 'grafana-service-account-token',
      description: 'Grafana service account token',
      keywords: ['glsa_'],
      pattern: token('glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'grafana-cloud-token',
      description: 'Grafana Cloud access policy token',
      keywords: ['glc_'],
      pattern: token('glc_[A-Za-z0-9+/]{32,400}={0,2}'),
      filters: PREFIXED_FILTERS,
      minEntropy: 4,
    },
    {
      id: 'dynatrace-api-token',
      description: 'Dynatrace API token',
      keywords: ['dt0c01.'],
      pattern: token(String.raw`dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}`),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'honeycomb-api-key',
      description: 'Honeycomb API key',
      keywords: ['honeycomb', 'x-honeycomb-team'],
      pattern: assigned(
        'honeycomb[_.-]?(?:api[_.-]?|write[_.-]?)?key|x-honeycomb-team',
        '[A-Za-z0-9]{22}|hc[a-z]{2}k_[A-Za-z0-9]{58}',
      ),
      filters: KEYED_FILTERS,
      minEntropy: 3.5,
    },
  ],
});
