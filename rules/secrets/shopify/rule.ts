import { PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Shopify access tokens and shared secrets. */
export default secretRule({
  id: 'PAL-SECRET-023',
  title: 'Shopify token in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    "A Shopify Admin API access token, custom or private app token, or app shared secret is committed to the repository; it can read and change the shop's orders and customers.",
  remediation:
    'Uninstall and reinstall the app (or rotate the secret in the Partner Dashboard) to invalidate the token.',
  tags: ['shopify', 'credential'],
  detectors: [
    {
      id: 'shopify-access-token',
      description: 'Shopify Admin API access token',
      keywords: ['shpat_'],
      pattern: token('shpat_[a-fA-F0-9]{32}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'shopify-custom-app-token',
      description: 'Shopify custom app access token',
      keywords: ['shpca_'],
      pattern: token('shpca_[a-fA-F0-9]{32}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'shopify-private-app-token',
      description: 'Shopify private app access token',
      keywords: ['shppa_'],
      pattern: token('shppa_[a-fA-F0-9]{32}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'shopify-shared-secret',
      description: 'Shopify app shared secret',
      keywords: ['shpss_'],
      pattern: token('shpss_[a-fA-F0-9]{32}'),
      filters: PREFIXED_FILTERS,
    },
  ],
});
