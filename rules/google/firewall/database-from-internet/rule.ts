import { defineRule } from '../../../../scanners/rules/api.js';
import { internetPortCheck } from '../internet-exposure.js';

export default defineRule({
  id: 'PAL-GCP-FIREWALL-003',
  title: 'Firewall rule allows database ports from the internet',
  severity: 'high',
  severityRationale:
    'database ports (SQL Server, Oracle, MySQL, PostgreSQL, Redis, Elasticsearch, Memcached, MongoDB) exposed to the whole internet is scanned and brute-forced within minutes.',
  category: 'iac',
  description:
    'An enabled ingress firewall rule allows database ports (SQL Server, Oracle, MySQL, PostgreSQL, Redis, Elasticsearch, Memcached, MongoDB) from 0.0.0.0/0 or ::/0.',
  cwe: ['CWE-284'],
  remediation:
    'Restrict source_ranges to known networks, or use Identity-Aware Proxy (35.235.240.0/20) for administrative access.',
  tags: ['gcp', 'firewall', 'internet-exposed'],
  formats: ['terraform'],
  check: internetPortCheck([1433, 1521, 3306, 5432, 6379, 9200, 11211, 27017]),
});
