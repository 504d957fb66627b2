// The methodology note shown on a profile built from git history: how every figure was counted.
import { CLASSIFIER_RULES } from './git/classify.ts';

/** How the git importer counts commits, days, features and bugs, languages, areas and lines (Markdown). */
export const GIT_METHODOLOGY = `These figures were counted from git history by \`engfolio import-git\`.

- **Commits**: every non-merge commit reachable from each repository's HEAD whose author, after the repository's \`.mailmap\`, matches one of the given emails or names (case-insensitive). Merge commits are not counted. Commits with implausible author dates (before 1990, or later than the day of the import) are counted on the day they record, and the import reports how many and which days; the only commits left out for their date are those after the year 9999, which have no calendar day.
- **Days and months**: a commit belongs to the calendar day of its author date in the author's own recorded UTC offset — the day the author lived — never the time zone of the machine that imported it.
- **Features and bug fixes**, in this order of rules:
${CLASSIFIER_RULES.map((r, i) => `  ${i + 1}. ${r}`).join('\n')}
- **Languages**: the files each counted commit touched, mapped to languages with GitHub Linguist's data; a repository's languages are ordered by the number of commits touching them. Like Linguist's statistics, only programming and markup languages count; vendored code, generated files and lock files are left out. Where Linguist would read file contents to decide (e.g. \`.h\`), the language whose main extension it is wins.
- **Areas**: the top folder of each touched file (one level deeper under folders like \`src/\` or \`packages/\`), ranked by the number of commits touching it, per repository and per month. Private repositories show no areas.
- **Lines**: lines added and removed per month from \`git log --numstat\` with rename detection, leaving out binary, vendored, generated and lock files. Months that include a repository without local file contents (a blobless or partial clone) show no line counts.
- **Narratives** marked as generated are drafts written from these figures; once edited by hand they are never regenerated.
- **Private repositories** appear only as "a private repository" (or a chosen label): no name, path or commit subject of theirs is written.`;
