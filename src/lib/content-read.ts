// Reads the whole content folder synchronously, validates every file against the content model and
// cross-checks files against each other, collecting every problem instead of stopping at the first.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { isFrontmatterFailure, parseFrontmatter, type ParsedFrontmatter } from './frontmatter.ts';
import { DAY_KEY, MONTH_KEY, monthSchema, profileSchema, type DayActivity, type MonthData, type ProfileData } from './content-schema.ts';
import type { Problem } from './problems.ts';
import { slugFor } from './slug.ts';
import { totalsMismatches } from './profile-stats.ts';
import { writeFileAtomic, readIfExists } from './atomic-write.ts';
import { isRealDay } from './calendar.ts';

export interface ProfileEntry {
  slug: string;
  file: string;
  data: ProfileData;
  /** The summary, as Markdown. */
  summary: string;
  /** Digest of the whole file. */
  digest: string;
  /** Digest of the frontmatter alone: unchanged by an edit of the summary. */
  dataDigest: string;
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
  /** Digest of the whole file. */
  digest: string;
  /** Digest of the frontmatter alone: unchanged by an edit of the narrative. */
  dataDigest: string;
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

/** Returns the digest of a Markdown file's frontmatter: the text before its body. */
function frontmatterDigest(source: string, body: string): string {
  return digestOf(source.endsWith(body) ? source.slice(0, source.length - body.length) : source);
}

/** A path as shown in messages and stored on entries: relative to the project root (Astro's store requires it). */
function shownPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel && !isAbsolute(rel) ? rel : path;
}

/** Reads a text file, turning an unreadable file into a problem instead of an exception. */
function readText(path: string, file: string, problems: Problem[]): string | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    if (text.includes('\uFFFD')) {
      const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
      problems.push({ severity: 'warning', file, line, message: 'expected UTF-8 text, found bytes that are not UTF-8 (shown as �)' });
    }
    return text;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problems.push({ severity: 'error', file, message: `expected a readable file, found ${code === 'EISDIR' ? 'a folder' : `an error (${code ?? (e as Error).message})`}` });
    return undefined;
  }
}

/** Extensions people use for Markdown that engfolio does not read: named in an error rather than skipped. */
const OTHER_MARKDOWN = /\.(markdown|mdown|mkdn|mkd|mdx|md)$/i;

/** Splits a file name into base and whether it is a `.md` file; flags Markdown under another extension. */
function markdownName(name: string, file: string, problems: Problem[]): string | undefined {
  if (name.startsWith('.')) return undefined;
  if (name.endsWith('.md')) return name.slice(0, -3);
  const other = OTHER_MARKDOWN.exec(name);
  if (other) {
    const base = name.slice(0, -other[0].length);
    problems.push({ severity: 'error', file, message: `expected the extension .md, found "${other[0]}": rename it to "${base}.md"` });
    return undefined;
  }
  problems.push({ severity: 'warning', file, message: 'expected a .md file here, found another kind of file: ignored' });
  return undefined;
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

/** Extra words for a cross-field rule, so `found` shows the value it was compared with. */
function ruleContext(field: string, data: unknown, path: (string | number)[]): string {
  const parent = valueAt(data, path.slice(0, -1));
  if (field.endsWith('features') && parent && typeof parent === 'object' && 'commits' in parent) {
    return ` (commits is ${String((parent as { commits: unknown }).commits)})`;
  }
  if (field.endsWith('.to') && parent && typeof parent === 'object' && 'from' in parent) {
    return ` (from is ${String((parent as { from: unknown }).from)})`;
  }
  return '';
}

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
  const value = valueAt(data, path);
  const found = describe(value);
  const line = fm.lineOf(path);
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(path);
    return issue.keys.map((key) => {
      const guess = known.length ? closest(key, known) : undefined;
      const near = guess && (distance(key.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.floor(key.length / 3)));
      const hint = near ? ` — did you mean "${guess}"?` : known.length ? ` (known fields: ${known.join(', ')})` : '';
      return {
        severity: 'warning' as const,
        file,
        line: fm.lineOf([...path, key]) ?? line,
        field: [...path, key].join('.'),
        message: `expected a known field, found an unknown one: ignored${hint}`,
      };
    });
  }
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_format')) {
    // A missing field has no line of its own: point at the map that should hold it.
    return [{ severity: 'error', file, line: path.length > 1 ? fm.lineOf(path.slice(0, -1)) : undefined, field, message: 'expected a value (required field), found nothing' }];
  }
  let expected: string;
  switch (issue.code) {
    case 'invalid_type':
      expected = EXPECTED_TYPE[issue.expected] ?? issue.expected;
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
      expected = issue.origin === 'string' ? `text of at most ${issue.maximum} characters` : `a number ${issue.inclusive ? '≤' : '<'} ${issue.maximum}`;
      break;
    case 'invalid_format':
      expected = issue.message.startsWith('Invalid') ? `text in the form ${issue.format}` : issue.message;
      break;
    case 'invalid_value':
      expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'custom':
      expected = issue.message + ruleContext(field, data, path);
      break;
    default:
      expected = issue.message;
  }
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
  const first = schema.safeParse(data);
  if (first.success) return first.data;
  const own: Problem[] = [];
  // A cross-field rule (features ≤ commits) says nothing useful when one of its fields is itself
  // invalid: report the invalid field only.
  const invalidParents = new Set(
    first.error.issues.filter((i) => i.code !== 'custom' && i.code !== 'unrecognized_keys').map((i) => i.path.slice(0, -1).join('.')),
  );
  const issues = first.error.issues.filter((i) => i.code !== 'custom' || !invalidParents.has(i.path.slice(0, -1).join('.')));
  for (const issue of issues) own.push(...issueToProblem(issue, data, fm, file, knownKeys));
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
  for (const issue of second.error.issues) problems.push(...issueToProblem(issue, cleaned, fm, file, knownKeys));
  return undefined;
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

interface CheckedFile {
  fm?: ParsedFrontmatter;
  source?: string;
  data?: unknown;
  problems: Problem[];
}

/**
 * Parsed and validated files of this process, keyed by schema, path and exact source text. It lives on
 * globalThis because `npm run build` reads the content twice in one process, once for its check and once
 * in the content loader (a second instance of this module inside Vite); YAML parsing is most of the cost
 * of a read, so the second read only re-parses files whose text changed. The namespace is a hash of the
 * reading code, so results of other code (astro dev after an edit to this file) are never reused.
 */
/** A hash of the reading code (this module, the schema, the frontmatter parser); undefined when bundled. */
export const READ_CODE_HASH: string | undefined = (() => {
  try {
    const code = createHash('sha256');
    for (const file of ['./content-read.ts', './content-schema.ts', './frontmatter.ts']) code.update(readFileSync(new URL(file, import.meta.url)));
    return code.digest('hex').slice(0, 16);
  } catch {
    return undefined;
  }
})();

const memo: Map<string, { source: string; checked: CheckedFile }> | undefined = (() => {
  try {
    if (READ_CODE_HASH === undefined) throw new Error('bundled');
    const key = Symbol.for(`engfolio.content-read.${READ_CODE_HASH}`);
    const store = globalThis as unknown as Record<symbol, Map<string, { source: string; checked: CheckedFile }>>;
    return (store[key] ??= new Map());
  } catch {
    // Bundled (the sources are not next to this module): no memo, every read parses.
    return undefined;
  }
})();

/** Drops this process's remembered reads (a build calls it once its content is in the data store); returns how many. */
export function forgetContentReads(): number {
  const n = memo?.size ?? 0;
  memo?.clear();
  return n;
}

const HANDOFF = Symbol.for('engfolio.content-read.checked');

/**
 * Hands the content a check reads to the content loader in this same process (`npm run build` checks,
 * then builds): the build builds exactly what was checked, and 25,000 files are not read and validated
 * a second time (about 4 s on the benchmark's L size). The check may still be running (the build
 * starts Astro meanwhile): the loader waits for it. It rejects when the content may not be built.
 */
export function shareCheckedContent(contentDir: string, model: Promise<ContentModel>): void {
  forgetContentReads();
  // The loader may never ask (a build that fails earlier): its rejection is reported by the build.
  model.catch(() => {});
  (globalThis as unknown as Record<symbol, unknown>)[HANDOFF] = { contentDir, model };
}

/**
 * The content a check of `contentDir` in this process handed over, if any. Astro may instantiate the
 * loader module more than once in a sync, so every instance asks here until the build drops it.
 */
export function checkedContent(contentDir: string): Promise<ContentModel> | undefined {
  const shared = (globalThis as unknown as Record<symbol, { contentDir: string; model: Promise<ContentModel> } | undefined>)[HANDOFF];
  return shared?.contentDir === contentDir ? shared.model : undefined;
}

/** Drops the handed-over content (the build calls it once the content is synced). */
export function dropCheckedContent(): void {
  (globalThis as unknown as Record<symbol, unknown>)[HANDOFF] = undefined;
}

/**
 * A file's validation result as kept on disk between builds: the validated data, its problems and where
 * the body starts, for one exact source text (its digest). The frontmatter is re-parsed only when a
 * line number is asked for.
 */
interface StoredCheck {
  digest: string;
  data?: unknown;
  problems: Problem[];
  bodyLength: number;
  bodyLine: number;
}

/**
 * The on-disk cache of validation results (`$ENGFOLIO_READ_CACHE`, set by `npm run build` to a file in its
 * cache folder): 25,000 unchanged files are then neither parsed nor validated again on the next build.
 * The file name carries the reading-code hash, so results of other code are never used.
 */
interface DiskCache {
  path: string;
  entries: Map<string, StoredCheck>;
  dirty: boolean;
}

function openDiskCache(): DiskCache | undefined {
  const base = process.env.ENGFOLIO_READ_CACHE;
  if (!base || READ_CODE_HASH === undefined) return undefined;
  const path = `${base}-${READ_CODE_HASH}.json`;
  let entries = new Map<string, StoredCheck>();
  try {
    const text = readIfExists(path);
    if (text) entries = new Map(Object.entries(JSON.parse(text) as Record<string, StoredCheck>));
  } catch {
    // Unreadable or half-written by a killed process: start afresh.
  }
  return { path, entries, dirty: false };
}

function saveDiskCache(cache: DiskCache, seen: Set<string>): void {
  for (const key of cache.entries.keys()) {
    if (!seen.has(key)) {
      cache.entries.delete(key);
      cache.dirty = true;
    }
  }
  if (!cache.dirty) return;
  try {
    mkdirSync(dirname(cache.path), { recursive: true });
    // Other code versions' caches of the same content are dead weight.
    const own = basename(cache.path);
    const stem = own.slice(0, -`-${READ_CODE_HASH}.json`.length);
    for (const name of readdirSync(dirname(cache.path))) {
      if (name !== own && name.startsWith(`${stem}-`) && /^-[0-9a-f]{16}\.json$/.test(name.slice(stem.length))) rmSync(join(dirname(cache.path), name), { force: true });
    }
    writeFileAtomic(cache.path, JSON.stringify(Object.fromEntries(cache.entries)));
  } catch {
    // A cache that cannot be written only costs time on the next build.
  }
}

let pendingCacheWrite: (() => void) | undefined;

/**
 * Writes the validation cache of the last `readContent(…, { deferCacheWrite: true })`: the build's
 * check hands its result over first, since the cache is only needed by the next build.
 */
export function writeDeferredContentCache(): void {
  const write = pendingCacheWrite;
  pendingCacheWrite = undefined;
  write?.();
}

/** Rebuilds a CheckedFile from its stored form; the frontmatter is parsed again only if a line is asked for. */
function fromStored(stored: StoredCheck, source: string): CheckedFile {
  let parsed: ParsedFrontmatter | undefined;
  const full = (): ParsedFrontmatter => (parsed ??= parseFrontmatter(source) as ParsedFrontmatter);
  const fm: ParsedFrontmatter = {
    get data() {
      return full().data;
    },
    body: source.slice(source.length - stored.bodyLength),
    bodyLine: stored.bodyLine,
    lineOf: (path) => full().lineOf(path),
  };
  return { fm, source, data: stored.data, problems: stored.problems };
}

/** Reads, parses and validates one Markdown file against `schema`, reusing this process's earlier result for the same text. */
function readChecked<S extends z.ZodType>(
  kind: string,
  schema: S,
  path: string,
  file: string,
  problems: Problem[],
  seen: Set<string>,
  disk?: DiskCache,
): { fm: ParsedFrontmatter; source: string; digest: string; data: z.output<S> | undefined } | undefined {
  const own: Problem[] = [];
  const source = readText(path, file, own);
  if (source === undefined) {
    problems.push(...own);
    return undefined;
  }
  // Once per file: the disk cache checks it and the entry carries it.
  const digest = digestOf(source);
  const key = `${kind}\0${path}\0${file}`;
  seen.add(key);
  let checked = memo?.get(key)?.source === source ? memo.get(key)!.checked : undefined;
  if (!checked && disk) {
    const stored = disk.entries.get(key);
    if (stored?.digest === digest && stored.bodyLength <= source.length) checked = fromStored(stored, source);
    else disk.entries.delete(key);
  }
  if (!checked) {
    const fm = parseFrontmatter(source);
    if (isFrontmatterFailure(fm)) {
      own.push({ severity: 'error', file, line: fm.line, message: fm.message });
      checked = { problems: own };
    } else {
      const data = validate(schema, fm.data, fm, file, own);
      checked = { fm, source, data, problems: own };
      // Kept on disk only when the body is the end of the source text (it always is for engfolio's files).
      if (disk && source.endsWith(fm.body)) {
        disk.entries.set(key, { digest, data, problems: own, bodyLength: fm.body.length, bodyLine: fm.bodyLine });
        disk.dirty = true;
      }
    }
  }
  memo?.set(key, { source, checked });
  // On a hit `own` is dropped: readText's warnings for this same text are already in checked.problems.
  problems.push(...checked.problems);
  if (!checked.fm) return undefined;
  return { fm: checked.fm, source, digest, data: checked.data as z.output<S> | undefined };
}

/** Parses `date,count[,features]` CSV text into days, reporting bad rows. */
export function parseActivityCsv(text: string, file: string, problems: Problem[]): DayActivity[] {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  const header = (lines[0] ?? '').trim().toLowerCase().replace(/\s+/g, '');
  if (header !== 'date,count' && header !== 'date,count,features') {
    problems.push({ severity: 'error', file, line: 1, message: `expected the header "date,count" (or "date,count,features"), found "${lines[0] ?? ''}"` });
    return [];
  }
  const withFeatures = header.endsWith(',features');
  const seen = new Map<string, number>();
  const days: DayActivity[] = [];
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
    // Every bad cell of a row is reported, not only the first.
    const rowProblems: Problem[] = [];
    const bad = (field: string, message: string): void => void rowProblems.push({ severity: 'error', file, line, field, message });
    const dateOk = DAY_KEY.test(date) && isRealDay(date);
    if (!dateOk) bad('date', `expected a calendar day as YYYY-MM-DD, found "${date}"`);
    const countValue = Number(countText);
    const countOk = /^\d+$/.test(countText) && Number.isSafeInteger(countValue);
    if (!countOk) bad('count', `expected a whole number ≥ 0, found "${countText}"`);
    let features: number | undefined;
    if (withFeatures) {
      features = Number(featuresText);
      if (!/^\d+$/.test(featuresText ?? '') || !Number.isSafeInteger(features)) bad('features', `expected a whole number ≥ 0, found "${featuresText}"`);
      else if (countOk && features > countValue) bad('features', `expected no more than count (${countValue}), found ${features}`);
    }
    const earlier = dateOk ? seen.get(date) : undefined;
    if (earlier !== undefined) bad('date', `expected each day once, found ${date} again (first on line ${earlier})`);
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    seen.set(date, line);
    days.push(features === undefined ? { date, count: countValue } : { date, count: countValue, features });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return days;
}

/** The `YYYY-MM` a sloppy month file name means (`2024-3` → `2024-03`), or undefined. */
function monthFromLooseName(base: string): string | undefined {
  const m = /^(\d{4})[-_.]?(\d{1,2})$/.exec(base.trim());
  if (!m) return undefined;
  const key = `${m[1]}-${m[2]!.padStart(2, '0')}`;
  return MONTH_KEY.test(key) ? key : undefined;
}

/**
 * Reads and checks everything under `contentDir`; never throws for bad content.
 *
 * Profile file names must already be slugs (lowercase ASCII letters, digits, hyphens): the file name
 * is the URL, so it never changes when the display name is edited, and two spellings of one name
 * (`José.md`, `jose.md`) cannot silently become one page. A non-slug name is an error naming the
 * slug to rename to; when that slug is taken, the error says so.
 */
export function readContent(contentDir: string, root = process.cwd(), options: { deferCacheWrite?: boolean } = {}): ContentModel {
  const problems: Problem[] = [];
  const profiles: ProfileEntry[] = [];
  const months: MonthEntry[] = [];
  const activity: ActivityEntry[] = [];
  const bySlug = new Map<string, string>();
  const frontmatterOf = new Map<string, ParsedFrontmatter>();
  const seen = new Set<string>();
  const disk = openDiskCache();

  const profilesDir = join(contentDir, 'profiles');
  const profileFiles: { slug: string; base: string; path: string; file: string }[] = [];
  for (const name of listDir(profilesDir)) {
    const path = join(profilesDir, name);
    const file = shownPath(root, path);
    const base = markdownName(name, file, problems);
    if (base === undefined) continue;
    profileFiles.push({ slug: slugFor(base), base, path, file });
  }
  // Files already named by their slug claim it first, whatever the sort order says.
  profileFiles.sort((a, b) => Number(a.slug !== a.base) - Number(b.slug !== b.base));
  for (const { slug, base, path, file } of profileFiles) {
    const other = bySlug.get(slug);
    if (slug !== base) {
      problems.push({
        severity: 'error',
        file,
        message:
          `expected the file name to be a slug (lowercase ASCII letters, digits and hyphens), found "${base}": ` +
          (other ? `its slug "${slug}" is already used by ${other}: merge the two or choose another file name` : `rename it to "${slug}.md"`),
      });
    } else if (other) {
      problems.push({ severity: 'error', file, message: `expected one profile per slug, found "${slug}" also from ${other}` });
    }
    if (other) continue;
    bySlug.set(slug, file);
    const read = readChecked('profile', profileSchema, path, file, problems, seen, disk);
    if (!read) continue;
    const data = read.data;
    if (!data) continue;
    frontmatterOf.set(slug, read.fm);
    profiles.push({ slug, file, data, summary: read.fm.body, digest: read.digest, dataDigest: frontmatterDigest(read.source, read.fm.body) });
  }

  const monthsDir = join(contentDir, 'months');
  for (const folder of listDir(monthsDir)) {
    const dir = join(monthsDir, folder);
    const folderFile = shownPath(root, dir);
    if (folder.startsWith('.')) continue;
    if (!isDir(dir)) {
      problems.push({ severity: 'error', file: folderFile, message: `expected month files inside a profile folder (months/<profile>/YYYY-MM.md), found a file directly in months/` });
      continue;
    }
    if (!bySlug.has(folder)) {
      const guess = bySlug.size ? closest(folder, [...bySlug.keys()]) : undefined;
      const hint = guess && distance(folder, guess) <= Math.max(2, Math.floor(folder.length / 3)) ? ` — did you mean "${guess}"?` : '';
      problems.push({
        severity: 'error',
        file: folderFile,
        field: 'profile',
        message: `expected a profile "${folder}" (profiles/${folder}.md) for these months, found none${hint}`,
      });
      continue;
    }
    // Every way two files can claim one month: the same month under two names (`2024-3.md` next to
    // `2024-03.md`, `.markdown` next to `.md`), or a frontmatter `month` pointing at a sibling's month.
    const claimed = new Map<string, string>();
    const entries: { name: string; path: string; file: string }[] = listDir(dir).map((name) => ({ name, path: join(dir, name), file: shownPath(root, join(dir, name)) }));
    for (const { name, file } of entries) {
      if (name.endsWith('.md') && MONTH_KEY.test(name.slice(0, -3))) claimed.set(name.slice(0, -3), file);
    }
    for (const { name, path, file } of entries) {
      if (name.startsWith('.')) continue;
      const ext = OTHER_MARKDOWN.exec(name);
      const base = ext ? name.slice(0, -ext[0].length) : name;
      if (!ext) {
        problems.push({ severity: 'warning', file, message: 'expected a month file YYYY-MM.md here, found another kind of file: ignored' });
        continue;
      }
      if (ext[0] !== '.md' || !MONTH_KEY.test(base)) {
        const meant = monthFromLooseName(base);
        const owner = meant ? claimed.get(meant) : undefined;
        problems.push({
          severity: 'error',
          file,
          message:
            `expected the file name to be a month as YYYY-MM.md, found "${name}"` +
            (meant ? (owner ? `: a second entry for ${meant}, which ${owner} already holds — merge the two` : `: rename it to "${meant}.md"`) : ''),
        });
        continue;
      }
      const read = readChecked('month', monthSchema, path, file, problems, seen, disk);
      if (!read) continue;
      const data = read.data;
      if (!data) continue;
      if (data.month !== undefined && data.month !== base) {
        const owner = claimed.get(data.month);
        problems.push({
          severity: 'error',
          file,
          line: read.fm.lineOf(['month']),
          field: 'month',
          message: `expected ${base} (the file name), found ${data.month}` + (owner ? ` — a second entry for ${data.month}, which ${owner} holds` : ''),
        });
        continue;
      }
      months.push({ profile: folder, month: base, file, data, narrative: read.fm.body, digest: read.digest, dataDigest: frontmatterDigest(read.source, read.fm.body) });
    }
  }

  const activityDir = join(contentDir, 'activity');
  for (const name of listDir(activityDir)) {
    if (name.startsWith('.')) continue;
    const path = join(activityDir, name);
    const file = shownPath(root, path);
    if (!name.endsWith('.csv')) {
      problems.push({ severity: 'warning', file, message: 'expected an activity file <profile>.csv here, found another kind of file: ignored' });
      continue;
    }
    const profile = name.slice(0, -4);
    if (!bySlug.has(profile)) {
      problems.push({ severity: 'error', file, message: `expected a profile "${profile}" (profiles/${profile}.md) for this activity file, found none` });
      continue;
    }
    const text = readText(path, file, problems);
    if (text === undefined) continue;
    const days = parseActivityCsv(text, file, problems);
    activity.push({ profile, file, days, digest: digestOf(text) });
  }

  const monthsOf = new Map<string, MonthEntry[]>();
  for (const m of months) {
    const list = monthsOf.get(m.profile);
    if (list) list.push(m);
    else monthsOf.set(m.profile, [m]);
  }
  for (const p of profiles) {
    const own = (monthsOf.get(p.slug) ?? []).map((m) => ({ month: m.month, ...m.data }));
    for (const mismatch of totalsMismatches(p.data, own)) {
      problems.push({
        severity: 'warning',
        file: p.file,
        line: frontmatterOf.get(p.slug)?.lineOf(['totals', mismatch.field]),
        field: `totals.${mismatch.field}`,
        message: `expected the sum of the months (${mismatch.derived}), found ${mismatch.declared}; the page shows ${mismatch.derived}`,
      });
    }
  }

  if (disk) {
    if (options.deferCacheWrite) pendingCacheWrite = () => saveDiskCache(disk, seen);
    else saveDiskCache(disk, seen);
  }
  // Forget files this read no longer saw (deleted, renamed), so the memo never outgrows the content.
  if (memo) for (const key of memo.keys()) if (key.startsWith(`profile\0${contentDir}`) || key.startsWith(`month\0${contentDir}`)) if (!seen.has(key)) memo.delete(key);
  return { profiles, months, activity, problems };
}
