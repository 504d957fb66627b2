// Reads the whole content folder synchronously, validates every file against the content model and
// cross-checks files against each other, collecting every problem instead of stopping at the first.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { isFrontmatterFailure, parseFrontmatter, type ParsedFrontmatter } from './frontmatter.ts';
import { DAY_KEY, MONTH_KEY, monthSchema, profileSchema, type DayActivity, type MonthData, type ProfileData } from './content-schema.ts';
import type { Problem } from './problems.ts';
import { slugFor } from './slug.ts';
import { totalsMismatches } from './profile-stats.ts';

export interface ProfileEntry {
  slug: string;
  file: string;
  data: ProfileData;
  /** The summary, as Markdown. */
  summary: string;
  digest: string;
}

export interface MonthEntry {
  /** Slug of the profile the month belongs to (its folder name). */
  profile: string;
  /** `YYYY-MM`, from the file name. */
  month: string;
  file: string;
  data: MonthData;
  /** The narrative, as Markdown. */
  narrative: string;
  digest: string;
}

export interface ActivityEntry {
  profile: string;
  file: string;
  days: DayActivity[];
  digest: string;
}

export interface ContentModel {
  profiles: ProfileEntry[];
  months: MonthEntry[];
  activity: ActivityEntry[];
  problems: Problem[];
}

/** Returns a short content digest (what incremental builds key pages on). */
export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 37) + '…' : value}"`;
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

/** Turns one zod issue into `expected …, found …` with the offending field's line. */
function issueToProblem(
  issue: z.core.$ZodIssue,
  data: unknown,
  fm: ParsedFrontmatter,
  file: string,
  knownKeys: (path: readonly PropertyKey[]) => string[],
): Problem[] {
  const path = issue.path as (string | number)[];
  const field = path.join('.');
  const found = describe(valueAt(data, path));
  const line = fm.lineOf(path);
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(path);
    return issue.keys.map((key) => {
      const guess = known.length ? closest(key, known) : undefined;
      const hint = guess && distance(key, guess) <= Math.max(2, Math.floor(key.length / 3)) ? ` — did you mean "${guess}"?` : '';
      return {
        severity: 'warning' as const,
        file,
        line: fm.lineOf([...path, key]) ?? line,
        field: [...path, key].join('.'),
        message: `unknown field, ignored${hint}`,
      };
    });
  }
  let expected: string;
  switch (issue.code) {
    case 'invalid_type':
      expected = valueAt(data, path) === undefined ? `a value (required)` : EXPECTED_TYPE[issue.expected] ?? issue.expected;
      if (valueAt(data, path) === undefined) return [{ severity: 'error', file, line, field, message: `missing required field` }];
      break;
    case 'too_small':
      expected =
        issue.origin === 'string'
          ? 'non-empty text'
          : issue.origin === 'array'
            ? `at least ${issue.minimum} item(s)`
            : `a number ${issue.inclusive ? '≥' : '>'} ${issue.minimum}`;
      break;
    case 'too_big':
      expected = `a number ${issue.inclusive ? '≤' : '<'} ${issue.maximum}`;
      break;
    case 'invalid_format':
      expected = issue.message.startsWith('Invalid') ? `text in the form ${issue.format}` : issue.message;
      break;
    case 'invalid_value':
      expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    default:
      expected = issue.message;
  }
  if (issue.code === 'invalid_type' && issue.expected === 'int') expected = 'a whole number';
  return [{ severity: 'error', file, line, field, message: `expected ${expected}, found ${found}` }];
}

/** Validates `data` against a schema; unknown fields become warnings and are dropped, the rest errors. */
function validate<S extends z.ZodType>(
  schema: S,
  data: Record<string, unknown>,
  fm: ParsedFrontmatter,
  file: string,
  problems: Problem[],
): z.output<S> | undefined {
  const knownKeys = (path: readonly PropertyKey[]): string[] => {
    let shape: unknown = schema;
    for (const key of path) shape = unwrap(shape, key);
    const s = unwrap(shape, undefined) as { shape?: Record<string, unknown> } | undefined;
    return s?.shape ? Object.keys(s.shape) : [];
  };
  let result = schema.safeParse(data);
  if (result.success) return result.data;
  const own: Problem[] = [];
  for (const issue of result.error.issues) own.push(...issueToProblem(issue, data, fm, file, knownKeys));
  problems.push(...own);
  if (own.some((p) => p.severity === 'error')) return undefined;
  // Only unknown fields: drop them and accept the rest.
  const cleaned = structuredClone(data);
  for (const issue of result.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parent = valueAt(cleaned, issue.path) as Record<string, unknown>;
    for (const key of issue.keys) delete parent[key];
  }
  result = schema.safeParse(cleaned);
  return result.success ? result.data : undefined;
}

/** Steps into a zod schema by one path key (through optional/default/pipe/array wrappers). */
function unwrap(schema: unknown, key: PropertyKey | undefined): unknown {
  let s = schema as { def?: Record<string, unknown>; shape?: Record<string, unknown> } | undefined;
  for (let i = 0; i < 8 && s?.def; i++) {
    const def = s.def as { type: string; innerType?: unknown; in?: unknown; element?: unknown; valueType?: unknown };
    if (def.innerType) s = def.innerType as typeof s;
    else if (def.type === 'pipe') s = def.in as typeof s;
    else break;
  }
  if (key === undefined) return s;
  const def = s?.def as { type?: string; element?: unknown; valueType?: unknown } | undefined;
  if (def?.type === 'array') return def.element;
  if (def?.type === 'record') return def.valueType;
  return s?.shape?.[key as string];
}

function readMarkdown(root: string, path: string, problems: Problem[]): { fm: ParsedFrontmatter; source: string; file: string } | undefined {
  const file = relative(root, path) || path;
  const source = readFileSync(path, 'utf8');
  const fm = parseFrontmatter(source);
  if (isFrontmatterFailure(fm)) {
    problems.push({ severity: 'error', file, line: fm.line, message: fm.message });
    return undefined;
  }
  return { fm, source, file };
}

/** Parses `date,count[,features]` CSV text into days, reporting bad rows. */
export function parseActivityCsv(text: string, file: string, problems: Problem[]): DayActivity[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').trim().toLowerCase().replace(/\s+/g, '');
  if (header !== 'date,count' && header !== 'date,count,features') {
    problems.push({ severity: 'error', file, line: 1, message: `expected the header "date,count" (or "date,count,features"), found "${lines[0] ?? ''}"` });
    return [];
  }
  const withFeatures = header.endsWith(',features');
  const seen = new Map<string, number>();
  const days: DayActivity[] = [];
  const today = new Date().toISOString().slice(0, 10);
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    const line = i + 1;
    const cells = raw.split(',').map((c) => c.trim());
    const [date = '', countText = '', featuresText] = cells;
    if (cells.length !== (withFeatures ? 3 : 2)) {
      problems.push({ severity: 'error', file, line, message: `expected ${withFeatures ? 3 : 2} columns, found ${cells.length}: "${raw}"` });
      continue;
    }
    if (!DAY_KEY.test(date) || !isRealDay(date)) {
      problems.push({ severity: 'error', file, line, field: 'date', message: `expected a calendar day as YYYY-MM-DD, found "${date}"` });
      continue;
    }
    if (date > today) problems.push({ severity: 'warning', file, line, field: 'date', message: `expected a day not in the future, found ${date}` });
    const countValue = Number(countText);
    if (!/^\d+$/.test(countText) || !Number.isSafeInteger(countValue)) {
      problems.push({ severity: 'error', file, line, field: 'count', message: `expected a whole number ≥ 0, found "${countText}"` });
      continue;
    }
    let features: number | undefined;
    if (withFeatures) {
      features = Number(featuresText);
      if (!/^\d+$/.test(featuresText ?? '') || !Number.isSafeInteger(features)) {
        problems.push({ severity: 'error', file, line, field: 'features', message: `expected a whole number ≥ 0, found "${featuresText}"` });
        continue;
      }
    }
    const earlier = seen.get(date);
    if (earlier !== undefined) {
      problems.push({ severity: 'error', file, line, field: 'date', message: `expected each day once, found ${date} again (first on line ${earlier})` });
      continue;
    }
    seen.set(date, line);
    days.push(features === undefined ? { date, count: countValue } : { date, count: countValue, features });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return days;
}

/** True for a `YYYY-MM-DD` that names a real calendar day. */
export function isRealDay(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= last;
}

/** Reads and checks everything under `contentDir`; never throws for bad content. */
export function readContent(contentDir: string, root = process.cwd()): ContentModel {
  const problems: Problem[] = [];
  const profiles: ProfileEntry[] = [];
  const months: MonthEntry[] = [];
  const activity: ActivityEntry[] = [];
  const bySlug = new Map<string, string>();

  const profilesDir = join(contentDir, 'profiles');
  for (const name of listDir(profilesDir)) {
    if (!name.endsWith('.md')) continue;
    const path = join(profilesDir, name);
    const read = readMarkdown(root, path, problems);
    const base = name.slice(0, -3);
    const slug = slugFor(base);
    const file = relative(root, path) || path;
    if (slug !== base) {
      problems.push({ severity: 'error', file, message: `expected the file name to be a slug (lowercase ASCII letters, digits and hyphens), found "${base}": rename it to "${slug}.md"` });
    }
    const other = bySlug.get(slug);
    if (other) {
      problems.push({ severity: 'error', file, message: `expected one profile per slug, found "${slug}" also from ${other}` });
      continue;
    }
    bySlug.set(slug, file);
    if (!read) continue;
    const data = validate(profileSchema, read.fm.data, read.fm, read.file, problems);
    if (!data) continue;
    profiles.push({ slug, file: read.file, data, summary: read.fm.body, digest: digestOf(read.source) });
  }

  const monthsDir = join(contentDir, 'months');
  for (const folder of listDir(monthsDir)) {
    const dir = join(monthsDir, folder);
    if (!isDir(dir)) continue;
    const seenMonths = new Map<string, string>();
    for (const name of listDir(dir)) {
      if (!name.endsWith('.md')) continue;
      const path = join(dir, name);
      const file = relative(root, path) || path;
      const base = name.slice(0, -3);
      if (!MONTH_KEY.test(base)) {
        problems.push({ severity: 'error', file, message: `expected the file name to be a month as YYYY-MM.md, found "${name}"` });
        continue;
      }
      if (!bySlug.has(folder)) {
        const guess = bySlug.size ? closest(folder, [...bySlug.keys()]) : undefined;
        problems.push({
          severity: 'error',
          file,
          field: 'profile',
          message: `expected a profile "${folder}" (content/profiles/${folder}.md), found none${guess ? ` — did you mean "${guess}"?` : ''}`,
        });
        continue;
      }
      const read = readMarkdown(root, path, problems);
      if (!read) continue;
      const data = validate(monthSchema, read.fm.data, read.fm, file, problems);
      if (!data) continue;
      if (data.month !== undefined && data.month !== base) {
        problems.push({ severity: 'error', file, line: read.fm.lineOf(['month']), field: 'month', message: `expected ${base} (the file name), found ${data.month}` });
        continue;
      }
      const dup = seenMonths.get(base);
      if (dup) {
        problems.push({ severity: 'error', file, message: `expected one file per month, found ${base} also in ${dup}` });
        continue;
      }
      seenMonths.set(base, file);
      months.push({ profile: folder, month: base, file, data, narrative: read.fm.body, digest: digestOf(read.source) });
    }
  }

  const activityDir = join(contentDir, 'activity');
  for (const name of listDir(activityDir)) {
    if (!name.endsWith('.csv')) continue;
    const path = join(activityDir, name);
    const file = relative(root, path) || path;
    const profile = name.slice(0, -4);
    if (!bySlug.has(profile)) {
      problems.push({ severity: 'error', file, message: `expected a profile "${profile}" (content/profiles/${profile}.md) for this activity file, found none` });
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const days = parseActivityCsv(text, file, problems);
    activity.push({ profile, file, days, digest: digestOf(text) });
  }

  for (const p of profiles) {
    const own = months.filter((m) => m.profile === p.slug).map((m) => ({ month: m.month, ...m.data }));
    for (const mismatch of totalsMismatches(p.data, own)) {
      problems.push({
        severity: 'warning',
        file: p.file,
        field: `totals.${mismatch.field}`,
        message: `declared ${mismatch.declared}, but the months add up to ${mismatch.derived}; the page shows ${mismatch.derived}`,
      });
    }
  }

  return { profiles, months, activity, problems };
}
