import type { KindDefinition } from '../../model/kinds.js';

export const SQL_KINDS: KindDefinition[] = [
  {
    kind: 'google.sql.instance',
    collection: 'google.sql.instances',
    fields: {
      databaseVersion: 'string',
      publicIp: 'bool',
      requireSsl: 'bool',
      sslMode: 'string',
      backups: 'bool',
      deletionProtection: 'bool',
    },
    children: {
      authorizedNetworks: { value: 'string' },
      flags: { name: 'string', value: 'string' },
    },
    sources: [
      {
        family: 'terraform',
        types: ['google_sql_database_instance'],
        fields: {
          databaseVersion: 'database_version',
          publicIp: { path: 'settings.ip_configuration.ipv4_enabled', default: true },
          requireSsl: { path: 'settings.ip_configuration.require_ssl', default: false },
          sslMode: 'settings.ip_configuration.ssl_mode',
          backups: { path: 'settings.backup_configuration.enabled', default: false },
          deletionProtection: { path: 'deletion_protection', default: true },
        },
        children: {
          authorizedNetworks: {
            path: 'settings.ip_configuration.authorized_networks',
            fields: { value: 'value' },
          },
          flags: { path: 'settings.database_flags', fields: { name: 'name', value: 'value' } },
        },
      },
    ],
  },
];
