import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** JSON Web Tokens. */
export default secretRule({
  id: 'PAL-SECRET-029',
  title: 'JSON Web Token in source',
  severity: 'medium',
  severityRationale: 'A JWT is a bearer credential until it expires; many are long-lived service tokens.',
  description:
    'A signed JSON Web Token is committed to the repository. The header must base64url-decode to JSON with an `alg` (and not `none`), so random eyJ strings are not reported.',
  remediation:
    'Revoke the token (or rotate the signing key if it cannot be revoked) and have the application obtain tokens at run time.',
  tags: ['jwt', 'credential'],
  detectors: [
    {
      id: 'jwt',
      description: 'JSON Web Token (signed)',
      keywords: ['eyj'],
      pattern: String.raw`(?:^|[^A-Za-z0-9_.-])(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{16,})(?:[^A-Za-z0-9_.-]|$)`,
      validators: ['jwt'],
      filters: ['example'],
    },
  ],
});
