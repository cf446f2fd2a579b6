/**
 * IAM policy documents, normalised: a JSON string or an object, `Statement` single or a list, `Action`,
 * `Resource` and principals a string or a list. Values the evaluator could not know (an intrinsic function,
 * an unknown variable) arrive as `undefined`; they make the list incomplete, so a check that needs the whole
 * list answers 'unknown' rather than guess.
 */

/** The known strings of a policy list, and whether every item was known. */
export interface PolicyValues {
  values: string[];
  complete: boolean;
}

export interface PolicyStatement {
  sid?: string;
  /** `Allow` or `Deny`; undefined when not knowable. */
  effect: 'Allow' | 'Deny' | undefined;
  action?: PolicyValues;
  notAction?: PolicyValues;
  resource?: PolicyValues;
  notResource?: PolicyValues;
  /** Principals by type (`AWS`, `Service`, `Federated`, `CanonicalUser`); `Principal: "*"` reads as AWS `*`. */
  principal?: Map<string, PolicyValues>;
  /** True when a `Principal` value was present but not readable. */
  principalUnknown?: boolean;
  notPrincipal?: Map<string, PolicyValues>;
  /** The condition block; `present` is also true when it was not knowable (it may restrict). */
  condition: { present: boolean; value?: Record<string, unknown> };
}

export type Tristate = boolean | 'unknown';

const MAX_STATEMENTS = 1000;

/** The statements of a policy document, or undefined when the document is not knowable or not a policy. */
export function policyStatements(document: unknown): PolicyStatement[] | undefined {
  let doc = document;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return undefined;
    }
  }
  if (!isRecord(doc)) return undefined;
  const raw = doc.Statement;
  if (raw === undefined) return 'Statement' in doc ? undefined : [];
  const list = Array.isArray(raw) ? raw : [raw];
  const statements: PolicyStatement[] = [];
  for (const item of list.slice(0, MAX_STATEMENTS)) {
    if (!isRecord(item)) return undefined;
    statements.push(normaliseStatement(item));
  }
  return statements;
}

function normaliseStatement(item: Record<string, unknown>): PolicyStatement {
  const effect = item.Effect === 'Allow' || item.Effect === 'Deny' ? item.Effect : undefined;
  const statement: PolicyStatement = { effect, condition: conditionOf(item) };
  if (typeof item.Sid === 'string') statement.sid = item.Sid;
  if ('Action' in item) statement.action = valuesOf(item.Action);
  if ('NotAction' in item) statement.notAction = valuesOf(item.NotAction);
  if ('Resource' in item) statement.resource = valuesOf(item.Resource);
  if ('NotResource' in item) statement.notResource = valuesOf(item.NotResource);
  if ('Principal' in item) {
    const principal = principalsOf(item.Principal);
    if (principal) statement.principal = principal;
    else statement.principalUnknown = true;
  }
  if ('NotPrincipal' in item) statement.notPrincipal = principalsOf(item.NotPrincipal) ?? new Map();
  return statement;
}

function conditionOf(item: Record<string, unknown>): PolicyStatement['condition'] {
  if (!('Condition' in item)) return { present: false };
  const value = item.Condition;
  if (!isRecord(value)) return { present: true };
  return Object.keys(value).length ? { present: true, value } : { present: false };
}

function valuesOf(raw: unknown): PolicyValues {
  const items = Array.isArray(raw) ? raw : [raw];
  const values = items.filter((v): v is string => typeof v === 'string');
  return { values, complete: values.length === items.length };
}

function principalsOf(raw: unknown): Map<string, PolicyValues> | undefined {
  if (raw === '*') return new Map([['AWS', { values: ['*'], complete: true }]]);
  if (!isRecord(raw)) return undefined;
  const principals = new Map<string, PolicyValues>();
  for (const [type, value] of Object.entries(raw)) principals.set(type, valuesOf(value));
  return principals;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * IAM wildcard matching (`*` any run, `?` one character), case-insensitive as IAM matches actions. Greedy with
 * one backtrack point, so hostile patterns cost at most pattern length times value length.
 */
export function wildcardMatches(pattern: string, value: string): boolean {
  const p = pattern.toLowerCase();
  const v = value.toLowerCase();
  let pi = 0;
  let vi = 0;
  let star = -1;
  let resume = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = vi;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/**
 * Whether an Allow statement grants `action` (an exact action like `iam:PassRole`). A `NotAction` statement
 * grants every action it does not list.
 */
export function grantsAction(statement: PolicyStatement, action: string): Tristate {
  if (statement.effect === undefined) return 'unknown';
  if (statement.effect !== 'Allow') return false;
  if (statement.action) return listMatches(statement.action, action);
  if (statement.notAction) {
    const excluded = listMatches(statement.notAction, action);
    return excluded === 'unknown' ? 'unknown' : !excluded;
  }
  return false;
}

/** True when a known value of the list matches `value`; unknown when no known value does but some are unknown. */
export function listMatches(list: PolicyValues, value: string): Tristate {
  if (list.values.some((pattern) => wildcardMatches(pattern, value))) return true;
  return list.complete ? false : 'unknown';
}

/** Whether the list holds the literal wildcard `*` (every action, every resource). */
export function hasWildcard(list: PolicyValues | undefined): Tristate {
  if (!list) return false;
  if (list.values.includes('*')) return true;
  return list.complete ? false : 'unknown';
}

/** Whether the statement applies to all resources (`Resource: "*"`). Policies without a Resource (trust and resource policies) count as all. */
export function appliesToAllResources(statement: PolicyStatement): Tristate {
  if (statement.notResource) return false;
  if (!statement.resource) return true;
  return hasWildcard(statement.resource);
}

/** Whether the statement's principal is anyone: `"*"`, `{ "AWS": "*" }` (or `*` in a list). */
export function hasPublicPrincipal(statement: PolicyStatement): Tristate {
  if (statement.principalUnknown) return 'unknown';
  if (!statement.principal) return false;
  const aws = statement.principal.get('AWS');
  if (!aws) return false;
  return hasWildcard(aws);
}

/** An Allow statement open to any principal with no condition to narrow it. */
export function allowsAnyoneUnconditionally(statement: PolicyStatement): Tristate {
  if (statement.effect === undefined) return 'unknown';
  if (statement.effect !== 'Allow') return false;
  if (statement.condition.present) return false;
  return hasPublicPrincipal(statement);
}

/**
 * True when some statement is a Deny of every request sent without TLS: Effect Deny with Condition
 * `Bool` (or `BoolIfExists`) `aws:SecureTransport: false`, covering all actions (or all `s3:*`).
 */
export function deniesInsecureTransport(statements: PolicyStatement[]): Tristate {
  let unknown = false;
  for (const statement of statements) {
    if (statement.effect === undefined) {
      unknown = true;
      continue;
    }
    if (statement.effect !== 'Deny') continue;
    if (statement.condition.present && !statement.condition.value) {
      unknown = true;
      continue;
    }
    const conditionHolds = secureTransportFalse(statement.condition.value);
    if (conditionHolds === 'unknown') unknown = true;
    if (conditionHolds !== true) continue;
    const action = statement.action ? listMatches(statement.action, 's3:GetObject') : false;
    if (action === true) return true;
    if (action === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : false;
}

function secureTransportFalse(condition: Record<string, unknown> | undefined): Tristate {
  if (!condition) return false;
  let unknown = false;
  for (const [operator, tests] of Object.entries(condition)) {
    if (operator !== 'Bool' && operator !== 'BoolIfExists') continue;
    if (!isRecord(tests)) {
      unknown = true;
      continue;
    }
    for (const [key, value] of Object.entries(tests)) {
      if (key.toLowerCase() !== 'aws:securetransport') continue;
      const values = Array.isArray(value) ? value : [value];
      if (values.some((v) => v === false || (typeof v === 'string' && v.toLowerCase() === 'false')))
        return true;
      if (values.some((v) => v === undefined)) unknown = true;
    }
  }
  return unknown ? 'unknown' : false;
}

/**
 * The values each condition key is tested against, across operators (`StringEquals`, `StringLike`, ...), by
 * lower-cased key. Undefined when the condition block is not knowable.
 */
export function conditionValues(statement: PolicyStatement): Map<string, PolicyValues> | undefined {
  const values = new Map<string, PolicyValues>();
  if (!statement.condition.present) return values;
  if (!statement.condition.value) return undefined;
  for (const tests of Object.values(statement.condition.value)) {
    if (!isRecord(tests)) return undefined;
    for (const [key, raw] of Object.entries(tests)) {
      const found = valuesOf(raw);
      const name = key.toLowerCase();
      const before = values.get(name);
      values.set(
        name,
        before
          ? { values: [...before.values, ...found.values], complete: before.complete && found.complete }
          : found,
      );
    }
  }
  return values;
}
