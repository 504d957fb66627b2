// The methodology note shown on a profile built from git history: how every figure was counted.
import { CLASSIFIER_RULES } from './git/classify.ts';

/** How the git importer counts commits, days, features and bugs, languages, areas and lines (Markdown). */
export const GIT_METHODOLOGY = `These figures were counted from git history by \`engfolio import-git\`.

- **Commits**: every non-merge commit reachable from each repository's HEAD whose author, after the repository's \`.mailmap\`, matches one of the given emails or names (case-insensitive). Merge commits are not counted. Commits by bots (a name ending in \`[bot]\`, a GitHub bot address, Dependabot, Renovate, GitHub Actions and other known bot identities) count only for an author given by the bot's exact email, never by a name or an address that merely looks like a person's. Commits with implausible author dates (before 1990, or later than the day of the import) are counted on the day they record, and the import reports how many and which days; the only commits left out for their date are those after the year 9999, which have no calendar day.
- **Days and months**: a commit belongs to the calendar day of its author date in the author's own recorded UTC offset — the day the author lived — never the time zone of the machine that imported it.
- **Features and bug fixes**, in this order of rules:
${CLASSIFIER_RULES.map((r, i) => `  ${i + 1}. ${r}`).join('\n')}
- **Languages**: the files each counted commit touched, mapped to languages with GitHub Linguist's data; a repository's languages are ordered by the number of commits touching them. Like Linguist's statistics, only programming and markup languages count; vendored code, generated files and lock files are left out. Where Linguist would read file contents to decide (e.g. \`.h\`), the language whose main extension it is wins.
- **Areas**: where at least half of a repository's counted commits name an area in their subject in the \`area: change\` convention (\`mm/slab: …\`, \`scx_layered: Fix …\`; Conventional Commits types such as \`fix:\` or \`feat:\` are not areas), those names are the repository's areas. Otherwise, the top folder of each touched file (one level deeper under folders like \`src/\` or \`packages/\`). Either way ranked by the number of commits, per repository and per month. Private repositories show no areas.
- **Languages per month** count the commits touching each language (a commit touching two counts for both); the language mixes on the profile page and the year pages are shares of these touches.
- **Hours**: each commit's weekday and hour as the author's clock showed them (their recorded local time and offset), per month.
- **Lines**: lines added and removed per month from \`git log --numstat\` with rename detection, leaving out binary, vendored, generated and lock files. Months that include a repository without local file contents (a blobless or partial clone) show no line counts.
- **Narratives and the summary** marked as generated are drafts written from these figures (the summary: the period, the repositories, the main languages and areas); they are refreshed by later imports until someone edits them, and once edited by hand they are never regenerated.
- **Updates**: a profile that lists its \`sources\` is kept current by \`engfolio update\`, which fetches each repository and imports it again by the same rules; a source that cannot be read leaves its months as they were.
- **Private repositories** appear only as "a private repository" (or a chosen label): no name, path or commit subject of theirs is written.`;

/** How a year in review counts its figures (Markdown), shown on every year page. */
export const YEAR_METHODOLOGY = `- **Totals** are sums over the year's months; **bug fixes** only over the months that give them, and **lines changed** (added plus removed) only over the months that record lines. The change is against the calendar year before; for the first year with activity there is nothing to compare with.
- **Active months** have at least one commit; **active days** likewise, counted from the daily activity, which is needed for every day figure below.
- **Busiest** month, week and day have the most commits; on a tie, the earliest. Weeks start on the site's week start and are cut at the year's ends.
- **Runs** are consecutive active days within the year (a run over New Year counts in each year its own days). A run of **working days** counts Monday to Friday: a weekend neither breaks it nor lengthens it.
- **Repositories and areas** are ranked by the number of the year's active months they appear in.
- **Languages** are the commits touching each language, as shares of all language touches, over the months that record them (git imports do; exports do not). **When the work was done** counts commits by weekday and hour of the author's own clock, over the months that record hours; both are left out when no month of the year records them.`;
