import sys
sys.path.insert(0, '/work/main/test/secrets/tools')
from rules_a import write
from rules_b import d, R, tok, asg, P, K, A, J

write('config-files', id='PAL-SECRET-031', doc='Credentials in well-known config files: .npmrc, Docker config.json, kubeconfig, .pypirc, .netrc.', title='Credential in a tool configuration file', severity='high',
  description='A tool configuration file that is normally private (.npmrc, ~/.docker/config.json, a kubeconfig, .pypirc, .netrc) is committed with its credential: a registry auth token, a Docker registry auth, a Kubernetes bearer token or client key.',
  remediation='Revoke the credential, remove the file from the repository (and its history), and have CI write it at run time from a secret.',
  tags="'config', 'credential'",
  detectors=J(
    d('npmrc-auth-token','.npmrc registry _authToken',['_authtoken'], R(r'(?m:^\s*(?://[^\s=]{1,200}:)?_authToken\s*=\s*["\']?)([^\s"\'$][^\s"\']{7,300})'), filters="['placeholder', 'reference', 'repeated', 'example']", supersedes="['npm-access-token', 'generic-secret-properties', 'generic-secret-code']"),
    d('npmrc-auth','.npmrc _auth or _password',['_auth','_password'], R(r'(?m:^\s*(?://[^\s=]{1,200}:)?_(?:auth|password)\s*=\s*["\']?)([A-Za-z0-9+/]{8,300}={0,2})'), filters="['placeholder', 'reference', 'repeated', 'example']", fileNames=R(r'npmrc$|yarnrc(?:\.yml)?$')),
    d('docker-config-auth','Docker config.json registry auth',['"auth"'], R(r'"auth"\s*:\s*"([A-Za-z0-9+/]{12,500}={0,2})"'), filters="['placeholder', 'repeated', 'example']", fileNames=R(r'^(?:config|\.dockercfg|dockerconfig|\.dockerconfigjson|auth)\.?json$|^\.dockercfg$|\.json$')),
    d('kubeconfig-token','Kubernetes bearer token in a kubeconfig',['token:'], R(r'(?m:^\s+token:\s*["\']?)([A-Za-z0-9._~+/-]{20,}={0,2})["\']?\s*$'), filters=A, contextLines='0'),
    d('kubeconfig-client-key-data','Kubernetes client private key in a kubeconfig',['client-key-data'], R(r'client-key-data:\s*["\']?([A-Za-z0-9+/]{100,}={0,2})'), filters=P),
    d('pypirc-password','.pypirc repository password',['password'], R(r'(?m:^\s*password\s*[=:]\s*)([^\s]{6,300})'), filters="['placeholder', 'reference', 'repeated', 'example']", fileNames=R(r'pypirc$'), supersedes="['generic-secret-properties']"),
    d('netrc-password','.netrc machine password',['password'], R(r'(?:^|\s)password\s+([^\s]{4,300})'), filters="['placeholder', 'reference', 'repeated', 'example']", fileNames=R(r'netrc$'), supersedes="['generic-secret-properties']"),
    d('git-credentials','Git credential store entry',['@'], R(r'(?m:^https?://[^\s:/@]{1,100}:)([^\s@]{4,300})@'), fileNames=R(r'git-credentials$'), filters="['placeholder', 'repeated']", supersedes="['url-credentials']"),
    d('htpasswd-hash','htpasswd password hash',['$apr1$','$2y$','{sha}'], R(r'(?m:^[A-Za-z0-9._-]{1,64}:)(\$apr1\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}|\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}|\{SHA\}[A-Za-z0-9+/]{27}=)'), fileNames=R(r'htpasswd')),
  ))

NAMES = r'(?:master_?|admin_?|root_?|db_?|database_?|user_?)?(?:password|passwd|secret|token|api_?key|access_?key|secret_?key|client_?secret|auth_?token|private_?key|connection_?string)'
write('iac-literals', id='PAL-SECRET-032', doc='Literal passwords and secrets in Terraform and CloudFormation.', title='Literal secret in infrastructure code', severity='high',
  description='A Terraform attribute or variable default, or a CloudFormation property or parameter default, that holds a password or secret is set to a literal value. It ends up in the repository, the plan and the state.',
  remediation='Generate the value (random_password, ManageMasterUserPassword, AWS::SecretsManager::Secret with GenerateSecretString) or pass it in at apply time from a secret store; mark Terraform variables `sensitive = true` without a default.',
  tags="'terraform', 'cloudformation', 'credential'",
  detectors=J(
    d('terraform-literal-secret','Terraform attribute or variable default with a literal password or secret',['password','secret','token','key'], R(r'(?m:^\s*(?i:'+NAMES+r'|default)\s*=\s*")([^"$\n]{4,200})"'), fileKinds="['hcl']", filters=A,
      rejectMatch=R(r'^\s*default\s*=')),
    d('terraform-variable-default-secret','Terraform variable with a secret name and a literal default',['variable'], R(r'variable\s+"[A-Za-z0-9_-]*(?i:password|passwd|secret|token|api_?key|private_?key)[A-Za-z0-9_-]*"\s*\{[^}]{0,400}?default\s*=\s*"([^"$\n]{4,200})"'), fileKinds="['hcl']", filters=A, spanChars='600'),
    d('cloudformation-literal-secret','CloudFormation password or secret property with a literal value',['password','secretstring','authtoken','secret'], R(r'(?m:^\s*"?(?:MasterUserPassword|Password|DBPassword|AdminPassword|SecretString|AuthToken|ClientSecret|PasswordParam|Passphrase|ApiKey)"?\s*:\s*["\']?)([^"\'\s!{][^"\'\n]{3,200}?)["\']?\s*,?\s*$'), fileKinds="['yaml', 'json']", filters=A),
    d('cloudformation-parameter-default-secret','CloudFormation parameter with a secret name and a literal default',['default'], R(r'(?i:password|secret|token|apikey|api_key)[A-Za-z0-9]*"?\s*:\s*\{?\s*[\s\S]{0,200}?"?Default"?\s*:\s*["\']?([^"\'\s{][^"\'\n]{3,200}?)["\']?\s*,?\s*(?:$|\n|\})'), fileKinds="['yaml', 'json']", filters=A, contextLines='4',
      rejectMatch=R(r'NoEcho"?\s*:\s*"?true[\s\S]*Default|(?i:type)"?\s*:\s*"?AWS::SSM')),
  ))

write('devtools', id='PAL-SECRET-033', doc='Developer and CI service tokens: SonarQube, CircleCI, Buildkite, Pulumi, Doppler, 1Password, Snyk, LaunchDarkly, Postman, Codecov, Travis CI.', title='Developer service token in source', severity='high',
  description='A token of a developer or CI service (SonarQube, CircleCI, Buildkite, Pulumi, Doppler, 1Password service account, Snyk, LaunchDarkly, Postman, Codecov, Travis CI) is committed to the repository.',
  remediation='Revoke the token in the service\\\'s settings and configure the replacement as a masked CI secret.',
  tags="'devtools', 'credential'",
  detectors=J(
    d('sonarqube-token','SonarQube token',['squ_','sqp_','sqa_'], tok(r'sq[upa]_[a-f0-9]{40}'), filters=P),
    d('circleci-token','CircleCI personal API token',['ccipat_'], tok(r'CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}'), filters=P),
    d('buildkite-token','Buildkite API access token',['bkua_'], tok(r'bkua_[a-f0-9]{40}'), filters=P),
    d('pulumi-access-token','Pulumi access token',['pul-'], tok(r'pul-[a-f0-9]{40}'), filters=P),
    d('doppler-token','Doppler token',['dp.pt.','dp.st.','dp.sa.','dp.ct.','dp.scim.','dp.audit.'], tok(r'dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}'), filters=P),
    d('onepassword-service-account-token','1Password service account token',['ops_ey'], tok(r'ops_eyJ[A-Za-z0-9+/=_-]{250,}'), filters=P),
    d('snyk-api-token','Snyk API token',['snyk'], asg('snyk[_.-]?(?:api[_.-]?|auth[_.-]?)?token','[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'), filters=K),
    d('launchdarkly-access-token','LaunchDarkly API access token or SDK key',['api-','sdk-','launchdarkly'], R(r'(?i:launchdarkly|ld)[A-Za-z0-9_.-]{0,24}["\']?\s{0,4}[:=]\s{0,4}["\']?((?:api|sdk)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'), filters=P),
    d('postman-api-key','Postman API key',['pmak-'], tok(r'PMAK-[a-f0-9]{24}-[a-f0-9]{34}'), filters=P),
    d('codecov-token','Codecov upload token',['codecov'], asg('codecov[_.-]?token','[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'), filters=K),
    d('travis-ci-token','Travis CI API token',['travis'], asg('travis[_.-]?(?:ci[_.-]?)?(?:api[_.-]?)?token','[A-Za-z0-9_-]{22}'), filters=K, minEntropy='3.5'),
  ))

write('productivity', id='PAL-SECRET-034', doc='Collaboration and SaaS API tokens: Notion, Linear, Figma, Airtable, Asana, Typeform, HubSpot, Dropbox, Mapbox, Telegram, Zendesk, Algolia.', title='SaaS API token in source', severity='high',
  description='An API token of a collaboration or SaaS product (Notion, Linear, Figma, Airtable, Asana, Typeform, HubSpot, Dropbox, Mapbox, Telegram, Zendesk, Algolia) is committed to the repository.',
  remediation='Revoke the token in the product\\\'s developer or integration settings and keep the new one in a secret store.',
  tags="'saas', 'credential'",
  detectors=J(
    d('notion-integration-token','Notion integration token',['secret_','ntn_'], tok(r'(?:secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35})'), filters=P, minEntropy='4'),
    d('linear-api-key','Linear API key',['lin_api_'], tok(r'lin_api_[A-Za-z0-9]{40}'), filters=P),
    d('figma-token','Figma personal access token',['figd_'], tok(r'figd_[A-Za-z0-9_-]{40}'), filters=P),
    d('airtable-pat','Airtable personal access token',['pat'], tok(r'pat[A-Za-z0-9]{14}\.[a-f0-9]{64}'), filters=P),
    d('asana-pat','Asana personal access token',['asana'], asg('asana[_.-]?(?:access[_.-]?|api[_.-]?)?(?:token|pat|key)','[0-9]/[0-9]{16}(?::[A-Za-z0-9]{32})?|2/[0-9]{16}/[0-9]{16}:[a-f0-9]{32}'), filters=K),
    d('typeform-token','Typeform personal access token',['tfp_'], tok(r'tfp_[A-Za-z0-9_-]{44}_[A-Za-z0-9_-]{14}'), filters=P),
    d('hubspot-private-app-token','HubSpot private app access token',['pat-na','pat-eu'], tok(r'pat-(?:na|eu)[0-9]-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'), filters=P),
    d('dropbox-access-token','Dropbox short-lived access token',['sl.'], tok(r'sl\.[A-Za-z0-9_-]{130,160}'), filters=P, minEntropy='4'),
    d('mapbox-secret-token','Mapbox secret access token',['sk.eyj'], tok(r'sk\.eyJ[A-Za-z0-9_-]{50,120}\.[A-Za-z0-9_-]{20,40}'), filters=P),
    d('telegram-bot-token','Telegram bot token',[':aa'], R(r'(?:^|[^0-9A-Za-z_])([0-9]{8,10}:AA[A-Za-z0-9_-]{33})(?:[^A-Za-z0-9_-]|$)'), filters=P),
    d('zendesk-api-token','Zendesk API token',['zendesk'], asg('zendesk[_.-]?(?:api[_.-]?)?(?:token|key)','[A-Za-z0-9]{40}'), filters=K, minEntropy='4'),
    d('algolia-admin-key','Algolia admin API key',['algolia'], asg('algolia[_.-]?(?:admin|write|api)[_.-]?key','[a-f0-9]{32}'), filters=K),
  ))
