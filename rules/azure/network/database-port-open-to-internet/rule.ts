import { defineRule } from '../../../../scanners/rules/api.js';
import { carriesTcp, coversAllPorts, coversPort, internetInboundRules } from '../nsg-exposure.js';

/** Well-known database ports and the engines behind them. */
const DATABASE_PORTS = new Map([
  [1433, 'SQL Server'],
  [3306, 'MySQL'],
  [5432, 'PostgreSQL'],
  [6379, 'Redis'],
  [9042, 'Cassandra'],
  [9200, 'Elasticsearch'],
  [27017, 'MongoDB'],
]);

export default defineRule({
  id: 'PAL-AZURE-NETWORK-005',
  title: 'Network security group exposes a database port to the internet',
  severity: 'high',
  severityRationale:
    'Database listeners reached from anywhere face credential attacks and exploits, and often hold the crown jewels.',
  category: 'iac',
  description:
    'An inbound Allow rule admits a well-known database port (SQL Server, MySQL, PostgreSQL, Redis, MongoDB, Cassandra, Elasticsearch) from any internet source.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-1',
    },
  ],
  remediation:
    'Remove the rule; let applications reach the database over private addresses, and administrators through a VPN or Bastion.',
  tags: ['azure', 'network', 'nsg', 'database', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  check({ model, report }) {
    for (const exposed of internetInboundRules(model)) {
      // Every-port rules are PAL-AZURE-NETWORK-003's finding; this rule names database ports opened on purpose.
      if (!carriesTcp(exposed.protocol) || exposed.ports.some(coversAllPorts)) continue;
      const engines = [...DATABASE_PORTS].filter(([port]) => exposed.ports.some((p) => coversPort(p, port)));
      if (!engines.length) continue;
      report({
        resource: exposed.rule,
        attr: exposed.source,
        message: `Security rule ${exposed.rule.address} exposes ${engines.map(([port, name]) => `${name} (${port})`).join(', ')} to the internet.`,
      });
    }
  },
});
