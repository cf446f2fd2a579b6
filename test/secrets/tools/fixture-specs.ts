/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixture lines hold ${VAR} placeholders on purpose */
/** What each secret rule's fixtures hold: one synthetic true positive per detector, and near-misses. */
export interface GroupSpec {
  /** [fixture file, line template (see samples.ts), detector id]; multi-line templates report on their first line. */
  fail: Array<[string, string, string]>;
  /** [fixture file, line]: look-alikes that must stay quiet. */
  pass: Array<[string, string]>;
}

const PY = 'fail-config.py';
const ENV = 'fail-settings.env';
const YML = 'fail-deploy.yaml';
const JS = 'fail-client.js';
const pPY = 'pass-config.py';
const pENV = 'pass-settings.env';
const pJS = 'pass-client.js';
const pYML = 'pass-deploy.yaml';

export const SPECS: Record<string, GroupSpec> = {
  aws: {
    fail: [
      [PY, 'aws_access_key_id = "AKIA{B:16}"', 'aws-access-key-id'],
      [ENV, 'AWS_SECRET_ACCESS_KEY={A:40}', 'aws-secret-access-key'],
      [YML, 'session_token: FwoGZXIvYXdzE{b:180}', 'aws-session-token'],
      [JS, "const mws = 'amzn.mws.{uuid}';", 'aws-mws-auth-token'],
      [JS, "const bedrock = 'ABSK{b:120}';", 'aws-bedrock-api-key'],
      ['fail-near.ini', 'key_id = ASIA{B:16}', 'aws-access-key-id'],
      ['fail-near.ini', 'key_value = {A:40}', 'aws-secret-key-near-id'],
    ],
    pass: [
      [pPY, 'aws_access_key_id = "AKIAIOSFODNN7EXAMPLE"'],
      [pPY, 'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"'],
      [pPY, 'aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]'],
      [pENV, 'AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX'],
      [pENV, 'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}'],
      [pENV, 'ROLE_ARN=arn:aws:iam::123456789012:role/deploy'],
    ],
  },
  azure: {
    fail: [
      [
        ENV,
        'STORAGE=DefaultEndpointsProtocol=https;AccountName=acmelogs;AccountKey={b64:64};EndpointSuffix=core.windows.net',
        'azure-storage-account-key',
      ],
      ['fail-main.tf', '  primary_access_key = "{b64:64}"', 'azure-storage-key-assigned'],
      [
        JS,
        "const url = 'https://acme.blob.core.windows.net/c/a.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig={A:43}%3D';",
        'azure-sas-token',
      ],
      [PY, 'CLIENT = "{a:3}8Q~{A:31}"', 'azure-entra-client-secret'],
      [ENV, 'ARM_CLIENT_SECRET={A:40}', 'azure-client-secret-assigned'],
      [
        ENV,
        'COSMOS=AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey={b64:64};',
        'azure-cosmosdb-key',
      ],
      [
        ENV,
        'BUS=Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey={b64:32}',
        'azure-service-bus-connection-string',
      ],
      [
        ENV,
        'HUB=Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey={b64:32};EntityPath=events',
        'azure-event-hub-connection-string',
      ],
      [ENV, 'AZURE_DEVOPS_EXT_PAT={z:52}', 'azure-devops-pat'],
      [PY, 'pat = "{A:52}JQQJ99{A:3}AZDO{A:4}"', 'azure-devops-pat-v2'],
      [
        ENV,
        'APPCONFIG=Endpoint=https://acme.azconfig.io;Id=Ab12-l0-s0:Xy9;Secret={b64:32}',
        'azure-app-configuration-connection-string',
      ],
      [
        ENV,
        'SIGNALR=Endpoint=https://acme.service.signalr.net;AccessKey={b64:32};Version=1.0;',
        'azure-signalr-access-key',
      ],
      [ENV, 'REDIS=acme.redis.cache.windows.net:6380,password={b64:32},ssl=True', 'azure-redis-access-key'],
      [JS, "fetch('https://acme-fn.azurewebsites.net/api/ingest?code={u:54}==');", 'azure-function-key'],
      [ENV, 'AZURE_SEARCH_ADMIN_KEY={A:52}', 'azure-search-admin-key'],
      [ENV, 'AZURE_OPENAI_API_KEY={h:32}', 'azure-openai-key'],
    ],
    pass: [
      [pENV, 'STORAGE=UseDevelopmentStorage=true'],
      [
        pENV,
        'DEV=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
      ],
      [pENV, 'ARM_CLIENT_SECRET=${{ secrets.ARM_CLIENT_SECRET }}'],
      [pENV, 'KEY=@Microsoft.KeyVault(SecretUri=https://acme.vault.azure.net/secrets/key/)'],
      [pENV, 'AZURE_DEVOPS_EXT_PAT=$(System.AccessToken)'],
    ],
  },
  google: {
    fail: [
      [
        'fail-service-account.json',
        '{ "type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n{b:64}\\n{b:64}\\n{b:64}\\n{b:64}\\n-----END PRIVATE KEY-----\\n" }',
        'gcp-service-account-key',
      ],
      [JS, "const maps = 'AIza{u:35}';", 'google-api-key'],
      [PY, 'CLIENT_SECRET = "GOCSPX-{u:28}"', 'google-oauth-client-secret'],
      [PY, 'REFRESH = "1//0{u:60}"', 'google-oauth-refresh-token'],
      [PY, 'ACCESS = "ya29.{u:120}"', 'google-oauth-access-token'],
      [JS, "const fcm = 'AAAA{u:7}:APA91b{u:134}';", 'firebase-cloud-messaging-server-key'],
    ],
    pass: [
      [pJS, "const key = 'AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX';"],
      [pJS, 'const key = process.env.GOOGLE_API_KEY;'],
      [
        'pass-sa.json',
        '{ "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n" }',
      ],
    ],
  },
  alibaba: {
    fail: [
      [PY, 'ACCESS_KEY_ID = "LTAI{A:20}"', 'alibaba-access-key-id'],
      [ENV, 'ALIBABA_CLOUD_ACCESS_KEY_SECRET={A:30}', 'alibaba-access-key-secret'],
    ],
    pass: [
      [pENV, 'ALIBABA_CLOUD_ACCESS_KEY_SECRET=<your-access-key-secret>'],
      [pENV, 'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIxxxxxxxxxxxxxxxx'],
    ],
  },
  ibm: {
    fail: [
      [ENV, 'IBMCLOUD_API_KEY={u:44}', 'ibm-cloud-api-key'],
      [ENV, 'COS_HMAC_SECRET_ACCESS_KEY={h:48}', 'ibm-cos-hmac-secret'],
    ],
    pass: [
      [pENV, 'IBMCLOUD_API_KEY=${IBMCLOUD_API_KEY}'],
      [pENV, 'IC_API_KEY=your_ibm_cloud_api_key_here'],
    ],
  },
  oracle: {
    fail: [
      [ENV, 'OCI_CUSTOMER_SECRET_KEY={b64:33}', 'oci-customer-secret-key'],
      [ENV, 'OCI_AUTH_TOKEN=k9(Xp2;Lm#7qR_t4Wz:a', 'oci-auth-token'],
      ['fail-oci.ini', 'pass_phrase=Tr0ub4dor&3xq', 'oci-key-passphrase'],
    ],
    pass: [
      [pENV, 'OCI_AUTH_TOKEN=changeme'],
      ['pass-oci.ini', 'pass_phrase=${OCI_PASSPHRASE}'],
    ],
  },
  digitalocean: {
    fail: [
      [ENV, 'DIGITALOCEAN_TOKEN=dop_v1_{h:64}', 'digitalocean-pat'],
      [ENV, 'DO_OAUTH=doo_v1_{h:64}', 'digitalocean-oauth-token'],
      [ENV, 'DO_REFRESH=dor_v1_{h:64}', 'digitalocean-refresh-token'],
      [ENV, 'SPACES_SECRET_KEY={b:43}', 'digitalocean-spaces-secret'],
    ],
    pass: [
      [pENV, 'DIGITALOCEAN_TOKEN=dop_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ],
  },
  linode: {
    fail: [[ENV, 'LINODE_TOKEN={h:64}', 'linode-api-token']],
    pass: [
      [pENV, 'LINODE_TOKEN=${LINODE_TOKEN}'],
      [pENV, 'LINODE_TOKEN_SCOPES=linodes:read_write'],
    ],
  },
  cloudflare: {
    fail: [
      [ENV, 'CLOUDFLARE_API_TOKEN={u:40}', 'cloudflare-api-token'],
      [ENV, 'CF_API_KEY={h:37}', 'cloudflare-global-api-key'],
      [PY, 'ORIGIN = "v1.0-{h:24}-{h:146}"', 'cloudflare-origin-ca-key'],
    ],
    pass: [
      [pENV, 'CLOUDFLARE_API_TOKEN=${{ secrets.CLOUDFLARE_API_TOKEN }}'],
      [pENV, 'CLOUDFLARE_ZONE_ID=023e105f4ecef8ad9ca31a8372d0c353'],
    ],
  },
  paas: {
    fail: [
      [ENV, 'HEROKU_API_KEY={uuid}', 'heroku-api-key'],
      [ENV, 'HEROKU_TOKEN_NEW=HRKU-AA{u:58}', 'heroku-platform-token'],
      [ENV, 'VERCEL_TOKEN={A:24}', 'vercel-token'],
      [ENV, 'VC=vcp_{A:56}', 'vercel-prefixed-token'],
      [ENV, 'NETLIFY=nfp_{A:36}', 'netlify-pat'],
      [ENV, 'NETLIFY_AUTH_TOKEN={u:43}', 'netlify-token'],
      [ENV, 'FLY_API_TOKEN=fo1_{u:43}', 'flyio-token'],
      [ENV, 'RENDER=rnd_{A:32}', 'render-api-key'],
      [ENV, 'RAILWAY_TOKEN={uuid}', 'railway-token'],
    ],
    pass: [
      [pENV, 'HEROKU_API_KEY=${HEROKU_API_KEY}'],
      [pENV, 'VERCEL_TOKEN=your-vercel-token'],
      [pENV, 'HEROKU_APP_ID={uuid}'],
    ],
  },
  github: {
    fail: [
      [ENV, 'GITHUB_TOKEN={gh:ghp_}', 'github-classic-pat'],
      [JS, "const oauth = '{gh:gho_}';", 'github-oauth-token'],
      [JS, "const user = '{gh:ghu_}';", 'github-user-to-server-token'],
      [JS, "const install = '{gh:ghs_}';", 'github-server-to-server-token'],
      [JS, "const refresh = '{gh:ghr_}';", 'github-refresh-token'],
      [ENV, 'GH_PAT=github_pat_{A:22}_{A:59}', 'github-fine-grained-pat'],
      [ENV, 'GITHUB_CLIENT_SECRET={h:40}', 'github-oauth-client-secret'],
    ],
    pass: [
      [pENV, 'GITHUB_TOKEN=ghp_{A:36}'],
      [pENV, 'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
      [pENV, 'GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}'],
      [pJS, "const sha = 'b6f1c4e1e0e3a1f2c9d8e7f6a5b4c3d2e1f0a9b8';"],
    ],
  },
  gitlab: {
    fail: [
      [ENV, 'GITLAB_TOKEN=glpat-{u:20}', 'gitlab-pat'],
      [ENV, 'OAUTH=gloas-{h:64}', 'gitlab-oauth-app-secret'],
      [ENV, 'DEPLOY=gldt-{u:20}', 'gitlab-deploy-token'],
      [YML, 'token: glrt-{u:20}', 'gitlab-runner-auth-token'],
      [YML, 'registration-token: GR1348941{u:20}', 'gitlab-runner-registration-token'],
      [ENV, 'JOB=glcbt-{u:20}', 'gitlab-ci-job-token'],
      [ENV, 'TRIGGER=glptt-{u:40}', 'gitlab-pipeline-trigger-token'],
      [ENV, 'FEED=glft-{u:20}', 'gitlab-feed-token'],
      [ENV, 'MAIL=glimt-{u:25}', 'gitlab-incoming-mail-token'],
      [YML, 'agent-token: glagent-{u:50}', 'gitlab-agent-token'],
      [ENV, 'SCIM=glsoat-{u:20}', 'gitlab-scim-token'],
      [ENV, 'FF=glffct-{u:20}', 'gitlab-feature-flag-client-token'],
    ],
    pass: [
      [pENV, 'GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx'],
      [pENV, 'GITLAB_TOKEN=$CI_JOB_TOKEN'],
      [pENV, 'GITLAB_TOKEN=glpat-<your-token>'],
    ],
  },
  bitbucket: {
    fail: [
      [ENV, 'BITBUCKET_APP_PASSWORD=ATBB{A:32}{H:8}', 'bitbucket-app-password'],
      [ENV, 'BB_ACCESS=ATCTT3xFfGN0{u:190}', 'bitbucket-access-token'],
      [ENV, 'BITBUCKET_CLIENT_SECRET={A:32}', 'bitbucket-client-secret'],
    ],
    pass: [
      [pENV, 'BITBUCKET_APP_PASSWORD=$BITBUCKET_APP_PASSWORD'],
      [pENV, 'BITBUCKET_CLIENT_SECRET=<client-secret>'],
    ],
  },
  'package-registries': {
    fail: [
      [ENV, 'NPM_TOKEN={gh:npm_}', 'npm-access-token'],
      ['fail-pypirc.ini', 'token = pypi-AgEIcHlwaS5vcmc{u:70}', 'pypi-upload-token'],
      ['fail-pypirc.ini', 'test = pypi-AgENdGVzdC5weXBpLm9yZw{u:70}', 'pypi-test-upload-token'],
      [ENV, 'NUGET_API_KEY=oy2{a:43}', 'nuget-api-key'],
      [ENV, 'GEM_HOST_API_KEY=rubygems_{h:48}', 'rubygems-api-key'],
      [ENV, 'CLOJARS=CLOJARS_{a:60}', 'clojars-deploy-token'],
      [ENV, 'ARTIFACTORY=AKCp{A:69}', 'artifactory-api-key'],
      [ENV, 'JFROG_REF=cmVmdGtu{A:56}', 'artifactory-reference-token'],
      [ENV, 'PACKAGIST=packagist_uut_{h:68}', 'packagist-token'],
    ],
    pass: [
      [pENV, 'NPM_TOKEN=npm_{A:36}'],
      [pENV, 'NPM_TOKEN=${NPM_TOKEN}'],
      [pENV, 'NUGET_API_KEY=oy2xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ],
  },
  containers: {
    fail: [
      [ENV, 'DOCKERHUB_TOKEN=dckr_pat_{u:27}', 'dockerhub-pat'],
      [ENV, 'DOCKERHUB_ORG=dckr_oat_{u:32}', 'dockerhub-oat'],
      [ENV, 'QUAY_ROBOT_TOKEN={U:64}', 'quay-robot-token'],
    ],
    pass: [
      [pENV, 'DOCKERHUB_TOKEN=${{ secrets.DOCKERHUB_TOKEN }}'],
      [pENV, 'DOCKERHUB_TOKEN=dckr_pat_XXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    ],
  },
  hashicorp: {
    fail: [
      [
        'fail-credentials.tfrc.json',
        '{ "credentials": { "app.terraform.io": { "token": "{A:14}.atlasv1.{u:67}" } } }',
        'terraform-cloud-token',
      ],
      [ENV, 'VAULT_TOKEN=hvs.{u:100}', 'vault-service-token'],
      [ENV, 'BATCH=hvb.{u:150}', 'vault-batch-token'],
      [ENV, 'VAULT_TOKEN_LEGACY=s.{A:24}', 'vault-legacy-token'],
      [ENV, 'HCP_CLIENT_SECRET={u:64}', 'hcp-client-secret'],
    ],
    pass: [
      [pENV, 'VAULT_TOKEN=$(vault print token)'],
      [pENV, 'VAULT_TOKEN=root'],
      [pENV, 'VAULT_ADDR=https://vault.acme.internal:8200'],
    ],
  },
  slack: {
    fail: [
      [ENV, 'SLACK_BOT_TOKEN=xoxb-{d:12}-{d:12}-{A:24}', 'slack-bot-token'],
      [ENV, 'SLACK_USER_TOKEN=xoxp-{d:12}-{d:12}-{d:12}-{h:32}', 'slack-user-token'],
      [ENV, 'SLACK_LEGACY=xoxa-2-{d:12}-{A:40}', 'slack-legacy-token'],
      [ENV, 'SLACK_APP_TOKEN=xapp-1-A{U:10}-{d:13}-{h:64}', 'slack-app-token'],
      [ENV, 'SLACK_CONFIG=xoxe.xoxp-1-{A:160}', 'slack-config-token'],
      [ENV, 'SLACK_REFRESH=xoxe-1-{A:150}', 'slack-refresh-token'],
      [JS, "const hook = 'https://hooks.slack.com/services/T{U:10}/B{U:10}/{A:24}';", 'slack-webhook'],
      [
        JS,
        "const flow = 'https://hooks.slack.com/workflows/T{U:10}/A{U:10}/{d:18}/{A:32}';",
        'slack-workflow-webhook',
      ],
    ],
    pass: [
      [pENV, 'SLACK_BOT_TOKEN=xoxb-your-bot-token'],
      [pJS, "const hook = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';"],
    ],
  },
  discord: {
    fail: [
      [JS, "client.login('M{A:25}.{u:6}.{u:38}');", 'discord-bot-token'],
      [JS, "const hook = 'https://discord.com/api/webhooks/{d:18}/{u:68}';", 'discord-webhook'],
      [ENV, 'DISCORD_CLIENT_SECRET={u:32}', 'discord-client-secret'],
    ],
    pass: [
      [pJS, 'client.login(process.env.DISCORD_TOKEN);'],
      [pENV, 'DISCORD_CLIENT_SECRET=<client secret>'],
    ],
  },
  'microsoft-teams': {
    fail: [
      [
        JS,
        "const teams = 'https://acme.webhook.office.com/webhookb2/{uuid}@{uuid}/IncomingWebhook/{h:32}/{uuid}';",
        'teams-incoming-webhook',
      ],
      [
        JS,
        "const flow = 'https://prod-12.westus.logic.azure.com:443/workflows/{h:32}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={u:43}';",
        'teams-workflow-url',
      ],
    ],
    pass: [
      [pJS, 'const teams = process.env.TEAMS_WEBHOOK_URL;'],
      [pJS, "const docs = 'https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/';"],
    ],
  },
  twilio: {
    fail: [
      [ENV, 'TWILIO_API_KEY=SK{h:32}', 'twilio-api-key'],
      [ENV, 'TWILIO_AUTH_TOKEN={h:32}', 'twilio-auth-token'],
    ],
    pass: [
      [pENV, 'TWILIO_AUTH_TOKEN=your_auth_token'],
      [pENV, 'TWILIO_ACCOUNT_SID=AC{h:32}'],
    ],
  },
  email: {
    fail: [
      [ENV, 'SENDGRID_API_KEY=SG.{u:22}.{u:43}', 'sendgrid-api-key'],
      [ENV, 'MAILGUN_API_KEY=key-{h:32}', 'mailgun-api-key'],
      [ENV, 'MAILGUN_WEBHOOK_SIGNING_KEY={h:32}', 'mailgun-webhook-signing-key'],
      [ENV, 'MAILCHIMP_API_KEY={h:32}-us14', 'mailchimp-api-key'],
      [ENV, 'MANDRILL_API_KEY=md-{u:22}', 'mandrill-api-key'],
      [ENV, 'POSTMARK_SERVER_TOKEN={uuid}', 'postmark-server-token'],
      [ENV, 'BREVO=xkeysib-{h:64}-{A:16}', 'brevo-api-key'],
      [ENV, 'MAILJET_API_SECRET={h:32}', 'mailjet-secret-key'],
    ],
    pass: [
      [pENV, 'SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
      [pENV, 'MAILGUN_API_KEY=${MAILGUN_API_KEY}'],
    ],
  },
  payments: {
    fail: [
      [ENV, 'STRIPE_SECRET_KEY=sk_live_{A:99}', 'stripe-secret-key'],
      [ENV, 'STRIPE_RESTRICTED=rk_live_{A:24}', 'stripe-restricted-key'],
      [ENV, 'STRIPE_WEBHOOK_SECRET=whsec_{A:32}', 'stripe-webhook-secret'],
      [ENV, 'SQUARE_ACCESS_TOKEN=EAAA{u:60}', 'square-access-token'],
      [ENV, 'SQUARE_OAUTH=sq0csp-{u:43}', 'square-oauth-secret'],
      [ENV, 'BRAINTREE=access_token$production${a:16}${h:32}', 'braintree-access-token'],
      [ENV, 'BRAINTREE_PRIVATE_KEY={h:32}', 'braintree-private-key'],
      [ENV, 'PAYPAL_CLIENT_SECRET=E{u:79}', 'paypal-client-secret'],
      [ENV, 'RAZORPAY_KEY_SECRET={A:24}', 'razorpay-key-secret'],
      [ENV, 'ADYEN=AQEyhmfxK{A:30}.{A:50}', 'adyen-api-key'],
    ],
    pass: [
      [pENV, 'STRIPE_SECRET_KEY=sk_test_{A:24}'],
      [pENV, 'STRIPE_PUBLISHABLE_KEY=pk_live_{A:24}'],
      [pENV, 'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'],
    ],
  },
  shopify: {
    fail: [
      [ENV, 'SHOPIFY_ACCESS_TOKEN=shpat_{h:32}', 'shopify-access-token'],
      [ENV, 'SHOPIFY_CUSTOM=shpca_{h:32}', 'shopify-custom-app-token'],
      [ENV, 'SHOPIFY_PRIVATE=shppa_{h:32}', 'shopify-private-app-token'],
      [ENV, 'SHOPIFY_SHARED_SECRET=shpss_{h:32}', 'shopify-shared-secret'],
    ],
    pass: [
      [pENV, 'SHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
      [pENV, 'SHOPIFY_ACCESS_TOKEN=${SHOPIFY_ACCESS_TOKEN}'],
    ],
  },
  atlassian: {
    fail: [
      [ENV, 'JIRA_API_TOKEN=ATATT3{u:186}', 'atlassian-api-token'],
      [ENV, 'CONFLUENCE_API_TOKEN={A:24}', 'atlassian-legacy-api-token'],
    ],
    pass: [
      [pENV, 'JIRA_API_TOKEN=${JIRA_API_TOKEN}'],
      [pENV, 'JIRA_API_TOKEN_URL=https://id.atlassian.com/manage-profile/security/api-tokens'],
    ],
  },
  identity: {
    fail: [
      [ENV, 'OKTA_API_TOKEN=00{u:40}', 'okta-api-token'],
      [ENV, 'AUTH0_CLIENT_SECRET={u:64}', 'auth0-client-secret'],
      [ENV, 'AUTH0_MANAGEMENT_TOKEN={jwt}', 'auth0-management-token'],
    ],
    pass: [
      [pENV, 'OKTA_API_TOKEN={OKTA_API_TOKEN}'],
      [pENV, 'AUTH0_CLIENT_SECRET=YOUR_CLIENT_SECRET'],
    ],
  },
  monitoring: {
    fail: [
      [ENV, 'DD_API_KEY={h:32}', 'datadog-api-key'],
      [ENV, 'DD_APP_KEY={h:40}', 'datadog-app-key'],
      [ENV, 'NEW_RELIC_USER_KEY=NRAK-{U:27}', 'newrelic-user-api-key'],
      [ENV, 'NEW_RELIC_LICENSE_KEY={h:36}NRAL', 'newrelic-license-key'],
      [ENV, 'NEW_RELIC_INSERT=NRII-{u:32}', 'newrelic-insert-key'],
      [JS, "const nr = 'NRJS-{h:19}';", 'newrelic-browser-key'],
      [ENV, 'SENTRY_AUTH_TOKEN=sntrys_eyJ{u:120}', 'sentry-org-token'],
      [ENV, 'SENTRY_USER=sntryu_{h:64}', 'sentry-user-token'],
      [ENV, 'SENTRY_AUTH_TOKEN_OLD={h:64}', 'sentry-legacy-auth-token'],
      [ENV, 'PAGERDUTY_API_KEY=u+{u:18}', 'pagerduty-api-key'],
      [ENV, 'PAGERDUTY_ROUTING_KEY={h:32}', 'pagerduty-integration-key'],
      [ENV, 'GRAFANA=glsa_{A:32}_{h:8}', 'grafana-service-account-token'],
      [ENV, 'GRAFANA_CLOUD=glc_{b:120}', 'grafana-cloud-token'],
      [ENV, 'DYNATRACE=dt0c01.{U:24}.{U:64}', 'dynatrace-api-token'],
      [ENV, 'HONEYCOMB_API_KEY={A:22}', 'honeycomb-api-key'],
    ],
    pass: [
      [pENV, 'DD_API_KEY=<DATADOG_API_KEY>'],
      [pENV, 'DD_API_KEY=${DD_API_KEY}'],
      [pENV, 'DD_SITE=datadoghq.eu'],
    ],
  },
  ai: {
    fail: [
      [ENV, 'OPENAI_API_KEY=sk-proj-{u:74}T3BlbkFJ{u:74}', 'openai-api-key'],
      [ENV, 'ANTHROPIC_API_KEY=sk-ant-api03-{u:93}AA', 'anthropic-api-key'],
      [ENV, 'ANTHROPIC_ADMIN=sk-ant-admin01-{u:93}AA', 'anthropic-admin-key'],
      [PY, 'HF_TOKEN = "hf_{l:34}"', 'huggingface-token'],
      [PY, 'HF_ORG = "api_org_{l:34}"', 'huggingface-org-token'],
      [ENV, 'REPLICATE_API_TOKEN=r8_{A:37}', 'replicate-api-token'],
      [ENV, 'GROQ_API_KEY=gsk_{A:52}', 'groq-api-key'],
      [ENV, 'PPLX=pplx-{A:48}', 'perplexity-api-key'],
      [ENV, 'XAI_API_KEY=xai-{A:80}', 'xai-api-key'],
      [ENV, 'COHERE_API_KEY={A:40}', 'cohere-api-key'],
    ],
    pass: [
      [pENV, 'OPENAI_API_KEY=sk-...'],
      [pENV, 'OPENAI_API_KEY=${OPENAI_API_KEY}'],
      [pPY, 'api_key = os.getenv("ANTHROPIC_API_KEY")'],
      [pPY, 'HF_TOKEN = "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"'],
    ],
  },
  'private-keys': {
    fail: [
      ['fail-server.pem', '{pem:RSA PRIVATE KEY}', 'private-key-rsa'],
      ['fail-ec.key', '{pem:EC PRIVATE KEY}', 'private-key-ec'],
      ['fail-dsa.key', '{pem:DSA PRIVATE KEY}', 'private-key-dsa'],
      ['fail-id_ed25519', '{pem:OPENSSH PRIVATE KEY}', 'private-key-openssh'],
      [PY, 'KEY = """{pem:PRIVATE KEY}"""', 'private-key-pkcs8'],
      ['fail-enc.key', '{pem:ENCRYPTED PRIVATE KEY}', 'private-key-pkcs8-encrypted'],
      ['fail-signing.asc', '{pem:PGP PRIVATE KEY BLOCK}', 'private-key-pgp'],
      [
        'fail-deploy.ppk',
        'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n{b:64}\n{b:20}\nPrivate-Lines: 1\n{b:44}\nPrivate-MAC: {h:64}\n',
        'private-key-putty',
      ],
      [
        'fail-ssh2.key',
        '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "deploy"\n{b:64}\n{b:64}\n{b:30}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----',
        'private-key-ssh2-encrypted',
      ],
      [ENV, 'AGE_KEY=AGE-SECRET-KEY-1{c:58}', 'age-secret-key'],
    ],
    pass: [
      [pPY, 'PEM_HEADER = "-----BEGIN RSA PRIVATE KEY-----"'],
      [pPY, 'pattern = re.compile(r"-----BEGIN (RSA |EC )?PRIVATE KEY-----")'],
      ['pass-readme.md', '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----'],
      ['pass-cert.pem', '{pem:CERTIFICATE}'],
    ],
  },
  jwt: {
    fail: [[JS, "const token = '{jwt}';", 'jwt']],
    pass: [
      [pJS, "const notJwt = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.';"],
      [pJS, "const prefix = 'eyJhbGciOiJIUzI1NiJ9';"],
      [pJS, "const random = 'eyJ{u:30}.eyJ{u:30}.{u:30}';"],
    ],
  },
  'connection-strings': {
    fail: [
      [
        ENV,
        'DATABASE_URL=postgres://app:Qz8v!rT2mP9x@db.acme.internal:5432/app',
        'postgres-connection-string',
      ],
      [ENV, 'MYSQL_URL=mysql://root:Hk3-wq9Lz2@mysql.acme.internal:3306/shop', 'mysql-connection-string'],
      [
        ENV,
        'MONGO_URL=mongodb+srv://svc:N7xK2pQ9vB4m@cluster0.ab1cd.mongodb.net/prod',
        'mongodb-connection-string',
      ],
      [ENV, 'REDIS_URL=redis://:Vt6qP3nZ8wR1@cache.acme.internal:6379/0', 'redis-connection-string'],
      [ENV, 'AMQP_URL=amqps://worker:Lp4mX9qR2tZ7@mq.acme.internal:5671/vhost', 'amqp-connection-string'],
      [
        'fail-app.properties',
        'spring.datasource.url=jdbc:sqlserver://db.acme.internal:1433;databaseName=app;user=svc;password=Xr7!pQ2zLm9w',
        'jdbc-connection-string',
      ],
      [
        'fail-app.properties',
        'oracle.url=jdbc:oracle:thin:svc/Wq8zN3pX5vL2@db.acme.internal:1521/ORCL',
        'jdbc-userinfo-connection-string',
      ],
      [
        'fail-appsettings.json',
        '{ "ConnectionStrings": { "Default": "Server=sql.acme.internal;Database=app;User Id=svc;Password=Zk4#mQ8pW2xv;" } }',
        'adonet-connection-string',
      ],
      [JS, "const ftp = 'https://deploy:Gh5tR8mK2qXz@files.acme.example.org/upload';", 'url-credentials'],
    ],
    pass: [
      [pENV, 'DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app'],
      [pENV, 'DATABASE_URL=postgres://user:password@localhost:5432/db'],
      [pENV, 'MONGO_URL=mongodb://<username>:<password>@host:27017'],
      [
        'pass-appsettings.json',
        '{ "ConnectionStrings": { "Default": "Server=sql;Database=app;Integrated Security=true;" } }',
      ],
      [pJS, "const u = 'https://user:pass@example.com/';"],
    ],
  },
  'config-files': {
    fail: [
      ['fail-dot.npmrc', '//registry.npmjs.org/:_authToken={u:36}', 'npmrc-auth-token'],
      ['fail-dot.npmrc', '_auth={b64:24}', 'npmrc-auth'],
      [
        'fail-config.json',
        '{ "auths": { "registry.acme.io": { "auth": "{b64:24}" } } }',
        'docker-config-auth',
      ],
      ['fail-kubeconfig.yaml', 'users:\n- name: ci\n  user:\n@@    token: {u:120}', 'kubeconfig-token'],
      ['fail-kubeconfig.yaml', '    client-key-data: {b64:300}', 'kubeconfig-client-key-data'],
      ['fail-dot.pypirc', '[pypi]\nusername = acme\n@@password = Zq7!vN3pL8xw', 'pypirc-password'],
      ['fail-dot.netrc', 'machine api.acme.io login deploy password Tk9#pX2mQ7vz', 'netrc-password'],
      ['fail-dot.git-credentials', 'https://deploy:Rm4qX8pN2vZt@git.acme.io', 'git-credentials'],
      ['fail-dot.htpasswd', 'admin:$apr1$Zk8qP2mX$Lq3vN7pX2mZ8wQ4rT6yK1.', 'htpasswd-hash'],
    ],
    pass: [
      ['pass-dot.npmrc', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}'],
      ['pass-config.json', '{ "credsStore": "desktop", "auths": { "ghcr.io": {} } }'],
      ['pass-kubeconfig.yaml', 'users:\n- name: ci\n  user:\n    tokenFile: /var/run/secrets/token'],
    ],
  },
  'iac-literals': {
    fail: [
      [
        'fail-main.tf',
        'resource "aws_db_instance" "db" {\n  engine   = "postgres"\n@@  password = "Sup3r-S3cret-Pw!"\n}',
        'terraform-literal-secret',
      ],
      [
        'fail-variables.tf',
        'variable "db_password" {\n  type    = string\n@@  default = "Wq8!zN3p-Lm2v"\n}',
        'terraform-variable-default-secret',
      ],
      [
        'fail-template.yaml',
        'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUsername: admin\n@@      MasterUserPassword: Xk9-vP2q!Lm7z',
        'cloudformation-literal-secret',
      ],
      [
        'fail-params.yaml',
        'Parameters:\n  DbPassword:\n    Type: String\n@@    Default: Rt5!qW8zN2pX',
        'cloudformation-parameter-default-secret',
      ],
    ],
    pass: [
      [
        'pass-main.tf',
        'resource "aws_db_instance" "db" {\n  password = var.db_password\n  manage_master_user_password = true\n}',
      ],
      ['pass-variables.tf', 'variable "db_password" {\n  type      = string\n  sensitive = true\n}'],
      [
        'pass-template.yaml',
        'Resources:\n  Db:\n    Properties:\n      MasterUserPassword: !Ref DbPassword\n      Password: "{{resolve:secretsmanager:prod/db:SecretString:password}}"',
      ],
    ],
  },
  devtools: {
    fail: [
      [ENV, 'SONAR_TOKEN=squ_{h:40}', 'sonarqube-token'],
      [ENV, 'CIRCLE_TOKEN=CCIPAT_{A:22}_{h:40}', 'circleci-token'],
      [ENV, 'BUILDKITE_API_TOKEN=bkua_{h:40}', 'buildkite-token'],
      [ENV, 'PULUMI_ACCESS_TOKEN=pul-{h:40}', 'pulumi-access-token'],
      [ENV, 'DOPPLER_TOKEN=dp.st.{A:43}', 'doppler-token'],
      [ENV, 'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ{u:300}', 'onepassword-service-account-token'],
      [ENV, 'SNYK_TOKEN={uuid}', 'snyk-api-token'],
      [ENV, 'LAUNCHDARKLY_SDK_KEY=sdk-{uuid}', 'launchdarkly-access-token'],
      [ENV, 'POSTMAN=PMAK-{h:24}-{h:34}', 'postman-api-key'],
      [ENV, 'CODECOV_TOKEN={uuid}', 'codecov-token'],
      [ENV, 'TRAVIS_API_TOKEN={u:22}', 'travis-ci-token'],
    ],
    pass: [
      [pENV, 'SONAR_TOKEN=${{ secrets.SONAR_TOKEN }}'],
      [pENV, 'SNYK_TOKEN=$SNYK_TOKEN'],
      [pENV, 'CODECOV_TOKEN=<token>'],
    ],
  },
  productivity: {
    fail: [
      [ENV, 'NOTION_TOKEN=secret_{A:43}', 'notion-integration-token'],
      [ENV, 'LINEAR_API_KEY=lin_api_{A:40}', 'linear-api-key'],
      [ENV, 'FIGMA_TOKEN=figd_{u:40}', 'figma-token'],
      [ENV, 'AIRTABLE=pat{A:14}.{h:64}', 'airtable-pat'],
      [ENV, 'ASANA_ACCESS_TOKEN=2/{d:16}/{d:16}:{h:32}', 'asana-pat'],
      [ENV, 'TYPEFORM=tfp_{u:44}_{u:14}', 'typeform-token'],
      [ENV, 'HUBSPOT=pat-na1-{uuid}', 'hubspot-private-app-token'],
      [ENV, 'DROPBOX=sl.{u:140}', 'dropbox-access-token'],
      [ENV, 'MAPBOX=sk.eyJ{u:60}.{u:22}', 'mapbox-secret-token'],
      [PY, 'BOT = "{d:10}:AA{u:33}"', 'telegram-bot-token'],
      [ENV, 'ZENDESK_API_TOKEN={A:40}', 'zendesk-api-token'],
      [ENV, 'ALGOLIA_ADMIN_KEY={h:32}', 'algolia-admin-key'],
    ],
    pass: [
      [pENV, 'NOTION_TOKEN=secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
      [pENV, 'MAPBOX=pk.eyJ1IjoiYWNtZSJ9.abc'],
      [pENV, 'ALGOLIA_SEARCH_KEY_NAME=search'],
    ],
  },
  'generic-keyword': {
    fail: [
      [PY, 'db_password = "Tr7#kQ9zLp2x"', 'generic-secret-code'],
      [YML, 'smtp_password: "Vn4!pR8qZ2mx"', 'generic-secret-yaml'],
      [YML, 'api_token: Hq8mZ3vX9pL2wR4t', 'generic-secret-yaml-unquoted'],
      ['fail-appsettings.json', '{ "Auth": { "ClientSecret": "Lm3#qX7pV9zR" } }', 'generic-secret-json'],
      ['fail-app.properties', 'mail.smtp.password=Pz5!wN8qX2mv', 'generic-secret-properties'],
      ['fail-web.config', '<add key="ApiToken" value="Qx9!mR4pL7zv" />', 'generic-secret-xml'],
      ['fail-deploy.sh', 'export DEPLOY_TOKEN=Wz6qN9pX3mLr', 'generic-secret-shell'],
      ['fail-deploy.sh', 'mysql --password=Rk7mQ2pX9vNz -h db', 'generic-password-flag'],
    ],
    pass: [
      [pPY, 'password = os.environ["DB_PASSWORD"]'],
      [pPY, 'password = "changeme"'],
      [pPY, 'token = get_token()'],
      [pPY, 'PASSWORD_FIELD = "password"'],
      [pPY, 'password_hint = "Your pet name plus digits"'],
      [pPY, 'secret_name = "prod/db/password"'],
      [pPY, 'api_key = "${API_KEY}"'],
      [pPY, 'token_type = "Bearer"'],
      [pPY, 'password = "%s"'],
      [pPY, 'client_secret = "{{ client_secret }}"'],
      [pPY, 'auth_token = "xxxxxxxxxxxxxxxx"'],
      [pPY, 'SECRET_KEY = "abcdefghijklmnop"'],
      [pPY, 'access_key = "resetPasswordToken"'],
      [pYML, 'password: ${DB_PASSWORD}'],
      [pYML, 'password: "{{ .Values.db.password }}"'],
      [pYML, 'client_secret: <client-secret>'],
      [pYML, 'secret_key_ref: db-secret'],
      [pYML, 'token_file: /var/run/secrets/token'],
      ['pass-app.properties', 'spring.datasource.password=${DB_PASSWORD}'],
      ['pass-deploy.sh', 'export API_TOKEN=$(vault kv get -field=token secret/ci)'],
      ['pass-deploy.sh', 'export DB_PASSWORD="$DB_PASSWORD"'],
      ['pass-web.config', '<add key="ApiToken" value="#{ApiToken}#" />'],
      ['pass-appsettings.json', '{ "Auth": { "ClientSecret": "***" } }'],
    ],
  },
  'generic-entropy': {
    fail: [
      [PY, 'signing_key = "{b:40}"', 'generic-high-entropy-base64'],
      [JS, "const hmacKey = '{h:64}';", 'generic-high-entropy-hex'],
    ],
    pass: [
      ['pass-package-lock.json', '{ "packages": { "node_modules/a": { "integrity": "sha512-{b:86}==" } } }'],
      [pJS, "const key = '{uuid}';"],
      [pJS, "const keyPath = '/etc/ssl/private/server/tls.key';"],
      [pJS, "const checksum = '{h:64}';"],
      [pJS, "const keyName = 'someLongConfigurationKeyName';"],
      [pJS, "const secretKey = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';"],
    ],
  },
};
