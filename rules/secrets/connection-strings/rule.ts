import { ALL_FILTERS } from '../../../scanners/secrets/filters.js';
import { secretRule } from '../../../scanners/secrets/secret-rule.js';

/** Credentials inside URLs and database connection strings. */
export default secretRule({
  id: 'PAL-SECRET-030',
  title: 'Password in a URL or connection string',
  severity: 'high',
  severityRationale: 'A working credential lets anyone who reads the repository act as its owner.',
  description:
    'A URL or database connection string holds a literal password (postgres, mysql, mongodb and mongodb+srv, redis, amqp, JDBC, ADO.NET `Password=`, or any scheme://user:password@host URL).',
  remediation:
    'Change the database or service password, and build the connection string at run time from a secret (or use IAM / managed identity authentication).',
  tags: ['database', 'credential'],
  detectors: [
    {
      id: 'postgres-connection-string',
      description: 'PostgreSQL connection URL with password',
      keywords: ['postgres://', 'postgresql://', 'postgis://'],
      pattern: String.raw`(?i:postgres(?:ql)?|postgis)(?:\+[a-z0-9]+)?://[^\s:/?#@"\'<>{}$]{1,64}:([^\s/?#@"\'<>]{3,128})@[A-Za-z0-9.\[\]_-]`,
      filters: ALL_FILTERS,
    },
    {
      id: 'mysql-connection-string',
      description: 'MySQL or MariaDB connection URL with password',
      keywords: ['mysql', 'mariadb://'],
      pattern: String.raw`(?i:mysql|mariadb)(?:\+[a-z0-9]+)?://[^\s:/?#@"\'<>{}$]{1,64}:([^\s/?#@"\'<>]{3,128})@[A-Za-z0-9.(\[\]_-]`,
      filters: ALL_FILTERS,
    },
    {
      id: 'mongodb-connection-string',
      description: 'MongoDB connection URL with password',
      keywords: ['mongodb://', 'mongodb+srv://'],
      pattern: String.raw`(?i:mongodb(?:\+srv)?)://[^\s:/?#@"\'<>{}$]{1,64}:([^\s/?#@"\'<>]{3,128})@[A-Za-z0-9.\[\]_-]`,
      filters: ALL_FILTERS,
    },
    {
      id: 'redis-connection-string',
      description: 'Redis connection URL with password',
      keywords: ['redis://', 'rediss://'],
      pattern: String.raw`(?i:rediss?)://(?:[^\s:/?#@"\'<>{}$]{1,64})?:([^\s/?#@"\'<>]{3,128})@[A-Za-z0-9.\[\]_-]`,
      filters: ALL_FILTERS,
    },
    {
      id: 'amqp-connection-string',
      description: 'AMQP (RabbitMQ) connection URL with password',
      keywords: ['amqp://', 'amqps://'],
      pattern: String.raw`(?i:amqps?)://[^\s:/?#@"\'<>{}$]{1,64}:([^\s/?#@"\'<>]{3,128})@[A-Za-z0-9.\[\]_-]`,
      filters: ALL_FILTERS,
    },
    {
      id: 'jdbc-connection-string',
      description: 'JDBC URL with a password',
      keywords: ['jdbc:'],
      pattern: String.raw`jdbc:[a-z0-9]+:[^\s"\'<>]{0,200}?(?:[?&;:]|\s)(?i:password|pwd)=([^\s&;"\'<>]{3,128})`,
      filters: ALL_FILTERS,
    },
    {
      id: 'jdbc-userinfo-connection-string',
      description: 'JDBC URL with user:password@host',
      keywords: ['jdbc:'],
      pattern: String.raw`jdbc:[a-z0-9]+:(?:thin:)?(?://)?[^\s:/?#@"\'<>{}$]{1,64}[:/]([^\s/?#@"\'<>]{3,128})@[A-Za-z0-9./(\[\]_-]`,
      filters: ALL_FILTERS,
    },
    {
      id: 'adonet-connection-string',
      description: 'ADO.NET / ODBC connection string with Password=',
      keywords: ['password=', 'pwd='],
      pattern: String.raw`(?i:(?:server|data source|host|address|addr|dsn|driver|initial catalog|database|user id|uid)\s*=[^;"\'\n]{1,200};[^"\'\n]{0,300}?(?:password|pwd)\s*=\s*)(\{[^}\n]{3,128}\}|[^;"\'\s<>][^;"\'<>\n]{2,127})`,
      filters: ALL_FILTERS,
    },
    {
      id: 'url-credentials',
      description: 'URL with embedded user and password',
      keywords: ['://'],
      // The scheme is unbounded: a counted `{1,20}` here multiplies RE2's automaton states on URL-dense lines.
      pattern: String.raw`(?i:[a-z][a-z0-9+.-]+)://[^\s:/?#@"\'<>{}$]{1,64}:([^\s/?#@"\'<>]{3,128})@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}`,
      filters: ALL_FILTERS,
      rejectMatch: '^(?i:postgres|postgis|mysql|mariadb|mongodb|redis|amqp|jdbc)',
      // Scheme, user (64), password (128) and enough of the host: `://` is everywhere in minified code.
      maxMatchChars: 320,
      alsoContains: '@',
    },
  ],
});
