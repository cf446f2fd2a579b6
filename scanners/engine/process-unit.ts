import picomatch from 'picomatch';
import { buildModel } from '../adapters/index.js';
import type { TextSource } from '../core/code-units.js';
import { FileError } from '../core/errors.js';
import { readTextSource, type TextFile } from '../core/text-file.js';
import type { Category, Finding, IacResourceRecord, Range, ScanError, Severity } from '../core/types.js';
import type { DeclaredResource } from '../model/declared.js';
import { isParsable, parseSourceFile, type SourceFile, sourceFile } from '../parsers/source-file.js';
import { attachSnippet, fingerprint, redactSecret } from '../postprocess/fingerprint.js';
import {
  type Directive,
  findDirective,
  isExpired,
  mayHoldDirectives,
  parseDirectives,
  toSuppression,
} from '../postprocess/suppressions.js';
import { findingSeverity } from '../rules/registry.js';
import type { ReportInput, Rule } from '../rules/types.js';
import type { SecretMatch } from '../secrets/detector.js';
import { rememberSecrets, scanText } from '../secrets/engine.js';
import type { SecretSettings } from '../secrets/settings.js';
import { resourceRecords } from '../tagging/inventory.js';
import type { VarFileInput } from '../terraform/index.js';
import { detectFormat } from './file-format.js';
import type { InventoryEntry } from './inventory.js';

/** Per-path settings a unit needs; plain data so it can cross to a worker. */
export interface UnitSettings {
  inlineIgnores: boolean;
  /** Today as YYYY-MM-DD, for suppression expiry. */
  today: string;
  overrides: Array<{
    paths: string[];
    rules?: { disable?: string[]; severity?: Record<string, Severity> };
    categories?: { disable?: Category[] };
  }>;
  /** The config's `secrets:` settings. */
  secrets?: SecretSettings;
  /** Actions that may be pinned by tag (config `pipeline.trusted-actions`); the default when absent. */
  trustedActions?: string[];
  /** The scan root (absolute): Terraform local modules are read only inside it. */
  root?: string;
  /** Terraform `--var-file` files, read once by scan(). */
  varFiles?: VarFileInput[];
  /** Terraform folders called as local modules by other folders of the scan: evaluated through their callers. */
  terraformModules?: string[];
  /** Record the unit's IaC resources (full scans; a diff scan sees only some units). */
  resourceInventory?: boolean;
}

export interface UnitResult {
  findings: Finding[];
  errors: ScanError[];
  files: number;
  bytes: number;
  /** The unit's IaC resources, when `resourceInventory` is set. */
  resources?: IacResourceRecord[];
}

/** Adds one unit's (or batch's) result to a running total. */
export function addUnitResult(total: UnitResult, result: UnitResult): void {
  total.findings.push(...result.findings);
  total.errors.push(...result.errors);
  total.files += result.files;
  total.bytes += result.bytes;
  if (result.resources) {
    total.resources ??= [];
    for (const resource of result.resources) total.resources.push(resource);
  }
}

/** Reads, parses, adapts and checks one scan unit (files that are judged together). */
export function processUnit(entries: InventoryEntry[], rules: Rule[], settings: UnitSettings): UnitResult {
  const result: UnitResult = { findings: [], errors: [], files: 0, bytes: 0 };
  const textFiles: SourceFile[] = [];
  const parsedFiles: SourceFile[] = [];
  // Rules for every format (the secret rules) look at text-only files; without them only markers do.
  const textRules = rules.some((rule) => rule.formats.includes('*'));
  for (const entry of entries) {
    const loaded = loadFile(entry, result, settings, textRules);
    if (!loaded) continue;
    textFiles.push(loaded.file);
    if (loaded.parsed) parsedFiles.push(loaded.file);
  }
  if (!textFiles.length) return result;

  const moduleFiles: SourceFile[] = [];
  const declared: DeclaredResource[] = [];
  const model = buildModel(
    parsedFiles,
    (file, error) =>
      result.errors.push(
        error instanceof FileError
          ? error.toScanError(file.path)
          : {
              code: 'parse-failed',
              level: 'error',
              file: file.path,
              message: `cannot read the resources of this ${file.format} file: ${error.message}`,
              hint: 'Only secrets were checked in it. Please report this with the file, it is a bug in Palisade.',
            },
      ),
    {
      root: settings.root,
      varFiles: settings.varFiles,
      loadedFiles: moduleFiles,
      calledModules: settings.terraformModules,
    },
    declared,
  );
  if (settings.trustedActions) model.pipeline.trustedActions = [...settings.trustedActions];
  result.errors.push(...model.notes);
  const formats = new Set<string>(parsedFiles.map((f) => f.format));
  // A plan is Terraform too: rules written for Terraform check the resources a plan declares.
  if (formats.has('terraform-plan')) formats.add('terraform');
  const directivesByFile = new Map<string, Directive[]>();
  // Terraform module files read from other folders: findings in them get snippets and honour suppressions.
  for (const file of moduleFiles) {
    if (!directivesByFile.has(file.path) && settings.inlineIgnores)
      directivesByFile.set(file.path, parseDirectives(file.text, file.lines));
  }
  for (const file of textFiles) {
    const directives = settings.inlineIgnores ? parseDirectives(file.text, file.lines) : [];
    directivesByFile.set(file.path, directives);
    for (const directive of directives) {
      if (isExpired(directive, settings.today)) {
        result.errors.push({
          code: 'expired-suppression',
          level: 'warning',
          file: file.path,
          line: directive.line,
          message: `suppression of ${directive.ruleIds.join(', ')} expired on ${directive.until}; the findings are reported again`,
          hint: 'Fix the findings, or renew the suppression with a new until= date and a reason.',
        });
      }
    }
  }
  const linesByFile = new Map([...moduleFiles, ...textFiles].map((f) => [f.path, f.lines]));
  const overrides = overridesFor(settings.overrides);
  const secretValues = new Set<string>();

  for (const rule of rules) {
    const runsOnText = rule.formats.includes('*');
    if (!runsOnText && !rule.formats.some((format) => formats.has(format))) continue;
    const raw: Array<{ input: ReportInput; location: Range & { file: string } }> = [];
    const report = (input: ReportInput) => {
      if (input.attr?.origin === 'unresolvable') return; // a rule that cannot know stays quiet
      const file = input.attr?.file ?? input.resource?.file ?? input.file;
      const range = input.attr?.range ?? input.resource?.headerRange ?? input.range;
      if (!file || !range) throw new Error(`rule ${rule.id} reported without a location`);
      raw.push({ input, location: { file, ...range } });
    };
    try {
      rule.check({ model, files: runsOnText ? textFiles : parsedFiles, report, secrets: settings.secrets });
    } catch (error) {
      result.errors.push({
        code: 'rule-failed',
        level: 'error',
        file: entries[0]?.path ?? '.',
        ruleId: rule.id,
        message: `rule ${rule.id} failed: ${(error as Error).message}`,
        hint: 'This is a bug in the rule; please report it with the file that triggers it.',
      });
      continue;
    }
    const occurrences = new Map<string, number>();
    for (const { input, location } of raw) {
      const settingsForPath = overrides(location.file);
      if (settingsForPath.disabledRule(rule.id) || settingsForPath.disabledCategories.has(rule.category))
        continue;
      if (input.secret !== undefined) secretValues.add(input.secret);
      const secret = input.secret === undefined ? undefined : redactSecret(input.secret);
      const key = input.attr?.path ?? input.key ?? secret?.sha256 ?? '';
      const identity = `${location.file}\u0000${input.resource?.address ?? ''}\u0000${key}`;
      const occurrence = occurrences.get(identity) ?? 0;
      occurrences.set(identity, occurrence + 1);
      const finding: Finding = {
        ruleId: rule.id,
        title: rule.title,
        severity: settingsForPath.severity[rule.id] ?? findingSeverity(rule, input.severity),
        category: rule.category,
        message: input.message ?? rule.title,
        location,
        resource: input.resource?.address,
        modulePath: input.resource?.modulePath,
        remediation: rule.remediation,
        helpUri: rule.helpUri ?? `https://palisade.dev/rules/${rule.id}`,
        cwe: rule.cwe,
        benchmarks: rule.benchmarks ?? [],
        tags: rule.tags ?? [],
        secret,
        fingerprint: fingerprint({
          ruleId: rule.id,
          file: location.file,
          resource: input.resource?.address,
          key,
          occurrence,
        }),
      };
      const lines = linesByFile.get(location.file);
      if (lines) attachSnippet(finding, lines);
      const directive = findDirective(
        directivesByFile.get(location.file) ?? [],
        rule.id,
        location,
        input.resource?.range,
      );
      if (directive && !isExpired(directive, settings.today)) {
        finding.suppression = toSuppression(directive, location.file);
      }
      result.findings.push(finding);
    }
  }
  if (secretValues.size) scrubSecrets(result.findings, secretValues);
  if (settings.resourceInventory && declared.length)
    result.resources = resourceRecords(declared, [...moduleFiles, ...textFiles], settings.secrets);
  return result;
}

/** A secret found by one rule must not leak through another finding's snippet or message. */
function scrubSecrets(findings: Finding[], secrets: Set<string>): void {
  const masks = [...secrets].map((secret) => [secret, `${redactSecret(secret).preview}****`] as const);
  const mask = (text: string) => {
    let masked = text;
    for (const [secret, replacement] of masks) {
      if (masked.includes(secret)) masked = masked.split(secret).join(replacement);
    }
    return masked;
  };
  for (const finding of findings) {
    finding.message = mask(finding.message);
    if (finding.snippet) finding.snippet = mask(finding.snippet);
  }
}

interface LoadedFile {
  file: SourceFile;
  /** False when the format has no parser or the file is malformed: text rules still check it. */
  parsed: boolean;
}

/**
 * Reads and parses a file. A large text that no parser takes comes as CodeUnits and is looked at there
 * first: its secrets (when `textRules`, the secret rules, will look at it) and suppression markers. Its
 * string, which costs far more than the search (see code-units.ts), is built only if it has any, and the
 * secret rules then take the secrets already found. Otherwise the file was scanned and holds nothing to
 * report: it is counted and left out.
 */
function loadFile(
  entry: InventoryEntry,
  result: UnitResult,
  settings: UnitSettings,
  textRules: boolean,
): LoadedFile | undefined {
  let read: TextFile<TextSource>;
  try {
    read = readTextSource(entry.absolute, entry.size);
  } catch (error) {
    result.errors.push({
      code: 'read-failed',
      level: 'error',
      file: entry.path,
      message: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      hint: 'Check that the file exists and is readable.',
    });
    return undefined;
  }
  if (read.binary) {
    result.errors.push({ code: 'binary', level: 'note', file: entry.path, message: 'binary file skipped' });
    return undefined;
  }
  result.files++;
  result.bytes += read.bytes;
  if (read.invalidLine !== undefined) {
    result.errors.push({
      code: 'invalid-encoding',
      level: 'warning',
      file: entry.path,
      line: read.invalidLine,
      message: 'file is not valid UTF-8; invalid bytes were read as U+FFFD',
      hint: 'Save the file as UTF-8. Findings in it may be incomplete.',
    });
  }
  let source = read.text;
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  const format = detectFormat(entry.path, source);
  if (format === 'bicep') {
    result.errors.push({
      code: 'unsupported',
      level: 'note',
      file: entry.path,
      message: 'Bicep is not parsed directly; only secrets were checked',
      hint: 'Compile it to an ARM template (az bicep build) and scan the JSON.',
    });
  }
  const parsable = isParsable(format);
  let secrets: SecretMatch[] | undefined;
  if (typeof source !== 'string' && !parsable) {
    // CodeUnits are valid until the next read: whether the string is needed is decided now.
    if (textRules) secrets = scanText(entry.path, source, settings.secrets);
    const marked = settings.inlineIgnores && mayHoldDirectives(source);
    if (!secrets?.length && !marked) return undefined;
  }
  const text = source.toString();
  const file = sourceFile(entry.path, format, text);
  if (secrets) rememberSecrets(file, secrets, settings.secrets);
  if (!parsable) return { file, parsed: false };
  try {
    parseSourceFile(file);
    return { file, parsed: true };
  } catch (error) {
    result.errors.push(parseFailure(entry.path, format, text, error));
    return { file, parsed: false };
  }
}

function parseFailure(file: string, format: string, text: string, error: unknown): ScanError {
  if (error instanceof FileError) {
    const templated = text.includes('{{') && error.code === 'parse-failed';
    return templated
      ? {
          code: 'parse-failed',
          level: 'note',
          file,
          line: error.line,
          message: `looks like a Helm or Go template, not plain ${format}; only secrets were checked`,
          hint: 'Render it first (for example `helm template`) and scan the output.',
        }
      : error.toScanError(file);
  }
  const overflow = error instanceof RangeError;
  return {
    code: overflow ? 'too-deep' : 'parse-failed',
    level: 'error',
    file,
    message: overflow
      ? 'file is nested too deeply to parse'
      : `cannot parse ${format}: ${(error as Error).message}`,
    hint: 'Check that the file is valid; exclude it if it is generated data.',
  };
}

interface PathSettings {
  disabledRule: (id: string) => boolean;
  disabledCategories: Set<Category>;
  severity: Record<string, Severity>;
}

const compiledOverrides = new WeakMap<UnitSettings['overrides'], (file: string) => PathSettings>();

/** The compiled overrides of these settings: globs compile once, not once per unit. */
function overridesFor(overrides: UnitSettings['overrides']): (file: string) => PathSettings {
  let compiled = compiledOverrides.get(overrides);
  if (!compiled) {
    compiled = compileOverrides(overrides);
    compiledOverrides.set(overrides, compiled);
  }
  return compiled;
}

/** Merges the overrides that match a path (later entries win). */
function compileOverrides(overrides: UnitSettings['overrides']): (file: string) => PathSettings {
  const compiled = overrides.map((o) => ({
    matches: picomatch(o.paths, { dot: true }),
    disabled: o.rules?.disable?.length ? picomatch(o.rules.disable) : undefined,
    categories: o.categories?.disable ?? [],
    severity: o.rules?.severity ?? {},
  }));
  const cache = new Map<string, PathSettings>();
  return (file) => {
    const cached = cache.get(file);
    if (cached) return cached;
    const applying = compiled.filter((o) => o.matches(file));
    const settings: PathSettings = {
      disabledRule: (id) => applying.some((o) => o.disabled?.(id)),
      disabledCategories: new Set(applying.flatMap((o) => o.categories)),
      severity: Object.assign({}, ...applying.map((o) => o.severity)),
    };
    cache.set(file, settings);
    return settings;
  };
}
