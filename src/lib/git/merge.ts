// Merges repository contributions into a profile's content without clobbering anything a person wrote.
//
// Bookkeeping: `content/git-import/<slug>.json` keeps each imported repository's own figures per month and
// day (keyed by a hash, never by a private name or path). A month file is the sum over the repositories in
// that file, so re-importing a repository replaces its share instead of adding it twice, and importing
// another repository later adds to the same months. The file also lists the months the importer wrote:
// any other month file (from an export, or written by hand) is left alone unless --force.
import { readdirSync } from 'node:fs';
import { readIfExists } from '../atomic-write.ts';
import { profilePaths } from '../content-layout.ts';
import { activityFile, editedMarkdownFile, markdownFile, monthFile, profileFile } from '../content-files.ts';
import { frontmatterYaml, isFrontmatterFailure, parseFrontmatter } from '../frontmatter.ts';
import { parseActivityCsv } from '../activity-csv.ts';
import { HOUR_WEEKDAYS, profileSchema, monthSchema, type DayActivity, type Hours, type MonthInput, type ProfileInput } from '../content-schema.ts';
import type { Problem } from '../problems.ts';
import { sortedRecord, topKeys, type RepoContribution } from './aggregate.ts';
import { draftNarrative, draftSummary, fingerprintOf, isUneditedDraft } from './narrative.ts';
import { GitInputError } from './git-log.ts';

const TOP_AREAS = 5;
/** How many languages, areas and repositories a summary draft names. */
const SUMMARY_TOP = 3;
const NOTABLE = 5;

/** What the importer remembers between runs for one profile. */
interface ImportState {
  version: 1;
  /** Months whose file the importer wrote; every other month file is foreign (an export, or hand-made). */
  ownedMonths: string[];
  /** Days that were in the activity file before the first git import: [day, commits, features?]. */
  baseDays?: [string, number, number?][];
  /** Repository names the importer last wrote into the profile. */
  repositoryNames: string[];
  /** First and last month of a profile repository entry that existed before git data was merged into it. */
  repositoryBase: Record<string, { from: string; to: string }>;
  repos: Record<string, RepoContribution>;
  /** The sources of the profile (`engfolio update`): each source's id → the key of its repository's contribution. */
  sources?: Record<string, string>;
  /** The profile's `skills.languages` as the last import wrote them: while the profile still lists exactly these, nobody edited them. */
  languages?: string[];
}

export interface PlanInput {
  contentDir: string;
  slug: string;
  /** --name: the display name (required to create a profile unless `fallbackName` is given). */
  name?: string;
  /** The most frequent matched author name, used when creating a profile without --name. */
  fallbackName?: string;
  force: boolean;
  contributions: RepoContribution[];
  /** For `engfolio update`: every source's id → the key of its contribution (a source no longer listed loses its share). */
  sources?: Record<string, string>;
  /** Per contribution key: the keys engfolio 0.2 gave the same history under a name it was stored with (replaced by the new key). */
  formerKeys?: ReadonlyMap<string, (storedName: string) => string[]>;
}

export interface Plan {
  /** Files whose text changes (unchanged files are not listed). */
  writes: { path: string; text: string }[];
  deletes: string[];
  warnings: string[];
}

/** Returns JSON with keys sorted at every level (for comparing data regardless of key order). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? sortedRecord(v as Record<string, unknown>) : v));
}

/** The bookkeeping of a profile's git imports, if it has any. */
export function readImportState(contentDir: string, slug: string): ImportState | undefined {
  return readState(profilePaths(contentDir, slug).gitImportState);
}

function readState(path: string): ImportState | undefined {
  const text = readIfExists(path);
  if (text === undefined) return undefined;
  try {
    const state = JSON.parse(text) as ImportState;
    if (state.version !== 1 || typeof state.repos !== 'object') throw new Error('unknown version');
    return state;
  } catch {
    throw new GitInputError(`${path}: expected the git import bookkeeping written by an earlier import, found something else — remove the file to start over`);
  }
}

function first(problems: Problem[]): string {
  const p = problems[0]!;
  return `${p.file}${p.line ? `:${p.line}` : ''} — ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

/** Returns the repository entry (profile frontmatter) computed from one contribution. */
function repositoryEntry(
  c: RepoContribution,
): { name: string; from: string; to: string; monthsActive: number; languages: string[]; areas: string[]; private: boolean; history?: string } | undefined {
  const months = Object.keys(c.months).sort();
  if (!months.length) return undefined;
  return {
    name: c.name,
    from: months[0]!,
    to: months[months.length - 1]!,
    monthsActive: months.length,
    languages: topKeys(c.languages),
    areas: c.private ? [] : topKeys(c.areas, TOP_AREAS),
    private: c.private,
    // Which history it is, for pages that gather repositories across profiles; never of a private one
    // (it would tell which profiles share it).
    ...(c.private ? {} : { history: c.key }),
  };
}

/** Fails when two of a profile's repositories could not be told apart: one history twice, or one public name for two histories. */
function checkDistinct(incoming: readonly RepoContribution[], repos: readonly RepoContribution[]): void {
  const seen = new Map<string, RepoContribution>();
  for (const c of incoming) {
    const other = seen.get(c.key);
    if (other)
      throw new GitInputError(
        `${other.name} and ${c.name} are one history (the same first commit, a clone or a copy): import one of them (nothing was written)`,
      );
    seen.set(c.key, c);
  }
  const byName = new Map<string, RepoContribution>();
  for (const c of repos) {
    if (c.private) continue;
    const other = byName.get(c.name);
    if (other && other.key !== c.key)
      throw new GitInputError(
        `two different histories would both be named "${c.name}" in this profile: give each its own name with <path>=<owner/name> (nothing was written)`,
      );
    byName.set(c.name, c);
  }
}

/** Computes every file an import writes, from the contributions and what is on disk; writes nothing. */
export function planImport(input: PlanInput): Plan {
  const paths = profilePaths(input.contentDir, input.slug);
  const warnings: string[] = [];
  const writes: Plan['writes'] = [];
  const deletes: string[] = [];
  const write = (path: string, text: string) => {
    if (readIfExists(path) !== text) writes.push({ path, text });
  };

  const previous = readState(paths.gitImportState);
  const state: ImportState = previous ? structuredClone(previous) : { version: 1, ownedMonths: [], repositoryNames: [], repositoryBase: {}, repos: {} };
  for (const c of input.contributions) {
    // The same history stored by engfolio 0.2 under a key of its name: this import replaces it.
    const former = input.formerKeys?.get(c.key);
    for (const [key, stored] of Object.entries(state.repos)) {
      if (key === c.key || !former?.(stored.name).includes(key)) continue;
      delete state.repos[key];
      for (const [id, k] of Object.entries(state.sources ?? {})) if (k === key) state.sources![id] = c.key;
    }
    state.repos[c.key] = c;
  }
  if (input.sources) {
    // A repository that was a source and is one no longer: its share goes (repositories imported by
    // hand with import-git are not sources, and stay).
    const listed = new Set(Object.values(input.sources));
    for (const key of Object.values(state.sources ?? {})) if (!listed.has(key)) delete state.repos[key];
    state.sources = input.sources;
  }
  const repos = Object.keys(state.repos)
    .sort()
    .map((k) => state.repos[k]!);
  checkDistinct(input.contributions, repos);

  // ---- profile (read first: an invalid profile stops the import before anything is written)
  const profileText = readIfExists(paths.profile);
  let raw: Record<string, unknown> = {};
  let summary = '';
  if (profileText !== undefined) {
    const fm = parseFrontmatter(profileText);
    if (isFrontmatterFailure(fm)) throw new GitInputError(`${paths.profile}:${fm.line ?? 1} — ${fm.message} (fix the profile first)`);
    const parsed = profileSchema.safeParse(fm.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new GitInputError(`${paths.profile} — ${issue.path.join('.') || 'frontmatter'}: ${issue.message} (fix the profile first)`);
    }
    raw = structuredClone(fm.data);
    summary = fm.body;
  }

  // ---- months
  const allMonths = new Set<string>();
  for (const r of repos) for (const m of Object.keys(r.months)) allMonths.add(m);
  const owned = new Set(state.ownedMonths);
  const existingFiles = new Set(listMonthFiles(paths.monthsDir));
  let skippedForeign = 0;
  for (const month of [...new Set([...allMonths, ...owned])].sort()) {
    const parts = repos
      .filter((r) => r.months[month])
      .map((r) => ({ r, m: r.months[month]! }))
      .sort((a, b) => b.m.commits - a.m.commits || (a.r.name < b.r.name ? -1 : a.r.name > b.r.name ? 1 : a.r.key < b.r.key ? -1 : 1));
    const path = paths.month(month);
    const existing = existingFiles.has(month) ? readIfExists(path) : undefined;
    const isOwned = owned.has(month);
    if (existing !== undefined && !isOwned && !input.force) {
      skippedForeign++;
      continue;
    }
    let editedBody: string | undefined;
    if (existing !== undefined) {
      const fm = parseFrontmatter(existing);
      if (isFrontmatterFailure(fm)) {
        warnings.push(`${path}:${fm.line ?? 1} — ${fm.message}; left unchanged`);
        continue;
      }
      const fingerprint = (fm.data.generated as { fingerprint?: string } | undefined)?.fingerprint;
      if (fm.body.trim() !== '' && !isUneditedDraft(fm.body, fingerprint) && !input.force) editedBody = fm.body;
    }
    if (!parts.length) {
      // The month no longer has commits from any imported repository.
      if (editedBody === undefined) {
        if (existing !== undefined) deletes.push(path);
        owned.delete(month);
        continue;
      }
    }
    let commits = 0;
    let features = 0;
    let bugs = 0;
    let added = 0;
    let removed = 0;
    let lines = parts.length > 0;
    const areas: Record<string, number> = {};
    const notable: string[] = [];
    // Languages and hours are known for a month only when every repository in it recorded them
    // (state written before they were recorded has neither).
    const languages: Record<string, number> | undefined = parts.every((p) => p.m.languages) ? {} : undefined;
    const hours: Record<string, number> | undefined = parts.every((p) => p.m.hours) ? {} : undefined;
    for (const { r, m } of parts) {
      commits += m.commits;
      features += m.features;
      bugs += m.bugs;
      if (r.lines && m.linesAdded !== undefined && m.linesRemoved !== undefined) {
        added += m.linesAdded;
        removed += m.linesRemoved;
      } else lines = false;
      if (languages) for (const [l, k] of Object.entries(m.languages!)) languages[l] = (languages[l] ?? 0) + k;
      if (hours) for (const [h, k] of Object.entries(m.hours!)) hours[h] = (hours[h] ?? 0) + k;
      if (r.private) continue;
      for (const [a, k] of Object.entries(m.areas)) areas[a] = (areas[a] ?? 0) + k;
      for (const s of m.notable) if (notable.length < NOTABLE && !notable.includes(s)) notable.push(s);
    }
    const repositories = [...new Set(parts.map((p) => p.r.name))];
    const topAreas = topKeys(areas, TOP_AREAS);
    const data: MonthInput = { commits, features, bugs, repositories, areas: topAreas };
    if (lines) {
      data.linesAdded = added;
      data.linesRemoved = removed;
    }
    if (languages && Object.keys(languages).length) data.languages = byCount(languages);
    if (hours && Object.keys(hours).length) data.hours = hourRows(hours);
    let text: string;
    if (editedBody !== undefined) {
      // A narrative a person wrote or edited: figures update, the text stays byte for byte.
      text = markdownFile(data as Record<string, unknown>, '') + editedBody;
    } else {
      const draft = draftNarrative({ month, commits, features, bugs, repositories, areas: topAreas, notable });
      data.generated = { fingerprint: fingerprintOf(draft) };
      text = monthFile(data, draft);
    }
    const check = monthSchema.safeParse(data);
    if (!check.success) throw new GitInputError(`${path}: computed month is invalid (${check.error.issues[0]!.message})`);
    write(path, text);
    owned.add(month);
  }
  if (skippedForeign) {
    warnings.push(
      `${skippedForeign} month file(s) in ${paths.monthsDir} were not written by the git importer (an export or hand-made): left unchanged — use --force to replace them`,
    );
  }
  state.ownedMonths = [...owned].sort();

  // ---- activity
  if (!previous) {
    const existing = readIfExists(paths.activity);
    if (existing !== undefined) {
      const problems: Problem[] = [];
      const days = parseActivityCsv(existing, paths.activity, problems);
      if (problems.some((p) => p.severity === 'error'))
        throw new GitInputError(`${first(problems.filter((p) => p.severity === 'error'))} (fix the activity file first)`);
      if (days.length) state.baseDays = days.map((d) => (d.features === undefined ? [d.date, d.count] : [d.date, d.count, d.features]));
    }
  }
  const dayMap = new Map<string, DayActivity>();
  for (const [date, count, feats] of state.baseDays ?? []) dayMap.set(date, { date, count, features: feats ?? 0 });
  for (const r of repos) {
    for (const [date, [count, feats]] of Object.entries(r.days)) {
      const d = dayMap.get(date);
      if (d) {
        d.count += count;
        d.features = (d.features ?? 0) + feats;
      } else dayMap.set(date, { date, count, features: feats });
    }
  }
  write(paths.activity, activityFile([...dayMap.values()]));

  // ---- profile
  const entries = repos.map(repositoryEntry).filter((e) => e !== undefined);
  const existingRepos = (Array.isArray(raw.repositories) ? raw.repositories : []) as Record<string, unknown>[];
  const managed = new Set([...state.repositoryNames, ...entries.map((e) => e.name)]);
  const kept: Record<string, unknown>[] = [];
  let insertAt = -1;
  const previousByName = new Map<string, Record<string, unknown>>();
  for (const e of existingRepos) {
    const name = String(e.name);
    if (managed.has(name)) {
      if (insertAt < 0) insertAt = kept.length;
      if (!previousByName.has(name)) previousByName.set(name, e);
      if (!state.repositoryNames.includes(name) && typeof e.from === 'string' && typeof e.to === 'string') {
        state.repositoryBase[name] = { from: e.from, to: e.to };
      }
    } else kept.push(e);
  }
  entries.sort((a, b) =>
    a.to !== b.to ? (a.to < b.to ? 1 : -1) : a.from !== b.from ? (a.from < b.from ? 1 : -1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const computed = entries.map((e) => {
    const before = previousByName.get(e.name) ?? {};
    const base = state.repositoryBase[e.name];
    const entry: Record<string, unknown> = { ...before, ...e };
    if (base) {
      entry.from = base.from < e.from ? base.from : e.from;
      entry.to = base.to > e.to ? base.to : e.to;
    }
    if (!e.private) delete entry.private;
    else delete entry.history;
    if (!e.areas.length) delete entry.areas;
    return entry;
  });
  if (insertAt < 0) insertAt = kept.length;
  const repositories = [...kept.slice(0, insertAt), ...computed, ...kept.slice(insertAt)];
  state.repositoryNames = [...new Set(entries.map((e) => e.name))].sort();

  const languageWeight: Record<string, number> = {};
  for (const r of repos) for (const [l, k] of Object.entries(r.languages)) languageWeight[l] = (languageWeight[l] ?? 0) + k;
  const skills = (raw.skills && typeof raw.skills === 'object' ? structuredClone(raw.skills) : {}) as { languages?: string[]; technical?: string[] };
  // Generated until edited, as drafts are: the languages by weight while the list is the one last
  // written (so one import of a history writes what many updates of it write); once someone reorders
  // or prunes them, their list stays and new languages are appended.
  const known = skills.languages ?? [];
  const unedited = known.length === 0 || (state.languages !== undefined && JSON.stringify(state.languages) === JSON.stringify(known));
  const ranked = topKeys(languageWeight);
  skills.languages = unedited ? ranked : [...known, ...ranked.filter((l) => !known.includes(l))];
  // Remembered only when the list is all generated: a list someone wrote is never replaced.
  state.languages = unedited ? ranked : undefined;

  const next: Record<string, unknown> = { ...raw };
  if (profileText === undefined) {
    const name = input.name ?? input.fallbackName;
    if (!name) throw new GitInputError('no profile name: give --name "<display name>"');
    next.name = name;
    next.source = 'git';
  } else if (input.name) next.name = input.name;
  next.skills = skills;
  next.repositories = repositories;
  // The summary: a draft while it is empty or the draft last written, else the person's text, untouched
  // (--force replaces month files, never a summary someone wrote).
  const previousFingerprint = (raw.generated as { fingerprint?: string } | undefined)?.fingerprint;
  let body = summary;
  if (summary.trim() === '' || isUneditedDraft(summary, previousFingerprint)) {
    const draft = summaryDraftOf(repos, entries, topKeys(languageWeight, SUMMARY_TOP));
    if (draft) {
      body = draft;
      next.generated = { fingerprint: fingerprintOf(draft) };
    }
  } else delete next.generated;
  const valid = profileSchema.safeParse(next);
  if (!valid.success)
    throw new GitInputError(`${paths.profile}: the merged profile is invalid (${valid.error.issues[0]!.path.join('.')}: ${valid.error.issues[0]!.message})`);
  if (profileText === undefined) write(paths.profile, profileFile(next as ProfileInput, body));
  else if (canonical(next) !== canonical(raw) || body !== summary) {
    // Edited in place: the hand-written frontmatter keeps its comments and layout; only what the import owns changes.
    const yamlText = frontmatterYaml(profileText) ?? '';
    write(paths.profile, body === summary ? editedMarkdownFile(yamlText, next, '') + summary : editedMarkdownFile(yamlText, next, body));
  }

  // ---- bookkeeping: written first, so a crash midway never leaves a written month looking foreign
  const stateOut: ImportState = {
    version: 1,
    ownedMonths: state.ownedMonths,
    ...(state.baseDays ? { baseDays: state.baseDays } : {}),
    repositoryNames: state.repositoryNames,
    repositoryBase: sortedRecord(state.repositoryBase),
    repos: sortedRecord(state.repos),
    ...(state.sources ? { sources: sortedRecord(state.sources) } : {}),
    ...(state.languages ? { languages: state.languages } : {}),
  };
  const stateText = JSON.stringify(stateOut, null, 1) + '\n';
  if (readIfExists(paths.gitImportState) !== stateText) writes.unshift({ path: paths.gitImportState, text: stateText });
  return { writes, deletes, warnings };
}

/** The summary draft of a profile from its repositories' contributions, or undefined when they count no commit. */
function summaryDraftOf(repos: readonly RepoContribution[], entries: readonly { name: string }[], languages: string[]): string | undefined {
  const months = repos.flatMap((r) => Object.keys(r.months)).sort();
  if (!months.length) return undefined;
  const commits = repos.reduce((n, r) => n + Object.values(r.months).reduce((k, m) => k + m.commits, 0), 0);
  const byCommits = repos
    .map((r) => ({ r, commits: Object.values(r.months).reduce((k, m) => k + m.commits, 0) }))
    .sort((a, b) => b.commits - a.commits || (a.r.name < b.r.name ? -1 : 1));
  const areas: Record<string, number> = {};
  for (const r of repos) if (!r.private) for (const [a, k] of Object.entries(r.areas)) areas[a] = (areas[a] ?? 0) + k;
  const shown = new Set(entries.map((e) => e.name));
  return draftSummary({
    from: months[0]!,
    to: months[months.length - 1]!,
    commits,
    repositories: byCommits.map((x) => x.r.name).filter((n) => shown.has(n)),
    languages,
    areas: topKeys(areas, SUMMARY_TOP),
  });
}

function listMonthFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => /^\d{4}-\d{2}\.md$/.test(n))
      .map((n) => n.slice(0, 7));
  } catch {
    return [];
  }
}

/** A record ordered by count, most first, then by key (the order a reader of the file expects). */
function byCount(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

/** `Mon09`-keyed counts as the month file writes them: per weekday with commits, 24 counts from hour 0. */
function hourRows(hours: Record<string, number>): Hours {
  const rows: Hours = {};
  for (const day of HOUR_WEEKDAYS) {
    const row = Array.from({ length: 24 }, (_, h) => hours[`${day}${String(h).padStart(2, '0')}`] ?? 0);
    if (row.some((k) => k > 0)) rows[day] = row;
  }
  return rows;
}
