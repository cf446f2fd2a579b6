import { describe, expect, it } from 'vitest';
import { classifyString, parseExpression, printExpression } from '../../scanners/arm/expression.js';
import { byAddress, declare, plainAt, template } from './helpers.js';

/** The evaluated value of one expression string placed in a resource's properties. */
function evaluate(expression: unknown, sections: Record<string, unknown> = {}): unknown {
  const resources = declare(
    template({
      ...sections,
      resources: [
        {
          type: 'Test.Provider/things',
          apiVersion: '2024-01-01',
          name: 'probe',
          properties: { value: expression },
        },
      ],
    }),
  );
  return plainAt(byAddress(resources, 'Test.Provider/things/probe'), 'properties.value');
}

describe('ARM expression parser', () => {
  it('parses calls, string escapes, numbers, property access and indexes', () => {
    const parsed = parseExpression(
      "concat(parameters('a')['b'].c[0], 'it''s', -12, reference(resourceId('T.x/y', 'n')).properties.id)",
    );
    expect(printExpression(parsed)).toBe(
      "concat(parameters('a')['b'].c[0], 'it''s', -12, reference(resourceId('T.x/y', 'n')).properties.id)",
    );
  });

  it('parses namespaced user functions and tolerates the safe dereference', () => {
    expect(printExpression(parseExpression('contoso.name(1)'))).toBe('contoso.name(1)');
    expect(printExpression(parseExpression("reference('x').?id"))).toBe("reference('x').id");
  });

  it('rejects malformed expressions', () => {
    for (const text of ["concat('a'", "concat('a' 'b')", "'unterminated", 'bare', 'f(1))', '']) {
      expect(() => parseExpression(text), text).toThrow();
    }
  });

  it('bounds nesting', () => {
    expect(() => parseExpression(`${'f('.repeat(200)}1${')'.repeat(200)}`)).toThrow(/too deeply/);
  });

  it('treats [[ as an escaped literal and other strings as literals', () => {
    expect(classifyString('[[not an expression]')).toEqual({ literal: '[not an expression]' });
    expect(classifyString("[concat('a')]")).toEqual({ expression: "concat('a')" });
    expect(classifyString('plain [text]')).toEqual({ literal: 'plain [text]' });
  });
});

describe('ARM expression evaluation', () => {
  const params = {
    parameters: {
      env: { type: 'string', defaultValue: 'Prod' },
      count: { type: 'int', defaultValue: 3 },
      tags: { type: 'object', defaultValue: { team: 'core', cost: { centre: 42 } } },
      secret: { type: 'securestring' },
      location: { type: 'string', defaultValue: '[resourceGroup().location]' },
    },
    variables: {
      prefix: "[toLower(parameters('env'))]",
      name: "[concat(variables('prefix'), '-app')]",
      list: ['a', 'b', 'c'],
      self: "[variables('self')]",
      unique: "[concat('st', uniqueString(resourceGroup().id))]",
    },
  };

  it('reads parameters (default values), variables and literal escapes', () => {
    expect(evaluate("[parameters('env')]", params)).toBe('Prod');
    expect(evaluate("[variables('name')]", params)).toBe('prod-app');
    expect(evaluate("[parameters('TAGS').cost['centre']]", params)).toBe(42);
    expect(evaluate("[variables('list')[1]]", params)).toBe('b');
    expect(evaluate('[[literal]', params)).toBe('[literal]');
  });

  it('keeps parameters without a default, deployment functions and cycles unknown', () => {
    expect(evaluate("[parameters('secret')]", params)).toEqual({ unknown: [] });
    expect(evaluate("[parameters('location')]", params)).toEqual({ unknown: [] });
    expect(evaluate('[resourceGroup().location]', params)).toEqual({ unknown: [] });
    expect(evaluate("[variables('self')]", params)).toEqual({ unknown: [] });
    expect(evaluate("[variables('unique')]", params)).toEqual({ unknown: [] });
    expect(evaluate("[parameters('nope')]", params)).toEqual({ unknown: [] });
    expect(evaluate("[concat('a', parameters('secret'))]", params)).toEqual({ unknown: [] });
    expect(evaluate('[utcNow()]')).toEqual({ unknown: [] });
    expect(evaluate("[concat('a']", params)).toEqual({ unknown: [] });
    expect(evaluate("[concat('a'", params)).toBe("[concat('a'");
  });

  it('evaluates string functions', () => {
    expect(evaluate("[concat('a', 'b', 1, true())]")).toBe('ab1True');
    expect(evaluate("[format('{0}-{1:D2}-{{x}}', 'web', 7)]")).toBe('web-7-{x}');
    expect(evaluate("[toUpper('abc')]")).toBe('ABC');
    expect(evaluate("[replace('a-b-c', '-', '.')]")).toBe('a.b.c');
    expect(evaluate("[substring('abcdef', 1, 3)]")).toBe('bcd');
    expect(evaluate("[substring('abc', 2, 5)]")).toEqual({ unknown: [] });
    expect(evaluate("[first('xyz')]")).toBe('x');
    expect(evaluate('[last(createArray(1, 2, 3))]')).toBe(3);
    expect(evaluate('[string(42)]')).toBe('42');
    expect(evaluate('[string(json(\'{"a":1}\'))]')).toBe('{"a":1}');
    expect(evaluate("[split('a,b;c', createArray(',', ';'))]")).toEqual(['a', 'b', 'c']);
    expect(evaluate("[join(createArray('a', 'b'), '+')]")).toBe('a+b');
    expect(evaluate("[padLeft('7', 3, '0')]")).toBe('007');
    expect(evaluate("[base64('hi')]")).toBe('aGk=');
  });

  it('evaluates logic, comparison and conversion functions', () => {
    expect(evaluate("[if(equals(parameters('env'), 'Prod'), 'Enabled', 'Disabled')]", params)).toBe(
      'Enabled',
    );
    expect(evaluate("[not(equals('a', 'A'))]")).toBe(true);
    expect(evaluate('[and(true(), false())]')).toBe(false);
    expect(evaluate('[or(false(), true())]')).toBe(true);
    expect(evaluate("[and(false(), equals(parameters('secret'), 'x'))]", params)).toBe(false);
    expect(evaluate("[or(false(), equals(parameters('secret'), 'x'))]", params)).toEqual({ unknown: [] });
    expect(evaluate("[if(equals(parameters('secret'), 'x'), 1, 2)]", params)).toEqual({ unknown: [] });
    expect(evaluate("[int('12')]")).toBe(12);
    expect(evaluate("[bool('TRUE')]")).toBe(true);
    expect(evaluate('[greater(2, 1)]')).toBe(true);
    expect(evaluate('[add(mul(2, 3), div(7, 2))]')).toBe(9);
    expect(evaluate("[empty('')]")).toBe(true);
    expect(evaluate("[length(parameters('tags'))]", params)).toBe(2);
    expect(evaluate("[contains(parameters('tags'), 'TEAM')]", params)).toBe(true);
    expect(evaluate("[contains(createArray('a', 'b'), 'b')]")).toBe(true);
    expect(evaluate("[coalesce(null(), 'x')]")).toBe('x');
    expect(evaluate("[coalesce(parameters('secret'), 'x')]", params)).toEqual({ unknown: [] });
  });

  it('keeps what both branches of an unknowable if() agree on', () => {
    const sections = { parameters: { flag: { type: 'bool' } } };
    expect(evaluate("[if(parameters('flag'), 'Deny', 'Deny')]", sections)).toBe('Deny');
    expect(
      evaluate(
        "[if(parameters('flag'), createObject('defaultAction', 'Deny', 'bypass', 'None'), createObject('defaultAction', 'Deny'))]",
        sections,
      ),
    ).toEqual({ defaultAction: 'Deny', bypass: undefined });
    expect(evaluate("[if(parameters('flag'), reference('a').x, 'b')]", sections)).toEqual({ unknown: ['a'] });
  });

  it('builds arrays and objects, keeping known parts of partly unknown values', () => {
    expect(evaluate("[createObject('a', 1, 'b', createArray(true()))]")).toEqual({ a: 1, b: [true] });
    expect(
      evaluate(
        "[union(createObject('a', 1, 'n', createObject('x', 1)), createObject('b', 2, 'n', createObject('y', 2)))]",
      ),
    ).toEqual({
      a: 1,
      n: { x: 1, y: 2 },
      b: 2,
    });
    expect(evaluate('[union(createArray(1, 2), createArray(2, 3))]')).toEqual([1, 2, 3]);
    expect(evaluate('[json(\'{"enabled": true}\').enabled]')).toBe(true);
    expect(evaluate("[createObject('known', 1, 'later', parameters('secret'))]", params)).toEqual({
      known: 1,
      later: undefined,
    });
    expect(evaluate('[range(1, 3)]')).toEqual([1, 2, 3]);
    expect(evaluate('[range(0, 100000000)]')).toEqual({ unknown: [] });
  });

  it('gives resource IDs as references, and known strings when ARM would', () => {
    expect(evaluate("[resourceId('Microsoft.Storage/storageAccounts', variables('name'))]", params)).toEqual({
      unknown: ['Microsoft.Storage/storageAccounts/prod-app'],
    });
    expect(evaluate("[resourceId('Microsoft.Sql/servers/databases', 'srv', 'db')]")).toEqual({
      unknown: ['Microsoft.Sql/servers/databases/srv/db'],
    });
    expect(evaluate("[resourceId('sub-1', 'rg-1', 'Microsoft.Network/virtualNetworks', 'vnet')]")).toBe(
      '/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Network/virtualNetworks/vnet',
    );
    expect(evaluate("[tenantResourceId('Microsoft.Authorization/policyDefinitions', 'p')]")).toBe(
      '/providers/Microsoft.Authorization/policyDefinitions/p',
    );
    expect(
      evaluate("[reference(resourceId('Microsoft.Storage/storageAccounts', 'st1')).primaryEndpoints.blob]"),
    ).toEqual({
      unknown: ['Microsoft.Storage/storageAccounts/st1'],
    });
    expect(evaluate("[listKeys('st1', '2023-01-01').keys[0].value]")).toEqual({ unknown: ['st1'] });
    expect(
      evaluate(
        "[reference('/subscriptions/s/resourceGroups/g/providers/Microsoft.Sql/servers/srv/databases/db')]",
      ),
    ).toEqual({
      unknown: [
        'Microsoft.Sql/servers/databases/srv/db',
        '/subscriptions/s/resourceGroups/g/providers/Microsoft.Sql/servers/srv/databases/db',
      ],
    });
  });

  it('refuses to build values over the size limits', () => {
    const sections = { variables: { big: "[padLeft('', 600000, 'x')]" } };
    expect(evaluate("[length(variables('big'))]", sections)).toBe(600000);
    expect(evaluate("[length(concat(variables('big'), variables('big')))]", sections)).toEqual({
      unknown: [],
    });
    expect(evaluate("[length(replace(variables('big'), 'x', 'yy'))]", sections)).toEqual({ unknown: [] });
    expect(evaluate("[length(join(createArray(variables('big'), variables('big')), ''))]", sections)).toEqual(
      {
        unknown: [],
      },
    );
    expect(evaluate('[length(union(range(0, 6000), range(3000, 6000)))]')).toEqual({ unknown: [] });
    expect(evaluate('[length(union(range(0, 4000), range(3000, 4000)))]')).toBe(7000);
    expect(
      evaluate('[intersection(createArray(1, 2, 3, 2), createArray(2, 3, 4), createArray(3, 2))]'),
    ).toEqual([2, 3]);
    expect(evaluate("[items(createObject('b', 2, 'a', 1))]")).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ]);
  });

  it('unions the references of unknown parts', () => {
    expect(
      evaluate("[concat(reference('a').x, reference(resourceId('Microsoft.Web/sites', 'b')).y, 'tail')]"),
    ).toEqual({ unknown: ['a', 'Microsoft.Web/sites/b'] });
  });

  it('calls user-defined functions with their own parameters only', () => {
    const sections = {
      functions: [
        {
          namespace: 'contoso',
          members: {
            storageName: {
              parameters: [{ name: 'prefix', type: 'string' }],
              output: { type: 'string', value: "[concat(toLower(parameters('prefix')), 'store')]" },
            },
            unique: {
              parameters: [{ name: 'prefix', type: 'string' }],
              output: {
                type: 'string',
                value: "[concat(parameters('prefix'), uniqueString(resourceGroup().id))]",
              },
            },
            leaky: { parameters: [], output: { type: 'string', value: "[variables('v')]" } },
          },
        },
      ],
      variables: { v: 'outer' },
    };
    expect(evaluate("[contoso.storageName('Logs')]", sections)).toBe('logsstore');
    expect(evaluate("[contoso.storageName('a', 'b')]", sections)).toEqual({ unknown: [] });
    expect(evaluate("[contoso.unique('st')]", sections)).toEqual({ unknown: [] });
    expect(evaluate('[contoso.leaky()]', sections)).toEqual({ unknown: [] });
    expect(evaluate("[other.fn('x')]", sections)).toEqual({ unknown: [] });
    const [resource] = declare(
      template({
        ...sections,
        resources: [{ type: 'Microsoft.Storage/storageAccounts', name: "[contoso.unique('st')]" }],
      }),
    );
    expect(resource?.address).toBe('Microsoft.Storage/storageAccounts/st[uniqueString(resourceGroup().id)]');
  });

  it('expands property copy loops and variable copy loops', () => {
    const sections = {
      variables: {
        copy: [{ name: 'subnets', count: 2, input: { name: "[concat('sn', copyIndex('subnets'))]" } }],
      },
    };
    expect(evaluate("[variables('subnets')]", sections)).toEqual([{ name: 'sn0' }, { name: 'sn1' }]);
    const resources = declare(
      template({
        resources: [
          {
            type: 'Microsoft.Compute/virtualMachines',
            name: 'vm',
            properties: {
              storageProfile: {
                copy: [{ name: 'dataDisks', count: 2, input: { lun: "[copyIndex('dataDisks', 1)]" } }],
              },
            },
          },
        ],
      }),
    );
    expect(
      plainAt(byAddress(resources, 'Microsoft.Compute/virtualMachines/vm'), 'properties.storageProfile'),
    ).toEqual({
      dataDisks: [{ lun: 1 }, { lun: 2 }],
    });
  });
});
