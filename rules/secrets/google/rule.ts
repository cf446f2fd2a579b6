import { PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Google Cloud service-account keys, API keys and OAuth credentials. */
export default secretRule({
  id: 'PAL-SECRET-003',
  title: 'Google Cloud credential in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'A Google credential (service-account private key, API key, OAuth client secret, refresh or access token, or Firebase Cloud Messaging server key) is committed to the repository.',
  remediation:
    'Delete the service-account key or regenerate the API key in the Google Cloud console; use workload identity or Secret Manager instead of key files.',
  tags: ['gcp', 'credential'],
  detectors: [
    {
      id: 'gcp-service-account-key',
      description: 'Google Cloud service-account private key (JSON key file)',
      keywords: ['private_key'],
      pattern: String.raw`"private_key"\s*:\s*"(-----BEGIN PRIVATE KEY-----\\n[A-Za-z0-9+/=\\n]{200,}-----END PRIVATE KEY-----(?:\\n)?)"`,
      validators: ['pem-block'],
      supersedes: ['private-key-pkcs8'],
    },
    {
      id: 'google-api-key',
      description: 'Google API key',
      keywords: ['aiza'],
      pattern: token('AIza[0-9A-Za-z_-]{35}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'google-oauth-client-secret',
      description: 'Google OAuth client secret',
      keywords: ['gocspx-'],
      pattern: token('GOCSPX-[A-Za-z0-9_-]{28}'),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'google-oauth-refresh-token',
      description: 'Google OAuth refresh token',
      keywords: ['1//0'],
      pattern: '(?:^|[^A-Za-z0-9_/])(1//0[A-Za-z0-9_-]{40,200})(?:[^A-Za-z0-9_-]|$)',
      filters: PREFIXED_FILTERS,
      minEntropy: 4,
    },
    {
      id: 'google-oauth-access-token',
      description: 'Google OAuth access token',
      keywords: ['ya29.'],
      pattern: token(String.raw`ya29\.[A-Za-z0-9_-]{50,500}`),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'firebase-cloud-messaging-server-key',
      description: 'Firebase Cloud Messaging legacy server key',
      keywords: [':apa91b'],
      pattern: token('AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}'),
      filters: PREFIXED_FILTERS,
    },
  ],
});
