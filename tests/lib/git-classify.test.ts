// The feature/bug classifier on real-looking commit subjects: every rule, in the order it applies.
import { describe, expect, it } from 'vitest';
import { classifyCommit, type CommitKind, type Rule } from '../../src/lib/git/classify.ts';

const CASES: [subject: string, body: string, kind: CommitKind, rule: Rule][] = [
  // Conventional Commits
  ['feat: add dark mode toggle', '', 'feature', 'conventional'],
  ['feat(auth)!: drop password login', '', 'feature', 'conventional'],
  ['fix(parser): handle trailing commas', '', 'bug', 'conventional'],
  ['fix: crash when the cache is empty', '', 'bug', 'conventional'],
  ['hotfix: restore checkout button', '', 'bug', 'conventional'],
  ['chore(deps): bump vite from 5.0.1 to 5.0.2', '', 'other', 'conventional'],
  ['docs: add a section on deployment', '', 'other', 'conventional'],
  ['refactor: fix naming in the router', '', 'other', 'conventional'],
  ['perf(db): add an index on users.email', '', 'other', 'conventional'],
  ['test: add regression test for #431', '', 'other', 'conventional'],
  ['ci: fix the release workflow', '', 'other', 'conventional'],
  ['chore(release): 2.3.0', '', 'other', 'release'],
  // Merge noise and reverts
  ["Merge branch 'main' into feature/login", '', 'other', 'merge-noise'],
  ['Merge pull request #1234 from acme/fix-crash', '', 'other', 'merge-noise'],
  ["Merge remote-tracking branch 'origin/main'", '', 'other', 'merge-noise'],
  ['Revert "Add search page"', 'This reverts commit 0123456789abcdef.', 'other', 'revert'],
  ['Back out the new cache layer', '', 'other', 'revert'],
  ['Undo accidental config change', 'This reverts commit abcdef0.', 'other', 'revert'],
  // Releases and version bumps
  ['v1.4.2', '', 'other', 'release'],
  ['1.0.0-beta.3', '', 'other', 'release'],
  ['Bump version to 2.0.0', '', 'other', 'release'],
  ['Release 3.1', '', 'other', 'release'],
  ['Prepare release 0.9.0', '', 'other', 'release'],
  ['Update changelog for 1.2', '', 'other', 'release'],
  // Fixes: trailers and references
  ['net: sched: avoid null deref in qdisc', 'Fixes: 1a2b3c4d5e6f ("net: sched: new qdisc")\nSigned-off-by: A <a@b>', 'bug', 'fixes-reference'],
  ['Make the sidebar collapsible (fixes #88)', '', 'bug', 'fixes-reference'],
  ['Tighten input validation', 'Fixed acme/web#912 for good.', 'bug', 'fixes-reference'],
  ['Add CSV export (closes #77)', '', 'feature', 'feature-keyword'],
  // Subject keywords
  ['Fix typo in README', '', 'bug', 'bug-keyword'],
  ['Prevent double submit on slow networks', '', 'bug', 'bug-keyword'],
  ['mm: correct page accounting on unmap', '', 'bug', 'bug-keyword'],
  ['Memory leak in the image decoder', '', 'bug', 'bug-keyword'],
  ['Login button broken on Safari', '', 'bug', 'bug-keyword'],
  ['Add support for WebP thumbnails', '', 'feature', 'feature-keyword'],
  ['Implement rate limiting for the public API', '', 'feature', 'feature-keyword'],
  ['drivers/gpu: introduce a new scheduler', '', 'feature', 'feature-keyword'],
  ['Allow custom domains per workspace', '', 'feature', 'feature-keyword'],
  ['Initial commit', '', 'feature', 'feature-keyword'],
  // Neither
  ['Rename users module', '', 'other', 'none'],
  ['Update dependencies', '', 'other', 'none'],
  ['Tidy up imports', '', 'other', 'none'],
  ['WIP', '', 'other', 'none'],
];

describe('classifyCommit', () => {
  it('has a table of at least 30 real-looking subjects', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });
  it.each(CASES)('%s → %s', (subject, body, kind, rule) => {
    expect(classifyCommit(subject, body)).toEqual({ kind: kind, rule: rule });
  });
  it('is deterministic and case-insensitive on prefixes', () => {
    expect(classifyCommit('FEAT: Add export')).toEqual(classifyCommit('feat: Add export'));
    expect(classifyCommit('Fix: broken link').kind).toBe('bug');
  });
});
