/**
 * Writes the labelled accuracy corpus (test/secrets/corpus/fixtures/ and labels.json) from the templates below:
 * realistic files where a line starting with `@@` holds a real-looking (synthetic) credential and every other
 * line, many of them near-misses, holds none. Run: npx tsx test/secrets/tools/generate-corpus.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from '../../../scanners/core/package.js';
import { expand, seededRandom } from './samples.js';

const FILES: Record<string, string> = {
  'billing/service.py': `import os
import stripe

# Test mode key from the Stripe docs, safe to share
STRIPE_TEST = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
@@stripe.api_key = "sk_live_{A:32}"
api_key = os.environ.get("STRIPE_API_KEY")
password_hint = "Use your company SSO password"
secret_name = "billing/stripe/live"
token_url = "https://connect.stripe.com/oauth/token"
@@db_password = "Tq8#mZ2vLx9!pR"
TIMEOUT = 30
checksum = "{h:64}"
user_id = "{uuid}"
PASSWORD_FIELD = "password"
def get_token(client):
    token = client.fetch_token()
    return token
`,
  'web/src/config.ts': `export const config = {
  apiBase: 'https://api.acme.io',
  apiKey: process.env.ACME_API_KEY ?? '',
@@  sentryAuth: 'sntryu_{h:64}',
  passwordMinLength: 12,
  tokenStorageKey: 'acme.session.token',
@@  mapsKey: 'AIza{u:35}',
  secretHeaderName: 'X-Acme-Secret',
  placeholderToken: 'YOUR_TOKEN_HERE',
  clientSecret: '<client-secret>',
  buildHash: '{h:40}',
};
@@const github = '{gh:ghp_}';
const notGithub = 'ghp_{A:36}';
const uuidKey = '{uuid}';
const integrity = 'sha384-{b:64}';
`,
  'deploy/values.yaml': `replicaCount: 2
image:
  repository: registry.acme.io/web
  tag: "{h:12}"
env:
  DB_HOST: db.acme.internal
@@  DB_PASSWORD: "Vn4!pR8qZ2mx-w"
  REDIS_PASSWORD: "{{ .Values.redis.password }}"
  API_TOKEN: \${API_TOKEN}
@@  SLACK_WEBHOOK: https://hooks.slack.com/services/T{U:10}/B{U:10}/{A:24}
  secretKeyRef: app-secrets
  token_ttl: 3600
  password_policy: strong
@@  datadog_api_key: {h:32}
  checksum/config: {h:64}
`,
  'infra/main.tf': `resource "aws_db_instance" "main" {
  engine   = "postgres"
  username = "app"
@@  password = "Sup3r-S3cret-Pw!9"
}

resource "aws_db_instance" "replica" {
  password = var.db_password
  manage_master_user_password = true
}

variable "api_token" {
  type      = string
  sensitive = true
}

locals {
  secret_arn = aws_secretsmanager_secret.db.arn
}
`,
  'app/src/main/resources/application.properties': `spring.datasource.url=jdbc:postgresql://db:5432/app
spring.datasource.username=app
spring.datasource.password=\${DB_PASSWORD}
@@mail.smtp.password=Pz5!wN8qX2mv
security.jwt.secret-name=jwt-signing
@@security.oauth2.client.registration.github.client-secret={h:40}
management.endpoints.web.exposure.include=health
app.token.expiry=3600
`,
  '.env.example': `# Copy to .env and fill in
DATABASE_URL=postgres://user:password@localhost:5432/app
OPENAI_API_KEY=sk-...
AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
SECRET_KEY=changeme
`,
  'ops/.env.production': `NODE_ENV=production
@@DATABASE_URL=postgres://app:Qz8vRt2mP9xK@db.acme.internal:5432/app
@@AWS_ACCESS_KEY_ID=AKIA{B:16}
@@AWS_SECRET_ACCESS_KEY={A:40}
@@ANTHROPIC_API_KEY=sk-ant-api03-{u:93}AA
LOG_LEVEL=info
FEATURE_FLAGS=search,checkout
@@NPM_TOKEN={gh:npm_}
`,
  'scripts/deploy.sh': `#!/usr/bin/env bash
set -euo pipefail
export API_TOKEN=$(vault kv get -field=token secret/ci)
export DB_PASSWORD="$DB_PASSWORD"
@@export DEPLOY_TOKEN=Wz6qN9pX3mLr7
@@curl -H "Authorization: Bearer {jwt}" https://api.acme.io/deploy
echo "token file: /run/secrets/token"
@@mysql --password=Rk7mQ2pX9vNz -h db.acme.internal app < dump.sql
`,
  'internal/auth/keys.go': `package auth

import "os"

const tokenHeader = "Authorization"
@@const hmacSecret = "{h:64}"
var signingKey = []byte(os.Getenv("SIGNING_KEY"))
const examplePrivateKeyPath = "/etc/acme/private/signing.pem"
const secretLength = 32
@@var slackToken = "xoxb-{d:12}-{d:12}-{A:24}"
func tokenFor(user string) string { return user + ":" + secretLength }
`,
  'certs/server.key': `@@{pem:RSA PRIVATE KEY}`,
  'docs/setup.md': `# Setup

1. Create a token at https://github.com/settings/tokens and export it:

   export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx

2. Set \`password: <your-password>\` in config.yaml.
3. The PEM header looks like \`-----BEGIN RSA PRIVATE KEY-----\`.
`,
  'web/package-lock.json': `{
  "packages": {
    "node_modules/left-pad": {
      "version": "1.3.0",
      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
      "integrity": "sha512-{b:86}=="
    }
  }
}
`,
  'src/Settings.cs': `public class Settings
{
    public string ApiKey { get; set; } = Environment.GetEnvironmentVariable("API_KEY");
@@    private const string ConnectionString = "Server=sql.acme.internal;Database=app;User Id=svc;Password=Zk4#mQ8pW2xv;";
    public string PasswordLabel = "Password";
@@    private static readonly string SendGridKey = "SG.{u:22}.{u:43}";
    public int TokenLifetimeMinutes = 60;
}
`,
  'app/config/initializers/services.rb': `Rails.application.configure do
  config.x.api_key = ENV.fetch("SERVICE_API_KEY")
@@  config.x.twilio_auth_token = "{h:32}"
  config.x.password_reset_within = 2.hours
  config.x.secret_key_base_name = "secret_key_base"
@@  config.x.github_pat = "github_pat_{A:22}_{A:59}"
  config.x.token_length = 24
end
`,
  'public/index.php': `<?php
$config = [
    'db_host' => 'localhost',
@@    'db_password' => 'Hn7#vQ2mXp9k',
    'api_key' => getenv('API_KEY'),
    'secret' => '%s',
    'token' => '{{ token }}',
@@    'mailgun_key' => 'key-{h:32}',
];
`,
  'src/main/java/com/acme/Keys.java': `package com.acme;

public final class Keys {
    public static final String TOKEN_HEADER = "X-Auth-Token";
    private static final String PASSWORD_PROPERTY = "acme.db.password";
@@    private static final String SHOPIFY = "shpat_{h:32}";
    private String secret = System.getenv("ACME_SECRET");
    private static final String SERIAL = "0123456789abcdef0123456789abcdef";
@@    private static final String GITLAB = "glpat-{u:20}";
}
`,
  'docker-compose.yml': `services:
  db:
    image: postgres:16
    environment:
@@      POSTGRES_PASSWORD: Xw3!kP9qLm2z
      POSTGRES_USER: app
  web:
    environment:
      DATABASE_URL: postgres://app:\${POSTGRES_PASSWORD}@db:5432/app
      SECRET_KEY_BASE: \${SECRET_KEY_BASE}
@@      SENDGRID_API_KEY: SG.{u:22}.{u:43}
`,
  'ci/.npmrc': `registry=https://registry.npmjs.org/
@@//registry.npmjs.org/:_authToken={u:36}
//npm.pkg.github.com/:_authToken=\${GITHUB_TOKEN}
`,
  'infra/prod.tfvars': `region        = "eu-west-1"
instance_type = "t3.large"
@@cloudflare_api_token = "{u:40}"
db_password_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db"
`,
  'config/appsettings.json': `{
  "Logging": { "LogLevel": { "Default": "Information" } },
@@  "Auth": { "ClientSecret": "Lm3#qX7pV9zR-k2" },
  "KeyVault": { "SecretUri": "@Microsoft.KeyVault(SecretUri=https://acme.vault.azure.net/secrets/api/)" },
  "Jwt": { "Issuer": "acme", "TokenLifetime": "01:00:00" }
}
`,
};

const root = packagePath('test/secrets/corpus');
rmSync(path.join(root, 'fixtures'), { recursive: true, force: true });
const random = seededRandom(31337);
const labels: Record<string, number[]> = {};
for (const [file, template] of Object.entries(FILES)) {
  const lines = expand(template, random).split('\n');
  const positives: number[] = [];
  const out = lines.map((line, index) => {
    if (!line.startsWith('@@')) return line;
    positives.push(index + 1);
    return line.slice(2);
  });
  labels[file] = positives;
  const target = path.join(root, 'fixtures', file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, out.join('\n'));
}
writeFileSync(path.join(root, 'labels.json'), `${JSON.stringify(labels, null, 2)}\n`);
