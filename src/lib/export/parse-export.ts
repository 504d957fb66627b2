// Parses the plain-text profile export (the text of a profile page: header, summary, Overall
// Statistics, Your Network, Work History, Activity, Quality Metrics, Skills & Technologies,
// Repositories Contributed To) into an ExportProfile, or into Problems that name the line.
import type { Problem } from '../problems.ts';
import { splitGluedLists, type GluedList, type Vocabulary } from './split-glued.ts';
import { defaultVocabulary } from './vocabulary.ts';
import { MONTHS_LONG, MONTHS_SHORT } from '../format.ts';

/**
 * What an export says. A section the export does not have is absent (its key is left out), never an
 * empty value; so is a statistic or network figure the export does not give. Lists inside a present
 * section (repository languages and skills, network members) are always present, possibly empty.
 */
export interface ExportProfile {
  name: string;
  summary?: string;
  stats?: ExportStats;
  network?: ExportNetwork;
  /** Newest first, as in the export. */
  months?: ExportMonth[];
  /** Percentages keyed by the camelCase of their label (`AI Usage` → `aiUsage`). */
  quality?: Record<string, number>;
  skills?: { languages?: string[]; technical?: string[] };
  repositories?: ExportRepository[];
}

interface ExportStats {
  featuresVsBugsPercent?: number;
  totalContributions?: number;
  bugs?: number;
  commits?: number;
  features?: number;
  linesOfCode?: number;
  activityMonths?: number;
}

interface ExportNetwork {
  people?: number;
  organization?: string;
  organizationMembers?: number;
  members: { name: string; role: string }[];
}

interface ExportMonth {
  /** `YYYY-MM`. */
  month: string;
  commits: number;
  features: number;
  summary: string;
}

interface ExportRepository {
  name: string;
  from: string;
  to: string;
  monthsActive?: number;
  languages: string[];
  skills: string[];
}

export type ParseResult =
  | {
      ok: true;
      profile: ExportProfile;
      /** Display label of each quality key, e.g. `aiUsage` → `AI Usage`. */
      qualityLabels: Record<string, string>;
      warnings: Problem[];
    }
  | { ok: false; problems: Problem[] };

const SECTIONS = [
  'Overall Statistics',
  'Your Network',
  'Work History',
  'Activity',
  'Quality Metrics',
  'Skills & Technologies',
  'Repositories Contributed To',
] as const;
type Section = (typeof SECTIONS)[number];

const CHROME = /^(exceeds logo|exceeds|profile)$/i;
const MONTHS: readonly string[] = MONTHS_LONG;
const MONTH_ABBR: readonly string[] = MONTHS_SHORT;
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
const MONTH_HEADING = new RegExp(`^(${MONTHS.join('|')}) (\\d{4})$`);
const COUNTS_LINE = new RegExp(`^(${NUMBER}) Commits? [•·|-] (${NUMBER}) Features?$`);
const DATE_LINE = new RegExp(`^(${MONTH_ABBR.join('|')})[a-z]* (\\d{1,2}), (\\d{4})$`);
const MONTH_RANGE = new RegExp(`^(${MONTH_ABBR.join('|')})[a-z]* (\\d{4})\\s*(?:[-–—]|to)?\\s*(${MONTH_ABBR.join('|')})[a-z]* (\\d{4})$`);
const MONTHS_ACTIVE = new RegExp(`^(${NUMBER}) Months? active$`, 'i');
const REPO_COUNT = new RegExp(`^(${NUMBER}) repos?(?:itories|itory)?$`, 'i');
const PEOPLE = new RegExp(`^(${NUMBER}) (?:people|persons?)$`, 'i');
const BARE_NUMBER = new RegExp(`^(${NUMBER})$`);
const ROLES = ['Member', 'Owner', 'Admin', 'Administrator', 'Maintainer', 'Collaborator', 'Contributor', 'Manager', 'Lead', 'Guest'];

interface Line {
  /** 1-based line number in the file. */
  no: number;
  text: string;
}

class Cursor {
  readonly lines: Line[];
  i = 0;
  constructor(lines: Line[]) {
    this.lines = lines;
  }
  /** The next non-blank line, without consuming it. */
  peek(): Line | undefined {
    while (this.i < this.lines.length && this.lines[this.i]!.text === '') this.i++;
    return this.lines[this.i];
  }
  next(): Line | undefined {
    const l = this.peek();
    if (l) this.i++;
    return l;
  }
  /** Consecutive non-blank lines from here (one paragraph). */
  paragraph(): Line[] {
    this.peek();
    const out: Line[] = [];
    while (this.i < this.lines.length && this.lines[this.i]!.text !== '') out.push(this.lines[this.i++]!);
    return out;
  }
}

/** Returns the number in `2,731,346` / `97`. */
function toNumber(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** Returns the camelCase key of a label: `AI Usage` → `aiUsage`, `Test coverage` → `testCoverage`. */
export function camelKey(label: string): string {
  const words = label.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
}

function monthKey(monthIndex: number, year: string): string {
  return `${year}-${String(monthIndex + 1).padStart(2, '0')}`;
}

function quote(line: Line | undefined): string {
  if (!line) return 'the end of the file';
  const t = line.text.length > 60 ? line.text.slice(0, 57) + '…' : line.text;
  return `"${t}" (line ${line.no})`;
}

interface Context {
  file: string;
  errors: Problem[];
  warnings: Problem[];
  glued: { list: GluedList; line: number; assign: (items: string[]) => void }[];
  /** The repository count the export announces (`4 repos`), if any. */
  repoCount?: { count: number; line: number };
}

function error(ctx: Context, line: number, message: string, field?: string): void {
  ctx.errors.push({ severity: 'error', file: ctx.file, line, ...(field ? { field } : {}), message });
}

function warn(ctx: Context, line: number, message: string, field?: string): void {
  ctx.warnings.push({ severity: 'warning', file: ctx.file, line, ...(field ? { field } : {}), message });
}

function unknownLine(ctx: Context, section: string, line: Line): void {
  warn(ctx, line.no, `unrecognized line in ${section}, ignored: "${line.text}"`);
}

/** Parses an export's text; never throws for bad input. */
export function parseExport(source: string, file: string, vocabulary: Vocabulary = defaultVocabulary()): ParseResult {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines: Line[] = text.split(/\r\n|\r|\n/).map((t, i) => ({ no: i + 1, text: t.trim() }));
  const ctx: Context = { file, errors: [], warnings: [], glued: [] };

  // Locate the section headings; everything before the first one is the header.
  const starts: { section: Section; index: number }[] = [];
  const seen = new Map<Section, number>();
  lines.forEach((l, index) => {
    const section = SECTIONS.find((s) => s === l.text);
    if (!section) return;
    if (seen.has(section)) {
      error(ctx, l.no, `expected each section once, found "${section}" again (first on line ${seen.get(section)})`);
      return;
    }
    seen.set(section, l.no);
    starts.push({ section, index });
  });
  const firstContent = lines.find((l) => l.text !== '');
  if (starts.length === 0) {
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          file,
          line: firstContent?.no ?? 1,
          message: `expected a profile export (a name, then sections such as "Overall Statistics" and "Work History"), found ${firstContent ? `"${firstContent.text.slice(0, 60)}" and no section headings` : 'an empty file'}`,
        },
      ],
    };
  }
  if (ctx.errors.length) return { ok: false, problems: ctx.errors };

  const profile: ExportProfile = { name: '' };
  const qualityLabels: Record<string, string> = {};
  const header = parseHeader(ctx, new Cursor(lines.slice(0, starts[0]!.index)), starts[0]!);
  if (header) {
    profile.name = header.name;
    if (header.summary !== undefined) profile.summary = header.summary;
  }
  const parsed: Partial<Record<Section, unknown>> = {};
  starts.forEach(({ section, index }, k) => {
    const body = new Cursor(lines.slice(index + 1, k + 1 < starts.length ? starts[k + 1]!.index : lines.length));
    const atEnd = k + 1 === starts.length;
    switch (section) {
      case 'Overall Statistics':
        parsed[section] = parseStats(ctx, body);
        break;
      case 'Your Network':
        parsed[section] = parseNetwork(ctx, body);
        break;
      case 'Work History':
        parsed[section] = parseWorkHistory(ctx, body);
        break;
      case 'Activity':
        for (let l = body.next(); l; l = body.next()) if (!/^loading activity data/i.test(l.text)) unknownLine(ctx, 'Activity', l);
        break;
      case 'Quality Metrics':
        parsed[section] = parseQuality(ctx, body, qualityLabels);
        break;
      case 'Skills & Technologies':
        parsed[section] = parseSkills(ctx, body);
        break;
      case 'Repositories Contributed To':
        parsed[section] = parseRepositories(ctx, body, atEnd);
        break;
    }
  });

  // Split the glued lists all together: items of one list are known words for the others.
  if (ctx.glued.length) {
    const results = splitGluedLists(
      ctx.glued.map((g) => g.list),
      vocabulary,
    );
    results.forEach((r, idx) => {
      const g = ctx.glued[idx]!;
      g.assign(r.items);
      if (r.failed)
        warn(
          ctx,
          g.line,
          `could not split "${g.list.text}" into known items; cut it at capital letters into ${JSON.stringify(r.items)} — check them`,
          g.list.name,
        );
      else if (r.guesses.length)
        warn(ctx, g.line, `split guessed, check it: ${r.guesses.map((x) => `"${x}"`).join(', ')} (from ${JSON.stringify(r.items)})`, g.list.name);
      else if (r.ambiguous) warn(ctx, g.line, `more than one split fits equally well; took ${JSON.stringify(r.items)}`, g.list.name);
      if (r.unsortedFallback) warn(ctx, g.line, `expected this list in code-point order, but no split is sorted; split it without the order`, g.list.name);
    });
  }

  const stats = parsed['Overall Statistics'] as ExportStats | undefined;
  const months = parsed['Work History'] as ExportMonth[] | undefined;
  if (stats) profile.stats = stats;
  if (parsed['Your Network']) profile.network = parsed['Your Network'] as ExportNetwork;
  if (months) profile.months = months;
  if (parsed['Quality Metrics']) profile.quality = parsed['Quality Metrics'] as Record<string, number>;
  if (parsed['Skills & Technologies']) profile.skills = parsed['Skills & Technologies'] as ExportProfile['skills'];
  if (parsed['Repositories Contributed To']) profile.repositories = parsed['Repositories Contributed To'] as ExportRepository[];

  // A file cut at a line boundary can look complete line by line. What gives it away: the file ends
  // with an empty section, or ends at or before Work History while the declared figures count more
  // months or commits than it lists, or ends in the repository list with fewer than it announced.
  const last = starts[starts.length - 1]!;
  const lastLine = [...lines].reverse().find((l) => l.text !== '');
  const endLine = lastLine?.no ?? lines.length;
  if (lastLine && lines[last.index] === lastLine) {
    error(ctx, endLine, `the export looks truncated: expected the content of "${last.section}" after line ${endLine}, found the end of the file`);
  } else if (SECTIONS.indexOf(last.section) <= SECTIONS.indexOf('Work History') && stats) {
    const found = months ?? [];
    const sum = found.reduce((a, m) => a + m.commits, 0);
    if ((stats.activityMonths !== undefined && found.length < stats.activityMonths) || (stats.commits !== undefined && sum < stats.commits)) {
      error(
        ctx,
        endLine,
        `the export looks truncated: it ends in "${last.section}" with ${found.length} month(s) and ${sum} commit(s) listed, but Overall Statistics declares ${stats.activityMonths ?? '?'} activity months and ${stats.commits ?? '?'} commits; expected more of Work History and the sections after it`,
      );
    }
  }
  if (last.section === 'Repositories Contributed To' && ctx.repoCount && profile.repositories && profile.repositories.length < ctx.repoCount.count) {
    error(
      ctx,
      endLine,
      `the export looks truncated: it announces ${ctx.repoCount.count} repositories (line ${ctx.repoCount.line}) but ends after ${profile.repositories.length}; expected the next repository after line ${endLine}`,
    );
  }

  if (ctx.errors.length) return { ok: false, problems: [...ctx.errors, ...ctx.warnings] };
  return { ok: true, profile, qualityLabels, warnings: ctx.warnings };
}

function parseHeader(ctx: Context, c: Cursor, first: { section: Section; index: number }): { name: string; summary?: string } | undefined {
  let name: string | undefined;
  const paragraphs: string[] = [];
  for (;;) {
    const para = c.paragraph();
    if (para.length === 0) break;
    const kept = para.filter((l) => !CHROME.test(l.text) && !(name !== undefined && l.text === name));
    if (name === undefined && kept.length) {
      name = kept[0]!.text;
      kept.shift();
      // The name is repeated (page title and heading); drop the repetitions.
      while (kept.length && kept[0]!.text === name) kept.shift();
    }
    if (kept.length) paragraphs.push(kept.map((l) => l.text).join(' '));
  }
  if (name === undefined) {
    error(ctx, first.index + 1, `expected the profile's name before "${first.section}" (line ${first.index + 1}), found none`);
    return undefined;
  }
  return paragraphs.length ? { name, summary: paragraphs.join('\n\n') } : { name };
}

const STAT_KEYS: Record<string, keyof ExportStats> = {
  total: 'totalContributions',
  bugs: 'bugs',
  bug: 'bugs',
  commits: 'commits',
  commit: 'commits',
  features: 'features',
  feature: 'features',
  'lines of code': 'linesOfCode',
  'line of code': 'linesOfCode',
  'activity months': 'activityMonths',
  'activity month': 'activityMonths',
  'feature vs bugs': 'featuresVsBugsPercent',
  'features vs bugs': 'featuresVsBugsPercent',
};
const STAT_GROUPS = new Set(['feature vs bugs', 'features vs bugs', 'repository contributions']);
const STAT_ORDER: (keyof ExportStats)[] = ['featuresVsBugsPercent', 'totalContributions', 'bugs', 'commits', 'features', 'linesOfCode', 'activityMonths'];

function parseStats(ctx: Context, c: Cursor): ExportStats {
  const found: ExportStats = {};
  const set = (key: keyof ExportStats, value: number, line: Line): void => {
    if (found[key] !== undefined) warn(ctx, line.no, `statistic given twice; kept the first value ${found[key]}`, `stats.${key}`);
    else found[key] = value;
  };
  const numberLabel = new RegExp(`^(${NUMBER}(?:\\.\\d+)?)(%?)\\s*(\\D.*)$`);
  const labelNumber = new RegExp(`^(\\D.*?)\\s*(${NUMBER}(?:\\.\\d+)?)(%?)$`);
  let pending: { label: string; line: Line } | undefined;
  const flushPending = (): void => {
    if (!pending) return;
    const lower = pending.label.toLowerCase();
    if (!STAT_GROUPS.has(lower))
      error(ctx, pending.line.no + 1, `expected a number after "${pending.label}" (line ${pending.line.no}), found ${quote(c.peek())}`);
    pending = undefined;
  };
  for (let line = c.next(); line; line = c.next()) {
    const t = line.text;
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^(${NUMBER}(?:\\.\\d+)?)(%?)$`).exec(t))) {
      if (!pending) {
        unknownLine(ctx, 'Overall Statistics', line);
        continue;
      }
      const key = STAT_KEYS[pending.label.toLowerCase()];
      if (key) set(key, toNumber(m[1]!), line);
      else warn(ctx, pending.line.no, `unknown statistic "${pending.label}", ignored`);
      pending = undefined;
      continue;
    }
    m = numberLabel.exec(t);
    let label: string | undefined;
    let value: string | undefined;
    let percent = false;
    if (m) [label, value, percent] = [m[3]!, m[1]!, m[2] === '%'];
    else if ((m = labelNumber.exec(t))) [label, value, percent] = [m[1]!, m[2]!, m[3] === '%'];
    if (label !== undefined && value !== undefined) {
      flushPending();
      const lower = label.trim().toLowerCase();
      const key = percent && (lower === 'features' || lower === 'feature') ? 'featuresVsBugsPercent' : STAT_KEYS[lower];
      if (key) set(key, toNumber(value), line);
      else warn(ctx, line.no, `unknown statistic "${label.trim()}", ignored`);
      continue;
    }
    flushPending();
    if (STAT_KEYS[t.toLowerCase()] || STAT_GROUPS.has(t.toLowerCase())) pending = { label: t, line };
    else unknownLine(ctx, 'Overall Statistics', line);
  }
  flushPending();
  const out: ExportStats = {};
  for (const k of STAT_ORDER) if (found[k] !== undefined) out[k] = found[k];
  return out;
}

function splitMember(text: string): { name: string; role: string } | undefined {
  for (const role of ROLES) {
    if (text.length > role.length && text.endsWith(role) && !/\s/.test(text[text.length - role.length - 1]!)) {
      return { name: text.slice(0, -role.length).trim(), role };
    }
  }
  return undefined;
}

function parseNetwork(ctx: Context, c: Cursor): ExportNetwork {
  const net: ExportNetwork = { members: [] };
  let inOrg = false;
  for (let line = c.next(); line; line = c.next()) {
    const t = line.text;
    let m: RegExpExecArray | null;
    if ((m = PEOPLE.exec(t))) net.people = toNumber(m[1]!);
    else if (/^same organi[sz]ation$/i.test(t)) inOrg = true;
    else if (
      inOrg &&
      net.organization === undefined &&
      net.organizationMembers === undefined &&
      net.members.length === 0 &&
      !splitMember(t) &&
      !BARE_NUMBER.test(t)
    )
      net.organization = t;
    else if ((m = BARE_NUMBER.exec(t)) && net.organizationMembers === undefined && net.members.length === 0) net.organizationMembers = toNumber(m[1]!);
    else {
      const member = splitMember(t);
      if (member && member.name) net.members.push(member);
      else unknownLine(ctx, 'Your Network', line);
    }
  }
  return {
    ...(net.people !== undefined ? { people: net.people } : {}),
    ...(net.organization !== undefined ? { organization: net.organization } : {}),
    ...(net.organizationMembers !== undefined ? { organizationMembers: net.organizationMembers } : {}),
    members: net.members,
  };
}

function parseWorkHistory(ctx: Context, c: Cursor): ExportMonth[] {
  const months: ExportMonth[] = [];
  const seenMonths = new Map<string, number>();
  for (let line = c.next(); line; line = c.next()) {
    const heading = MONTH_HEADING.exec(line.text);
    if (!heading) {
      unknownLine(ctx, 'Work History', line);
      continue;
    }
    const month = monthKey(MONTHS.indexOf(heading[1]!), heading[2]!);
    const countsLine = c.peek();
    const counts = countsLine ? COUNTS_LINE.exec(countsLine.text) : null;
    if (!counts) {
      error(
        ctx,
        countsLine?.no ?? line.no + 1,
        `expected the counts of ${line.text} ("N Commits • M Features") after line ${line.no}, found ${quote(countsLine)}`,
      );
      return months;
    }
    c.next();
    const dateLine = c.peek();
    const date = dateLine ? DATE_LINE.exec(dateLine.text) : null;
    if (!date) {
      error(
        ctx,
        dateLine?.no ?? countsLine!.no + 1,
        `expected the date line of ${line.text} (like "${heading[1]!.slice(0, 3)} 1, ${heading[2]}") after line ${countsLine!.no}, found ${quote(dateLine)}`,
      );
      return months;
    }
    c.next();
    const dateMonth = monthKey(MONTH_ABBR.indexOf(date[1]!), date[3]!);
    if (dateMonth !== month) warn(ctx, dateLine!.no, `date "${dateLine!.text}" is not in ${line.text}; kept the heading's month ${month}`);
    const paragraphs: string[] = [];
    for (let next = c.peek(); next && !MONTH_HEADING.test(next.text); next = c.peek()) {
      paragraphs.push(
        c
          .paragraph()
          .map((l) => l.text)
          .join(' '),
      );
    }
    if (paragraphs.length === 0) {
      const after = c.peek();
      error(ctx, after?.no ?? dateLine!.no + 1, `expected the narrative of ${line.text} after line ${dateLine!.no}, found ${quote(after)}`);
      return months;
    }
    const earlier = seenMonths.get(month);
    if (earlier !== undefined) {
      error(ctx, line.no, `expected each month once, found ${line.text} again (first on line ${earlier})`);
      continue;
    }
    seenMonths.set(month, line.no);
    const commits = toNumber(counts[1]!);
    const features = toNumber(counts[2]!);
    if (features > commits) error(ctx, countsLine!.no, `expected features not more than commits, found ${features} features and ${commits} commits`);
    months.push({ month, commits, features, summary: paragraphs.join('\n\n') });
  }
  return months;
}

function parseQuality(ctx: Context, c: Cursor, labels: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  const glued = /^(\D.*?)\s*(\d+(?:\.\d+)?)\s*%$/;
  let pending: Line | undefined;
  for (let line = c.next(); line; line = c.next()) {
    let label: string | undefined;
    let value: string | undefined;
    const m = glued.exec(line.text);
    const bare = /^(\d+(?:\.\d+)?)\s*%$/.exec(line.text);
    if (m) [label, value] = [m[1]!, m[2]!];
    else if (bare && pending) [label, value] = [pending.text, bare[1]!];
    else if (!bare && !pending && /\p{L}/u.test(line.text)) {
      pending = line;
      continue;
    } else {
      unknownLine(ctx, 'Quality Metrics', line);
      continue;
    }
    pending = undefined;
    const key = camelKey(label);
    const n = Number(value);
    if (!key) unknownLine(ctx, 'Quality Metrics', line);
    else if (n > 100) error(ctx, line.no, `expected a percentage from 0 to 100, found ${value}%`, `quality.${key}`);
    else if (key in out) warn(ctx, line.no, `"${label}" given twice; kept the first value`);
    else {
      out[key] = n;
      labels[key] = label.trim();
    }
  }
  if (pending) error(ctx, pending.no + 1, `expected a percentage after "${pending.text}" (line ${pending.no}), found ${quote(c.peek())}`);
  return out;
}

function parseSkills(ctx: Context, c: Cursor): NonNullable<ExportProfile['skills']> {
  const out: NonNullable<ExportProfile['skills']> = {};
  let current: { key: 'languages' | 'technical'; title: string } | undefined;
  for (let line = c.next(); line; line = c.next()) {
    const sub = /^programming languages$/i.test(line.text) ? 'languages' : /^technical skills$/i.test(line.text) ? 'technical' : undefined;
    if (sub) {
      const after = c.peek();
      if (!after || /^(programming languages|technical skills)$/i.test(after.text)) {
        const message = `expected the items of "${line.text}" after line ${line.no}, found ${quote(after)}`;
        if (after) warn(ctx, line.no, message);
        else error(ctx, line.no + 1, `the export looks truncated: ${message}`);
      }
      current = sub === 'languages' ? { key: 'languages', title: 'Programming Languages' } : { key: 'technical', title: 'Technical Skills' };
    } else if (!current) unknownLine(ctx, 'Skills & Technologies', line);
    else {
      const target = current;
      const items = (out[target.key] ??= []);
      ctx.glued.push({
        list: { name: `Skills & Technologies › ${target.title}`, text: line.text, kind: target.key === 'languages' ? 'languages' : 'skills', sorted: true },
        line: line.no,
        assign: (split) => items.push(...split),
      });
    }
  }
  const ordered: NonNullable<ExportProfile['skills']> = {};
  if (out.languages) ordered.languages = out.languages;
  if (out.technical) ordered.technical = out.technical;
  return ordered;
}

function parseRepositories(ctx: Context, c: Cursor, atEnd: boolean): ExportRepository[] {
  const repos: ExportRepository[] = [];
  let declared: { count: number; line: Line } | undefined;
  for (let line = c.next(); line; line = c.next()) {
    const t = line.text;
    let m: RegExpExecArray | null;
    if (repos.length === 0 && !declared && (m = REPO_COUNT.exec(t))) {
      declared = { count: toNumber(m[1]!), line };
      continue;
    }
    if (/^overview of all repositories/i.test(t)) continue;
    // A repository: its name, then the month range, then optional details.
    const rangeLine = c.peek();
    const range = rangeLine ? MONTH_RANGE.exec(rangeLine.text) : null;
    if (!range) {
      if (MONTH_RANGE.test(t) || MONTHS_ACTIVE.test(t) || /^(languages used|technical skills)$/i.test(t)) {
        error(ctx, line.no, `expected a repository name before line ${line.no}, found ${quote(line)}`);
        return repos;
      }
      error(
        ctx,
        rangeLine?.no ?? line.no + 1,
        `expected the months of repository "${t}" (like "Oct 2024 Feb 2026") after line ${line.no}, found ${quote(rangeLine)}`,
      );
      return repos;
    }
    c.next();
    const repo: ExportRepository = {
      name: t,
      from: monthKey(MONTH_ABBR.indexOf(range[1]!), range[2]!),
      to: monthKey(MONTH_ABBR.indexOf(range[3]!), range[4]!),
      languages: [],
      skills: [],
    };
    if (repo.to < repo.from) error(ctx, rangeLine!.no, `expected the last month on or after the first, found "${rangeLine!.text}"`);
    let active: number | undefined;
    for (let d = c.peek(); d; d = c.peek()) {
      if ((m = MONTHS_ACTIVE.exec(d.text))) {
        c.next();
        active = toNumber(m[1]!);
      } else if (/^(languages used|technical skills)$/i.test(d.text)) {
        c.next();
        const isLang = /^languages/i.test(d.text);
        const listLine = c.peek();
        const nextRange = c.lines[c.i + 1];
        const listIsName = !listLine || /^(languages used|technical skills)$/i.test(listLine.text) || (nextRange && MONTH_RANGE.test(nextRange.text));
        if (listIsName) {
          if (!listLine && atEnd)
            error(
              ctx,
              d.no + 1,
              `the export looks truncated: expected the items of "${d.text}" of repository "${repo.name}" after line ${d.no}, found the end of the file`,
            );
          else warn(ctx, d.no, `"${d.text}" of repository "${repo.name}" has no items`);
          continue;
        }
        c.next();
        const target = isLang ? repo.languages : repo.skills;
        ctx.glued.push({
          list: {
            name: `Repositories › ${repo.name} › ${isLang ? 'Languages Used' : 'Technical Skills'}`,
            text: listLine.text,
            kind: isLang ? 'languages' : 'skills',
            sorted: false,
          },
          line: listLine.no,
          assign: (split) => target.push(...split),
        });
      } else break;
    }
    // Key order as the export shows it: name, months, activity, languages, skills.
    repos.push({
      name: repo.name,
      from: repo.from,
      to: repo.to,
      ...(active !== undefined ? { monthsActive: active } : {}),
      languages: repo.languages,
      skills: repo.skills,
    });
  }
  if (declared) ctx.repoCount = { count: declared.count, line: declared.line.no };
  if (declared && declared.count !== repos.length && !(atEnd && repos.length < declared.count)) {
    warn(ctx, declared.line.no, `the export says ${declared.count} repositories but lists ${repos.length}`);
  }
  return repos;
}
