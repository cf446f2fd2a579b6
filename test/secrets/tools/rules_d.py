import sys
sys.path.insert(0, '/work/main/test/secrets/tools')
from rules_a import write
from rules_b import d, R, tok, asg, P, K, A, J

write('package-registries', id='PAL-SECRET-014', doc='npm, PyPI, NuGet, RubyGems, Clojars and Artifactory publishing credentials.', title='Package registry token in source', severity='critical',
  rationale='A publishing token lets anyone push a malicious release of your package to every user of it.',
  description='A package registry publishing token (npm, PyPI, NuGet, RubyGems, Clojars, JFrog Artifactory) is committed to the repository.',
  remediation='Revoke the token on the registry, audit recent releases, and publish from CI with trusted publishing (OIDC) or a masked secret.',
  tags="'supply-chain', 'credential'",
  detectors=J(
    d('npm-access-token','npm access token',['npm_'], tok(r'npm_[A-Za-z0-9]{36}'), validators="['npm-checksum']", filters=P),
    d('pypi-upload-token','PyPI API token',['pypi-ageicHlwaS5vcmc'.lower()], tok(r'pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}'), filters=P),
    d('pypi-test-upload-token','TestPyPI API token',['pypi-agenDGVzdC5weXBpLm9yZw'.lower()], tok(r'pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,}'), filters=P),
    d('nuget-api-key','NuGet.org API key',['oy2'], tok(r'oy2[a-z0-9]{43}'), filters=P, minEntropy='3.5'),
    d('rubygems-api-key','RubyGems API key',['rubygems_'], tok(r'rubygems_[a-f0-9]{48}'), filters=P),
    d('clojars-deploy-token','Clojars deploy token',['clojars_'], tok(r'CLOJARS_[a-z0-9]{60}'), filters=P),
    d('artifactory-api-key','JFrog Artifactory API key',['akcp'], tok(r'AKCp[A-Za-z0-9]{69}'), filters=P),
    d('artifactory-reference-token','JFrog Artifactory reference token',['cmvmdgtu'], tok(r'cmVmdGtu[A-Za-z0-9]{56}'), filters=P),
    d('packagist-token','Packagist API token',['packagist_'], tok(r'packagist_[ou][ru]t_[a-f0-9]{68}'), filters=P),
  ))

write('containers', id='PAL-SECRET-015', doc='Docker Hub and other container registry tokens.', title='Container registry token in source', severity='high',
  description='A container registry token (Docker Hub personal or organisation access token, Quay robot token) is committed to the repository; it can push images that your deployments pull.',
  remediation='Delete the access token in the registry\\\'s security settings and log in from CI with a masked secret.',
  tags="'containers', 'credential'",
  detectors=J(
    d('dockerhub-pat','Docker Hub personal access token',['dckr_pat_'], tok(r'dckr_pat_[A-Za-z0-9_-]{27}'), filters=P),
    d('dockerhub-oat','Docker Hub organisation access token',['dckr_oat_'], tok(r'dckr_oat_[A-Za-z0-9_-]{32}'), filters=P),
    d('quay-robot-token','Quay.io robot account token',['quay'], asg('quay[_.-]?(?:robot[_.-]?)?(?:token|password)','[A-Z0-9]{64}'), filters=K),
  ))

write('hashicorp', id='PAL-SECRET-016', doc='Terraform Cloud / HCP Terraform and Vault tokens.', title='HashiCorp token in source', severity='critical',
  rationale='A Terraform Cloud token can change infrastructure; a Vault token can read every secret its policy allows.',
  description='A Terraform Cloud (HCP Terraform) API token or a Vault token is committed to the repository.',
  remediation='Revoke the token (Terraform Cloud user or team settings; `vault token revoke`) and use short-lived tokens from OIDC workload identity.',
  tags="'hashicorp', 'credential'",
  detectors=J(
    d('terraform-cloud-token','Terraform Cloud / HCP Terraform API token',['.atlasv1.'], tok(r'[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}'), filters=P),
    d('vault-service-token','HashiCorp Vault service token',['hvs.'], tok(r'hvs\.[A-Za-z0-9_-]{90,120}'), filters=P),
    d('vault-batch-token','HashiCorp Vault batch token',['hvb.'], tok(r'hvb\.[A-Za-z0-9_-]{138,300}'), filters=P),
    d('vault-legacy-token','HashiCorp Vault service token (legacy s. format)',['vault'], asg('vault[_.-]?(?:root[_.-]?)?token|x-vault-token','s\.[A-Za-z0-9]{24}'), filters=K),
    d('hcp-client-secret','HCP service principal client secret',['hcp_client_secret'], asg('hcp[_.-]?client[_.-]?secret','[A-Za-z0-9_-]{64}'), filters=K, minEntropy='4'),
  ))

write('slack', id='PAL-SECRET-017', doc='Slack tokens and incoming webhooks.', title='Slack token or webhook in source', severity='high',
  description='A Slack bot, user, app-level, configuration or refresh token, or an incoming or workflow webhook URL, is committed to the repository.',
  remediation='Revoke the token or regenerate the webhook in the Slack app\\\'s settings, and store the new one as a secret.',
  tags="'slack', 'credential'",
  detectors=J(
    d('slack-bot-token','Slack bot token',['xoxb-'], tok(r'xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24}'), filters=P),
    d('slack-user-token','Slack user token',['xoxp-'], tok(r'xoxp-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[a-f0-9]{32}'), filters=P),
    d('slack-legacy-token','Slack legacy workspace or bot token',['xoxa-','xoxo-','xoxs-','xoxr-'], tok(r'xox[aors]-(?:2-)?[0-9]{10,13}-[A-Za-z0-9-]{20,120}'), filters=P),
    d('slack-app-token','Slack app-level token',['xapp-'], tok(r'xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64}'), filters=P),
    d('slack-config-token','Slack app configuration token',['xoxe.xox'], tok(r'xoxe\.xox[bp]-[0-9]-[A-Za-z0-9]{150,170}'), filters=P),
    d('slack-refresh-token','Slack configuration refresh token',['xoxe-'], tok(r'xoxe-[0-9]-[A-Za-z0-9]{140,160}'), filters=P),
    d('slack-webhook','Slack incoming webhook URL',['hooks.slack.com'], R(r'(https://hooks\.slack\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24})'), filters=P),
    d('slack-workflow-webhook','Slack workflow webhook URL',['hooks.slack.com'], R(r'(https://hooks\.slack\.com/(?:workflows|triggers)/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/[0-9]{10,20}/[A-Za-z0-9]{32})'), filters=P),
  ))

write('discord', id='PAL-SECRET-018', doc='Discord bot tokens, webhooks and client secrets.', title='Discord token or webhook in source', severity='high',
  description='A Discord bot token, webhook URL or OAuth client secret is committed to the repository.',
  remediation='Reset the bot token or delete the webhook in the Discord developer portal or channel settings.',
  tags="'discord', 'credential'",
  detectors=J(
    d('discord-bot-token','Discord bot token',['discord','bot_token','bottoken','client.login','bot.run'], R(r'(?i:discord|bot_?token|client\.login|bot\.run)[^\n]{0,40}?["\'=:\s]([MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?:[^A-Za-z0-9_-]|$)'), filters=P),
    d('discord-webhook','Discord webhook URL',['discord.com/api/webhooks','discordapp.com/api/webhooks'], R(r'(https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,72})'), filters=P),
    d('discord-client-secret','Discord OAuth client secret',['discord'], asg('discord[_.-]?(?:client[_.-]?)?secret','[A-Za-z0-9_-]{32}'), filters=K, minEntropy='3.8'),
  ))

write('microsoft-teams', id='PAL-SECRET-019', doc='Microsoft Teams incoming webhooks and workflow trigger URLs.', title='Microsoft Teams webhook in source', severity='medium',
  rationale='A webhook URL lets anyone post messages (and convincing phishing) into the channel.',
  description='A Microsoft Teams incoming webhook URL, or a Power Automate / Logic Apps workflow trigger URL with its signature, is committed to the repository.',
  remediation='Remove the connector or regenerate the workflow URL in Teams, and read the new URL from a secret.',
  tags="'teams', 'credential'",
  detectors=J(
    d('teams-incoming-webhook','Microsoft Teams incoming webhook URL',['webhook.office.com','outlook.office.com/webhook'], R(r'(https://[a-z0-9-]+\.webhook\.office\.com/webhookb2/[0-9a-f-]{36}@[0-9a-f-]{36}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36}(?:/[A-Za-z0-9_-]{40,50})?|https://outlook\.office\.com/webhook/[0-9a-f-]{36}@[0-9a-f-]{36}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36})'), filters=P),
    d('teams-workflow-url','Power Automate / Logic Apps workflow trigger URL with signature',['logic.azure.com','powerplatform.com'], R(r'(https://[a-z0-9.-]+\.(?:logic\.azure\.com|environment\.api\.powerplatform\.com)(?::443)?/[^\s"\']{0,300}?[?&]sig=[A-Za-z0-9_-]{43})'), filters=P),
  ))

write('twilio', id='PAL-SECRET-020', doc='Twilio API keys and auth tokens.', title='Twilio credential in source', severity='high',
  description='A Twilio API key secret or account auth token is committed to the repository; it can send messages and calls billed to the account.',
  remediation='Rotate the auth token (or delete the API key) in the Twilio console and load it from a secret store.',
  tags="'twilio', 'credential'",
  detectors=J(
    d('twilio-api-key','Twilio API key SID',['twilio'], R(r'(?i:twilio)[^\n]{0,60}?(?:^|[^A-Za-z0-9])(SK[0-9a-f]{32})(?:[^A-Za-z0-9]|$)'), filters=P),
    d('twilio-auth-token','Twilio auth token',['twilio'], asg('twilio[_.-]?(?:auth[_.-]?)?(?:token|secret)|twilio[_.-]?api[_.-]?secret','[a-f0-9]{32}|[A-Za-z0-9]{32}'), filters=K, minEntropy='3.2'),
  ))

write('email', id='PAL-SECRET-021', doc='Email delivery services: SendGrid, Mailgun, Mailchimp, Mandrill, Postmark, Brevo, Mailjet.', title='Email service API key in source', severity='high',
  description='An email delivery API key (SendGrid, Mailgun, Mailchimp, Mandrill, Postmark, Brevo/Sendinblue, Mailjet) is committed to the repository; it can send mail as your domain.',
  remediation='Delete the key in the provider\\\'s API key settings and create a new one with the least scope, stored as a secret.',
  tags="'email', 'credential'",
  detectors=J(
    d('sendgrid-api-key','SendGrid API key',['sg.'], tok(r'SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}'), filters=P),
    d('mailgun-api-key','Mailgun API key',['key-','mailgun'], R(r'(?:^|[^A-Za-z0-9_-])(key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})(?:[^A-Za-z0-9_-]|$)'), filters=P),
    d('mailgun-webhook-signing-key','Mailgun webhook signing key',['mailgun'], asg('mailgun[_.-]?(?:webhook[_.-]?)?signing[_.-]?key','[a-f0-9]{32}|key-[a-f0-9]{32}'), filters=K, supersedes="['mailgun-api-key']"),
    d('mailchimp-api-key','Mailchimp API key',['-us'], tok(r'[a-f0-9]{32}-us[0-9]{1,2}'), filters=P),
    d('mandrill-api-key','Mailchimp Transactional (Mandrill) API key',['mandrill'], asg('mandrill[_.-]?(?:api[_.-]?)?key','md-[A-Za-z0-9_-]{22}|[A-Za-z0-9_-]{22}'), filters=K, minEntropy='3.5'),
    d('postmark-server-token','Postmark server or account token',['postmark'], asg('postmark[_.-]?(?:server|account|api)?[_.-]?(?:token|key)|x-postmark-(?:server|account)-token','[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'), filters=K),
    d('brevo-api-key','Brevo (Sendinblue) API key',['xkeysib-','xsmtpsib-'], tok(r'x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}'), filters=P),
    d('mailjet-secret-key','Mailjet API secret key',['mailjet','mj_apikey_private'], asg('mailjet[_.-]?(?:api[_.-]?)?secret(?:[_.-]?key)?|mj_apikey_private','[a-f0-9]{32}'), filters=K),
  ))

write('payments', id='PAL-SECRET-022', doc='Stripe, Square, PayPal/Braintree, Razorpay and Adyen credentials.', title='Payment provider credential in source', severity='critical',
  rationale='A live payment key can issue refunds, read customer data and move money.',
  description='A live payment provider credential (Stripe secret or restricted key or webhook secret, Square access token or OAuth secret, PayPal or Braintree credentials, Razorpay or Adyen key) is committed to the repository.',
  remediation='Roll the key in the provider dashboard immediately, review recent API activity, and load the new key from a secret store.',
  tags="'payments', 'credential'",
  detectors=J(
    d('stripe-secret-key','Stripe live secret key',['sk_live_'], tok(r'sk_live_[A-Za-z0-9]{24,99}'), filters=P),
    d('stripe-restricted-key','Stripe live restricted key',['rk_live_'], tok(r'rk_live_[A-Za-z0-9]{24,99}'), filters=P),
    d('stripe-webhook-secret','Stripe webhook signing secret',['whsec_'], tok(r'whsec_[A-Za-z0-9]{32,64}'), filters=P),
    d('square-access-token','Square access token',['eaaa','sq0atp-'], tok(r'(?:EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})'), filters=P),
    d('square-oauth-secret','Square OAuth application secret',['sq0csp-'], tok(r'sq0csp-[A-Za-z0-9_-]{43}'), filters=P),
    d('braintree-access-token','PayPal Braintree access token',['access_token$production$'], tok(r'access_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32}'), filters=P),
    d('braintree-private-key','Braintree private key',['braintree'], asg('braintree[_.-]?private[_.-]?key','[a-f0-9]{32}'), filters=K),
    d('paypal-client-secret','PayPal REST client secret',['paypal'], asg('paypal[_.-]?(?:client[_.-]?|app[_.-]?)?secret','E[A-Za-z0-9_-]{79}'), filters=K),
    d('razorpay-key-secret','Razorpay key secret',['razorpay','rzp_live_'], asg('razorpay[_.-]?(?:key[_.-]?)?secret','[A-Za-z0-9]{24}'), filters=K, minEntropy='3.8'),
    d('adyen-api-key','Adyen API key',['aqe'], tok(r'AQE[a-z0-9]{1,3}[A-Za-z0-9+/=_.-]{20,}\.[A-Za-z0-9+/=_.-]{40,}'), filters=P, minEntropy='4'),
  ))

write('shopify', id='PAL-SECRET-023', doc='Shopify access tokens and shared secrets.', title='Shopify token in source', severity='high',
  description='A Shopify Admin API access token, custom or private app token, or app shared secret is committed to the repository; it can read and change the shop\\\'s orders and customers.',
  remediation='Uninstall and reinstall the app (or rotate the secret in the Partner Dashboard) to invalidate the token.',
  tags="'shopify', 'credential'",
  detectors=J(
    d('shopify-access-token','Shopify Admin API access token',['shpat_'], tok(r'shpat_[a-fA-F0-9]{32}'), filters=P),
    d('shopify-custom-app-token','Shopify custom app access token',['shpca_'], tok(r'shpca_[a-fA-F0-9]{32}'), filters=P),
    d('shopify-private-app-token','Shopify private app access token',['shppa_'], tok(r'shppa_[a-fA-F0-9]{32}'), filters=P),
    d('shopify-shared-secret','Shopify app shared secret',['shpss_'], tok(r'shpss_[a-fA-F0-9]{32}'), filters=P),
  ))

write('atlassian', id='PAL-SECRET-024', doc='Atlassian (Jira, Confluence) API tokens.', title='Atlassian API token in source', severity='high',
  description='An Atlassian API token (Jira, Confluence) is committed to the repository; with the account e-mail it acts as that user.',
  remediation='Revoke the token at id.atlassian.com (Security > API tokens) and store the new one as a secret.',
  tags="'atlassian', 'credential'",
  detectors=J(
    d('atlassian-api-token','Atlassian API token',['atatt3'], tok(r'ATATT3[A-Za-z0-9_=-]{180,200}'), filters=P),
    d('atlassian-legacy-api-token','Atlassian API token (legacy format) in a Jira or Confluence setting',['jira','confluence','atlassian'], asg('(?:jira|confluence|atlassian)[_.-]?(?:api[_.-]?)?(?:token|password)','[A-Za-z0-9]{24}'), filters=A, minEntropy='3.5', validators="['mixed-alphanumeric']"),
  ))

write('identity', id='PAL-SECRET-025', doc='Okta and Auth0 credentials.', title='Identity provider credential in source', severity='critical',
  rationale='An identity provider admin token can create users and change sign-in policy for every application.',
  description='An Okta API token or an Auth0 client secret or management token is committed to the repository.',
  remediation='Revoke the token in the Okta admin console (Security > API > Tokens) or rotate the Auth0 client secret, then store it in a secret store.',
  tags="'identity', 'credential'",
  detectors=J(
    d('okta-api-token','Okta API token',['okta','ssws'], R(r'(?i:okta[A-Za-z0-9_.-]{0,24}["\']?\s{0,4}[:=]\s{0,4}["\']?|SSWS\s+)(00[A-Za-z0-9_-]{40})(?:[^A-Za-z0-9_-]|$)'), filters=P),
    d('auth0-client-secret','Auth0 client secret',['auth0'], asg('auth0[_.-]?(?:client[_.-]?)?secret','[A-Za-z0-9_-]{64}'), filters=K, minEntropy='4'),
    d('auth0-management-token','Auth0 Management API token',['auth0'], asg('auth0[_.-]?(?:management[_.-]?|mgmt[_.-]?|api[_.-]?)token','eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}'), filters=K, supersedes="['jwt']"),
  ))

write('monitoring', id='PAL-SECRET-026', doc='Observability and incident tools: Datadog, New Relic, Sentry, PagerDuty, Grafana, Dynatrace, Honeycomb.', title='Monitoring service key in source', severity='high',
  description='An observability or incident management key (Datadog, New Relic, Sentry, PagerDuty, Grafana, Dynatrace, Honeycomb) is committed to the repository; it can read telemetry, which often holds personal data, or page your on-call.',
  remediation='Revoke the key in the service\\\'s API key settings and inject the new one from a secret at deploy time.',
  tags="'monitoring', 'credential'",
  detectors=J(
    d('datadog-api-key','Datadog API key',['datadog','dd_api_key','dd-api-key'], asg('(?:datadog|dd)[_.-]?api[_.-]?key','[a-f0-9]{32}'), filters=K),
    d('datadog-app-key','Datadog application key',['datadog','dd_app_key','dd_application_key','dd-application-key'], asg('(?:datadog|dd)[_.-]?app(?:lication)?[_.-]?key','[a-f0-9]{40}'), filters=K),
    d('newrelic-user-api-key','New Relic user API key',['nrak-'], tok(r'NRAK-[A-Z0-9]{27}'), filters=P),
    d('newrelic-license-key','New Relic ingest license key',['nral','newrelic','new_relic'], R(r'(?:^|[^A-Za-z0-9])([a-f0-9]{36}NRAL)(?:[^A-Za-z0-9]|$)'), filters=P),
    d('newrelic-insert-key','New Relic insights insert key',['nrii-'], tok(r'NRII-[A-Za-z0-9_-]{32}'), filters=P),
    d('newrelic-browser-key','New Relic browser API token',['nrjs-'], tok(r'NRJS-[a-f0-9]{19}'), filters=P),
    d('sentry-org-token','Sentry organization auth token',['sntrys_'], tok(r'sntrys_eyJ[A-Za-z0-9+/=_-]{80,300}'), filters=P),
    d('sentry-user-token','Sentry user auth token',['sntryu_'], tok(r'sntryu_[a-f0-9]{64}'), filters=P),
    d('sentry-legacy-auth-token','Sentry auth token (legacy format)',['sentry'], asg('sentry[_.-]?auth[_.-]?token','[a-f0-9]{64}'), filters=K),
    d('pagerduty-api-key','PagerDuty REST API key',['pagerduty','pd_token','pd_api'], asg('pagerduty[_.-]?(?:api[_.-]?|rest[_.-]?)?(?:key|token)|pd[_.-]?(?:api[_.-]?)?token','[A-Za-z0-9_+-]{20}'), filters=K, minEntropy='3.5', validators="['mixed-alphanumeric']"),
    d('pagerduty-integration-key','PagerDuty Events API integration (routing) key',['routing_key','integration_key','pagerduty'], asg('(?:pagerduty[_.-]?)?(?:routing|integration|service)[_.-]?key','[a-f0-9]{32}|R0[A-Z0-9]{30}'), filters=K),
    d('grafana-service-account-token','Grafana service account token',['glsa_'], tok(r'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}'), filters=P),
    d('grafana-cloud-token','Grafana Cloud access policy token',['glc_'], tok(r'glc_[A-Za-z0-9+/]{32,400}={0,2}'), filters=P, minEntropy='4'),
    d('dynatrace-api-token','Dynatrace API token',['dt0c01.'], tok(r'dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}'), filters=P),
    d('honeycomb-api-key','Honeycomb API key',['honeycomb','x-honeycomb-team'], asg('honeycomb[_.-]?(?:api[_.-]?|write[_.-]?)?key|x-honeycomb-team','[A-Za-z0-9]{22}|hc[a-z]{2}k_[A-Za-z0-9]{58}'), filters=K, minEntropy='3.5'),
  ))

write('ai', id='PAL-SECRET-027', doc='AI platform API keys: OpenAI, Anthropic, Hugging Face, Replicate, Groq, Perplexity, xAI, Cohere.', title='AI platform API key in source', severity='high',
  rationale='AI API keys are billed per use and are abused within hours of leaking.',
  description='An AI platform API key (OpenAI, Anthropic, Hugging Face, Replicate, Groq, Perplexity, xAI, Cohere) is committed to the repository.',
  remediation='Delete the key in the provider\\\'s console, set a spending limit, and read the new key from the environment.',
  tags="'ai', 'credential'",
  detectors=J(
    d('openai-api-key','OpenAI API key',['t3blbkfj'], tok(r'sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,160}T3BlbkFJ[A-Za-z0-9_-]{20,160}'), filters=P),
    d('anthropic-api-key','Anthropic API key',['sk-ant-api'], tok(r'sk-ant-api03-[A-Za-z0-9_-]{93}AA'), filters=P),
    d('anthropic-admin-key','Anthropic admin API key',['sk-ant-admin'], tok(r'sk-ant-admin01-[A-Za-z0-9_-]{93}AA'), filters=P),
    d('huggingface-token','Hugging Face user access token',['hf_'], tok(r'hf_[A-Za-z]{34}'), filters=P, minEntropy='3.5'),
    d('huggingface-org-token','Hugging Face organization API token',['api_org_'], tok(r'api_org_[A-Za-z]{34}'), filters=P, minEntropy='3.5'),
    d('replicate-api-token','Replicate API token',['r8_'], tok(r'r8_[A-Za-z0-9]{37}'), filters=P, minEntropy='3.5'),
    d('groq-api-key','Groq API key',['gsk_'], tok(r'gsk_[A-Za-z0-9]{52}'), filters=P),
    d('perplexity-api-key','Perplexity API key',['pplx-'], tok(r'pplx-[A-Za-z0-9]{48}'), filters=P),
    d('xai-api-key','xAI API key',['xai-'], tok(r'xai-[A-Za-z0-9]{80}'), filters=P),
    d('cohere-api-key','Cohere API key',['cohere','co_api_key'], asg('cohere[_.-]?(?:api[_.-]?)?(?:key|token)|co_api_key','[A-Za-z0-9]{40}'), filters=K, minEntropy='4'),
  ))
