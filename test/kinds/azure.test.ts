import { describe, expect, it } from 'vitest';
import {
  apiVersionBefore,
  enabledFlag,
  ipRangeList,
  lastSegment,
  negated,
  publicAccessFlag,
} from '../../scanners/kinds/azure/common.js';
import { AZURE_KINDS } from '../../scanners/kinds/azure/index.js';
import { builtinKinds } from '../../scanners/kinds/index.js';
import type { Attr } from '../../scanners/model/attr.js';
import { type Entity, emptyModel, type Model, resources } from '../../scanners/model/model.js';
import { parseSourceFile, sourceFile } from '../../scanners/parsers/source-file.js';
import type { MapNode } from '../../scanners/parsers/tree.js';
import { declareTerraformPlan } from '../../scanners/terraform/plan.js';
import { declare as declareTemplate, lineOf, template } from '../arm/helpers.js';
import { declare as declareModule } from '../terraform/helpers.js';

async function terraformModel(text: string): Promise<Model> {
  const { resources: declared, errors } = await declareModule({ 'main.tf': text });
  expect(errors).toEqual([]);
  const model = emptyModel();
  builtinKinds().map(declared, model);
  return model;
}

function armModel(text: string): Model {
  const model = emptyModel();
  builtinKinds().map(declareTemplate(text), model);
  return model;
}

function only(model: Model, collection: string, address?: string): Entity {
  const found = resources(model, collection).filter(
    (e) => address === undefined || e.address.endsWith(address),
  );
  if (found.length !== 1) throw new Error(`expected one ${address ?? collection}, found ${found.length}`);
  return found[0] as Entity;
}

function setting(target: Entity, path: string): { origin: string; value: unknown } {
  let current: unknown = target;
  for (const key of path.split('.')) current = (current as Record<string, unknown>)[key];
  const attr = current as Attr<unknown>;
  return { origin: attr.origin, value: attr.value };
}

function lineOfSetting(target: Entity, path: string): number {
  let current: unknown = target;
  for (const key of path.split('.')) current = (current as Record<string, unknown>)[key];
  return (current as Attr<unknown>).range.startLine;
}

const account = (label: string, extra = '') => `resource "azurerm_storage_account" "${label}" {
  name                     = "st${label}001"
  resource_group_name      = "rg-data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
${extra}
}
`;

describe('Azure kind definitions', () => {
  it('are all azure kinds with azure collections, registered without clashes', () => {
    expect(AZURE_KINDS.length).toBeGreaterThan(20);
    for (const kind of AZURE_KINDS) {
      expect(kind.kind.startsWith('azure.')).toBe(true);
      expect(kind.collection.split('.')).toHaveLength(3);
    }
    expect(() => builtinKinds()).not.toThrow();
  });
});

describe('storage accounts from Terraform', () => {
  it('reads provider defaults for missing settings, located at the header', async () => {
    const model = await terraformModel(account('logs'));
    const logs = only(model, 'azure.storage.accounts');
    expect(setting(logs, 'httpsOnly')).toEqual({ origin: 'default', value: true });
    expect(setting(logs, 'minTlsVersion')).toEqual({ origin: 'default', value: 'TLS1_2' });
    expect(setting(logs, 'publicBlobAccess')).toEqual({ origin: 'default', value: true });
    expect(setting(logs, 'network.defaultAction')).toEqual({ origin: 'default', value: 'Allow' });
    expect(setting(logs, 'blobSoftDelete.enabled')).toEqual({ origin: 'default', value: false });
    expect(lineOfSetting(logs, 'publicBlobAccess')).toBe(1);
  });

  it('accepts the azurerm 3.x and 4.x spellings of renamed arguments', async () => {
    const model = await terraformModel(
      account('old', '  enable_https_traffic_only = false') +
        account('new', '  https_traffic_only_enabled = false\n  allow_nested_items_to_be_public = false'),
    );
    expect(setting(only(model, 'azure.storage.accounts', '.old'), 'httpsOnly')).toEqual({
      origin: 'explicit',
      value: false,
    });
    const renamed = only(model, 'azure.storage.accounts', '.new');
    expect(setting(renamed, 'httpsOnly')).toEqual({ origin: 'explicit', value: false });
    expect(setting(renamed, 'publicBlobAccess')).toEqual({ origin: 'explicit', value: false });
  });

  it('keeps a value from a variable without default unknown', async () => {
    const model = await terraformModel(
      `variable "tls" {\n  type = string\n}\n\n${account('app', '  min_tls_version = var.tls')}`,
    );
    expect(setting(only(model, 'azure.storage.accounts'), 'minTlsVersion').origin).toBe('unresolvable');
  });

  it('lets separate network rules and queue properties configure their account', async () => {
    const text = `${account('data', '  blob_properties {\n    delete_retention_policy {}\n  }')}
resource "azurerm_storage_account_network_rules" "data" {
  storage_account_id = azurerm_storage_account.data.id
  default_action     = "Deny"
}

resource "azurerm_storage_account_queue_properties" "data" {
  storage_account_id = azurerm_storage_account.data.id

  logging {
    version = "1.0"
    read    = true
    write   = true
    delete  = false
  }
}
`;
    const model = await terraformModel(text);
    const data = only(model, 'azure.storage.accounts');
    expect(setting(data, 'network.defaultAction')).toEqual({ origin: 'explicit', value: 'Deny' });
    expect(lineOfSetting(data, 'network.defaultAction')).toBe(lineOf(text, 'default_action'));
    expect(setting(data, 'queueLogging.configured').value).toBe(true);
    expect(setting(data, 'queueLogging.delete')).toEqual({ origin: 'explicit', value: false });
    expect(setting(data, 'blobSoftDelete.enabled')).toEqual({ origin: 'explicit', value: true });
    expect(data.attachedBy).toEqual([
      'azurerm_storage_account_network_rules.data',
      'azurerm_storage_account_queue_properties.data',
    ]);
  });
});

describe('resources from a Terraform plan', () => {
  it('reads empty block lists as absent blocks and null attributes as unset', () => {
    const values = {
      name: 'app-orders',
      https_only: null,
      identity: [],
      site_config: [{ minimum_tls_version: '1.2', ftps_state: 'FtpsOnly', cors: [] }],
    };
    const plan = {
      format_version: '1.2',
      terraform_version: '1.9.0',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'azurerm_linux_web_app.orders',
              mode: 'managed',
              type: 'azurerm_linux_web_app',
              name: 'orders',
              values,
            },
          ],
        },
      },
    };
    const file = sourceFile('plan.json', 'terraform-plan', JSON.stringify(plan, null, 2));
    parseSourceFile(file);
    const model = emptyModel();
    builtinKinds().map(declareTerraformPlan(file), model);
    const app = only(model, 'azure.appservice.sites');
    expect(setting(app, 'identity')).toEqual({ origin: 'explicit', value: false });
    expect(setting(app, 'httpsOnly')).toEqual({ origin: 'default', value: false });
    expect(setting(app, 'ftpsState')).toEqual({ origin: 'explicit', value: 'FtpsOnly' });
    expect(setting(app, 'corsAllowedOrigins').value).toBeUndefined();
  });
});

describe('storage accounts from ARM', () => {
  const storage = (apiVersion: string, properties: object = {}) => ({
    type: 'Microsoft.Storage/storageAccounts',
    apiVersion,
    name: 'stlogs001',
    location: 'westeurope',
    sku: { name: 'Standard_LRS' },
    kind: 'StorageV2',
    properties,
  });

  it('takes the secure-transfer default of the declared API version', () => {
    const current = only(
      armModel(template({ resources: [storage('2023-01-01')] })),
      'azure.storage.accounts',
    );
    expect(setting(current, 'httpsOnly')).toEqual({ origin: 'default', value: true });
    const old = only(armModel(template({ resources: [storage('2018-07-01')] })), 'azure.storage.accounts');
    expect(setting(old, 'httpsOnly')).toEqual({ origin: 'default', value: false });
    expect(setting(old, 'minTlsVersion')).toEqual({ origin: 'default', value: 'TLS1_0' });
  });

  it('maps publicNetworkAccess spellings and leaves allowBlobPublicAccess unset when absent', () => {
    const model = armModel(
      template({ resources: [storage('2023-01-01', { publicNetworkAccess: 'SecuredByPerimeter' })] }),
    );
    const logs = only(model, 'azure.storage.accounts');
    expect(setting(logs, 'publicNetworkAccess')).toEqual({ origin: 'explicit', value: false });
    expect(setting(logs, 'publicBlobAccess')).toEqual({ origin: 'default', value: undefined });
  });

  it('lets a blobServices child, nested or top level, set soft delete through $ancestors', () => {
    const nested = { ...storage('2023-01-01'), resources: [] as object[] };
    nested.resources.push({
      type: 'blobServices',
      apiVersion: '2023-01-01',
      name: 'default',
      dependsOn: ['stlogs001'],
      properties: { deleteRetentionPolicy: { enabled: true, days: 7 } },
    });
    const topLevel = template({
      resources: [
        storage('2023-01-01'),
        {
          type: 'Microsoft.Storage/storageAccounts/blobServices',
          apiVersion: '2023-01-01',
          name: 'stlogs001/default',
          properties: { deleteRetentionPolicy: { enabled: false } },
        },
      ],
    });
    expect(
      setting(
        only(armModel(template({ resources: [nested] })), 'azure.storage.accounts'),
        'blobSoftDelete.enabled',
      ),
    ).toEqual({ origin: 'explicit', value: true });
    const disabled = only(armModel(topLevel), 'azure.storage.accounts');
    expect(setting(disabled, 'blobSoftDelete.enabled')).toEqual({ origin: 'explicit', value: false });
    expect(lineOfSetting(disabled, 'blobSoftDelete.enabled')).toBe(lineOf(topLevel, '"enabled": false'));
  });
});

describe('cross-resource attachments', () => {
  const vault = (label: string) => `resource "azurerm_key_vault" "${label}" {
  name                = "kv-${label}"
  location            = "westeurope"
  resource_group_name = "rg-sec"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
}
`;
  it('counts only diagnostic settings that ship logs for a key vault', async () => {
    const model = await terraformModel(`variable "tenant_id" {
  type = string
}

${vault('audited')}
${vault('metrics')}
resource "azurerm_monitor_diagnostic_setting" "audited" {
  name                       = "audit"
  target_resource_id         = azurerm_key_vault.audited.id
  log_analytics_workspace_id = var.workspace_id

  enabled_log {
    category = "AuditEvent"
  }
}

resource "azurerm_monitor_diagnostic_setting" "metrics" {
  name                       = "metrics"
  target_resource_id         = azurerm_key_vault.metrics.id
  log_analytics_workspace_id = var.workspace_id

  metric {
    category = "AllMetrics"
  }
}
`);
    expect(setting(only(model, 'azure.keyvault.vaults', '.audited'), 'diagnostics.logs').value).toBe(true);
    expect(setting(only(model, 'azure.keyvault.vaults', '.metrics'), 'diagnostics.logs').value).toBe(false);
  });

  it('finds an ARM diagnostic setting through its scope', () => {
    const model = armModel(
      template({
        resources: [
          { type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: 'kv-audited', properties: {} },
          {
            type: 'Microsoft.Insights/diagnosticSettings',
            apiVersion: '2021-05-01-preview',
            name: 'audit',
            scope: "[resourceId('Microsoft.KeyVault/vaults', 'kv-audited')]",
            properties: { logs: [{ categoryGroup: 'audit', enabled: true }] },
          },
        ],
      }),
    );
    expect(setting(only(model, 'azure.keyvault.vaults'), 'diagnostics.logs').value).toBe(true);
  });

  it('matches a SQL security alert policy to its server by literal name', async () => {
    const model = await terraformModel(`resource "azurerm_mssql_server" "main" {
  name                         = "sql-orders"
  resource_group_name          = "rg-data"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.password
}

resource "azurerm_mssql_server_security_alert_policy" "main" {
  resource_group_name = "rg-data"
  server_name         = "sql-orders"
  state               = "Enabled"
}
`);
    expect(setting(only(model, 'azure.sql.servers'), 'threatDetection.enabled')).toEqual({
      origin: 'explicit',
      value: true,
    });
  });

  it('attaches an ARM TDE child to its database, not to the server above it', () => {
    const model = armModel(
      template({
        resources: [
          {
            type: 'Microsoft.Sql/servers',
            apiVersion: '2022-05-01-preview',
            name: 'sql-orders',
            properties: {},
          },
          {
            type: 'Microsoft.Sql/servers/databases',
            apiVersion: '2022-05-01-preview',
            name: 'sql-orders/orders',
          },
          {
            type: 'Microsoft.Sql/servers/databases/transparentDataEncryption',
            apiVersion: '2022-05-01-preview',
            name: 'sql-orders/orders/current',
            properties: { state: 'Disabled' },
          },
        ],
      }),
    );
    expect(setting(only(model, 'azure.sql.databases'), 'tdeEnabled')).toEqual({
      origin: 'explicit',
      value: false,
    });
    expect(only(model, 'azure.sql.servers').attachedBy).toBeUndefined();
  });
});

describe('network security groups', () => {
  it('collects inline and separate rules as children with normalised spellings', async () => {
    const model = await terraformModel(`resource "azurerm_network_security_group" "web" {
  name                = "nsg-web"
  location            = "westeurope"
  resource_group_name = "rg-net"

  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_security_rule" "rdp" {
  name                        = "rdp"
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["3389", "5985-5986"]
  source_address_prefixes     = ["203.0.113.0/24"]
  destination_address_prefix  = "*"
  resource_group_name         = "rg-net"
  network_security_group_name = azurerm_network_security_group.web.name
}
`);
    const rules = only(model, 'azure.network.securityGroups').securityRules as Entity[];
    expect(rules).toHaveLength(2);
    expect(setting(rules[0] as Entity, 'direction').value).toBe('inbound');
    expect(setting(rules[0] as Entity, 'sourcePrefix').value).toBe('Internet');
    expect((rules[1] as Entity).address).toBe('azurerm_network_security_rule.rdp');
    expect(setting(rules[1] as Entity, 'destinationPortRanges').value).toEqual(['3389', '5985-5986']);
    expect(setting(rules[1] as Entity, 'sourcePrefix').origin).toBe('default');
  });

  it('adds ARM securityRules children declared outside their group', () => {
    const model = armModel(
      template({
        resources: [
          {
            type: 'Microsoft.Network/networkSecurityGroups',
            apiVersion: '2023-09-01',
            name: 'nsg-web',
            properties: { securityRules: [] },
          },
          {
            type: 'Microsoft.Network/networkSecurityGroups/securityRules',
            apiVersion: '2023-09-01',
            name: 'nsg-web/ssh',
            properties: {
              direction: 'Inbound',
              access: 'Allow',
              protocol: '*',
              destinationPortRange: '22',
              sourceAddressPrefix: '*',
            },
          },
        ],
      }),
    );
    const rules = only(model, 'azure.network.securityGroups').securityRules as Entity[];
    expect(rules.map((r) => setting(r, 'protocol').value)).toEqual(['*']);
  });
});

describe('machines, databases and accounts', () => {
  it('tells ARM Linux machines from Windows ones by their OS configuration', () => {
    const vm = (name: string, osProfile: object) => ({
      type: 'Microsoft.Compute/virtualMachines',
      apiVersion: '2023-09-01',
      name,
      properties: { osProfile: { computerName: name, adminUsername: 'azureuser', ...osProfile } },
    });
    const model = armModel(
      template({
        resources: [
          vm('vm-linux', { linuxConfiguration: { provisionVMAgent: true } }),
          vm('vm-win', { windowsConfiguration: {} }),
        ],
      }),
    );
    const linux = only(model, 'azure.compute.virtualMachines', 'vm-linux');
    const windows = only(model, 'azure.compute.virtualMachines', 'vm-win');
    expect(setting(linux, 'osType').value).toBe('Linux');
    expect(setting(linux, 'passwordAuthDisabled')).toEqual({ origin: 'default', value: false });
    expect(setting(windows, 'osType').value).toBe('Windows');
    expect(setting(windows, 'automaticUpdates')).toEqual({ origin: 'default', value: true });
  });

  it('names ARM server parameters by their last name segment, lower-cased', () => {
    const model = armModel(
      template({
        resources: [
          {
            type: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
            apiVersion: '2023-06-30',
            name: 'psql-orders/Require_Secure_Transport',
            properties: { value: 'OFF', source: 'user-override' },
          },
        ],
      }),
    );
    const parameter = only(model, 'azure.postgresql.configurations');
    expect(setting(parameter, 'name').value).toBe('require_secure_transport');
    expect(setting(parameter, 'value').value).toBe('off');
  });

  it('reads Cosmos DB IP filters written as a 3.x string or a 4.x list', async () => {
    const cosmos = (label: string, filter: string) => `resource "azurerm_cosmosdb_account" "${label}" {
  name                = "cosmos-${label}"
  location            = "westeurope"
  resource_group_name = "rg-data"
  offer_type          = "Standard"
  ip_range_filter     = ${filter}
}
`;
    const model = await terraformModel(
      cosmos('old', '"203.0.113.10, 0.0.0.0"') + cosmos('new', '["198.51.100.0/24"]'),
    );
    expect(setting(only(model, 'azure.cosmosdb.accounts', '.old'), 'ipRules').value).toEqual([
      '203.0.113.10',
      '0.0.0.0',
    ]);
    expect(setting(only(model, 'azure.cosmosdb.accounts', '.new'), 'ipRules').value).toEqual([
      '198.51.100.0/24',
    ]);
    expect(setting(only(model, 'azure.cosmosdb.accounts', '.new'), 'localAuthentication')).toEqual({
      origin: 'default',
      value: true,
    });
  });
});

describe('child configuration resources', () => {
  it('lets an ARM config/web child replace the site configuration, and ignores other config children', () => {
    const text = template({
      resources: [
        {
          type: 'Microsoft.Web/sites',
          apiVersion: '2022-09-01',
          name: 'app-orders',
          properties: { siteConfig: { minTlsVersion: '1.0', ftpsState: 'AllAllowed' } },
          resources: [
            { type: 'config', apiVersion: '2022-09-01', name: 'web', properties: { ftpsState: 'Disabled' } },
            // Declared after `web`: if it were taken for site configuration it would win.
            {
              type: 'config',
              apiVersion: '2022-09-01',
              name: 'appsettings',
              properties: { minTlsVersion: '1.0' },
            },
          ],
        },
      ],
    });
    const app = only(armModel(text), 'azure.appservice.sites');
    expect(setting(app, 'ftpsState')).toEqual({ origin: 'explicit', value: 'Disabled' });
    expect(setting(app, 'minTlsVersion')).toEqual({ origin: 'default', value: '1.2' });
    expect(app.attachedBy).toEqual(['Microsoft.Web/sites/config/app-orders/web']);
  });

  it('reads an Event Hubs network rule set child as the namespace default action', () => {
    const namespace = (name: string) => ({
      type: 'Microsoft.EventHub/namespaces',
      apiVersion: '2024-01-01',
      name,
      properties: {},
    });
    const model = armModel(
      template({
        resources: [
          namespace('evhns-open'),
          namespace('evhns-closed'),
          {
            type: 'Microsoft.EventHub/namespaces/networkRuleSets',
            apiVersion: '2024-01-01',
            name: 'evhns-closed/default',
            properties: { defaultAction: 'Deny' },
          },
        ],
      }),
    );
    expect(setting(only(model, 'azure.eventhub.namespaces', 'evhns-open'), 'network.defaultAction')).toEqual({
      origin: 'default',
      value: 'Allow',
    });
    expect(
      setting(only(model, 'azure.eventhub.namespaces', 'evhns-closed'), 'network.defaultAction'),
    ).toEqual({
      origin: 'explicit',
      value: 'Deny',
    });
  });

  it('reads renamed and nested Terraform arguments of AKS, Key Vault and Service Bus', async () => {
    const model = await terraformModel(`resource "azurerm_kubernetes_cluster" "old" {
  name                            = "aks-old"
  location                        = "westeurope"
  resource_group_name             = "rg-aks"
  dns_prefix                      = "old"
  api_server_authorized_ip_ranges = ["203.0.113.0/24"]

  default_node_pool {
    name                   = "system"
    vm_size                = "Standard_D4s_v5"
    enable_host_encryption = true
  }
}

resource "azurerm_key_vault" "legacy" {
  name                      = "kv-legacy"
  location                  = "westeurope"
  resource_group_name       = "rg-sec"
  tenant_id                 = "00000000-0000-0000-0000-000000000000"
  sku_name                  = "standard"
  enable_rbac_authorization = true
}

resource "azurerm_servicebus_namespace" "orders" {
  name                = "sbns-orders"
  location            = "westeurope"
  resource_group_name = "rg-msg"
  sku                 = "Premium"
  capacity            = 1

  network_rule_set {
    default_action                = "Deny"
    public_network_access_enabled = false
  }
}
`);
    const cluster = only(model, 'azure.aks.clusters');
    expect(setting(cluster, 'authorizedIpRanges').value).toEqual(['203.0.113.0/24']);
    expect(setting(cluster, 'hostEncryption')).toEqual({ origin: 'explicit', value: true });
    expect(setting(only(model, 'azure.keyvault.vaults'), 'rbacAuthorization').value).toBe(true);
    const bus = only(model, 'azure.servicebus.namespaces');
    expect(setting(bus, 'publicNetworkAccess')).toEqual({ origin: 'explicit', value: false });
    expect(setting(bus, 'network.defaultAction').value).toBe('Deny');
  });
});

describe('value mappings', () => {
  it('reads Enabled/Disabled flags in any case and nothing else', () => {
    expect(enabledFlag('Enabled')).toBe(true);
    expect(enabledFlag('DISABLED')).toBe(false);
    expect(enabledFlag('Sometimes')).toBeUndefined();
    expect(publicAccessFlag('SecuredByPerimeter')).toBe(false);
    expect(negated('true')).toBe(false);
    expect(negated(false)).toBe(true);
    expect(negated('maybe')).toBeUndefined();
  });

  it('splits IP filters and refuses lists with unknown items', () => {
    expect(ipRangeList('1.2.3.4,, 5.6.7.0/24')).toEqual(['1.2.3.4', '5.6.7.0/24']);
    expect(ipRangeList([{ ipAddressOrRange: '0.0.0.0' }])).toEqual(['0.0.0.0']);
    expect(ipRangeList([{ ipAddressOrRange: undefined }])).toBeUndefined();
    expect(ipRangeList(42)).toBeUndefined();
    expect(lastSegment('server/log_checkpoints')).toBe('log_checkpoints');
  });

  it('compares API versions only when they are literal dates', () => {
    const body = (apiVersion: unknown): MapNode => ({
      kind: 'map',
      range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
      entries: [
        {
          key: 'apiVersion',
          keyRange: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
          value: {
            kind: 'scalar',
            value: apiVersion as string,
            range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
          },
        },
      ],
    });
    const olderThan = apiVersionBefore('2019-04-01');
    expect(olderThan(body('2018-07-01'))).toBe(true);
    expect(olderThan(body('2019-04-01'))).toBe(false);
    expect(olderThan(body('2017-10-01-preview'))).toBe(true);
    expect(olderThan(body("[parameters('api')]"))).toBe(false);
  });
});
