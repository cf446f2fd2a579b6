import { KEYED_FILTERS, PREFIXED_FILTERS } from '../../../scanners/secrets/filters.js';
import { assigned, token } from '../../../scanners/secrets/patterns.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Terraform Cloud / HCP Terraform and Vault tokens. */
export default secretRule({
  id: 'PAL-SECRET-016',
  title: 'HashiCorp token in source',
  severity: 'critical',
  severityRationale:
    'A Terraform Cloud token can change infrastructure; a Vault token can read every secret its policy allows.',
  description: 'A Terraform Cloud (HCP Terraform) API token or a Vault token is committed to the repository.',
  remediation:
    'Revoke the token (Terraform Cloud user or team settings; `vault token revoke`) and use short-lived tokens from OIDC workload identity.',
  tags: ['hashicorp', 'credential'],
  detectors: [
    {
      id: 'terraform-cloud-token',
      description: 'Terraform Cloud / HCP Terraform API token',
      keywords: ['.atlasv1.'],
      pattern: token(String.raw`[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}`),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'vault-service-token',
      description: 'HashiCorp Vault service token',
      keywords: ['hvs.'],
      pattern: token(String.raw`hvs\.[A-Za-z0-9_-]{90,120}`),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'vault-batch-token',
      description: 'HashiCorp Vault batch token',
      keywords: ['hvb.'],
      pattern: token(String.raw`hvb\.[A-Za-z0-9_-]{138,300}`),
      filters: PREFIXED_FILTERS,
    },
    {
      id: 'vault-legacy-token',
      description: 'HashiCorp Vault service token (legacy s. format)',
      keywords: ['vault'],
      pattern: assigned('vault[_.-]?(?:root[_.-]?)?token|x-vault-token', String.raw`s\.[A-Za-z0-9]{24}`),
      filters: KEYED_FILTERS,
    },
    {
      id: 'hcp-client-secret',
      description: 'HCP service principal client secret',
      keywords: ['hcp_client_secret'],
      pattern: assigned('hcp[_.-]?client[_.-]?secret', '[A-Za-z0-9_-]{64}'),
      filters: KEYED_FILTERS,
      minEntropy: 4,
    },
  ],
});
