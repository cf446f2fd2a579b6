import type { KindDefinition } from '../../model/kinds.js';
import { AKS_KINDS } from './aks.js';
import { APPSERVICE_KINDS } from './appservice.js';
import { COMPUTE_KINDS } from './compute.js';
import { CONTAINER_REGISTRY_KINDS } from './containers.js';
import { DATA_SERVICE_KINDS } from './data-services.js';
import { KEYVAULT_KINDS } from './keyvault.js';
import { MESSAGING_KINDS } from './messaging.js';
import { MONITOR_KINDS } from './monitor.js';
import { NETWORK_KINDS } from './network.js';
import { OPEN_SOURCE_DATABASE_KINDS } from './open-source-databases.js';
import { SQL_KINDS } from './sql.js';
import { STORAGE_KINDS } from './storage.js';

/** Azure kinds: Terraform azurerm_* and ARM Microsoft.* resources. */
export const AZURE_KINDS: KindDefinition[] = [
  ...STORAGE_KINDS,
  ...KEYVAULT_KINDS,
  ...SQL_KINDS,
  ...OPEN_SOURCE_DATABASE_KINDS,
  ...APPSERVICE_KINDS,
  ...AKS_KINDS,
  ...NETWORK_KINDS,
  ...COMPUTE_KINDS,
  ...DATA_SERVICE_KINDS,
  ...CONTAINER_REGISTRY_KINDS,
  ...MONITOR_KINDS,
  ...MESSAGING_KINDS,
];
