// engfolio's own words in English: the catalogue every other locale's is checked against (same keys,
// same placeholders). A plural message's form is picked by its `count` value; numbers are formatted
// for the locale before they are put in. Markdown texts (the methodology notes) stay Markdown.
export const en = {
  // The page shell
  'site.title': 'Engineering profiles',
  'page.skipLink': 'Skip to content',
  'page.feedTitle': '{title} (Atom feed)',
  'page.siteNav': 'Site',
  'page.footer': 'Built with engfolio from plain Markdown content. No scripts, no trackers.',
  'page.breadcrumb': 'Breadcrumb',
  'page.profiles': 'Profiles',
  'page.onThisPage': 'On this page',
  'page.backToProfile': 'Back to the profile',
  'page.workOf': 'Work of {name}',
  'page.draftGenerated': 'Draft generated from git history',
  'page.scrollsSideways': '{label} (scrolls sideways)',
  'page.theNumbers': 'The numbers',

  // The 404 page
  'notFound.title': 'Page not found — {site}',
  'notFound.description': 'This page does not exist on this site.',
  'notFound.eyebrow': 'Error 404',
  'notFound.heading': 'This page is not here',
  'notFound.text': 'The address may be mistyped, or the page was moved when the site was rebuilt.',
  'notFound.home': 'Go to the list of profiles',

  // The index
  'index.description': {
    one: 'Engineering profiles of {count} person: work history, activity and skills.',
    other: 'Engineering profiles of {count} people: work history, activity and skills.',
  },
  'index.profiles': { one: '{count} profile', other: '{count} profiles' },
  'index.commitsInAll': { one: '{count} commit in all', other: '{count} commits in all' },
  'index.empty': 'No profiles yet. Add one under {folder}, or run {command}.',
  'index.noMonths': 'No months yet',

  // Counts
  'count.commits': { one: '{count} commit', other: '{count} commits' },
  'count.features': { one: '{count} feature', other: '{count} features' },
  'count.bugs': { one: '{count} bug', other: '{count} bugs' },
  'count.bugFixes': { one: '{count} bug fix', other: '{count} bug fixes' },
  'count.months': { one: '{count} month', other: '{count} months' },
  'count.activeMonths': { one: '{count} active month', other: '{count} active months' },
  'count.days': { one: '{count} day', other: '{count} days' },
  'count.workingDays': { one: '{count} working day', other: '{count} working days' },
  'count.repositories': { one: '{count} repository', other: '{count} repositories' },
  'count.repos': { one: '{count} repo', other: '{count} repos' },
  'count.separator': ' • ',
  'count.linesAddedRemoved': 'lines added and removed',

  // Figure names
  'figure.commits': 'Commits',
  'figure.features': 'Features',
  'figure.bugs': 'Bugs',
  'figure.bugFixes': 'Bug fixes',
  'figure.linesOfCode': 'Lines of code',
  'figure.activityMonths': 'Activity months',
  'figure.activeMonths': 'Active months',
  'figure.activeDays': 'Active days',
  'figure.linesChanged': 'Lines changed',
  'figure.month': 'Month',
  'figure.day': 'Day',
  'figure.language': 'Language',
  'figure.share': 'Share',
  'figure.otherCommits': 'Other commits',

  // The profile page
  'profile.title': '{name} — engineering profile',
  'profile.description': {
    one: 'Engineering profile of {name}: {commits} over {count} month.',
    other: 'Engineering profile of {name}: {commits} over {count} months.',
  },
  'profile.eyebrow': 'Engineering profile',
  'profile.organization': 'Organization:',
  'profile.active': 'Active:',
  'profile.json': 'JSON',
  'profile.feed': 'Feed',
  'profile.activitySvg': 'Activity SVG',
  'section.summary': 'Summary',
  'section.noSummary': 'No summary yet.',
  'section.activity': 'Activity',
  'section.languages': 'Languages',
  'section.methodology': 'How these numbers were counted',
  'toc.summary': 'Summary',
  'toc.statistics': 'Statistics',
  'toc.activity': 'Activity',
  'toc.languages': 'Languages',
  'toc.years': 'Years',
  'toc.work-history': 'Work History',
  'toc.methodology': 'Method',
  'toc.quality': 'Quality',
  'toc.skills': 'Skills',
  'toc.repositories': 'Repositories',
  'toc.network': 'Network',

  // Overall statistics
  'stats.title': 'Overall Statistics',
  'stats.ratio': 'Feature vs Bugs',
  'stats.ratioValue': '{percent} features',
  'stats.ratioDetail': '{features}, {bugs}',
  'stats.noBugs': 'Not enough data: no bug count.',
  'stats.contributions': 'Repository Contributions',
  'stats.total': '{count} total',
  'stats.sumOfMonths': 'sum of months',
  'stats.declared': 'declared',
  'stats.monthsWithEntry': 'months with an entry',
  'stats.how': 'How these figures are computed',
  'stats.howSums': 'Commits, features and repository contributions',
  'stats.howSumsText': 'Sums over the monthly summaries below; nothing is typed twice. A declared total that disagrees is reported at build time.',
  'stats.howFeature': 'What counts as a feature',
  'stats.howFeatureGit':
    'A commit the classifier marks as a feature (Conventional Commit "feat", or a subject that adds or introduces something); see the methodology below the work history.',
  'stats.howFeatureExport':
    'As counted by the exported profile: a commit or change delivering new functionality. engfolio keeps those counts as they were exported.',
  'stats.howFeatureManual': 'As recorded in each monthly summary by the profile’s author.',
  'stats.howRatio': 'features ÷ (features + bugs), rounded to a whole percent.',
  'stats.howRatioDeclared': 'features ÷ (features + bugs), rounded to a whole percent; bugs are the declared total.',
  'stats.howActivityMonths': 'The number of months that have a summary, whatever their counts.',

  // Activity heatmaps
  'heatmap.perMonth.commits': 'Commits per month',
  'heatmap.perMonth.features': 'Features per month',
  'heatmap.perDay.commits': 'Commits per day',
  'heatmap.perDay.features': 'Features per day',
  'heatmap.perDayIn.commits': 'Commits per day in {year}',
  'heatmap.perDayIn.features': 'Features per day in {year}',
  'heatmap.legend': 'Legend: {caption}',
  'heatmap.noEntry': 'no entry',
  'heatmap.noData': 'no data',
  'heatmap.less': 'Less',
  'heatmap.more': 'More',
  'heatmap.asTable': 'Activity as a table',
  'heatmap.monthTable': 'Commits and features per month, newest first (months without an entry are not listed)',
  'heatmap.dayTable': 'Days with activity in {year}, newest first (days without data are not listed)',
  'heatmap.monthCell': '{month}: {commits}, {features}',
  'heatmap.monthCellEmpty': '{month}: no entry',
  'heatmap.monthSummary': '{title}, {from} to {to}: {total} in {months} with an entry; busiest {busiest} ({value}).',
  'heatmap.monthSummaryEmpty': '{title}: no months yet.',
  'heatmap.dayCell': '{day}: {commits}',
  'heatmap.dayCellFeatures': '{day}: {commits}, {features}',
  'heatmap.daySummary': '{title}: {total} on {days} with data; busiest {busiest} ({value}).',
  'heatmap.daySummaryEmpty': '{title}: no days with data.',
  'heatmap.hourLegend': 'commits per weekday and hour',

  // Charts
  'chart.commitBars': 'Commits and features per month',
  'chart.commitBarsSummary': 'Commits per month, {from} to {to}: {commits}, {features} among them.',
  'chart.barTitle': '{month}: {value}',
  'chart.featuresOf': '{month}: {features} of {commits}',
  'chart.otherOf': '{month}: {other} of {commits}',
  'count.otherCommits': { one: '{count} other commit', other: '{count} other commits' },
  'chart.hourCell': '{weekday} {from}–{to}: {commits}',
  'chart.yearBarsSummary': 'Features and bug fixes per month in {year}: {features}, {bugs}.',
  'chart.yearBarsSummaryFeatures': 'Features per month in {year}: {features}.',
  'chart.noYearBars': 'No features or bug fixes were recorded in {year}.',
  'chart.noYearBarsFeatures': 'No features were recorded in {year}.',
  'chart.yearBarsTable': 'Commits, features and bug fixes per month in {year}',
  'chart.yearBarsTableFeatures': 'Commits and features per month in {year}',
  'chart.languages': 'Languages {scope}: {shares}.',
  'chart.languageShare': '{language} {share}',
  'chart.languagesTable': 'Commits touching each language {scope}',
  'chart.overAllMonths': 'over all months',
  'chart.inYear': 'in {year}',
  'chart.hourSummary': "Commits by weekday and hour in {year}, in the author's own time: {commits}; busiest {weekday} {hour} ({value}).",
  'chart.hourTable': 'Commits by weekday and hour in {year}',
  'chart.hourScroll': 'Commits by weekday and hour',
  'chart.timeline': 'Over time',
  'chart.timelineSummary': '{repositories} over time, {period}.',
  'chart.timelineRow': '{name}: {period}',
  'chart.timelineRowWork': '{name}: {period}, {months} with work in it',

  // Work history and months
  'history.title': 'Work History',
  'history.empty': 'No monthly summaries yet. Add one as {file}.',
  'month.title': '{month} — {name}',
  'month.description': "{name}'s work in {month}: {commits}, {features}.",
  'month.noNarrative': 'No narrative for this month.',
  'month.others': 'Other months',

  // Years
  'years.title': 'Years in review',
  'years.change': '{change} on {year}',
  'years.firstYear': 'first year',
  'years.noneIn': 'none recorded in {year}',
  'year.title': '{year} in review — {name}',
  'year.heading': '{year} in review',
  'year.description': "{name}'s {year} in review: {commits}, {features} in {months}.",
  'year.others': 'Other years',
  'year.highlights': 'Highlights',
  'year.busiestMonth': 'Busiest month',
  'year.busiestWeek': 'Busiest week',
  'year.busiestDay': 'Busiest day',
  'year.longestRun': 'Longest run of active days',
  'year.longestWorkdayRun': 'Longest run of active working days',
  'year.when': '{when}: {commits}',
  'year.run': '{days}, {range}',
  'year.languages': 'Languages',
  'year.hours': 'When the work was done',
  'year.hoursNote': "Commits by weekday and hour, as the author's own clock showed them.",
  'year.featuresPerMonth': 'Features per month',
  'year.featuresAndBugsPerMonth': 'Features and bug fixes per month',
  'year.where': 'Where the work was',
  'year.repositories': 'Repositories',
  'year.areas': 'Areas',
  'year.inMonths': 'in {months}',
  'year.months': 'The year month by month',
  'year.monthLine': '{commits}, {features}',
  'year.share': 'Share this year',
  'year.download': 'Download the image',
  'year.downloadNote': '(PNG, 1200 × 630 pixels): link previews of this page show it.',
  'year.how': 'How these figures are counted',

  // Profile sections
  'quality.title': 'Quality Metrics',
  'quality.about': 'About these metrics',
  'quality.aboutText': 'Percentages as recorded in the profile (0–100). engfolio shows them as given and does not compute them.',
  'skills.title': 'Skills & Technologies',
  'skills.languages': 'Programming Languages',
  'skills.technical': 'Technical Skills',
  'repos.title': 'Repositories Contributed To',
  'repos.active': '{months} active',
  'repos.languages': 'Languages Used',
  'repos.skills': 'Technical Skills',
  'repos.areas': 'Top areas',
  'repos.private': 'a private repository',
  'network.title': 'Network',
  'toc.worked-with': 'Worked With',
  'workedWith.title': 'Worked With',
  'workedWith.in': 'in {repositories}',
  'workedWith.more': 'And {people} more: see the repositories’ pages.',
  'count.people': { one: '{count} person', other: '{count} people' },
  'repo.title': '{name} — repository',
  'repo.description': 'The work of {people} in {name}, {period}: months, activity, languages and areas.',
  'repo.eyebrow': 'Repository',
  'repo.eyebrowPrivate': 'Private repository, by its alias',
  'repo.people': 'People',
  'repo.peopleTitle': 'Who Worked in It',
  'repo.noMonthsOf': 'Listed in the profile; no month names it.',
  'repo.languagesAreas': 'Languages and Areas',
  'repo.languages': 'Languages',
  'repo.areas': 'Areas',
  'repo.monthsTitle': 'Month by Month',
  'repo.countNote': 'Commits and features are those of the months that name this repository: a month that names several repositories counts in each.',
  'team.title': 'The Organization at a Glance',
  'team.repositories': 'Repositories',
  'team.countNote': 'Totals are the sums of the profiles’ own figures; active months are the months in which anyone has an entry.',
  'team.daysOf': 'Day calendars: the profiles that record days ({count} of {all}).',
  'team.noOrganization': 'No organization given',
  'network.people': 'People',
  'network.organization': 'Same organization',
  'network.members': 'Members',
  'network.membersShown': 'Members shown',

  // Feed and resume.json
  'feed.title': '{name} — monthly work',
  'feed.subtitle': "Monthly summaries of {name}'s engineering work",
  'feed.entryTitle': '{month} — {name}',
  'resume.summary': '{commits} and {features} over {months} of recorded activity.',
  'resume.languages': 'Languages',
  'resume.technical': 'Technical',

  // Share images
  'share.eyebrow': 'Engineering profile',
  'share.altEyebrow': 'engineering profile',
  'share.yearEyebrow': '{year} in review',
  'share.commits': { one: 'commit', other: 'commits' },
  'share.features': { one: 'feature', other: 'features' },
  'share.bugFixes': { one: 'bug fix', other: 'bug fixes' },
  'share.activeMonths': { one: 'active month', other: 'active months' },
  'share.activeDays': { one: 'active day', other: 'active days' },
  'share.repositories': { one: 'repository', other: 'repositories' },
  'share.alt': '{title}, {eyebrow}: {figures}.',
  'share.profileAlt': '{name}, engineering profile: totals and commits per month.',

  // Methodology notes (Markdown)
  'methodology.git': `These figures were counted from git history by \`engfolio import-git\`.

- **Commits**: every non-merge commit reachable from each repository's HEAD whose author, after the repository's \`.mailmap\`, matches one of the given emails or names (case-insensitive). Merge commits are not counted. Commits by bots (a name ending in \`[bot]\`, a GitHub bot address, Dependabot, Renovate, GitHub Actions and other known bot identities) count only for an author given by the bot's exact email, never by a name or an address that merely looks like a person's. Commits with implausible author dates (before 1990, or later than the day of the import) are counted on the day they record, and the import reports how many and which days; the only commits left out for their date are those after the year 9999, which have no calendar day.
- **Days and months**: a commit belongs to the calendar day of its author date in the author's own recorded UTC offset — the day the author lived — never the time zone of the machine that imported it.
- **Features and bug fixes**, in this order of rules:
  1. Merge noise ("Merge branch …", "Merge pull request …") counts as neither (merge commits themselves are not counted at all).
  2. Reverts ("Revert …", or a body saying "This reverts commit …") count as neither.
  3. A Conventional Commit prefix decides: feat → feature; fix, bugfix, hotfix → bug fix; chore, docs, refactor, perf, test, build, ci, style, revert → neither.
  4. Version bumps and releases ("v1.2.3", "Bump version to 2.0", "Release 1.4") count as neither.
  5. A "Fixes:" trailer or a "fixes #123" / "fixed org/repo#4" reference makes a bug fix ("closes #9" does not: it closes feature requests too).
  6. Otherwise the subject decides (after any "subsystem:" prefix): a leading fix/patch/repair/correct/resolve/prevent… or a bug word (bug, crash, regression, leak, typo…) makes a bug fix; a leading add/implement/introduce/support/enable/allow… makes a feature; anything else is neither.
- **Languages**: the files each counted commit touched, mapped to languages with GitHub Linguist's data; a repository's languages are ordered by the number of commits touching them. Like Linguist's statistics, only programming and markup languages count; vendored code, generated files and lock files are left out. Where Linguist would read file contents to decide (e.g. \`.h\`), the language whose main extension it is wins.
- **Areas**: where at least half of a repository's counted commits name an area in their subject in the \`area: change\` convention (\`mm/slab: …\`, \`scx_layered: Fix …\`; Conventional Commits types such as \`fix:\` or \`feat:\` are not areas), those names are the repository's areas. Otherwise, the top folder of each touched file (one level deeper under folders like \`src/\` or \`packages/\`). Either way ranked by the number of commits, per repository and per month. Private repositories show no areas.
- **Languages per month** count the commits touching each language (a commit touching two counts for both); the language mixes on the profile page and the year pages are shares of these touches.
- **Hours**: each commit's weekday and hour as the author's clock showed them (their recorded local time and offset), per month.
- **Lines**: lines added and removed per month from \`git log --numstat\` with rename detection, leaving out binary, vendored, generated and lock files. Months that include a repository without local file contents (a blobless or partial clone) show no line counts.
- **Narratives and the summary** marked as generated are drafts written from these figures (the summary: the period, the repositories, the main languages and areas); they are refreshed by later imports until someone edits them, and once edited by hand they are never regenerated.
- **Updates**: a profile that lists its \`sources\` is kept current by \`engfolio update\`, which fetches each repository and imports it again by the same rules; a source that cannot be read leaves its months as they were.
- **Private repositories** appear only as "a private repository" (or a chosen label): no name, path or commit subject of theirs is written.`,
  'methodology.year': `- **Totals** are sums over the year's months; **bug fixes** only over the months that give them, and **lines changed** (added plus removed) only over the months that record lines. The change is against the calendar year before; for the first year with activity there is nothing to compare with.
- **Active months** have at least one commit; **active days** likewise, counted from the daily activity, which is needed for every day figure below.
- **Busiest** month, week and day have the most commits; on a tie, the earliest. Weeks start on the site's week start and are cut at the year's ends.
- **Runs** are consecutive active days within the year (a run over New Year counts in each year its own days). A run of **working days** counts Monday to Friday: a weekend neither breaks it nor lengthens it.
- **Repositories and areas** are ranked by the number of the year's active months they appear in.
- **Languages** are the commits touching each language, as shares of all language touches, over the months that record them (git imports do; exports do not). **When the work was done** counts commits by weekday and hour of the author's own clock, over the months that record hours; both are left out when no month of the year records them.`,
} as const;
