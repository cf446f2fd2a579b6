import { ALL_FILTERS, KEYED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/**
 * Each name a pattern starts with, up to its next word (`oci_secret`, `oracle-auth`): `oci` and `oracle` alone
 * occur on 9,000 lines of node_modules (`associated`, `social`), and each had its lines searched.
 */
function prefixed(names: string[], nextWords: string[]): string[] {
  return names.flatMap((name) =>
    nextWords.flatMap((word) => ['', '_', '.', '-'].map((separator) => `${name}${separator}${word}`)),
  );
}

/** Oracle Cloud Infrastructure customer secret keys and auth tokens. */
export default secretRule({
  id: 'PAL-SECRET-006',
  title: 'Oracle Cloud credential in source',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'An Oracle Cloud Infrastructure credential (customer secret key, auth token or API key passphrase) is committed to the repository.',
  remediation:
    "Delete the credential under the user's settings in the OCI console and create a new one; keep it in OCI Vault.",
  tags: ['oracle', 'credential'],
  detectors: [
    {
      id: 'oci-customer-secret-key',
      description: 'OCI customer secret key (S3-compatible)',
      keywords: prefixed(['oci', 'oracle'], ['secret', 'customer']),
      pattern: assigned(
        '(?:oci|oracle)[_.-]?(?:customer[_.-]?)?secret[_.-]?(?:access[_.-]?)?key',
        '[A-Za-z0-9+/]{44}',
      ),
      filters: KEYED_FILTERS,
      minEntropy: 4,
    },
    {
      id: 'oci-auth-token',
      description: 'OCI auth token',
      keywords: prefixed(['oci', 'oracle'], ['auth', 'cloud']),
      pattern: assigned('(?:oci|oracle)[_.-]?(?:cloud[_.-]?)?auth[_.-]?token', '[A-Za-z0-9()<>:;.+_#-]{20}'),
      filters: KEYED_FILTERS,
      minEntropy: 3.5,
    },
    {
      id: 'oci-key-passphrase',
      description: 'OCI API signing key passphrase',
      keywords: ['pass_phrase', 'oci_cli_passphrase'],
      pattern: assigned('^pass_phrase|oci_cli_passphrase', String.raw`[^\s"']{8,100}`),
      filters: ALL_FILTERS,
    },
  ],
});
