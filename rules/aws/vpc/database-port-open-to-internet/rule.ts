import { coversAllPorts, coversPort, internetSource } from '../../../../scanners/kinds/aws/vpc.js';
import { defineRule, type Entity, resources } from '../../../../scanners/rules/api.js';
import { cidrText } from '../security-group-ingress.js';

const DATABASE_PORTS = new Map([
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [3306, 'MySQL'],
  [5432, 'PostgreSQL'],
  [5439, 'Redshift'],
  [6379, 'Redis'],
  [9042, 'Cassandra'],
  [9200, 'Elasticsearch'],
  [11211, 'Memcached'],
  [27017, 'MongoDB'],
]);

export default defineRule({
  id: 'PAL-AWS-VPC-004',
  title: 'Security group allows a database port from the internet',
  severity: 'high',
  severityRationale:
    'Databases and caches on the internet face credential guessing and, for some, unauthenticated access.',
  category: 'iac',
  description:
    'A security group ingress rule admits a well-known database or cache port (MySQL, PostgreSQL, SQL Server, Oracle, MongoDB, Redis, Memcached, Elasticsearch, Cassandra, Redshift) from 0.0.0.0/0 or ::/0.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'EC2.19' }],
  remediation: 'Allow database ports only from the application security groups or private address ranges.',
  tags: ['aws', 'vpc', 'security-group', 'database', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const group of resources(model, 'aws.vpc.securityGroups')) {
      for (const rule of (group.ingress as Entity[]) ?? []) {
        const source = internetSource(rule);
        // Every-port rules are PAL-AWS-VPC-003's finding.
        if (!source || source === 'unknown' || coversAllPorts(rule) !== false) continue;
        const exposed = [...DATABASE_PORTS].filter(([port]) => coversPort(rule, port) === true);
        if (!exposed.length) continue;
        const names = exposed.map(([port, name]) => `${name} (${port})`).join(', ');
        report({
          resource: rule,
          attr: source,
          message: `Security group ${group.address} allows ${names} from ${cidrText(source)}.`,
        });
      }
    }
  },
});
