import sys
sys.path.insert(0, '/work/main/test/secrets/tools')
from rules_a import write
from rules_b import d, R, tok, asg, P, K, A, J

KW="['password','passwd','passphrase','pwd','secret','token','api_key','apikey','api-key','access_key','accesskey','auth_key','private_key','credential']"
NAME=r'[A-Za-z0-9_.-]{0,40}(?i:password|passwd|passphrase|pwd|secret|token|api[_.-]?key|access[_.-]?key|auth[_.-]?key|private[_.-]?key|credentials?)[A-Za-z0-9_.-]{0,30}'
# names that hold a name, a type or a setting about the secret, not the secret itself
DENY=R(r'(?i:(?:name|id|ids|type|types|length|len|size|url|uri|urls|path|file|files|filename|dir|field|label|hint|prompt|placeholder|format|regex|pattern|policy|policies|expiry|expires|expiration|ttl|count|header|param|params|endpoint|enabled|disabled|required|min|max|hash|hashed|salt|prefix|suffix|ref|arn|version|mode|strategy|source|store|manager|provider|service|style|color|class|key_?id|reset|changed|confirm|confirmation|validation|validator|error|errors|message|msg|text|title|description|sent|storage|location|env|var|variable|mask|masked|visible|input|selector|icon|method|scope|scopes|audience|issuer|lifetime|timeout|limit|rotation|generator|encoder|decoder|helper|util|utils|test|tests|spec|mock|fixture|example|sample|template|default|defaults)["\'\]]?\s*(?::=|=>|[:=]))')
VAL_Q=r'[^"\'\s\\]{4,200}'
VAL_U=r'[^\s"\'#;,]{4,200}'
common=dict(filters=A, minEntropy='2.6', rejectMatch=DENY)
write('generic-keyword', id='PAL-SECRET-035', doc='Generic: a literal assigned to a password, secret, token or api_key name, per file type.', title='Hard-coded password or secret', severity='high',
  rationale='A literal credential in code is as usable as a provider key, but nothing identifies the provider to revoke it automatically.',
  description='A literal value is assigned to a name that says password, secret, token, API key or credential. Each file type has its own assignment syntax (code, YAML, JSON, properties, ini, .env, XML, shell). Placeholders, references to the environment or a secret store, identifiers, paths and low-entropy words are filtered out.',
  remediation='Change the password or revoke the secret, and read it at run time from the environment or a secret store.',
  tags="'credential', 'generic'",
  detectors=J(
    d('generic-secret-code','Hard-coded secret in source code (quoted literal assigned to a secret-named variable or key)',KW[1:-1].split(',') and eval(KW),
      R(NAME+r'["\'\]]?\s{0,4}(?::=|=>|=|:)\s{0,4}(?:[A-Za-z]{1,10}\()?["\']('+VAL_Q+r')["\']'), fileKinds="['code']", generic="'keyword'", **common),
    d('generic-secret-yaml','Hard-coded secret in YAML',eval(KW),
      R(r'(?m:^\s*-?\s*["\']?'+NAME+r'["\']?\s*:\s+)(?:["\']('+VAL_Q+r')["\']|('+VAL_U+r'))\s*(?:#.*)?$'), fileKinds="['yaml']", generic="'keyword'", filters=A, minEntropy='2.6', rejectMatch=DENY),
    d('generic-secret-yaml-unquoted','Hard-coded secret in YAML (unquoted)',eval(KW),
      R(r'(?m:^\s*-?\s*'+NAME+r'\s*:\s+)([^\s"\'#{}\[\]&*!|>][^\s"\'#]{3,199})\s*(?:#.*)?$'), fileKinds="['yaml']", generic="'keyword'", filters=A, minEntropy='2.6', rejectMatch=DENY),
    d('generic-secret-json','Hard-coded secret in JSON',eval(KW),
      R(r'"'+NAME+r'"\s*:\s*"('+VAL_Q+r')"'), fileKinds="['json']", generic="'keyword'", **common),
    d('generic-secret-properties','Hard-coded secret in a properties, ini, .env or TOML file',eval(KW),
      R(r'(?m:^\s*(?:export\s+)?'+NAME+r'\s*[=:]\s*)["\']?('+VAL_U+r')["\']?\s*$'), fileKinds="['properties', 'ini', 'env']", generic="'keyword'", **common),
    d('generic-secret-xml','Hard-coded secret in XML (element, attribute or key/value setting)',eval(KW),
      R(r'(?:<'+NAME+r'(?:\s[^>]{0,100})?>\s*([^<\s]{4,200})\s*</|\s'+NAME+r'\s*=\s*"([^"\s]{4,200})"|key\s*=\s*"'+NAME+r'"\s+value\s*=\s*"([^"\s]{4,200})")'), fileKinds="['xml']", generic="'keyword'", filters=A, minEntropy='2.6'),
    d('generic-secret-shell','Hard-coded secret in a shell script or Dockerfile',eval(KW),
      R(r'(?:^|\s|;)(?:export\s+|ENV\s+|ARG\s+|set\s+)?'+NAME+r'[=\s]\s*["\']?([^\s"\'$;|&]{4,200})["\']?(?:\s|;|$)'), fileKinds="['shell']", generic="'keyword'", **common),
    d('generic-password-flag','Password given on a command line (--password=..., -p...)',['--password','--pass','-p','--token','--api-key'],
      R(r'(?:^|\s)(?:--password|--passwd|--pass|--token|--api-key|--secret)(?:=|\s+)["\']?([^\s"\'$;|&]{4,200})'), fileKinds="['shell', 'other', 'yaml']", generic="'keyword'", filters=A, minEntropy='2.6'),
  ))

HINT=r'(?i:key|secret|token|passw|pwd|auth|cred|private|bearer|api_|apikey|signature|salt|cert)'
write('generic-entropy', id='PAL-SECRET-036', doc='Generic: high-entropy base64 and hex strings in a secret-like context.', title='High-entropy secret-like string', severity='medium',
  rationale='A random-looking value next to a secret-like name is often a credential; it is medium because the provider is unknown and some are false alarms.',
  description='A quoted or assigned string with high Shannon entropy (base64 or hex) on a line that talks about keys, secrets, tokens, passwords or credentials. The limits are tunable in .palisade.yml (`secrets.entropy.base64`, `secrets.entropy.hex`). Lockfiles, SRI integrity values, checksums, UUIDs and file paths are ignored.',
  remediation='If it is a credential, revoke and rotate it and read it at run time from a secret store; if not, mark it with `palisade:allow`.',
  tags="'credential', 'generic', 'entropy'",
  detectors=J(
    d('generic-high-entropy-base64','High-entropy base64 string in a secret-like context',['key','secret','token','passw','pwd','auth','cred','private','bearer','api_','apikey','signature','salt'],
      R(HINT+r'[^\n]{0,40}?(?:["\']|[:=]\s{0,4})([A-Za-z0-9+/_-]{20,}={0,2})(?:["\']|\s*$|\s*[,;])'), generic="'entropy-base64'", filters=A, validators="['mixed-alphanumeric']"),
    d('generic-high-entropy-hex','High-entropy hex string in a secret-like context',['key','secret','token','passw','pwd','auth','cred','private','bearer','api_','apikey','signature','salt'],
      R(HINT+r'[^\n]{0,40}?(?:["\']|[:=]\s{0,4})([a-fA-F0-9]{32,})(?:["\']|\s*$|\s*[,;])'), generic="'entropy-hex'", filters=A, validators="['mixed-alphanumeric']"),
  ))
