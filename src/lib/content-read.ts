// Reads the whole content folder synchronously, validates every file against the content model and
// cross-checks files against each other, collecting every problem instead of stopping at the first.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { digestOf } from './digest.ts';
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { parseActivityCsv } from './activity-csv.ts';
import { openReadCache, type ReadCache } from './content-cache.ts';
import { contentFolders } from './content-layout.ts';
import { isFrontmatterFailure, parseFrontmatter, type ParsedFrontmatter } from './frontmatter.ts';
import {
  daySchema,
  MONTH_KEY,
  monthSchema,
  profileSchema,
  SHOWN_YEAR_PREFIX,
  SHOWN_YEARS,
  type DayActivity,
  type MonthData,
  type ProfileData,
} from './content-schema.ts';
import { MARKDOWN_LIMITS, markdownOverLimit } from './markdown.ts';
import type { Problem } from './problems.ts';
import { slugFor } from './slug.ts';
import { totalsMismatches } from './profile-stats.ts';
import { sharedNames } from './team.ts';
import { validateWithProblems } from './zod-problems.ts';

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

interface MonthEntry {
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

interface ActivityEntry {
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
    problems.push({
      severity: 'error',
      file,
      message: `expected a readable file, found ${code === 'EISDIR' ? 'a folder' : `an error (${code ?? (e as Error).message})`}`,
    });
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

/** What a body over one of MARKDOWN_LIMITS is told, by limit. */
const LIMIT_WORDS: Record<keyof typeof MARKDOWN_LIMITS, (noun: string, found: string, exact: boolean) => string> = {
  bytes: (noun, found) => `expected a ${noun} of at most ${MARKDOWN_LIMITS.bytes.toLocaleString('en')} bytes (2 MiB), found ${found} bytes`,
  characterReferences: (noun, found) =>
    `expected a ${noun} with at most ${MARKDOWN_LIMITS.characterReferences.toLocaleString('en')} character references (&name; or &#…;), found ${found}: write the characters themselves`,
  depth: (noun, found, exact) =>
    `expected a ${noun} nested at most ${MARKDOWN_LIMITS.depth} levels deep (quotes, lists, emphasis, links), found ${exact ? '' : 'up to '}${found} levels`,
};

/** The problem of a Markdown body the build cannot render (see MARKDOWN_LIMITS), with its line in the file. */
function bodyProblems(noun: 'summary' | 'narrative', fm: ParsedFrontmatter, file: string): Problem[] {
  let over;
  try {
    over = markdownOverLimit(fm.body);
  } catch (e) {
    // Whatever the parser throws is this file's problem, named as such (never a stack trace).
    return [
      { severity: 'error', file, line: fm.bodyLine, message: `expected Markdown engfolio can read, found an error: ${(e as Error).message.split('\n')[0]}` },
    ];
  }
  if (!over) return [];
  return [{ severity: 'error', file, line: fm.bodyLine + over.line - 1, message: LIMIT_WORDS[over.limit](noun, over.found.toLocaleString('en'), over.exact) }];
}

/** Reads, parses and validates one Markdown file against `schema` (and its body against MARKDOWN_LIMITS), reusing an earlier result for the same text. */
function readChecked<S extends z.ZodType>(
  kind: 'profile' | 'month',
  schema: S,
  path: string,
  file: string,
  problems: Problem[],
  cache: ReadCache,
): { fm: ParsedFrontmatter; source: string; digest: string; data: z.output<S> | undefined } | undefined {
  const own: Problem[] = [];
  const source = readText(path, file, own);
  if (source === undefined) {
    problems.push(...own);
    return undefined;
  }
  // Once per file: the cache checks it and the entry carries it.
  const digest = digestOf(source);
  const key = `${kind}\0${path}\0${file}`;
  let checked = cache.lookup(key, source, digest);
  if (!checked) {
    const fm = parseFrontmatter(source);
    if (isFrontmatterFailure(fm)) {
      own.push({ severity: 'error', file, line: fm.line, message: fm.message });
      checked = { problems: own };
    } else {
      const data = validateWithProblems(schema, fm.data, { file, lineOf: fm.lineOf, unknownFields: 'warning' }, own);
      own.push(...bodyProblems(kind === 'profile' ? 'summary' : 'narrative', fm, file));
      checked = { fm, data, problems: own };
    }
    cache.store(key, source, digest, checked);
  }
  // On a hit `own` is dropped: readText's warnings for this same text are already in checked.problems.
  problems.push(...checked.problems);
  if (!checked.fm) return undefined;
  return { fm: checked.fm, source, digest, data: checked.data as z.output<S> | undefined };
}

/** The `YYYY-MM` a sloppy month file name means (`2024-3` → `2024-03`), or undefined. */
function monthFromLooseName(base: string): string | undefined {
  const m = /^(\d{4})[-_.]?(\d{1,2})$/.exec(base.trim());
  if (!m) return undefined;
  const key = `${m[1]}-${m[2]!.padStart(2, '0')}`;
  return MONTH_KEY.test(key) ? key : undefined;
}

/**
 * The days of `days` that daySchema accepts (a count up to MAX_COUNT, a year the pages show); every
 * other is a problem on its row's line of `text`.
 */
function shownDays(days: DayActivity[], text: string, file: string, problems: Problem[]): DayActivity[] {
  const kept: DayActivity[] = [];
  let lineOfDate: Map<string, number> | undefined;
  for (const day of days) {
    if (daySchema.safeParse(day).success) {
      kept.push(day);
      continue;
    }
    // Rows are unique by date (parseActivityCsv refuses a repeat): a row's line is its date's.
    lineOfDate ??= new Map(text.split('\n').map((row, i) => [row.trim().split(',')[0]!.trim(), i + 1]));
    const line = lineOfDate.get(day.date);
    validateWithProblems(daySchema, day, { file, lineOf: () => line, unknownFields: 'error' }, problems);
  }
  return kept;
}

/**
 * Reads and checks everything under `contentDir`; never throws for bad content.
 *
 * Profile file names must already be slugs (lowercase ASCII letters, digits, hyphens): the file name
 * is the URL, so it never changes when the display name is edited, and two spellings of one name
 * (`José.md`, `jose.md`) cannot silently become one page. A non-slug name is an error naming the
 * slug to rename to; when that slug is taken, the error says so.
 */
export function readContent(contentDir: string, root: string, options: ReadOptions = {}): ContentModel {
  const { model, saveCache } = readContentLater(contentDir, root, options);
  saveCache();
  return model;
}

/** How a read of the content may reuse earlier reads. */
export interface ReadOptions {
  /** Where validation results are kept between processes (a path without extension); none when absent. */
  cacheFile?: string;
}

/** Profile slugs that name a folder of engfolio's own, and what it holds. */
const RESERVED_SLUGS = new Map([['repos', 'repository pages']]);

/** readContent, with the disk cache written only when `saveCache` is called (a build's check hands its result over first). */
export function readContentLater(contentDir: string, root: string, options: ReadOptions = {}): { model: ContentModel; saveCache: () => void } {
  const problems: Problem[] = [];
  const profiles: ProfileEntry[] = [];
  const months: MonthEntry[] = [];
  const activity: ActivityEntry[] = [];
  const bySlug = new Map<string, string>();
  const frontmatterOf = new Map<string, ParsedFrontmatter>();
  const cache = openReadCache(options.cacheFile);
  const folders = contentFolders(contentDir);

  const profilesDir = folders.profiles;
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
    } else if (RESERVED_SLUGS.has(slug)) {
      problems.push({
        severity: 'error',
        file,
        message: `expected a file name other than "${slug}.md", found it: /${slug}/ holds engfolio's ${RESERVED_SLUGS.get(slug)}`,
      });
      continue;
    }
    if (other) continue;
    bySlug.set(slug, file);
    const read = readChecked('profile', profileSchema, path, file, problems, cache);
    if (!read) continue;
    const data = read.data;
    if (!data) continue;
    frontmatterOf.set(slug, read.fm);
    profiles.push({ slug, file, data, summary: read.fm.body, digest: read.digest, dataDigest: frontmatterDigest(read.source, read.fm.body) });
  }

  const monthsDir = folders.months;
  for (const folder of listDir(monthsDir)) {
    const dir = join(monthsDir, folder);
    const folderFile = shownPath(root, dir);
    if (folder.startsWith('.')) continue;
    if (!isDir(dir)) {
      problems.push({
        severity: 'error',
        file: folderFile,
        message: `expected month files inside a profile folder (months/<profile>/YYYY-MM.md), found a file directly in months/`,
      });
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
    const entries: { name: string; path: string; file: string }[] = listDir(dir).map((name) => ({
      name,
      path: join(dir, name),
      file: shownPath(root, join(dir, name)),
    }));
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
      if (!SHOWN_YEAR_PREFIX.test(base)) {
        problems.push({
          severity: 'error',
          file,
          message: `expected the file name to be a month from ${SHOWN_YEARS.first}-01 to ${SHOWN_YEARS.last}-12 (the years the pages show), found "${name}"`,
        });
        continue;
      }
      const read = readChecked('month', monthSchema, path, file, problems, cache);
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
      months.push({
        profile: folder,
        month: base,
        file,
        data,
        narrative: read.fm.body,
        digest: read.digest,
        dataDigest: frontmatterDigest(read.source, read.fm.body),
      });
    }
  }

  const activityDir = folders.activity;
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
    const days = shownDays(parseActivityCsv(text, file, problems), text, file, problems);
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

  // A public name that different histories share: the pages tell them apart by number, but a reader is
  // better served by names that say which is which.
  for (const name of sharedNames(profiles.map((p) => ({ profile: p.data })))) {
    const holders = profiles.filter((p) => p.data.repositories.some((r) => !r.private && r.name === name));
    for (const p of holders) {
      const at = p.data.repositories.findIndex((r) => !r.private && r.name === name);
      const others = holders.filter((h) => h !== p).map((h) => h.file);
      problems.push({
        severity: 'warning',
        file: p.file,
        line: frontmatterOf.get(p.slug)?.lineOf(['repositories', at, 'name']),
        field: `repositories.${at}.name`,
        message: `expected a name that only this repository has, found "${name}", which also names a different history in ${others.join(', ')}; the pages number them ("${name} (1)", "${name} (2)") — give each its owner/name (import-git <path>=<owner/name>, or \`name:\` in sources)`,
      });
    }
  }

  return { model: { profiles, months, activity, problems }, saveCache: () => cache.save() };
}
