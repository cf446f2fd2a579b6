import path from 'node:path';
import { type Command, Option } from 'commander';
import { findConfigFile, loadConfigFile } from '../config/config.js';
import { UsageError } from '../core/errors.js';
import { CATEGORIES, type Category, type Severity } from '../core/types.js';
import { loadCustomRules } from '../rules/custom-rules.js';
import { testRules } from '../rules/harness.js';
import { builtinRuleList } from '../rules/registry.js';
import type { Rule } from '../rules/types.js';
import { type Colors, type CommandContext, colorsFor } from './context.js';
import { renderPlainMarkdown } from './plain-markdown.js';

interface RuleSourceOptions {
  config?: string;
  color: boolean;
}

interface ListedRule {
  rule: Rule;
  source: 'built-in' | 'custom';
}

/** Adds `palisade rules list|show|test`. */
export function registerRulesCommand(program: Command, context: CommandContext): void {
  const rules = program
    .command('rules')
    .summary('list, explain and test rules')
    .description("List the rules, show one rule's documentation, or test rules against their fixtures.");

  rules
    .command('list')
    .summary('list the rules: id, severity, category, title')
    .description("List built-in rules, and the custom rules of the config's custom-rules folder.")
    .addOption(new Option('--category <category>', 'only rules of this category').choices([...CATEGORIES]))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option(
      '-c, --config <file>',
      'config whose custom rules to include (default: .palisade.yml in this folder)',
    )
    .option('--no-color', 'no colours')
    .action(async (options: RuleSourceOptions & { category?: Category; format: 'text' | 'json' }) => {
      const listed = (await availableRules(options, context)).filter(
        ({ rule }) => !options.category || rule.category === options.category,
      );
      const { io } = context;
      if (options.format === 'json') {
        io.stdout.write(`${JSON.stringify(listed.map(describeRule), null, 2)}\n`);
      } else {
        io.stdout.write(ruleTable(listed, colorsFor(io, 'stdout', options.color)));
      }
      context.exitCode = 0;
    });

  rules
    .command('show')
    .summary('show a rule and its documentation')
    .description("Show a rule's metadata and documentation: what it checks, why it matters, how to fix it.")
    .argument('<id>', 'rule id, for example PAL-K8S-001')
    .option(
      '-c, --config <file>',
      'config whose custom rules to search too (default: .palisade.yml in this folder)',
    )
    .option('--no-color', 'no colours')
    .action(async (id: string, options: RuleSourceOptions) => {
      const listed = await availableRules(options, context);
      const found = listed.find(({ rule }) => rule.id.toLowerCase() === id.toLowerCase());
      if (!found) throw new UsageError(`unknown rule ${id} (see palisade rules list)`);
      context.io.stdout.write(ruleDetails(found, colorsFor(context.io, 'stdout', options.color)));
      context.exitCode = 0;
    });

  rules
    .command('test')
    .summary('test rules against their pass and fail fixtures')
    .description(
      'Run rules over their fixtures with the real scan pipeline: every fail-* fixture must give exactly the ' +
        'findings in its expected.json, every pass-* fixture none. Exits 1 if any rule fails.',
    )
    .argument('[dir]', 'folder of custom rules to test (default: the built-in rules)')
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      `
Examples:
  $ palisade rules test
  $ palisade rules test .palisade/rules`,
    )
    .action(async (dir: string | undefined, options: { color: boolean }) => {
      const { io } = context;
      const colors = colorsFor(io, 'stdout', options.color);
      const toTest = dir === undefined ? builtinRuleList() : await loadCustomRules(path.resolve(io.cwd, dir));
      if (!toTest.length) throw new UsageError(`no rules found in ${dir ?? 'the built-in rules'}`);
      // Built-in rules must document themselves; a custom rule may skip the README.
      const reports = await testRules(toTest, { requireReadme: dir === undefined });
      for (const report of reports) {
        const mark = report.ok ? colors.green('✔') : colors.red('✘');
        io.stdout.write(`${mark} ${report.ruleId}\n`);
        for (const problem of report.problems) io.stdout.write(`    ${colors.red(problem)}\n`);
      }
      const failed = reports.filter((r) => !r.ok).length;
      io.stdout.write(
        failed
          ? `\n${colors.red(`${failed} of ${reports.length} rules failed`)}\n`
          : `\n${colors.green(`${reports.length} rule${reports.length === 1 ? '' : 's'} passed`)}\n`,
      );
      context.exitCode = failed ? 1 : 0;
    });
}

/** Built-in rules plus the custom rules the config points at. */
async function availableRules(options: RuleSourceOptions, context: CommandContext): Promise<ListedRule[]> {
  const configFile =
    options.config === undefined
      ? findConfigFile(context.io.cwd)
      : path.resolve(context.io.cwd, options.config);
  const customFolder = configFile ? loadConfigFile(configFile).customRules : undefined;
  const custom = customFolder ? await loadCustomRules(customFolder) : [];
  return [
    ...builtinRuleList().map((rule) => ({ rule, source: 'built-in' as const })),
    ...custom.map((rule) => ({ rule, source: 'custom' as const })),
  ].sort((a, b) => a.rule.id.localeCompare(b.rule.id));
}

function describeRule({ rule, source }: ListedRule) {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    category: rule.category,
    formats: rule.formats,
    cwe: rule.cwe,
    benchmarks: rule.benchmarks ?? [],
    tags: rule.tags ?? [],
    helpUri: rule.helpUri ?? `https://palisade.dev/rules/${rule.id}`,
    source,
  };
}

const SEVERITY_COLOR: Record<Severity, keyof Colors> = {
  critical: 'magenta',
  high: 'red',
  medium: 'yellow',
  low: 'blue',
  info: 'gray',
};

function paintSeverity(severity: Severity, colors: Colors, width = 0): string {
  const paint = colors[SEVERITY_COLOR[severity]] as (text: string) => string;
  // Pad before painting: escape codes would throw the column widths off.
  return paint(severity.padEnd(width));
}

function ruleTable(listed: ListedRule[], colors: Colors): string {
  if (!listed.length) return 'No rules match.\n';
  const idWidth = Math.max(2, ...listed.map(({ rule }) => rule.id.length));
  const severityWidth = 'SEVERITY'.length;
  const categoryWidth = 'CATEGORY'.length;
  const header = `${'ID'.padEnd(idWidth)}  ${'SEVERITY'.padEnd(severityWidth)}  ${'CATEGORY'.padEnd(categoryWidth)}  TITLE`;
  const rows = listed.map(
    ({ rule, source }) =>
      `${rule.id.padEnd(idWidth)}  ${paintSeverity(rule.severity, colors, severityWidth)}  ` +
      `${rule.category.padEnd(categoryWidth)}  ${rule.title}${source === 'custom' ? colors.dim(' (custom)') : ''}`,
  );
  const custom = listed.filter((l) => l.source === 'custom').length;
  const total = `${listed.length} rule${listed.length === 1 ? '' : 's'}${custom ? ` (${custom} custom)` : ''}`;
  return `${colors.bold(header)}\n${rows.join('\n')}\n\n${colors.dim(`${total}. Details: palisade rules show ID`)}\n`;
}

function ruleDetails({ rule, source }: ListedRule, colors: Colors): string {
  const benchmarks = (rule.benchmarks ?? []).map(
    (b) => `${b.framework}${b.version ? ` ${b.version}` : ''} ${b.control}`,
  );
  const facts: Array<[string, string | undefined]> = [
    [
      'Severity',
      `${paintSeverity(rule.severity, colors)}${rule.severityRationale ? ` (${rule.severityRationale})` : ''}`,
    ],
    ['Category', rule.category],
    ['Formats', rule.formats.join(', ')],
    ['CWE', rule.cwe.join(', ') || undefined],
    ['Benchmarks', benchmarks.join('; ') || undefined],
    ['Tags', (rule.tags ?? []).join(', ') || undefined],
    ['Source', source === 'custom' ? `custom rule${rule.dir ? ` in ${rule.dir}` : ''}` : 'built-in'],
    ['Help', rule.helpUri ?? `https://palisade.dev/rules/${rule.id}`],
  ];
  const lines = [
    `${colors.bold(rule.id)}  ${rule.title}`,
    '',
    ...facts
      .filter(([, value]) => value)
      .map(([label, value]) => `${colors.dim(`${label}:`.padEnd(12))}${value}`),
    '',
    rule.description,
    '',
    `${colors.bold('Remediation:')} ${renderPlainMarkdown(rule.remediation, colors).trim()}`,
  ];
  // The README's own title repeats the rule title printed above.
  const docs = (rule.docs ?? '').replace(/^\s*# .*\n+/, '');
  if (docs.trim()) lines.push('', renderPlainMarkdown(docs, colors).trimEnd());
  return `${lines.join('\n')}\n`;
}
