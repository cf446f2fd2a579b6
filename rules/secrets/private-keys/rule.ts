import { PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Private keys: RSA, EC, DSA, OpenSSH, PKCS#8 (plain and encrypted), PGP, PuTTY, age. */
export default secretRule({
  id: 'PAL-SECRET-028',
  title: 'Private key in source',
  severity: 'critical',
  severityRationale:
    'A private key proves identity (TLS server, SSH login, code signing, GitHub App) to anyone who holds it.',
  description:
    'A private key is committed to the repository. The whole block is checked (BEGIN and matching END lines and a base64 body), so headers quoted in docs or regexes are not reported.',
  remediation:
    'Treat the key as compromised: revoke its certificate or remove it from authorized_keys / the app, generate a new key, and keep it in a secret store or an HSM.',
  tags: ['private-key', 'credential'],
  detectors: [
    {
      id: 'private-key-rsa',
      description: 'RSA private key (PKCS#1)',
      keywords: ['-----begin'],
      pattern: String.raw`(-----BEGIN RSA PRIVATE KEY-----(?:\\r\\n|\\n|\r?\n|\s)[\s\S]{64,}?-----END RSA PRIVATE KEY-----)`,
      spanChars: 24000,
      validators: ['pem-block'],
    },
    {
      id: 'private-key-ec',
      description: 'EC private key',
      keywords: ['-----begin'],
      pattern: String.raw`(-----BEGIN EC PRIVATE KEY-----(?:\\r\\n|\\n|\r?\n|\s)[\s\S]{64,}?-----END EC PRIVATE KEY-----)`,
      spanChars: 24000,
      validators: ['pem-block'],
    },
    {
      id: 'private-key-dsa',
      description: 'DSA private key',
      keywords: ['-----begin'],
      pattern: String.raw`(-----BEGIN DSA PRIVATE KEY-----(?:\\r\\n|\\n|\r?\n|\s)[\s\S]{64,}?-----END DSA PRIVATE KEY-----)`,
      spanChars: 24000,
      validators: ['pem-block'],
    },
    {
      id: 'private-key-openssh',
      description: 'OpenSSH private key',
      keywords: ['-----begin'],
      pattern: String.raw`(-----BEGIN OPENSSH PRIVATE KEY-----(?:\\r\\n|\\n|\r?\n|\s)[\s\S]{64,}?-----END OPENSSH PRIVATE KEY-----)`,
      spanChars: 24000,
      validators: ['pem-block'],
    },
    {
      id: 'private-key-pkcs8',
      description: 'PKCS#8 private key',
      keywords: ['-----begin'],
      pattern: String.raw`(-----BEGIN PRIVATE KEY-----(?:\\r\\n|\\n|\r?\n|\s)[\s\S]{64,}?-----END PRIVATE KEY-----)`,
      spanChars: 24000,
      validators: ['pem-block'],
    },
    {
      id: 'private-key-pkcs8-encrypted',
      description: 'Encrypted PKCS#8 private key (with its passphrase nearby it is usable)',
      // Usable only with its passphrase: serious, but not the open door a plain key is.
      severity: 'high',
      keywords: ['-----begin'],
      pattern: String.raw`(-----BEGIN ENCRYPTED PRIVATE KEY-----(?:\\r\\n|\\n|\r?\n|\s)[\s\S]{64,}?-----END ENCRYPTED PRIVATE KEY-----)`,
      spanChars: 24000,
      validators: ['pem-block'],
    },
    {
      id: 'private-key-pgp',
      description: 'PGP private key block',
      keywords: ['-----begin'],
      pattern: String.raw`(-----BEGIN PGP PRIVATE KEY BLOCK-----(?:\\r\\n|\\n|\r?\n|\s)[\s\S]{64,}?-----END PGP PRIVATE KEY BLOCK-----)`,
      spanChars: 24000,
      validators: ['pem-block'],
    },
    {
      id: 'private-key-putty',
      description: 'PuTTY private key (.ppk)',
      keywords: ['putty-user-key-file-'],
      pattern: String.raw`(PuTTY-User-Key-File-[23]: [a-z0-9-]+\r?\n(?:[^\r\n]*\r?\n){1,12}?Private-Lines: \d+\r?\n(?:[A-Za-z0-9+/=]+\r?\n)+)`,
      spanChars: 8000,
      minEntropy: 4,
    },
    {
      id: 'private-key-ssh2-encrypted',
      description: 'SSH.com (SSH2) encrypted private key',
      // Usable only with its passphrase.
      severity: 'high',
      keywords: ['---- begin ssh2 encrypted private key'],
      pattern: String.raw`(---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\r?\n[\s\S]{64,}?---- END SSH2 ENCRYPTED PRIVATE KEY ----)`,
      spanChars: 9000,
      minEntropy: 4,
    },
    {
      id: 'age-secret-key',
      description: 'age encryption secret key',
      keywords: ['age-secret-key-1'],
      pattern: token('AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}'),
      filters: PREFIXED_FILTERS,
    },
  ],
});
