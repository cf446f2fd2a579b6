import { ALL_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Credentials in well-known config files: .npmrc, Docker config.json, kubeconfig, .pypirc, .netrc. */
export default secretRule({
  id: 'PAL-SECRET-031',
  title: 'Credential in a tool configuration file',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'A tool configuration file that is normally private (.npmrc, ~/.docker/config.json, a kubeconfig, .pypirc, .netrc) is committed with its credential: a registry auth token, a Docker registry auth, a Kubernetes bearer token or client key.',
  remediation:
    'Revoke the credential, remove the file from the repository (and its history), and have CI write it at run time from a secret.',
  tags: ['config', 'credential'],
  detectors: [
    {
      id: 'npmrc-auth-token',
      description: '.npmrc registry _authToken',
      keywords: ['_authtoken'],
      pattern: String.raw`(?m:^\s*(?://[^\s=]{1,200}:)?_authToken\s*=\s*["\']?)([^\s"\'$][^\s"\']{7,300})`,
      filters: ['placeholder', 'reference', 'repeated', 'example'],
      supersedes: ['npm-access-token', 'generic-secret-properties', 'generic-secret-code'],
    },
    {
      id: 'npmrc-auth',
      description: '.npmrc _auth or _password',
      keywords: ['_auth', '_password'],
      pattern: String.raw`(?m:^\s*(?://[^\s=]{1,200}:)?_(?:auth|password)\s*=\s*["\']?)([A-Za-z0-9+/]{8,300}={0,2})`,
      filters: ['placeholder', 'reference', 'repeated', 'example'],
      fileNames: String.raw`npmrc$|yarnrc(?:\.yml)?$`,
    },
    {
      id: 'docker-config-auth',
      description: 'Docker config.json registry auth',
      keywords: ['"auth"'],
      pattern: String.raw`"auth"\s*:\s*"([A-Za-z0-9+/]{12,500}={0,2})"`,
      filters: ['placeholder', 'repeated', 'example'],
      fileNames: String.raw`^(?:config|\.dockercfg|dockerconfig|\.dockerconfigjson|auth)\.?json$|^\.dockercfg$|\.json$`,
    },
    {
      id: 'kubeconfig-token',
      description: 'Kubernetes bearer token in a kubeconfig',
      keywords: ['token:'],
      pattern: String.raw`(?m:^\s+token:\s*["\']?)([A-Za-z0-9._~+/-]{20,}={0,2})["\']?\s*$`,
      filters: ALL_FILTERS,
      contextLines: 0,
    },
    {
      id: 'kubeconfig-client-key-data',
      description: 'Kubernetes client private key in a kubeconfig',
      keywords: ['client-key-data'],
      pattern: String.raw`client-key-data:\s*["\']?([A-Za-z0-9+/]{100,}={0,2})`,
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'pypirc-password',
      description: '.pypirc repository password',
      keywords: ['password'],
      pattern: String.raw`(?m:^\s*password\s*[=:]\s*)([^\s]{6,300})`,
      filters: ['placeholder', 'reference', 'repeated', 'example'],
      fileNames: 'pypirc$',
      supersedes: ['generic-secret-properties'],
    },
    {
      id: 'netrc-password',
      description: '.netrc machine password',
      keywords: ['password'],
      pattern: String.raw`(?:^|\s)password\s+([^\s]{4,300})`,
      filters: ['placeholder', 'reference', 'repeated', 'example'],
      fileNames: 'netrc$',
      supersedes: ['generic-secret-properties'],
    },
    {
      id: 'git-credentials',
      description: 'Git credential store entry',
      keywords: ['@'],
      pattern: String.raw`(?m:^https?://[^\s:/@]{1,100}:)([^\s@]{4,300})@`,
      fileNames: 'git-credentials$',
      filters: ['placeholder', 'repeated'],
      supersedes: ['url-credentials'],
    },
    {
      id: 'htpasswd-hash',
      description: 'htpasswd password hash',
      // A hash, not the password: it has to be cracked first (bcrypt resists; apr1 and SHA do not).
      severity: 'medium',
      keywords: ['$apr1$', '$2y$', '{sha}'],
      pattern: String.raw`(?m:^[A-Za-z0-9._-]{1,64}:)(\$apr1\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}|\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}|\{SHA\}[A-Za-z0-9+/]{27}=)`,
      fileNames: 'htpasswd',
    },
  ],
});
