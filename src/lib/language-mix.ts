// Which languages a person's work was in: commits touching each language, summed over the months that
// record them (the git import writes them; exports have none), as shares with Linguist's colours.
// A commit touching two languages counts for both, so the shares are of language touches.
import { languageColor } from './git/languages.ts';

export interface LanguageShare {
  name: string;
  /** Commits touching it (for "Other": touching any of the languages it groups). */
  commits: number;
  /** Its share of all language touches, 0–1. */
  share: number;
  color: string;
}

/** How many languages are shown by name; the rest are one "Other". */
const SHOWN = 8;
/** For a language Linguist gives no colour, and for "Other". */
const NEUTRAL = '#8b949e';

/** The language mix of `months`, largest first (ties by name); undefined when no month records languages. */
export function languageMix(months: readonly { languages?: Readonly<Record<string, number>> | undefined }[]): LanguageShare[] | undefined {
  const counts = new Map<string, number>();
  let recorded = false;
  for (const m of months) {
    if (!m.languages) continue;
    recorded = true;
    for (const [name, k] of Object.entries(m.languages)) counts.set(name, (counts.get(name) ?? 0) + k);
  }
  const total = [...counts.values()].reduce((s, k) => s + k, 0);
  if (!recorded || total === 0) return undefined;
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = sorted.length > SHOWN + 1 ? sorted.slice(0, SHOWN) : sorted;
  const rest = sorted.slice(shown.length).reduce((s, [, k]) => s + k, 0);
  const shares = shown.map(([name, commits]) => ({ name, commits, share: commits / total, color: languageColor(name) ?? NEUTRAL }));
  if (rest > 0) shares.push({ name: 'Other', commits: rest, share: rest / total, color: NEUTRAL });
  return shares;
}
