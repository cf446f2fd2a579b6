/** Shared by the MySQL and PostgreSQL rules: their single and flexible servers spell backups the same way. */
import { field, isKnownValue, type RuleDefinition, resources } from '../../scanners/rules/api.js';

/**
 * The check of a "server does not use geo-redundant backups" rule over the server `collections`;
 * `product` names the server in messages (`MySQL`).
 */
export function geoRedundantBackupCheck(collections: string[], product: string): RuleDefinition['check'] {
  return ({ model, report }) => {
    for (const server of collections.flatMap((collection) => resources(model, collection))) {
      const geo = field<boolean>(server, 'geoRedundantBackup');
      if (isKnownValue(geo, false))
        report({
          resource: server,
          attr: geo,
          message: `${product} server ${server.address} keeps its backups in one region only.`,
        });
    }
  };
}
