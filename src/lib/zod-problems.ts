// Turns zod's validation issues into problems people can act on (`field: expected …, found …`, with a
// line and a did-you-mean where there is one), for content files and the integration's options alike:
// nobody ever sees a zod dump.
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { Problem } from './problems.ts';
import { HIDDEN_CONTROL, hoursTotal, type Hours } from './content-schema.ts';

/** Where the validated data came from, and how to report on it. */
export interface ProblemSource {
  /** The file named in each problem. */
  file: string;
  /** The line of a field path in that file, when it is known. */
  lineOf?: (path: readonly (string | number)[]) => number | undefined;
  /** Put before every field path: `engfolio.` for the integration's options. */
  fieldPrefix?: string;
  /** Whether an unknown field is a warning (and dropped) or an error. */
  unknownFields: 'warning' | 'error';
  /** The word for a field in messages: "field" for content, "option" for options. */
  noun?: string;
}

/** `text` with each control or bidi character named (`<U+202E>`), never printed: it would reorder or restyle the terminal's line. */
function showControls(text: string): string {
  return text.replace(HIDDEN_CONTROL, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** How a value found in the data reads in a message. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return value.length ? `a list of ${value.length === 1 ? '1 item' : `${value.length} items`}` : 'an empty list';
  if (typeof value === 'string') {
    // The credentials and query of a URL (`https://user:token@…`, `?private_token=…`) are never repeated in a message.
    const shown = value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/i, '$1***@').replace(/^([a-z][a-z0-9+.-]*:\/\/[^?#\s]*)\?.*/is, '$1?***');
    return `"${showControls(shown.length > 40 ? shown.slice(0, 37) + '…' : shown)}"`;
  }
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const EXPECTED_TYPE: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of fields',
};

/** Extra words for a cross-field rule, so `found` shows the value it was compared with. */
function ruleContext(field: string, data: unknown, path: (string | number)[]): string {
  const parent = valueAt(data, path.slice(0, -1));
  if (field.endsWith('features') && parent && typeof parent === 'object' && 'commits' in parent) {
    return ` (commits is ${String((parent as { commits: unknown }).commits)})`;
  }
  if (field.endsWith('.to') && parent && typeof parent === 'object' && 'from' in parent) {
    return ` (from is ${String((parent as { from: unknown }).from)})`;
  }
  if (field === 'hours' && parent && typeof parent === 'object' && 'commits' in parent) {
    return ` (commits is ${String((parent as { commits: unknown }).commits)}, the hours add up to ${hoursTotal(valueAt(data, path) as Hours)})`;
  }
  if (field.endsWith('.until') && parent && typeof parent === 'object' && 'since' in parent) {
    return ` (since is ${String((parent as { since: unknown }).since)})`;
  }
  return '';
}

/** Steps into a zod schema by one path key (through optional/default/pipe/array wrappers). */
function unwrap(schema: unknown, key: PropertyKey | undefined): unknown {
  let s = schema as { def?: Record<string, unknown>; shape?: Record<string, unknown> } | undefined;
  for (let i = 0; i < 8 && s?.def; i++) {
    const def = s.def as { type: string; innerType?: unknown; in?: unknown; options?: unknown[] };
    if (def.innerType) s = def.innerType as typeof s;
    else if (def.type === 'pipe') s = def.in as typeof s;
    else if (def.type === 'union' && def.options) s = (def.options.find((o) => (o as { shape?: unknown }).shape) ?? def.options[0]) as typeof s;
    else break;
  }
  if (key === undefined) return s;
  const def = s?.def as { type?: string; element?: unknown; valueType?: unknown } | undefined;
  if (def?.type === 'array') return def.element;
  if (def?.type === 'record') return def.valueType;
  return s?.shape?.[key as string];
}

/** The field names a schema allows at `path`. */
function knownFieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let shape: unknown = schema;
  for (const key of path) shape = unwrap(shape, key);
  const s = unwrap(shape, undefined) as { shape?: Record<string, unknown> } | undefined;
  return s?.shape ? Object.keys(s.shape) : [];
}

/** What a zod issue expected, in words. */
function expectedOf(issue: z.core.$ZodIssue, field: string, data: unknown, path: (string | number)[]): string {
  switch (issue.code) {
    case 'invalid_type':
      return EXPECTED_TYPE[issue.expected] ?? issue.expected;
    case 'too_small':
    case 'too_big':
      // A rule's own words (`.length(24, '24 counts, …')`) say it best.
      if (!/^Too (small|big)/.test(issue.message)) return issue.message;
      if (issue.code === 'too_big')
        return issue.origin === 'string' ? `text of at most ${issue.maximum} characters` : `a number ${issue.inclusive ? '≤' : '<'} ${issue.maximum}`;
      return issue.origin === 'string'
        ? 'non-empty text'
        : issue.origin === 'array'
          ? `at least ${issue.minimum} ${issue.minimum === 1 ? 'item' : 'items'}`
          : `a number ${issue.inclusive ? '≥' : '>'} ${issue.minimum}`;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? `text in the form ${issue.format}` : issue.message;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return issue.message.startsWith('Invalid') ? 'one of the forms this field takes' : issue.message;
    case 'custom':
      return issue.message + ruleContext(field, data, path);
    default:
      return issue.message;
  }
}

/** Turns one zod issue into problems: `expected …, found …` with the offending field's line. */
function issueToProblems(issue: z.core.$ZodIssue, schema: z.ZodType, data: unknown, source: ProblemSource): Problem[] {
  const path = issue.path as (string | number)[];
  const noun = source.noun ?? 'field';
  const field = showControls(path.join('.'));
  // `engfolio.heatmap.scheme`, or `engfolio` for the whole value.
  const prefix = field || issue.code === 'unrecognized_keys' ? (source.fieldPrefix ?? '') : (source.fieldPrefix ?? '').replace(/\.$/, '');
  const value = valueAt(data, path);
  const line = source.lineOf?.(path);
  if (issue.code === 'unrecognized_keys') {
    const known = knownFieldsAt(schema, path);
    return issue.keys.map((key) => {
      const guess = known.length ? closest(key, known) : undefined;
      const near = guess && distance(key.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.floor(key.length / 3));
      const hint = near ? ` — did you mean "${guess}"?` : known.length ? ` (known ${noun}s: ${known.join(', ')})` : '';
      const ignored = source.unknownFields === 'warning' ? ': ignored' : '';
      return {
        severity: source.unknownFields,
        file: source.file,
        line: source.lineOf?.([...path, key]) ?? line,
        field: prefix + [...path, key].join('.'),
        message: `expected a known ${noun}, found an unknown one${ignored}${hint}`,
      };
    });
  }
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_format')) {
    // A missing field has no line of its own: point at the map that should hold it.
    return [
      {
        severity: 'error',
        file: source.file,
        line: path.length > 1 ? source.lineOf?.(path.slice(0, -1)) : undefined,
        field: prefix + field,
        message: `expected a value (required ${noun}), found nothing`,
      },
    ];
  }
  if (issue.code === 'invalid_key') {
    // A key of a map (a language's or a quality's name) that its rule refuses: the key is what was found.
    const rule = issue.issues[0];
    const expected = rule && rule.code !== 'custom' && !/^(Too|Invalid)/.test(rule.message) ? rule.message : 'non-empty text';
    return [
      { severity: 'error', file: source.file, line, field: prefix + field, message: `expected ${expected} as a name, found ${describeValue(path.at(-1))}` },
    ];
  }
  return [
    {
      severity: 'error',
      file: source.file,
      line,
      field: prefix + field,
      message: `expected ${expectedOf(issue, field, data, path)}, found ${describeValue(value)}`,
    },
  ];
}

/**
 * Validates `data` against `schema`, adding every problem to `problems`; returns the parsed data, or
 * undefined when there is an error. Unknown fields are dropped when `source.unknownFields` is
 * 'warning', so they never stop a build.
 */
export function validateWithProblems<S extends z.ZodType>(schema: S, data: unknown, source: ProblemSource, problems: Problem[]): z.output<S> | undefined {
  const first = schema.safeParse(data);
  if (first.success) return first.data;
  const own: Problem[] = [];
  // A cross-field rule (features ≤ commits) says nothing useful when one of its fields is itself
  // invalid: report the invalid field only.
  const invalidParents = new Set(
    first.error.issues.filter((i) => i.code !== 'custom' && i.code !== 'unrecognized_keys').map((i) => i.path.slice(0, -1).join('.')),
  );
  const issues = first.error.issues.filter((i) => i.code !== 'custom' || !invalidParents.has(i.path.slice(0, -1).join('.')));
  for (const issue of issues) own.push(...issueToProblems(issue, schema, data, source));
  problems.push(...own);
  if (own.some((p) => p.severity === 'error')) return undefined;
  // Only unknown fields: drop them and parse again. Zod skips cross-field rules (features ≤ commits,
  // to ≥ from) while other issues exist, so this second pass can still find errors: report them too.
  const cleaned = structuredClone(data);
  for (const issue of first.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parent = valueAt(cleaned, issue.path) as Record<string, unknown>;
    for (const key of issue.keys) delete parent[key];
  }
  const second = schema.safeParse(cleaned);
  if (second.success) return second.data;
  for (const issue of second.error.issues) problems.push(...issueToProblems(issue, schema, cleaned, source));
  return undefined;
}
