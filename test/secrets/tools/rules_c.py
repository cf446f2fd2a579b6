import sys
sys.path.insert(0, '/work/main/test/secrets/tools')
from rules_a import write
from rules_b import d, R, tok, asg, P, K, A, J
ROT='Revoke the credential at the provider, issue a new one, and load it at run time from the environment or a secret store.'

write('google', id='PAL-SECRET-003', doc='Google Cloud service-account keys, API keys and OAuth credentials.', title='Google Cloud credential in source', severity='high',
  description='A Google credential (service-account private key, API key, OAuth client secret, refresh or access token, or Firebase Cloud Messaging server key) is committed to the repository.',
  remediation='Delete the service-account key or regenerate the API key in the Google Cloud console; use workload identity or Secret Manager instead of key files.',
  tags="'gcp', 'credential'",
  detectors=J(
    d('gcp-service-account-key','Google Cloud service-account private key (JSON key file)',['private_key'], R(r'"private_key"\s*:\s*"(-----BEGIN PRIVATE KEY-----\\n[A-Za-z0-9+/=\\n]{200,}-----END PRIVATE KEY-----(?:\\n)?)"'),
      validators="['pem-block']", supersedes="['private-key-pkcs8']"),
    d('google-api-key','Google API key',['aiza'], tok(r'AIza[0-9A-Za-z_-]{35}'), filters=P),
    d('google-oauth-client-secret','Google OAuth client secret',['gocspx-'], tok(r'GOCSPX-[A-Za-z0-9_-]{28}'), filters=P),
    d('google-oauth-refresh-token','Google OAuth refresh token',['1//0'], R(r'(?:^|[^A-Za-z0-9_/])(1//0[A-Za-z0-9_-]{40,200})(?:[^A-Za-z0-9_-]|$)'), filters=P, minEntropy='4'),
    d('google-oauth-access-token','Google OAuth access token',['ya29.'], tok(r'ya29\.[A-Za-z0-9_-]{50,500}'), filters=P),
    d('firebase-cloud-messaging-server-key','Firebase Cloud Messaging legacy server key',[':apa91b'], tok(r'AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}'), filters=P),
  ))

write('alibaba', id='PAL-SECRET-004', doc='Alibaba Cloud AccessKey pairs.', title='Alibaba Cloud credential in source', severity='high',
  description='An Alibaba Cloud AccessKey id or AccessKey secret is committed to the repository.',
  remediation='Disable and delete the AccessKey pair in the RAM console; use RAM roles or STS tokens from the environment.',
  tags="'alibaba', 'credential'",
  detectors=J(
    d('alibaba-access-key-id','Alibaba Cloud AccessKey id',['ltai'], tok(r'LTAI[A-Za-z0-9]{12,20}'), filters=P),
    d('alibaba-access-key-secret','Alibaba Cloud AccessKey secret',['alibaba','aliyun','access_key_secret','accesskeysecret','alicloud'],
      asg('(?:alibaba|aliyun|alicloud)[_.-]?(?:cloud[_.-]?)?(?:access[_.-]?)?(?:key[_.-]?)?secret|access[_.-]?key[_.-]?secret','[A-Za-z0-9]{30}'), filters=K, minEntropy='3.8'),
  ))

write('ibm', id='PAL-SECRET-005', doc='IBM Cloud API keys and Cloud Object Storage HMAC secrets.', title='IBM Cloud credential in source', severity='high',
  description='An IBM Cloud API key or a Cloud Object Storage HMAC secret is committed to the repository.',
  remediation='Delete the API key in IBM Cloud IAM (or the HMAC credential of the service) and read a new one from Secrets Manager at run time.',
  tags="'ibm', 'credential'",
  detectors=J(
    d('ibm-cloud-api-key','IBM Cloud IAM API key',['ibm','ic_api_key','ibmcloud'], asg('ibm[_.-]?(?:cloud[_.-]?)?(?:iam[_.-]?)?api[_.-]?key|ic_api_key|ibmcloud_api_key','[A-Za-z0-9_-]{44}'), filters=K, minEntropy='4'),
    d('ibm-cos-hmac-secret','IBM Cloud Object Storage HMAC secret access key',['cos_hmac','secret_access_key','cos_secret','ibm_cos'], asg('(?:ibm[_.-]?)?cos[_.-]?(?:hmac[_.-]?)?secret(?:[_.-]?access)?[_.-]?key','[a-f0-9]{48}'), filters=K),
  ))

write('oracle', id='PAL-SECRET-006', doc='Oracle Cloud Infrastructure customer secret keys and auth tokens.', title='Oracle Cloud credential in source', severity='high',
  description='An Oracle Cloud Infrastructure credential (customer secret key, auth token or API key passphrase) is committed to the repository.',
  remediation='Delete the credential under the user\\\'s settings in the OCI console and create a new one; keep it in OCI Vault.',
  tags="'oracle', 'credential'",
  detectors=J(
    d('oci-customer-secret-key','OCI customer secret key (S3-compatible)',['oci','oracle'], asg('(?:oci|oracle)[_.-]?(?:customer[_.-]?)?secret[_.-]?(?:access[_.-]?)?key','[A-Za-z0-9+/]{44}'), filters=K, minEntropy='4'),
    d('oci-auth-token','OCI auth token',['oci','oracle'], asg('(?:oci|oracle)[_.-]?(?:cloud[_.-]?)?auth[_.-]?token','[A-Za-z0-9()<>:;.+_#-]{20}'), filters=K, minEntropy='3.5'),
    d('oci-key-passphrase','OCI API signing key passphrase',['pass_phrase','oci_cli_passphrase'], asg('^pass_phrase|oci_cli_passphrase','[^\s"\']{8,100}'), filters=A),
  ))

write('digitalocean', id='PAL-SECRET-007', doc='DigitalOcean API tokens and Spaces keys.', title='DigitalOcean credential in source', severity='high',
  description='A DigitalOcean personal access token, OAuth or refresh token, or Spaces access key is committed to the repository.',
  remediation='Revoke the token under API > Tokens in the DigitalOcean control panel and use a new one from a secret store.',
  tags="'digitalocean', 'credential'",
  detectors=J(
    d('digitalocean-pat','DigitalOcean personal access token',['dop_v1_'], tok(r'dop_v1_[a-f0-9]{64}'), filters=P),
    d('digitalocean-oauth-token','DigitalOcean OAuth access token',['doo_v1_'], tok(r'doo_v1_[a-f0-9]{64}'), filters=P),
    d('digitalocean-refresh-token','DigitalOcean OAuth refresh token',['dor_v1_'], tok(r'dor_v1_[a-f0-9]{64}'), filters=P),
    d('digitalocean-spaces-secret','DigitalOcean Spaces secret key',['spaces_secret','spaces_key','do_spaces','spaces_secret_key'], asg('(?:do[_.-]?)?spaces[_.-]?(?:secret[_.-]?)?(?:access[_.-]?)?key|spaces[_.-]?secret','[A-Za-z0-9+/]{43}'), filters=K, minEntropy='4'),
  ))

write('linode', id='PAL-SECRET-008', doc='Linode (Akamai Cloud) API tokens.', title='Linode API token in source', severity='high',
  description='A Linode (Akamai Cloud Computing) personal access token is committed to the repository.',
  remediation='Revoke the token in Cloud Manager under API Tokens and create a new one with the least scopes needed.',
  tags="'linode', 'credential'",
  detectors=J(
    d('linode-api-token','Linode personal access token',['linode'], asg('linode[_.-]?(?:cli[_.-]?|api[_.-]?)?(?:token|key|pat)','[a-f0-9]{64}'), filters=K),
  ))

write('cloudflare', id='PAL-SECRET-009', doc='Cloudflare API tokens, global API keys and Origin CA keys.', title='Cloudflare credential in source', severity='high',
  description='A Cloudflare API token, global API key or Origin CA key is committed to the repository.',
  remediation='Roll the token or global key in the Cloudflare dashboard (My Profile > API Tokens) and keep the new one in a secret store.',
  tags="'cloudflare', 'credential'",
  detectors=J(
    d('cloudflare-api-token','Cloudflare API token',['cloudflare','cf_api_token','cf_token'], asg('(?:cloudflare|cf)[_.-]?(?:api[_.-]?)?token','[A-Za-z0-9_-]{40}'), filters=K, minEntropy='4'),
    d('cloudflare-global-api-key','Cloudflare global API key',['cloudflare','cf_api_key','cf_key'], asg('(?:cloudflare|cf)[_.-]?(?:global[_.-]?)?(?:api[_.-]?)?key|x-auth-key','[a-f0-9]{37}'), filters=K),
    d('cloudflare-origin-ca-key','Cloudflare Origin CA key',['v1.0-'], tok(r'v1\.0-[a-f0-9]{24}-[a-f0-9]{146}'), filters=P),
  ))

write('paas', id='PAL-SECRET-010', doc='Heroku, Vercel, Netlify, Fly.io, Render and Railway tokens.', title='Application platform token in source', severity='high',
  description='A deployment platform token (Heroku, Vercel, Netlify, Fly.io, Render or Railway) is committed to the repository; it can deploy code and read application secrets.',
  remediation='Revoke the token in the platform\\\'s account settings, create a new one, and store it as a CI secret.',
  tags="'paas', 'credential'",
  detectors=J(
    d('heroku-api-key','Heroku API key',['heroku'], asg('heroku[_.-]?(?:api[_.-]?)?(?:key|token)','[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'), filters=K),
    d('heroku-platform-token','Heroku platform API token',['hrku-'], tok(r'HRKU-(?:AA)?[A-Za-z0-9_-]{58,60}'), filters=P),
    d('vercel-token','Vercel access token',['vercel','now_token'], asg('vercel[_.-]?(?:api[_.-]?|access[_.-]?)?token|now_token','[A-Za-z0-9]{24}'), filters=K, minEntropy='3.8'),
    d('vercel-prefixed-token','Vercel access token (prefixed)',['vcp_','vci_','vca_','vcr_','vck_'], tok(r'vc[pikar]_[A-Za-z0-9]{56}'), filters=P),
    d('netlify-pat','Netlify personal access token',['nfp_'], tok(r'nfp_[A-Za-z0-9]{36}'), filters=P),
    d('netlify-token','Netlify access token',['netlify'], asg('netlify[_.-]?(?:auth[_.-]?|access[_.-]?|api[_.-]?)?token','[A-Za-z0-9_-]{40,46}'), filters=K, minEntropy='4'),
    d('flyio-token','Fly.io access token',['fo1_','fm1','fm2_'], tok(r'(?:fo1_[A-Za-z0-9_-]{43}|fm[12][ar]?_[A-Za-z0-9+/]{100,}={0,3})'), filters=P),
    d('render-api-key','Render API key',['rnd_'], tok(r'rnd_[A-Za-z0-9]{32}'), filters=P),
    d('railway-token','Railway API token',['railway'], asg('railway[_.-]?(?:api[_.-]?)?token','[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'), filters=K),
  ))

write('github', id='PAL-SECRET-011', doc='GitHub tokens: classic and fine-grained PATs, OAuth, app and refresh tokens (CRC32 checksums checked).', title='GitHub token in source', severity='high',
  description='A GitHub token is committed to the repository. Tokens with the ghp_, gho_, ghu_, ghs_ and ghr_ prefixes carry a CRC32 checksum that is verified, so a match is a real token shape, not a look-alike.',
  remediation='Revoke the token (Settings > Developer settings, or the app\\\'s settings) and use the GITHUB_TOKEN of the workflow, a GitHub App or an encrypted secret.',
  tags="'github', 'credential'",
  detectors=J(
    d('github-classic-pat','GitHub personal access token (classic)',['ghp_'], tok(r'ghp_[A-Za-z0-9]{36}'), validators="['github-checksum']", filters=P),
    d('github-oauth-token','GitHub OAuth access token',['gho_'], tok(r'gho_[A-Za-z0-9]{36}'), validators="['github-checksum']", filters=P),
    d('github-user-to-server-token','GitHub App user-to-server token',['ghu_'], tok(r'ghu_[A-Za-z0-9]{36}'), validators="['github-checksum']", filters=P),
    d('github-server-to-server-token','GitHub App installation (server-to-server) token',['ghs_'], tok(r'ghs_[A-Za-z0-9]{36}'), validators="['github-checksum']", filters=P),
    d('github-refresh-token','GitHub App refresh token',['ghr_'], tok(r'ghr_[A-Za-z0-9]{36,76}'), filters=P, validators="['github-checksum']"),
    d('github-fine-grained-pat','GitHub fine-grained personal access token',['github_pat_'], tok(r'github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}'), filters=P),
    d('github-oauth-client-secret','GitHub OAuth app client secret',['github'], asg('github[_.-]?(?:oauth[_.-]?|app[_.-]?)?client[_.-]?secret','[a-f0-9]{40}'), filters=K),
  ))

write('gitlab', id='PAL-SECRET-012', doc='GitLab tokens of every kind.', title='GitLab token in source', severity='high',
  description='A GitLab token is committed to the repository: a personal, project or group access token, an OAuth application secret, a deploy, runner, CI job, trigger, feed, incoming mail, agent, SCIM or feature-flag token.',
  remediation='Revoke the token in GitLab (the token\\\'s settings page, or the API) and use CI/CD variables marked masked and protected.',
  tags="'gitlab', 'credential'",
  detectors=J(
    d('gitlab-pat','GitLab personal, project or group access token',['glpat-'], tok(r'glpat-(?:[A-Za-z0-9_-]{20}|[A-Za-z0-9_-]{27,300}\.[0-9a-z]{2}\.[0-9a-z]{7,9})'), filters=P),
    d('gitlab-oauth-app-secret','GitLab OAuth application secret',['gloas-'], tok(r'gloas-[a-f0-9]{64}'), filters=P),
    d('gitlab-deploy-token','GitLab deploy token',['gldt-'], tok(r'gldt-[A-Za-z0-9_-]{20,}'), filters=P),
    d('gitlab-runner-auth-token','GitLab runner authentication token',['glrt-'], tok(r'glrt-(?:t\d_)?[A-Za-z0-9_-]{20,}(?:\.[0-9a-z]{2}\.[0-9a-z]{7,9})?'), filters=P),
    d('gitlab-runner-registration-token','GitLab runner registration token (legacy)',['gr1348941'], tok(r'GR1348941[A-Za-z0-9_-]{20}'), filters=P),
    d('gitlab-ci-job-token','GitLab CI/CD job token',['glcbt-'], tok(r'glcbt-(?:[0-9a-fA-F]{1,5}_)?[A-Za-z0-9_-]{20,}'), filters=P),
    d('gitlab-pipeline-trigger-token','GitLab pipeline trigger token',['glptt-'], tok(r'glptt-[A-Za-z0-9_-]{40}'), filters=P),
    d('gitlab-feed-token','GitLab feed token',['glft-'], tok(r'glft-[A-Za-z0-9_-]{20}'), filters=P),
    d('gitlab-incoming-mail-token','GitLab incoming mail token',['glimt-'], tok(r'glimt-[A-Za-z0-9_-]{25}'), filters=P),
    d('gitlab-agent-token','GitLab agent for Kubernetes token',['glagent-'], tok(r'glagent-[A-Za-z0-9_-]{50,}'), filters=P),
    d('gitlab-scim-token','GitLab SCIM OAuth token',['glsoat-'], tok(r'glsoat-[A-Za-z0-9_-]{20}'), filters=P),
    d('gitlab-feature-flag-client-token','GitLab feature flags client token',['glffct-'], tok(r'glffct-[A-Za-z0-9_-]{20}'), filters=P),
  ))

write('bitbucket', id='PAL-SECRET-013', doc='Bitbucket app passwords, access tokens and OAuth secrets.', title='Bitbucket credential in source', severity='high',
  description='A Bitbucket app password, repository/workspace access token or OAuth consumer secret is committed to the repository.',
  remediation='Revoke the app password or access token in Bitbucket settings and use a secured repository variable.',
  tags="'bitbucket', 'credential'",
  detectors=J(
    d('bitbucket-app-password','Bitbucket app password',['atbb'], tok(r'ATBB[A-Za-z0-9_=.-]{28,32}[A-F0-9]{8}'), filters=P),
    d('bitbucket-access-token','Bitbucket repository, project or workspace access token',['atctt3'], tok(r'ATCTT3xFfGN0[A-Za-z0-9_=-]{170,250}'), filters=P),
    d('bitbucket-client-secret','Bitbucket OAuth consumer secret',['bitbucket'], asg('bitbucket[_.-]?(?:oauth[_.-]?)?(?:client|consumer)[_.-]?secret','[A-Za-z0-9]{32}'), filters=K, minEntropy='3.8'),
  ))
