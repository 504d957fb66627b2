// Folds a stream of commits into per-repository figures by month and by day: memory grows with months,
// days, authors and distinct paths, never with the number of commits.
import { dayNumber, weekdayOfDayNumber } from '../calendar.ts';
import { classifyCommit } from './classify.ts';
import { isExcludedPath, languageOf } from './languages.ts';
import type { CommitRecord } from './git-log.ts';

/** One repository's figures for one month (also what the import state file keeps). */
export interface RepoMonth {
  commits: number;
  features: number;
  bugs: number;
  linesAdded?: number;
  linesRemoved?: number;
  /** Commits touching each area (public repositories only). */
  areas: Record<string, number>;
  /** Commits touching each language. Absent in state written before engfolio 0.3. */
  languages?: Record<string, number>;
  /** Commits by weekday and hour of the author's local time, keyed `Mon09`. Absent in state written before engfolio 0.3. */
  hours?: Record<string, number>;
  /** A few feature and fix subjects for the narrative draft (public repositories only). */
  notable: string[];
}

/** One repository's contribution to a profile: what the importer recomputes on each import of it. */
export interface RepoContribution {
  /** Stable identity of the repository, not revealing its name (see repoKey). */
  key: string;
  /** The name shown: `owner/name`, or the private label. */
  name: string;
  private: boolean;
  /** False when line counts were skipped (--no-lines, partial clone, missing blobs). */
  lines: boolean;
  months: Record<string, RepoMonth>;
  /** Day → [commits, features]. */
  days: Record<string, [number, number]>;
  /** Language → commits touching it. */
  languages: Record<string, number>;
  /** Area → commits touching it (public repositories only). */
  areas: Record<string, number>;
}

export interface AggregateOptions {
  /** Lowercased emails or names to match (after .mailmap). */
  authors: readonly string[];
  since?: string;
  until?: string;
  /** Keep areas and subjects (false for private repositories). */
  keepNames: boolean;
  lines: boolean;
  /** "Now" in seconds since the epoch: only to report commits dated in the future (they are counted all the same). */
  now: number;
}

// Folders that hold many subsystems: the area is the folder one level below them.
const CONTAINERS = new Set([
  'src',
  'lib',
  'libs',
  'packages',
  'apps',
  'app',
  'pkg',
  'cmd',
  'internal',
  'crates',
  'modules',
  'services',
  'plugins',
  'components',
  'source',
  'sources',
]);
const BEFORE_1990 = '1990-01-01';
/** By weekdayOfDayNumber: Sunday first. */
const WEEKDAY_KEYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const NOTABLE_FEATURES = 3;
const NOTABLE_BUGS = 2;
const PATH_CACHE_LIMIT = 200_000;

/**
 * The area a commit subject names in the `area: change` convention (the Linux kernel, git itself,
 * sched-ext: `scx_layered: Fix …`, `mm/slab: …`, `builtin/log: …`): the text before the first `: `, when it
 * is one word or path and not a Conventional Commits type (`fix:`, `feat:` say what kind of change, not
 * where). Undefined when the subject has none.
 */
export function subjectArea(subject: string): string | undefined {
  const m = /^([A-Za-z0-9_][\w.+/-]{0,48}): \S/.exec(subject);
  if (!m) return undefined;
  const area = m[1]!;
  return CHANGE_KINDS.has(area.toLowerCase()) ? undefined : area;
}

/** Prefixes that say what kind of change a commit is, not where. */
const CHANGE_KINDS = new Set([
  'feat',
  'feature',
  'fix',
  'bugfix',
  'hotfix',
  'chore',
  'docs',
  'doc',
  'refactor',
  'test',
  'tests',
  'style',
  'perf',
  'build',
  'ci',
  'revert',
  'wip',
  'merge',
  'release',
  'bump',
  'deps',
  'security',
  'breaking',
  'note',
  'todo',
  'fixup',
  'squash',
  'amend',
]);

/** The share of a repository's counted commits that must name an area in their subject for those areas to be its areas. */
const SUBJECT_AREAS_FROM = 0.5;

/**
 * Whether an author is a bot (dependabot, renovate, GitHub Actions…): a name ending in `[bot]`, a GitHub
 * bot address, or a known bot identity. A bot's commits count only for an author given by its exact email.
 */
export function isBotAuthor(name: string, email: string): boolean {
  const n = name.toLowerCase();
  const e = email.toLowerCase();
  return /\[bot\]$/.test(n) || /\[bot\]@users\.noreply\.github\.com$/.test(e) || BOT_NAMES.has(n) || BOT_EMAILS.some((b) => e === b || e.endsWith(`+${b}`));
}

const BOT_NAMES = new Set([
  'dependabot',
  'renovate',
  'renovate bot',
  'github-actions',
  'github actions',
  'greenkeeper',
  'snyk-bot',
  'mergify',
  'pre-commit-ci',
  'allcontributors',
  'semantic-release-bot',
  'web-flow',
]);
const BOT_EMAILS = ['bot@renovateapp.com', 'support@dependabot.com', 'noreply@github.com', 'actions@github.com', 'github-actions@github.com'];

/** Returns the area of a path: its top folder, or the two top folders under a container like `src/` or `packages/`; undefined for top-level files. */
export function areaOf(path: string): string | undefined {
  const slash = path.indexOf('/');
  if (slash < 0) return undefined;
  const top = path.slice(0, slash);
  if (CONTAINERS.has(top)) {
    const next = path.indexOf('/', slash + 1);
    if (next > 0) return path.slice(0, next);
    return top;
  }
  return top;
}

/** Commits with implausible dates: how many, and the first and last day they record. */
export interface DateRange {
  commits: number;
  from: string;
  to: string;
}

function widen(r: DateRange, day: string): void {
  if (r.commits++ === 0 || day < r.from) r.from = day;
  if (day > r.to) r.to = day;
}

interface PathInfo {
  language: string | undefined;
  area: string | undefined;
  excluded: boolean;
}

/** Accumulates one repository's history, one reused commit record at a time. */
export class RepoAggregator {
  readonly opts: AggregateOptions;
  readonly months = new Map<string, RepoMonth>();
  readonly days = new Map<string, [number, number]>();
  readonly languages = new Map<string, number>();
  readonly areas = new Map<string, number>();
  /** Every author seen (`Name <email>` → commits), for suggestions when nothing matches. */
  readonly authorsSeen = new Map<string, number>();
  /** Matched author names → commits, for the profile name. */
  readonly matchedNames = new Map<string, number>();
  readonly roots: string[] = [];
  total = 0;
  matched = 0;
  outOfRange = 0;
  /** Counted commits dated before 1990: how many, first and last day. */
  readonly early: DateRange = { commits: 0, from: '', to: '' };
  /** Counted commits dated more than a day after `now`: how many, first and last day. */
  readonly future: DateRange = { commits: 0, from: '', to: '' };
  /** Matching commits whose date has no four-digit year (after 9999): no calendar day to put them on. */
  undated = 0;
  /** The earliest author day of any commit (for the shallow-clone warning). */
  firstDay: string | undefined;
  private readonly authors: Set<string>;
  private readonly pathInfo = new Map<string, PathInfo>();
  private readonly seenLanguages: string[] = [];
  private readonly seenAreas: string[] = [];
  /** Areas named in commit subjects (`area: change`), overall and by month, and how many counted commits named one. */
  private readonly subjectAreas = new Map<string, number>();
  private readonly subjectAreasByMonth = new Map<string, Record<string, number>>();
  private subjectNamed = 0;

  constructor(opts: AggregateOptions) {
    this.opts = opts;
    this.authors = new Set(opts.authors.map((a) => a.toLowerCase()));
  }

  private info(path: string): PathInfo {
    let info = this.pathInfo.get(path);
    if (!info) {
      const excluded = isExcludedPath(path);
      info = { excluded, language: excluded ? undefined : languageOf(path), area: excluded || !this.opts.keepNames ? undefined : areaOf(path) };
      if (this.pathInfo.size >= PATH_CACHE_LIMIT) this.pathInfo.clear();
      this.pathInfo.set(path, info);
    }
    return info;
  }

  /** Adds one commit (the record is reused by the reader: nothing of it is kept by reference but strings). */
  add(c: CommitRecord): void {
    this.total++;
    if (c.root) this.roots.push(c.hash);
    // `YYYY-MM-DDT…`; after the year 9999 git writes five digits, and there is no day key for that.
    const dated = c.date.charCodeAt(4) === 45;
    const day = c.date.slice(0, 10);
    if (dated && (this.firstDay === undefined || day < this.firstDay)) this.firstDay = day;
    const who = `${c.name} <${c.email}>`;
    this.authorsSeen.set(who, (this.authorsSeen.get(who) ?? 0) + 1);
    const email = c.email.toLowerCase();
    if (!this.authors.has(email) && !this.authors.has(c.name.toLowerCase())) return;
    // A bot never counts for a person by a name or an address that only looks like theirs.
    if (!this.authors.has(email) && isBotAuthor(c.name, c.email)) return;
    if (!dated) {
      this.undated++;
      return;
    }
    const month = day.slice(0, 7);
    if ((this.opts.since && month < this.opts.since) || (this.opts.until && month > this.opts.until)) {
      this.outOfRange++;
      return;
    }
    // Implausible dates are counted on the day they record (the figures never depend on the clock);
    // they are only tallied here for the warning.
    if (day < BEFORE_1990) widen(this.early, day);
    else if (c.timestamp > this.opts.now + 86_400) widen(this.future, day);
    this.matched++;
    this.matchedNames.set(c.name, (this.matchedNames.get(c.name) ?? 0) + 1);
    const { kind } = classifyCommit(c.subject, c.body);
    const feature = kind === 'feature' ? 1 : 0;
    let m = this.months.get(month);
    if (!m) {
      m = { commits: 0, features: 0, bugs: 0, areas: {}, languages: {}, hours: {}, notable: [] };
      if (this.opts.lines) {
        m.linesAdded = 0;
        m.linesRemoved = 0;
      }
      this.months.set(month, m);
    }
    m.commits++;
    m.features += feature;
    if (kind === 'bug') m.bugs++;
    const d = this.days.get(day);
    if (d) {
      d[0]++;
      d[1] += feature;
    } else this.days.set(day, [1, feature]);

    const langs = this.seenLanguages;
    const areas = this.seenAreas;
    langs.length = 0;
    areas.length = 0;
    for (let i = 0; i < c.fileCount; i++) {
      const info = this.info(c.paths[i]!);
      if (info.excluded) continue;
      if (this.opts.lines && c.added[i]! >= 0) {
        m.linesAdded! += c.added[i]!;
        m.linesRemoved! += c.removed[i]!;
      }
      if (info.language !== undefined && !langs.includes(info.language)) langs.push(info.language);
      if (info.area !== undefined && !areas.includes(info.area)) areas.push(info.area);
    }
    for (const l of langs) {
      this.languages.set(l, (this.languages.get(l) ?? 0) + 1);
      m.languages![l] = (m.languages![l] ?? 0) + 1;
    }
    // The hour the author's clock showed, on the weekday of the day they lived (both from the recorded
    // local time and offset, never this machine's time zone).
    const hour = `${WEEKDAY_KEYS[weekdayOfDayNumber(dayNumber(day))]}${c.date.slice(11, 13)}`;
    m.hours![hour] = (m.hours![hour] ?? 0) + 1;
    for (const a of areas) {
      this.areas.set(a, (this.areas.get(a) ?? 0) + 1);
      m.areas[a] = (m.areas[a] ?? 0) + 1;
    }
    const named = this.opts.keepNames ? subjectArea(c.subject) : undefined;
    if (named !== undefined) {
      this.subjectAreas.set(named, (this.subjectAreas.get(named) ?? 0) + 1);
      let inMonth = this.subjectAreasByMonth.get(month);
      if (!inMonth) this.subjectAreasByMonth.set(month, (inMonth = {}));
      inMonth[named] = (inMonth[named] ?? 0) + 1;
      this.subjectNamed++;
    }
    if (this.opts.keepNames && kind !== 'other') {
      const ofKind = kind === 'feature' ? m.features : m.bugs;
      if (ofKind <= (kind === 'feature' ? NOTABLE_FEATURES : NOTABLE_BUGS)) m.notable.push(c.subject.trim());
    }
  }

  /** Returns the most frequent authors seen, as `Name <email>` lines. */
  topAuthors(n = 5): string[] {
    return [...this.authorsSeen]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, n)
      .map(([who, k]) => `${who} (${k})`);
  }

  /** Whether the repository's subjects follow the `area: change` convention: then those are its areas, else its folders. */
  get areasFromSubjects(): boolean {
    return this.matched > 0 && this.subjectNamed >= this.matched * SUBJECT_AREAS_FROM;
  }

  /** Returns the repository's contribution in the deterministic shape the state file keeps. */
  contribution(key: string, name: string, isPrivate: boolean): RepoContribution {
    const bySubject = this.areasFromSubjects;
    const months: Record<string, RepoMonth> = {};
    for (const k of [...this.months.keys()].sort()) {
      const m = this.months.get(k)!;
      months[k] = {
        ...m,
        areas: sortedRecord(bySubject ? (this.subjectAreasByMonth.get(k) ?? {}) : m.areas),
        languages: sortedRecord(m.languages ?? {}),
        hours: sortedRecord(m.hours ?? {}),
      };
    }
    const days: Record<string, [number, number]> = {};
    for (const k of [...this.days.keys()].sort()) days[k] = this.days.get(k)!;
    return {
      key,
      name,
      private: isPrivate,
      lines: this.opts.lines,
      months,
      days,
      languages: sortedRecord(Object.fromEntries(this.languages)),
      areas: sortedRecord(Object.fromEntries(bySubject ? this.subjectAreas : this.areas)),
    };
  }
}

/** Returns a copy of a record with keys in sorted order (so serialized state is stable). */
export function sortedRecord<T>(r: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(r).sort()) out[k] = r[k]!;
  return out;
}

/** Returns the keys of a count record, most frequent first (ties by name), at most `n`. */
export function topKeys(r: Record<string, number> | Map<string, number>, n = Infinity): string[] {
  const entries = r instanceof Map ? [...r] : Object.entries(r);
  return entries
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n)
    .map(([k]) => k);
}
