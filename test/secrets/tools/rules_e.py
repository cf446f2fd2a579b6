import sys
sys.path.insert(0, '/work/main/test/secrets/tools')
from rules_a import write
from rules_b import d, R, tok, asg, P, K, A, J

def pem(id, desc, label, extra=''):
    return d(id, desc, ['-----begin'], R(r'(-----BEGIN ' + label + r'-----(?:\\r\\n|\\n|\r?\n|\s)[\s\S]{64,}?-----END ' + label + r'-----)'), spanChars='24000', validators="['pem-block']" + extra)

write('private-keys', id='PAL-SECRET-028', doc='Private keys: RSA, EC, DSA, OpenSSH, PKCS#8 (plain and encrypted), PGP, PuTTY, age.', title='Private key in source', severity='critical',
  rationale='A private key proves identity (TLS server, SSH login, code signing, GitHub App) to anyone who holds it.',
  description='A private key is committed to the repository. The whole block is checked (BEGIN and matching END lines and a base64 body), so headers quoted in docs or regexes are not reported.',
  remediation='Treat the key as compromised: revoke its certificate or remove it from authorized_keys / the app, generate a new key, and keep it in a secret store or an HSM.',
  tags="'private-key', 'credential'",
  detectors=J(
    pem('private-key-rsa','RSA private key (PKCS#1)','RSA PRIVATE KEY'),
    pem('private-key-ec','EC private key','EC PRIVATE KEY'),
    pem('private-key-dsa','DSA private key','DSA PRIVATE KEY'),
    pem('private-key-openssh','OpenSSH private key','OPENSSH PRIVATE KEY'),
    pem('private-key-pkcs8','PKCS#8 private key','PRIVATE KEY'),
    pem('private-key-pkcs8-encrypted','Encrypted PKCS#8 private key (with its passphrase nearby it is usable)','ENCRYPTED PRIVATE KEY'),
    pem('private-key-pgp','PGP private key block','PGP PRIVATE KEY BLOCK'),
    d('private-key-putty','PuTTY private key (.ppk)',['putty-user-key-file-'], R(r'(PuTTY-User-Key-File-[23]: [a-z0-9-]+\r?\n(?:[^\r\n]*\r?\n){1,12}?Private-Lines: \d+\r?\n(?:[A-Za-z0-9+/=]+\r?\n)+)'), spanChars='8000', minEntropy='4'),
    d('private-key-ssh2-encrypted','SSH.com (SSH2) encrypted private key',['---- begin ssh2 encrypted private key'], R(r'(---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\r?\n[\s\S]{64,}?---- END SSH2 ENCRYPTED PRIVATE KEY ----)'), spanChars='9000', minEntropy='4'),
    d('age-secret-key','age encryption secret key',['age-secret-key-1'], tok(r'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}'), filters=P),
  ))

write('jwt', id='PAL-SECRET-029', doc='JSON Web Tokens.', title='JSON Web Token in source', severity='medium',
  rationale='A JWT is a bearer credential until it expires; many are long-lived service tokens.',
  description='A signed JSON Web Token is committed to the repository. The header must base64url-decode to JSON with an `alg` (and not `none`), so random eyJ strings are not reported.',
  remediation='Revoke the token (or rotate the signing key if it cannot be revoked) and have the application obtain tokens at run time.',
  tags="'jwt', 'credential'",
  detectors=J(
    d('jwt','JSON Web Token (signed)',['eyj'], R(r'(?:^|[^A-Za-z0-9_.-])(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{16,})(?:[^A-Za-z0-9_.-]|$)'), validators="['jwt']", filters="['example']"),
  ))

CRED=r'[^\s:/?#@"\'<>{}$]{1,64}'
PW=r'[^\s/?#@"\'<>]{3,128}'
write('connection-strings', id='PAL-SECRET-030', doc='Credentials inside URLs and database connection strings.', title='Password in a URL or connection string', severity='high',
  description='A URL or database connection string holds a literal password (postgres, mysql, mongodb and mongodb+srv, redis, amqp, JDBC, ADO.NET `Password=`, or any scheme://user:password@host URL).',
  remediation='Change the database or service password, and build the connection string at run time from a secret (or use IAM / managed identity authentication).',
  tags="'database', 'credential'",
  detectors=J(
    d('postgres-connection-string','PostgreSQL connection URL with password',['postgres://','postgresql://','postgis://'], R(r'(?i:postgres(?:ql)?|postgis)(?:\+[a-z0-9]+)?://'+CRED+r':('+PW+r')@[A-Za-z0-9.\[\]_-]'), filters=A),
    d('mysql-connection-string','MySQL or MariaDB connection URL with password',['mysql','mariadb://'], R(r'(?i:mysql|mariadb)(?:\+[a-z0-9]+)?://'+CRED+r':('+PW+r')@[A-Za-z0-9.(\[\]_-]'), filters=A),
    d('mongodb-connection-string','MongoDB connection URL with password',['mongodb://','mongodb+srv://'], R(r'(?i:mongodb(?:\+srv)?)://'+CRED+r':('+PW+r')@[A-Za-z0-9.\[\]_-]'), filters=A),
    d('redis-connection-string','Redis connection URL with password',['redis://','rediss://'], R(r'(?i:rediss?)://(?:'+CRED+r')?:('+PW+r')@[A-Za-z0-9.\[\]_-]'), filters=A),
    d('amqp-connection-string','AMQP (RabbitMQ) connection URL with password',['amqp://','amqps://'], R(r'(?i:amqps?)://'+CRED+r':('+PW+r')@[A-Za-z0-9.\[\]_-]'), filters=A),
    d('jdbc-connection-string','JDBC URL with a password',['jdbc:'], R(r'jdbc:[a-z0-9]+:[^\s"\'<>]{0,200}?(?:[?&;:]|\s)(?i:password|pwd)=([^\s&;"\'<>]{3,128})'), filters=A),
    d('jdbc-userinfo-connection-string','JDBC URL with user:password@host',['jdbc:'], R(r'jdbc:[a-z0-9]+:(?:thin:)?(?://)?'+CRED+r'[:/]('+PW+r')@[A-Za-z0-9./(\[\]_-]'), filters=A),
    d('adonet-connection-string','ADO.NET / ODBC connection string with Password=',['password=','pwd='], R(r'(?i:(?:server|data source|host|address|addr|dsn|driver|initial catalog|database|user id|uid)\s*=[^;"\'\n]{1,200};[^"\'\n]{0,300}?(?:password|pwd)\s*=\s*)(\{[^}\n]{3,128}\}|[^;"\'\s<>][^;"\'<>\n]{2,127})'), filters=A),
    d('url-credentials','URL with embedded user and password',['://'], R(r'(?i:[a-z][a-z0-9+.-]{1,20})://'+CRED+r':('+PW+r')@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}'), filters=A,
      rejectMatch=R(r'^(?i:postgres|postgis|mysql|mariadb|mongodb|redis|amqp|jdbc)')),
  ))
