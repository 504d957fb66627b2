// The feature/bug classifier: every rule that decides whether a commit is a feature, a bug fix or neither
// lives here, in the order it is applied, so the methodology note and the tests describe one thing.

/** What a commit counts as: a feature, a bug fix, or neither (`other`: chores, docs, reverts, releases…). */
export type CommitKind = 'feature' | 'bug' | 'other';

/** Why a commit got its kind: the rule that decided (shown in tests and the methodology). */
export type Rule = 'merge-noise' | 'revert' | 'release' | 'conventional' | 'fixes-reference' | 'bug-keyword' | 'feature-keyword' | 'none';

// Conventional Commit types (https://www.conventionalcommits.org) and what each counts as.
const CONVENTIONAL: Record<string, CommitKind> = {
  feat: 'feature',
  feature: 'feature',
  fix: 'bug',
  bugfix: 'bug',
  hotfix: 'bug',
  perf: 'other',
  refactor: 'other',
  docs: 'other',
  doc: 'other',
  style: 'other',
  test: 'other',
  tests: 'other',
  build: 'other',
  ci: 'other',
  chore: 'other',
  revert: 'other',
  release: 'other',
  deps: 'other',
  wip: 'other',
};

const CONVENTIONAL_PREFIX = /^([a-z]+)(\([^)]*\))?!?:\s/i;
const MERGE_NOISE = /^(merge (branch|pull request|remote-tracking branch|tag|commit|changes)\b|merged? .* into \S+$)/i;
const REVERT = /^(revert\b|reverts\b|back ?out\b|undo\b)/i;
const RELEASE =
  /^(v?\d+\.\d+(\.\d+)?([-.+][\w.]+)?$|(bump|bumped|bumps) (the )?(version|to v?\d|\S+ (from|to) v?\d)|(release|releasing|prepare release|preparing release|cut release)\b|version (bump|\d)|update (the )?(changelog|version)\b|\[?release\]?\s*v?\d)/i;
// "Fixes: <commit>" trailers (Linux style), and "fixes #123" / "fixed org/repo#12" references ("closes #9"
// and "resolves #9" close feature requests just as often, so they decide nothing).
const FIXES_TRAILER = /^fixes:\s*\S/im;
const FIXES_REFERENCE = /\b(fix(e[sd])?|bugfix)\s+([\w.-]+\/[\w.-]+)?#\d+/i;
// Subject keywords: a leading verb decides, then bug words anywhere.
const BUG_VERBS = new Set([
  'fix',
  'fixes',
  'fixed',
  'fixing',
  'hotfix',
  'bugfix',
  'patch',
  'repair',
  'correct',
  'resolve',
  'resolves',
  'resolved',
  'workaround',
  'prevent',
  'avoid',
  'handle',
]);
const FEATURE_VERBS = new Set([
  'add',
  'adds',
  'added',
  'adding',
  'implement',
  'implements',
  'implemented',
  'introduce',
  'introduces',
  'introduced',
  'support',
  'supports',
  'create',
  'creates',
  'enable',
  'enables',
  'allow',
  'allows',
  'new',
  'feature',
  'provide',
  'expose',
  'initial',
]);
const BUG_WORDS =
  /\b(bug|bugs|crash(es|ed|ing)?|regression|broken|segfault|panic|typo|leak|npe|null pointer|race condition|off[- ]by[- ]one|incorrect|wrong)\b/i;
// A "subsystem: " prefix (kernel and Go style), not a Conventional Commit type: classify what follows.
const AREA_PREFIX = /^[\w./ -]{1,40}:\s+/;

/** Returns the kind of a commit and the rule that decided it, from its subject and body. */
export function classifyCommit(subject: string, body = ''): { kind: CommitKind; rule: Rule } {
  const s = subject.trim();
  if (MERGE_NOISE.test(s)) return { kind: 'other', rule: 'merge-noise' };
  if (REVERT.test(s) || body.includes('This reverts commit ')) return { kind: 'other', rule: 'revert' };
  let rest = s;
  const cc = CONVENTIONAL_PREFIX.exec(s);
  if (cc) {
    const kind = CONVENTIONAL[cc[1]!.toLowerCase()];
    if (kind !== undefined) {
      if (kind === 'other' && cc[1]!.toLowerCase() === 'chore' && /\brelease\b/i.test(s)) return { kind, rule: 'release' };
      return { kind, rule: 'conventional' };
    }
  }
  const area = AREA_PREFIX.exec(rest);
  if (area) rest = rest.slice(area[0].length);
  if (RELEASE.test(rest) || RELEASE.test(s)) return { kind: 'other', rule: 'release' };
  if (FIXES_REFERENCE.test(s) || (body && (FIXES_TRAILER.test(body) || FIXES_REFERENCE.test(body)))) return { kind: 'bug', rule: 'fixes-reference' };
  const first = /^[a-z]+/i.exec(rest)?.[0]?.toLowerCase() ?? '';
  if (BUG_VERBS.has(first)) return { kind: 'bug', rule: 'bug-keyword' };
  if (BUG_WORDS.test(rest)) return { kind: 'bug', rule: 'bug-keyword' };
  if (FEATURE_VERBS.has(first)) return { kind: 'feature', rule: 'feature-keyword' };
  return { kind: 'other', rule: 'none' };
}

/** The classifier rules in order, as plain text for the methodology note. */
export const CLASSIFIER_RULES: readonly string[] = [
  'Merge noise ("Merge branch …", "Merge pull request …") counts as neither (merge commits themselves are not counted at all).',
  'Reverts ("Revert …", or a body saying "This reverts commit …") count as neither.',
  'A Conventional Commit prefix decides: feat → feature; fix, bugfix, hotfix → bug fix; chore, docs, refactor, perf, test, build, ci, style, revert → neither.',
  'Version bumps and releases ("v1.2.3", "Bump version to 2.0", "Release 1.4") count as neither.',
  'A "Fixes:" trailer or a "fixes #123" / "fixed org/repo#4" reference makes a bug fix ("closes #9" does not: it closes feature requests too).',
  'Otherwise the subject decides (after any "subsystem:" prefix): a leading fix/patch/repair/correct/resolve/prevent… or a bug word (bug, crash, regression, leak, typo…) makes a bug fix; a leading add/implement/introduce/support/enable/allow… makes a feature; anything else is neither.',
];
