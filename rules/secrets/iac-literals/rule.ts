import { ALL_FILTERS } from '../../../scanners/secrets/filters.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Literal passwords and secrets in Terraform and CloudFormation. */
export default secretRule({
  id: 'PAL-SECRET-032',
  title: 'Literal secret in infrastructure code',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'A Terraform attribute or variable default, or a CloudFormation property or parameter default, that holds a password or secret is set to a literal value. It ends up in the repository, the plan and the state.',
  remediation:
    'Generate the value (random_password, ManageMasterUserPassword, AWS::SecretsManager::Secret with GenerateSecretString) or pass it in at apply time from a secret store; mark Terraform variables `sensitive = true` without a default.',
  tags: ['terraform', 'cloudformation', 'credential'],
  detectors: [
    {
      id: 'terraform-literal-secret',
      description: 'Terraform attribute or variable default with a literal password or secret',
      keywords: ['password', 'secret', 'token', 'key'],
      pattern: String.raw`(?m:^\s*(?i:(?:master_?|admin_?|root_?|db_?|database_?|user_?)?(?:password|passwd|secret|token|api_?key|access_?key|secret_?key|client_?secret|auth_?token|private_?key|connection_?string)|default)\s*=\s*")([^"$\n]{4,200})"`,
      fileKinds: ['hcl'],
      filters: ALL_FILTERS,
      rejectMatch: String.raw`^\s*default\s*=`,
    },
    {
      id: 'terraform-variable-default-secret',
      description: 'Terraform variable with a secret name and a literal default',
      keywords: ['variable'],
      pattern: String.raw`variable\s+"[A-Za-z0-9_-]*(?i:password|passwd|secret|token|api_?key|private_?key)[A-Za-z0-9_-]*"\s*\{[^}]{0,400}?default\s*=\s*"([^"$\n]{4,200})"`,
      fileKinds: ['hcl'],
      filters: ALL_FILTERS,
      spanChars: 600,
    },
    {
      id: 'cloudformation-literal-secret',
      description: 'CloudFormation password or secret property with a literal value',
      keywords: ['password', 'secretstring', 'authtoken', 'secret'],
      pattern: String.raw`(?m:^\s*"?(?:MasterUserPassword|Password|DBPassword|AdminPassword|SecretString|AuthToken|ClientSecret|PasswordParam|Passphrase|ApiKey)"?\s*:\s*["\']?)([^"\'\s!{][^"\'\n]{3,200}?)["\']?\s*,?\s*$`,
      fileKinds: ['yaml', 'json'],
      filters: ALL_FILTERS,
    },
    {
      id: 'cloudformation-parameter-default-secret',
      description: 'CloudFormation parameter with a secret name and a literal default',
      // The parameter's name, not `Default`, which every package.json's exports map holds.
      keywords: ['password', 'secret', 'token', 'apikey', 'api_key'],
      pattern: String.raw`(?i:password|secret|token|apikey|api_key)[A-Za-z0-9]*"?\s*:\s*\{?\s*[\s\S]{0,200}?"?Default"?\s*:\s*["\']?([^"\'\s{][^"\'\n]{3,200}?)["\']?\s*,?\s*(?:$|\n|\})`,
      fileKinds: ['yaml', 'json'],
      filters: ALL_FILTERS,
      contextLines: 4,
      rejectMatch: String.raw`NoEcho"?\s*:\s*"?true[\s\S]*Default|(?i:type)"?\s*:\s*"?AWS::SSM`,
    },
  ],
});
