import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../scanners/engine/scan.js';
import { builtinRuleList } from '../../scanners/rules/registry.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';
import { lineOf, template } from './helpers.js';

afterEach(removeTempDirs);

const STORAGE = 'Microsoft.Storage/storageAccounts';
const HTTPS_ONLY = 'PAL-AZURE-STORAGE-001';
const BLOB_SOFT_DELETE = 'PAL-AZURE-STORAGE-007';

describe('ARM templates end to end', () => {
  it('checks evaluated storage accounts, follows blob services to accounts named by expression, and goes on past a broken file', async () => {
    const text = template({
      parameters: {
        httpsOnly: { type: 'bool', defaultValue: false },
        unknownFlag: { type: 'bool' },
        prefix: { type: 'string' },
      },
      variables: { protectedName: "[concat(parameters('prefix'), 'prot')]" },
      resources: [
        {
          type: STORAGE,
          apiVersion: '2023-01-01',
          name: "[concat(parameters('prefix'), 'open')]",
          location: '[resourceGroup().location]',
          kind: 'StorageV2',
          sku: { name: 'Standard_LRS' },
          properties: { supportsHttpsTrafficOnly: "[parameters('httpsOnly')]" },
        },
        {
          type: STORAGE,
          apiVersion: '2023-01-01',
          name: "[variables('protectedName')]",
          location: '[resourceGroup().location]',
          kind: 'StorageV2',
          sku: { name: 'Standard_LRS' },
          properties: { supportsHttpsTrafficOnly: "[parameters('unknownFlag')]" },
          resources: [
            {
              type: 'blobServices',
              apiVersion: '2023-01-01',
              name: 'default',
              dependsOn: [`[resourceId('${STORAGE}', variables('protectedName'))]`],
              properties: { deleteRetentionPolicy: { enabled: true, days: 7 } },
            },
          ],
        },
      ],
    });
    const root = makeTempDir({
      'azuredeploy.json': text,
      'broken.json': template({ resources: 'not a list' }),
    });
    const rules = builtinRuleList().filter((rule) => [HTTPS_ONLY, BLOB_SOFT_DELETE].includes(rule.id));
    expect(rules).toHaveLength(2);
    const result = await scan({ root, rules, jobs: 1 });
    const sites = result.findings.map(
      (f) => `${f.ruleId} ${f.location.file}:${f.location.startLine} ${f.resource}`,
    );
    const resourcesAt = text.indexOf('"resources"');
    expect(sites.sort()).toEqual(
      [
        `${HTTPS_ONLY} azuredeploy.json:${lineOf(text, '"supportsHttpsTrafficOnly"', resourcesAt)} ${STORAGE}/[parameters('prefix')]open`,
        `${BLOB_SOFT_DELETE} azuredeploy.json:${lineOf(text, '"type"', resourcesAt)} ${STORAGE}/[parameters('prefix')]open`,
      ].sort(),
    );
    expect(result.errors.map((e) => [e.file, e.level])).toEqual([['broken.json', 'error']]);
    expect(result.errors[0]).toMatchObject({ code: 'parse-failed', line: 4 });
    expect(result.errors[0]?.message).toMatch(/`resources` must be an array/);
  });
});
