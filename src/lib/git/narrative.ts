// Generated month narratives: a short draft from the month's figures, and the fingerprint that tells a
// draft still as generated from one a person has edited.
import { createHash } from 'node:crypto';
import { plainTextToMarkdown } from '../content-files.ts';
import { countLabel, monthLong } from '../format.ts';

export interface NarrativeInput {
  /** `YYYY-MM`. */
  month: string;
  commits: number;
  features: number;
  bugs: number;
  /** Repository names as shown (private ones already replaced by their label). */
  repositories: readonly string[];
  /** Top areas, from public repositories only. */
  areas: readonly string[];
  /** A few commit subjects, from public repositories only. */
  notable: readonly string[];
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The note that ends a draft, for its author: an HTML comment, so it is in the file (and `check` counts
 * the drafts) but on no page, feed or card: readers see the "Draft" badge at most.
 */
const DRAFT_NOTE = '\n\n<!-- A draft generated from git history: edit it freely; later imports leave an edited text alone. -->\n';

/** Returns the generated draft narrative of a month, as Markdown. */
export function draftNarrative(n: NarrativeInput): string {
  const paragraphs: string[] = [];
  const kinds: string[] = [];
  if (n.features) kinds.push(countLabel(n.features, 'feature', 'features'));
  if (n.bugs) kinds.push(countLabel(n.bugs, 'bug fix', 'bug fixes'));
  const where = n.repositories.length ? ` in ${list([...new Set(n.repositories)])}` : '';
  paragraphs.push(`${monthLong(n.month)}: ${countLabel(n.commits, 'commit', 'commits')}${where}${kinds.length ? `, with ${list(kinds)}` : ''}.`);
  if (n.areas.length) paragraphs.push(`Most of the work touched ${list(n.areas)}.`);
  if (n.notable.length) paragraphs.push(`Notable: ${n.notable.map((s) => `“${s}”`).join('; ')}.`);
  return `${plainTextToMarkdown(paragraphs.join('\n\n')).trimEnd()}${DRAFT_NOTE}`;
}

/** What a profile's summary draft says: the profile's period, repositories, languages and areas. */
export interface SummaryInput {
  /** First and last month with counted commits, `YYYY-MM`. */
  from: string;
  to: string;
  commits: number;
  /** Repository names as shown (private ones already replaced by their label), busiest first. */
  repositories: readonly string[];
  /** The main languages, most used first. */
  languages: readonly string[];
  /** The main areas, from public repositories only. */
  areas: readonly string[];
}

/** Returns the generated draft summary of a profile imported from git, as Markdown. */
export function draftSummary(n: SummaryInput): string {
  const paragraphs: string[] = [];
  const period = n.from === n.to ? `in ${monthLong(n.from)}` : `from ${monthLong(n.from)} to ${monthLong(n.to)}`;
  const repos = [...new Set(n.repositories)];
  const where = repos.length === 1 ? ` in ${repos[0]}` : repos.length > 1 ? ` in ${repos.length} repositories: ${list(repos)}` : '';
  paragraphs.push(`${countLabel(n.commits, 'commit', 'commits')} ${period}${where}.`);
  if (n.languages.length) paragraphs.push(`Mostly ${list(n.languages)}.`);
  if (n.areas.length) paragraphs.push(`Main areas: ${list(n.areas)}.`);
  return `${plainTextToMarkdown(paragraphs.join('\n\n')).trimEnd()}${DRAFT_NOTE}`;
}

/** Returns the fingerprint of a narrative body: a hash of its trimmed text. */
export function fingerprintOf(markdown: string): string {
  return createHash('sha256').update(markdown.trim()).digest('hex').slice(0, 16);
}

/** True when `body` is exactly the draft the fingerprint was taken of (so the importer may refresh it). */
export function isUneditedDraft(body: string, fingerprint: string | undefined): boolean {
  return fingerprint !== undefined && fingerprintOf(body) === fingerprint;
}
