import { describe, expect, it } from 'vitest';
import { armParameterValues, declareArm, parameterFileName } from '../../scanners/arm/declare.js';
import { FileError } from '../../scanners/core/errors.js';
import { type KindDefinition, KindRegistry } from '../../scanners/model/kinds.js';
import { emptyModel } from '../../scanners/model/model.js';
import { armFile, byAddress, declare, lineOf, plainAt, template, valueAt } from './helpers.js';

const STORAGE = 'Microsoft.Storage/storageAccounts';

describe('ARM resources', () => {
  it('declares a resource with its evaluated body, address, header and reference keys', () => {
    const text = template({
      parameters: { name: { type: 'string', defaultValue: 'stlogs' } },
      variables: { https: true },
      resources: [
        {
          type: STORAGE,
          apiVersion: '2023-01-01',
          name: "[parameters('name')]",
          location: '[resourceGroup().location]',
          kind: 'StorageV2',
          sku: { name: 'Standard_LRS' },
          properties: { supportsHttpsTrafficOnly: "[variables('https')]", minimumTlsVersion: 'TLS1_2' },
        },
      ],
    });
    const [account, ...rest] = declare(text);
    expect(rest).toEqual([]);
    expect(account).toMatchObject({
      family: 'arm',
      type: STORAGE,
      address: `${STORAGE}/stlogs`,
      file: 'azuredeploy.json',
      refKeys: ['stlogs', `${STORAGE}/stlogs`],
    });
    if (!account) throw new Error('no resource');
    const typeLine = lineOf(text, '"type"', text.indexOf('"resources"'));
    expect(account.headerRange.startLine).toBe(typeLine);
    expect(account.range.startLine).toBe(typeLine - 1);
    expect(plainAt(account, 'properties.supportsHttpsTrafficOnly')).toBe(true);
    expect(plainAt(account, 'sku.name')).toBe('Standard_LRS');
    expect(plainAt(account, 'kind')).toBe('StorageV2');
    expect(plainAt(account, 'name')).toBe('stlogs');
    expect(plainAt(account, 'location')).toEqual({ unknown: [] });
    // The value keeps the line where the resource writes it.
    const https = account.body.entries.find((e) => e.key === 'properties')?.value;
    expect(https?.kind === 'map' && https.entries[0]?.value.range.startLine).toBe(
      lineOf(text, '"supportsHttps'),
    );
  });

  it('gives nested child resources their full type and name, and their parents as ancestors', () => {
    const text = template({
      resources: [
        {
          type: 'Microsoft.Sql/servers',
          name: 'sql1',
          properties: {},
          resources: [
            { type: 'firewallRules', name: 'AllowAll', properties: { startIpAddress: '0.0.0.0' } },
            { type: 'Microsoft.Sql/servers/databases', name: 'sql1/db1', properties: {} },
          ],
        },
        {
          type: 'Microsoft.Sql/servers/auditingSettings',
          name: 'sql1/default',
          properties: { state: 'Enabled' },
        },
      ],
    });
    const resources = declare(text);
    expect(resources.map((r) => r.address)).toEqual([
      'Microsoft.Sql/servers/sql1',
      'Microsoft.Sql/servers/firewallRules/sql1/AllowAll',
      'Microsoft.Sql/servers/databases/sql1/db1',
      'Microsoft.Sql/servers/auditingSettings/sql1/default',
    ]);
    const rule = byAddress(resources, 'Microsoft.Sql/servers/firewallRules/sql1/AllowAll');
    expect(rule.type).toBe('Microsoft.Sql/servers/firewallRules');
    expect(plainAt(rule, 'name')).toBe('sql1/AllowAll');
    expect(plainAt(rule, 'type')).toBe('Microsoft.Sql/servers/firewallRules');
    expect(plainAt(rule, '$ancestors')).toEqual(['Microsoft.Sql/servers/sql1']);
    expect(rule.refKeys).toEqual(['sql1/AllowAll', 'Microsoft.Sql/servers/firewallRules/sql1/AllowAll']);
    expect(
      plainAt(byAddress(resources, 'Microsoft.Sql/servers/auditingSettings/sql1/default'), '$ancestors'),
    ).toEqual(['Microsoft.Sql/servers/sql1']);
    expect(plainAt(byAddress(resources, 'Microsoft.Sql/servers/sql1'), 'resources')).toBeUndefined();
  });

  it('links a blob container to its account when the account is named by an expression', () => {
    const text = template({
      parameters: { accountName: { type: 'string' } },
      resources: [
        { type: STORAGE, name: "[parameters('accountName')]", kind: 'StorageV2', properties: {} },
        {
          type: `${STORAGE}/blobServices/containers`,
          name: "[concat(parameters('accountName'), '/default/logs')]",
          dependsOn: [`[resourceId('${STORAGE}', parameters('accountName'))]`],
          properties: { publicAccess: 'Container' },
        },
      ],
    });
    const [account, container] = declare(text);
    expect(account?.address).toBe(`${STORAGE}/[parameters('accountName')]`);
    expect(account?.refKeys).toContain(`${STORAGE}/[parameters('accountName')]`);
    expect(container?.type).toBe(`${STORAGE}/blobServices/containers`);
    expect(container?.address).toBe(
      `${STORAGE}/blobServices/containers/[parameters('accountName')]/default/logs`,
    );
    if (!account || !container) throw new Error('missing');
    expect(plainAt(container, '$ancestors')).toEqual([
      `${STORAGE}/blobServices/[parameters('accountName')]/default`,
      `${STORAGE}/[parameters('accountName')]`,
    ]);
    expect(valueAt(container, 'dependsOn.0')).toMatchObject({
      kind: 'unknown',
      refs: [`${STORAGE}/[parameters('accountName')]`],
    });
    expect(plainAt(container, 'name')).toEqual({ unknown: [] });
    expect(plainAt(container, 'properties.publicAccess')).toBe('Container');

    // A kind attachment follows the child to its parent through `$ancestors`.
    const kinds: KindDefinition[] = [
      {
        kind: 'azure.test.account',
        collection: 'azure.test.accounts',
        fields: { publicContainers: 'bool' },
        sources: [
          { family: 'arm', types: [STORAGE], fields: { publicContainers: { path: 'x', default: false } } },
        ],
        attachments: [
          {
            family: 'arm',
            types: [`${STORAGE}/blobServices/containers`],
            via: '$ancestors',
            fields: { publicContainers: { path: 'properties.publicAccess', map: (v) => v !== 'None' } },
          },
        ],
      },
    ];
    const model = emptyModel();
    new KindRegistry(kinds).map([account, container], model);
    const [entity] = model.azure.test?.accounts ?? [];
    expect(entity?.attachedBy).toEqual([container.address]);
    expect((entity as unknown as { publicContainers: { value: unknown } }).publicContainers.value).toBe(true);
  });

  it('finds the resource an old-style provider extension (diagnostic settings) belongs to', () => {
    const text = template({
      parameters: { vault: { type: 'string' } },
      resources: [
        {
          type: 'Microsoft.KeyVault/vaults/providers/diagnosticSettings',
          name: "[concat(parameters('vault'), '/Microsoft.Insights/audit')]",
          properties: { logs: [{ category: 'AuditEvent', enabled: true }] },
        },
      ],
    });
    const [settings] = declare(text);
    if (!settings) throw new Error('missing');
    expect(plainAt(settings, '$ancestors')).toEqual([
      "Microsoft.KeyVault/vaults/providers/[parameters('vault')]/Microsoft.Insights",
      "Microsoft.KeyVault/vaults/[parameters('vault')]",
    ]);
  });

  it('does not split a name inside the symbolic text of an unknown part', () => {
    const text = template({
      parameters: { raw: { type: 'string' } },
      variables: { account: "[replace(parameters('raw'), '/', '-')]" },
      resources: [
        { type: STORAGE, name: "[variables('account')]" },
        { type: `${STORAGE}/blobServices`, name: "[concat(variables('account'), '/default')]" },
      ],
    });
    const [account, blobs] = declare(text);
    const key = `${STORAGE}/[replace(parameters('raw'), '/', '-')]`;
    expect(account?.refKeys).toContain(key);
    if (!blobs) throw new Error('missing');
    expect(plainAt(blobs, '$ancestors')).toEqual([key]);
  });

  it('lets scope and dependsOn text name a resource whose name cannot be known', () => {
    const text = template({
      languageVersion: '2.0',
      parameters: { vaultName: { type: 'string' } },
      resources: {
        vault: { type: 'Microsoft.KeyVault/vaults', name: "[parameters('vaultName')]", properties: {} },
        diagnostics: {
          type: 'Microsoft.Insights/diagnosticSettings',
          name: 'audit',
          scope: "[format('Microsoft.KeyVault/vaults/{0}', parameters('vaultName'))]",
          dependsOn: ['vault', "[concat('Microsoft.KeyVault/vaults/', parameters('vaultName'))]"],
          properties: { logs: [{ categoryGroup: 'audit', enabled: true }] },
        },
      },
    });
    const [vault, diagnostics] = declare(text);
    if (!vault || !diagnostics) throw new Error('missing');
    const key = "Microsoft.KeyVault/vaults/[parameters('vaultName')]";
    expect(vault.refKeys).toEqual(["[parameters('vaultName')]", key, 'vault']);
    expect(valueAt(diagnostics, 'scope')).toMatchObject({ kind: 'unknown', refs: [key] });
    expect(plainAt(diagnostics, 'dependsOn')).toEqual(['vault', undefined]);
    expect(valueAt(diagnostics, 'dependsOn.1')).toMatchObject({ kind: 'unknown', refs: [key] });
  });

  it('spells types as the kind definitions do, since ARM types ignore case', () => {
    const text = template({
      resources: [
        {
          type: 'microsoft.storage/STORAGEACCOUNTS',
          name: 'st',
          resources: [{ type: 'BLOBSERVICES', name: 'default' }],
        },
        { type: 'Contoso.Custom/things', name: 'x' },
      ],
    });
    expect(declare(text).map((r) => r.type)).toEqual([
      STORAGE,
      `${STORAGE}/blobServices`,
      'Contoso.Custom/things',
    ]);
  });

  it('expands copy loops with a known count and keeps one resource when the count is unknown', () => {
    const text = template({
      parameters: { count: { type: 'int', defaultValue: 3 }, other: { type: 'int' } },
      resources: [
        {
          type: STORAGE,
          name: "[concat('st', copyIndex(1))]",
          copy: { name: 'accounts', count: "[parameters('count')]" },
          properties: { index: "[copyIndex('accounts')]" },
        },
        { type: 'Microsoft.Web/sites', name: 'web', copy: { name: 'sites', count: "[parameters('other')]" } },
        { type: 'Microsoft.Web/serverfarms', name: 'plan', copy: { name: 'plans', count: 2 } },
      ],
    });
    const resources = declare(text);
    expect(resources.map((r) => r.address)).toEqual([
      `${STORAGE}/st1`,
      `${STORAGE}/st2`,
      `${STORAGE}/st3`,
      'Microsoft.Web/sites/web',
      'Microsoft.Web/serverfarms/plan',
      'Microsoft.Web/serverfarms/plan#2',
    ]);
    expect(plainAt(byAddress(resources, `${STORAGE}/st3`), 'properties.index')).toBe(2);
    expect(plainAt(byAddress(resources, `${STORAGE}/st3`), 'copy')).toBeUndefined();
  });

  it('bounds copy loops', () => {
    const text = template({
      resources: [
        { type: STORAGE, name: "[concat('st', copyIndex())]", copy: { name: 'many', count: 100000 } },
      ],
    });
    expect(declare(text)).toHaveLength(200);
  });

  it('leaves out resources whose condition is known false, and existing references', () => {
    const text = template({
      parameters: { deployLogs: { type: 'bool', defaultValue: false }, unknownFlag: { type: 'bool' } },
      resources: [
        {
          type: STORAGE,
          name: 'off',
          condition: "[parameters('deployLogs')]",
          resources: [{ type: 'blobServices', name: 'default' }],
        },
        { type: STORAGE, name: 'on', condition: "[not(parameters('deployLogs'))]" },
        { type: STORAGE, name: 'maybe', condition: "[parameters('unknownFlag')]" },
        { type: STORAGE, name: 'literal', condition: false },
      ],
    });
    expect(declare(text).map((r) => r.address)).toEqual([`${STORAGE}/on`, `${STORAGE}/maybe`]);
    const v2 = template({
      languageVersion: '2.0',
      resources: {
        existingAccount: { type: STORAGE, name: 'shared', existing: true },
        logs: { type: STORAGE, name: 'logs', properties: { source: "[reference('existingAccount').id]" } },
      },
    });
    const [logs, ...others] = declare(v2);
    expect(others).toEqual([]);
    expect(logs?.refKeys).toEqual(
      ['logs', `${STORAGE}/logs`, 'logs'].filter((k, i, a) => a.indexOf(k) === i),
    );
    if (!logs) throw new Error('missing');
    expect(plainAt(logs, 'properties.source')).toEqual({ unknown: ['existingAccount'] });
  });

  it('declares the resources of nested deployments in outer and inner scope', () => {
    const text = template({
      parameters: { env: { type: 'string', defaultValue: 'prod' } },
      variables: { accountName: "[concat('st', parameters('env'))]" },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'outerScoped',
          properties: {
            mode: 'Incremental',
            template: {
              $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
              contentVersion: '1.0.0.0',
              resources: [{ type: STORAGE, name: "[variables('accountName')]", properties: { a: 1 } }],
            },
          },
        },
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'innerScoped',
          properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: 'inner' },
            parameters: {
              name: { value: "[concat(variables('accountName'), 'inner')]" },
              tls: { value: 'TLS1_2' },
            },
            template: {
              contentVersion: '1.0.0.0',
              parameters: {
                name: { type: 'string' },
                tls: { type: 'string', defaultValue: 'TLS1_0' },
                other: { type: 'string', defaultValue: 'x' },
              },
              variables: { accountName: 'shadowed' },
              resources: [
                {
                  type: STORAGE,
                  name: "[parameters('name')]",
                  properties: {
                    minimumTlsVersion: "[parameters('tls')]",
                    other: "[parameters('other')]",
                    v: "[variables('accountName')]",
                  },
                },
              ],
            },
          },
        },
      ],
    });
    const resources = declare(text);
    expect(resources.map((r) => r.address)).toEqual([
      'Microsoft.Resources/deployments/outerScoped',
      `Microsoft.Resources/deployments/outerScoped::${STORAGE}/stprod`,
      'Microsoft.Resources/deployments/innerScoped',
      `Microsoft.Resources/deployments/innerScoped::${STORAGE}/stprodinner`,
    ]);
    const inner = byAddress(resources, `Microsoft.Resources/deployments/innerScoped::${STORAGE}/stprodinner`);
    expect(inner.modulePath).toBe('Microsoft.Resources/deployments/innerScoped');
    expect(plainAt(inner, 'properties')).toEqual({ minimumTlsVersion: 'TLS1_2', other: 'x', v: 'shadowed' });
    expect(
      plainAt(byAddress(resources, 'Microsoft.Resources/deployments/innerScoped'), 'properties.template'),
    ).toEqual({
      unknown: [],
    });
  });

  it('bounds nested deployments', () => {
    let inner: Record<string, unknown> = { resources: [{ type: STORAGE, name: 'deepest' }] };
    for (let i = 0; i < 10; i++) {
      inner = {
        resources: [
          { type: 'Microsoft.Resources/deployments', name: `d${i}`, properties: { template: inner } },
        ],
      };
    }
    const resources = declare(template(inner));
    expect(resources).toHaveLength(6);
    expect(resources.some((r) => r.address.endsWith('deepest'))).toBe(false);
  });
});

describe('ARM parameter files', () => {
  it('take parameter values over defaults, with Key Vault references unknown', () => {
    const text = template({
      parameters: {
        httpsOnly: { type: 'bool', defaultValue: true },
        tls: { type: 'string', defaultValue: 'TLS1_2' },
        adminPassword: { type: 'securestring' },
      },
      resources: [
        {
          type: STORAGE,
          name: 'st',
          properties: {
            supportsHttpsTrafficOnly: "[parameters('httpsOnly')]",
            minimumTlsVersion: "[parameters('tls')]",
            password: "[parameters('adminPassword')]",
          },
        },
      ],
    });
    const parameters = armFile(
      JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
        contentVersion: '1.0.0.0',
        parameters: {
          HttpsOnly: { value: false },
          adminPassword: { reference: { keyVault: { id: '/subscriptions/s/x' }, secretName: 'pw' } },
        },
      }),
      'azuredeploy.parameters.json',
    );
    expect(parameterFileName('infra/azuredeploy.json')).toBe('infra/azuredeploy.parameters.json');
    const [account] = declareArm(armFile(text), armParameterValues(parameters));
    if (!account) throw new Error('missing');
    expect(plainAt(account, 'properties')).toEqual({
      supportsHttpsTrafficOnly: false,
      minimumTlsVersion: 'TLS1_2',
      password: undefined,
    });
  });
});

describe('ARM malformed and hostile templates', () => {
  it('throws a FileError for a template whose structure is wrong', () => {
    for (const text of ['[1, 2]', '"text"', template({ resources: 'nope' })]) {
      expect(() => declare(text), text).toThrow(FileError);
    }
  });

  it('skips resources that declare nothing checkable and keeps the others', () => {
    const text = template({
      resources: [
        42,
        null,
        { name: 'no-type' },
        { type: "[parameters('t')]", name: 'x' },
        { type: STORAGE, name: 'ok' },
      ],
    });
    expect(declare(text).map((r) => r.address)).toEqual([`${STORAGE}/ok`]);
  });

  it('keeps hostile keys as plain data', () => {
    const text = template({
      parameters: { __proto__: { type: 'string', defaultValue: 'p' }, constructor: { type: 'string' } },
      variables: { toString: 'v', hasOwnProperty: '[json(\'{"__proto__": {"polluted": true}}\')]' },
      resources: [
        {
          type: STORAGE,
          name: "[concat(parameters('__proto__'), variables('toString'))]",
          properties: {
            a: "[parameters('constructor')]",
            b: "[variables('hasOwnProperty')]",
            c: "[createObject('__proto__', 1)]",
            d: "[variables('valueOf')]",
          },
        },
      ],
    });
    const [account] = declare(
      text.replace(
        '"parameters": {',
        '"parameters": {\n    "__proto__": { "type": "string", "defaultValue": "p" },',
      ),
    );
    if (!account) throw new Error('missing');
    expect(account.address).toBe(`${STORAGE}/pv`);
    expect(plainAt(account, 'properties.a')).toEqual({ unknown: [] });
    expect(plainAt(account, 'properties.d')).toEqual({ unknown: [] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stops an exponential variable blow-up', () => {
    const variables: Record<string, string> = { v0: 'x' };
    for (let i = 1; i < 40; i++)
      variables[`v${i}`] = `[concat(variables('v${i - 1}'), variables('v${i - 1}'))]`;
    const text = template({ variables, resources: [{ type: STORAGE, name: "[variables('v39')]" }] });
    // Strings stop growing at the size limit, so the name becomes unknown rather than exhausting memory.
    const [account] = declare(text);
    expect(account?.address.startsWith(`${STORAGE}/`)).toBe(true);
  });

  it('fails a file whose copy loops multiply beyond the evaluation budget', () => {
    const input = { copy: [{ name: 'inner', count: 800, input: { v: "[copyIndex('inner')]" } }] };
    const text = template({
      resources: [
        {
          type: STORAGE,
          name: "[concat('s', copyIndex())]",
          copy: { name: 'outer', count: 200 },
          properties: { list: { copy: [{ name: 'l', count: 800, input }] } },
        },
      ],
    });
    expect(() => declare(text)).toThrow(/exceeds/);
  });
});
