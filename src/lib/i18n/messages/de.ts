import type { Messages } from './index.ts';

// engfolio's own words in German: same keys and placeholders as the English catalogue.
export const de: Messages = {
  // The page shell
  'site.title': 'Engineering-Profile',
  'page.skipLink': 'Zum Inhalt springen',
  'page.feedTitle': '{title} (Atom-Feed)',
  'page.siteNav': 'Website',
  'page.footer': 'Erstellt mit engfolio aus reinen Markdown-Inhalten. Keine Skripte, keine Tracker.',
  'page.breadcrumb': 'Brotkrumennavigation',
  'page.profiles': 'Profile',
  'page.onThisPage': 'Auf dieser Seite',
  'page.backToProfile': 'Zurück zum Profil',
  'page.workOf': 'Arbeit von {name}',
  'page.draftGenerated': 'Aus der Git-Historie erzeugter Entwurf',
  'page.scrollsSideways': '{label} (seitlich scrollbar)',
  'page.theNumbers': 'Die Zahlen',

  // The 404 page
  'notFound.title': 'Seite nicht gefunden — {site}',
  'notFound.description': 'Diese Seite gibt es auf dieser Website nicht.',
  'notFound.eyebrow': 'Fehler 404',
  'notFound.heading': 'Diese Seite ist nicht hier',
  'notFound.text': 'Die Adresse ist vielleicht falsch geschrieben, oder die Seite wurde beim Neuerstellen der Website verschoben.',
  'notFound.home': 'Zur Liste der Profile',

  // The index
  'index.description': {
    one: 'Entwicklerprofile von {count} Person: Werdegang, Aktivität und Fähigkeiten.',
    other: 'Entwicklerprofile von {count} Personen: Werdegang, Aktivität und Fähigkeiten.',
  },
  'index.profiles': { one: '{count} Profil', other: '{count} Profile' },
  'index.commitsInAll': { one: '{count} Commit insgesamt', other: '{count} Commits insgesamt' },
  'index.empty': 'Noch keine Profile. Eines unter {folder} anlegen oder {command} ausführen.',
  'index.noMonths': 'Noch keine Monate',

  // Counts
  'count.commits': { one: '{count} Commit', other: '{count} Commits' },
  'count.features': { one: '{count} Feature', other: '{count} Features' },
  'count.bugs': { one: '{count} Bug', other: '{count} Bugs' },
  'count.bugFixes': { one: '{count} Fehlerbehebung', other: '{count} Fehlerbehebungen' },
  'count.months': { one: '{count} Monat', other: '{count} Monate' },
  'count.activeMonths': { one: '{count} aktiver Monat', other: '{count} aktive Monate' },
  'count.days': { one: '{count} Tag', other: '{count} Tage' },
  'count.workingDays': { one: '{count} Arbeitstag', other: '{count} Arbeitstage' },
  'count.repositories': { one: '{count} Repository', other: '{count} Repositorys' },
  'count.repos': { one: '{count} Repo', other: '{count} Repos' },
  'count.separator': ' • ',
  'count.linesAddedRemoved': 'hinzugefügte und entfernte Zeilen',

  // Figure names
  'figure.commits': 'Commits',
  'figure.features': 'Features',
  'figure.bugs': 'Bugs',
  'figure.bugFixes': 'Fehlerbehebungen',
  'figure.linesOfCode': 'Codezeilen',
  'figure.activityMonths': 'Aktivitätsmonate',
  'figure.activeMonths': 'Aktive Monate',
  'figure.activeDays': 'Aktive Tage',
  'figure.linesChanged': 'Geänderte Zeilen',
  'figure.month': 'Monat',
  'figure.day': 'Tag',
  'figure.language': 'Sprache',
  'figure.share': 'Anteil',
  'figure.otherCommits': 'Andere Commits',

  // The profile page
  'profile.title': '{name} — Entwicklerprofil',
  'profile.description': {
    one: 'Entwicklerprofil von {name}: {commits} in {count} Monat.',
    other: 'Entwicklerprofil von {name}: {commits} in {count} Monaten.',
  },
  'profile.eyebrow': 'Entwicklerprofil',
  'profile.organization': 'Organisation:',
  'profile.active': 'Aktiv:',
  'profile.json': 'JSON',
  'profile.feed': 'Feed',
  'profile.activitySvg': 'Aktivitäts-SVG',
  'section.summary': 'Zusammenfassung',
  'section.noSummary': 'Noch keine Zusammenfassung.',
  'section.activity': 'Aktivität',
  'section.languages': 'Sprachen',
  'section.methodology': 'Wie diese Zahlen gezählt wurden',
  'toc.summary': 'Zusammenfassung',
  'toc.statistics': 'Statistik',
  'toc.activity': 'Aktivität',
  'toc.languages': 'Sprachen',
  'toc.years': 'Jahre',
  'toc.work-history': 'Werdegang',
  'toc.methodology': 'Methode',
  'toc.quality': 'Qualität',
  'toc.skills': 'Fähigkeiten',
  'toc.repositories': 'Repositorys',
  'toc.network': 'Netzwerk',

  // Overall statistics
  'stats.title': 'Gesamtstatistik',
  'stats.ratio': 'Features und Bugs',
  'stats.ratioValue': '{percent} Features',
  'stats.ratioDetail': '{features}, {bugs}',
  'stats.noBugs': 'Nicht genug Daten: keine Anzahl an Bugs.',
  'stats.contributions': 'Beiträge zu Repositorys',
  'stats.total': '{count} insgesamt',
  'stats.sumOfMonths': 'Summe der Monate',
  'stats.declared': 'angegeben',
  'stats.monthsWithEntry': 'Monate mit Eintrag',
  'stats.how': 'Wie diese Werte berechnet werden',
  'stats.howSums': 'Commits, Features und Beiträge zu Repositorys',
  'stats.howSumsText':
    'Summen über die Monatszusammenfassungen unten; nichts wird doppelt eingegeben. Eine angegebene Gesamtzahl, die davon abweicht, wird beim Erstellen gemeldet.',
  'stats.howFeature': 'Was als Feature zählt',
  'stats.howFeatureGit':
    'Ein Commit, den die Klassifizierung als Feature einstuft (Conventional Commit „feat“ oder ein Betreff, der etwas hinzufügt oder einführt); siehe die Methodik unterhalb des Werdegangs.',
  'stats.howFeatureExport':
    'Wie im exportierten Profil gezählt: ein Commit oder eine Änderung, die neue Funktionalität liefert. engfolio übernimmt diese Zahlen so, wie sie exportiert wurden.',
  'stats.howFeatureManual': 'Wie vom Autor des Profils in jeder Monatszusammenfassung erfasst.',
  'stats.howRatio': 'Features ÷ (Features + Bugs), auf ganze Prozent gerundet.',
  'stats.howRatioDeclared': 'Features ÷ (Features + Bugs), auf ganze Prozent gerundet; Bugs sind die angegebene Gesamtzahl.',
  'stats.howActivityMonths': 'Die Anzahl der Monate mit einer Zusammenfassung, unabhängig von deren Zahlen.',

  // Activity heatmaps
  'heatmap.perMonth.commits': 'Commits pro Monat',
  'heatmap.perMonth.features': 'Features pro Monat',
  'heatmap.perDay.commits': 'Commits pro Tag',
  'heatmap.perDay.features': 'Features pro Tag',
  'heatmap.perDayIn.commits': 'Commits pro Tag in {year}',
  'heatmap.perDayIn.features': 'Features pro Tag in {year}',
  'heatmap.earlierYears': 'Tageskalender früherer Jahre:',
  'heatmap.legend': 'Legende: {caption}',
  'heatmap.noEntry': 'kein Eintrag',
  'heatmap.noData': 'keine Daten',
  'heatmap.less': 'Weniger',
  'heatmap.more': 'Mehr',
  'heatmap.asTable': 'Aktivität als Tabelle',
  'heatmap.monthTable': 'Commits und Features pro Monat, neueste zuerst (Monate ohne Eintrag sind nicht aufgeführt)',
  'heatmap.dayTable': 'Tage mit Aktivität in {year}, neueste zuerst (Tage ohne Daten sind nicht aufgeführt)',
  'heatmap.monthCell': '{month}: {commits}, {features}',
  'heatmap.monthCellEmpty': '{month}: kein Eintrag',
  'heatmap.monthSummary': '{title}, {from} bis {to}: {total} in {months} mit Eintrag; am aktivsten {busiest} ({value}).',
  'heatmap.monthSummaryEmpty': '{title}: noch keine Monate.',
  'heatmap.dayCell': '{day}: {commits}',
  'heatmap.dayCellFeatures': '{day}: {commits}, {features}',
  'heatmap.daySummary': '{title}: {total} an {days} mit Daten; am aktivsten {busiest} ({value}).',
  'heatmap.daySummaryEmpty': '{title}: keine Tage mit Daten.',
  'heatmap.hourLegend': 'Commits pro Wochentag und Stunde',

  // Charts
  'chart.commitBars': 'Commits und Features pro Monat',
  'chart.commitBarsSummary': 'Commits pro Monat, {from} bis {to}: {commits}, davon {features}.',
  'chart.commitBarsPerYear': 'Commits und Features pro Jahr',
  'chart.commitBarsYearSummary': 'Commits pro Jahr, {from} bis {to}: {commits}, davon {features}.',
  'chart.barTitle': '{month}: {value}',
  'chart.featuresOf': '{month}: {features} von {commits}',
  'chart.otherOf': '{month}: {other} von {commits}',
  'count.otherCommits': { one: '{count} anderer Commit', other: '{count} andere Commits' },
  'chart.hourCell': '{weekday} {from}–{to}: {commits}',
  'chart.yearBarsSummary': 'Features und Fehlerbehebungen pro Monat in {year}: {features}, {bugs}.',
  'chart.yearBarsSummaryFeatures': 'Features pro Monat in {year}: {features}.',
  'chart.noYearBars': 'In {year} wurden keine Features oder Fehlerbehebungen erfasst.',
  'chart.noYearBarsFeatures': 'In {year} wurden keine Features erfasst.',
  'chart.yearBarsTable': 'Commits, Features und Fehlerbehebungen pro Monat in {year}',
  'chart.yearBarsTableFeatures': 'Commits und Features pro Monat in {year}',
  'chart.languages': 'Sprachen {scope}: {shares}.',
  'chart.languageShare': '{language} {share}',
  'chart.languagesTable': 'Commits, die die jeweilige Sprache betreffen, {scope}',
  'chart.overAllMonths': 'über alle Monate',
  'chart.inYear': 'in {year}',
  'chart.hourSummary': 'Commits nach Wochentag und Stunde in {year}, in der Ortszeit des Autors: {commits}; am aktivsten {weekday} {hour} ({value}).',
  'chart.hourTable': 'Commits nach Wochentag und Stunde in {year}',
  'chart.hourScroll': 'Commits nach Wochentag und Stunde',
  'chart.timeline': 'Im Zeitverlauf',
  'chart.timelineSummary': '{repositories} im Zeitverlauf, {period}.',
  'chart.timelineRow': '{name}: {period}',
  'chart.timelineRowWork': '{name}: {period}, {months} mit Arbeit darin',

  // Work history and months
  'history.title': 'Werdegang',
  'history.earlier': 'Frühere Monate, nach Jahr',
  'history.empty': 'Noch keine Monatszusammenfassungen. Eine als {file} anlegen.',
  'month.title': '{month} — {name}',
  'month.description': 'Arbeit von {name} im {month}: {commits}, {features}.',
  'month.noNarrative': 'Kein Bericht für diesen Monat.',
  'month.others': 'Andere Monate',

  // Years
  'years.title': 'Jahresrückblicke',
  'years.change': '{change} gegenüber {year}',
  'years.firstYear': 'erstes Jahr',
  'years.noneIn': 'keine in {year} erfasst',
  'year.title': 'Jahresrückblick {year} — {name}',
  'year.heading': 'Jahresrückblick {year}',
  'year.description': 'Jahresrückblick {year} von {name}: {commits}, {features} in {months}.',
  'year.others': 'Andere Jahre',
  'year.highlights': 'Höhepunkte',
  'year.busiestMonth': 'Aktivster Monat',
  'year.busiestWeek': 'Aktivste Woche',
  'year.busiestDay': 'Aktivster Tag',
  'year.longestRun': 'Längste Serie aktiver Tage',
  'year.longestWorkdayRun': 'Längste Serie aktiver Arbeitstage',
  'year.when': '{when}: {commits}',
  'year.run': '{days}, {range}',
  'year.languages': 'Sprachen',
  'year.hours': 'Wann gearbeitet wurde',
  'year.hoursNote': 'Commits nach Wochentag und Stunde, wie die Uhr des Autors sie anzeigte.',
  'year.featuresPerMonth': 'Features pro Monat',
  'year.featuresAndBugsPerMonth': 'Features und Fehlerbehebungen pro Monat',
  'year.where': 'Wo gearbeitet wurde',
  'year.repositories': 'Repositorys',
  'year.areas': 'Bereiche',
  'year.inMonths': 'in {months}',
  'year.months': 'Das Jahr Monat für Monat',
  'year.calendar': 'Tag für Tag',
  'year.monthLine': '{commits}, {features}',
  'year.share': 'Dieses Jahr teilen',
  'year.download': 'Bild herunterladen',
  'year.downloadNote': '(PNG, 1200 × 630 Pixel): Linkvorschauen dieser Seite zeigen es.',
  'year.how': 'Wie diese Werte gezählt werden',

  // Profile sections
  'quality.title': 'Qualitätskennzahlen',
  'quality.about': 'Über diese Kennzahlen',
  'quality.aboutText': 'Prozentwerte, wie im Profil angegeben (0–100). engfolio zeigt sie unverändert an und berechnet sie nicht.',
  'skills.title': 'Fähigkeiten & Technologien',
  'skills.languages': 'Programmiersprachen',
  'skills.technical': 'Technische Fähigkeiten',
  'repos.title': 'Repositorys mit Beiträgen',
  'repos.active': '{months} aktiv',
  'repos.languages': 'Verwendete Sprachen',
  'repos.skills': 'Technische Fähigkeiten',
  'repos.areas': 'Wichtigste Bereiche',
  'repos.private': 'ein privates Repository',
  'network.title': 'Netzwerk',
  'toc.worked-with': 'Zusammenarbeit',
  'workedWith.title': 'Zusammengearbeitet mit',
  'workedWith.in': 'in {repositories}',
  'workedWith.more': 'Und {people} mehr: siehe die Seiten der Repositorys.',
  'count.people': { one: '{count} Person', other: '{count} Personen' },
  'repo.title': '{name} — Repository',
  'repo.description': 'Die Arbeit von {people} in {name}, {period}: Monate, Aktivität, Sprachen und Bereiche.',
  'repo.eyebrow': 'Repository',
  'repo.eyebrowPrivate': 'Privates Repository, unter seinem Alias',
  'repo.people': 'Personen',
  'repo.peopleTitle': 'Wer daran gearbeitet hat',
  'repo.noMonthsOf': 'Im Profil aufgeführt; kein Monat nennt es.',
  'repo.languagesAreas': 'Sprachen und Bereiche',
  'repo.languages': 'Sprachen',
  'repo.areas': 'Bereiche',
  'repo.monthsTitle': 'Monat für Monat',
  'repo.countNote': 'Commits und Features sind die der Monate, die dieses Repository nennen: Ein Monat, der mehrere Repositorys nennt, zählt bei jedem.',
  'team.title': 'Die Organisation im Überblick',
  'team.repositories': 'Repositorys',
  'team.countNote': 'Die Summen sind die Summen der Werte der Profile; aktive Monate sind die Monate, in denen jemand einen Eintrag hat.',
  'team.daysOf': 'Tageskalender: die Profile, die Tage erfassen ({count} von {all}).',
  'team.noOrganization': 'Ohne Angabe der Organisation',
  'network.people': 'Personen',
  'network.organization': 'Gleiche Organisation',
  'network.members': 'Mitglieder',
  'network.membersShown': 'Angezeigte Mitglieder',

  // Feed and resume.json
  'feed.title': '{name} — monatliche Arbeit',
  'feed.subtitle': 'Monatszusammenfassungen der Entwicklungsarbeit von {name}',
  'feed.entryTitle': '{month} — {name}',
  'resume.summary': '{commits} und {features} in {months} erfasster Aktivität.',
  'resume.languages': 'Sprachen',
  'resume.technical': 'Technisch',

  // Share images
  'share.eyebrow': 'Entwicklerprofil',
  'share.altEyebrow': 'Entwicklerprofil',
  'share.yearEyebrow': 'Jahresrückblick {year}',
  'share.commits': { one: 'Commit', other: 'Commits' },
  'share.features': { one: 'Feature', other: 'Features' },
  'share.bugFixes': { one: 'Fehlerbehebung', other: 'Fehlerbehebungen' },
  'share.activeMonths': { one: 'aktiver Monat', other: 'aktive Monate' },
  'share.activeDays': { one: 'aktiver Tag', other: 'aktive Tage' },
  'share.repositories': { one: 'Repository', other: 'Repositorys' },
  'share.alt': '{title}, {eyebrow}: {figures}.',
  'share.profileAlt': '{name}, Entwicklerprofil: Gesamtzahlen und Commits pro Monat.',

  // Methodology notes (Markdown)
  'methodology.git': `Diese Werte wurden von \`engfolio import-git\` aus der Git-Historie gezählt.

- **Commits**: jeder Nicht-Merge-Commit, der vom HEAD eines Repositorys aus erreichbar ist und dessen Autor nach der \`.mailmap\` des Repositorys einer der angegebenen E-Mail-Adressen oder Namen entspricht (ohne Beachtung der Groß-/Kleinschreibung). Merge-Commits werden nicht gezählt. Commits von Bots (ein Name, der auf \`[bot]\` endet, eine GitHub-Bot-Adresse, Dependabot, Renovate, GitHub Actions und andere bekannte Bot-Identitäten) zählen nur für einen Autor, der über die genaue E-Mail-Adresse des Bots angegeben ist, nie über einen Namen oder eine Adresse, die lediglich wie die einer Person aussieht. Commits mit unplausiblem Autordatum (vor 1990 oder nach dem Tag des Imports) werden an dem Tag gezählt, den sie angeben, und der Import meldet, wie viele es sind und welche Tage betroffen sind; wegen ihres Datums ausgelassen werden nur Commits nach dem Jahr 9999, die keinen Kalendertag haben.
- **Tage und Monate**: Ein Commit gehört zum Kalendertag seines Autordatums im vom Autor selbst erfassten UTC-Versatz – dem Tag, den der Autor erlebt hat –, nie zur Zeitzone des Rechners, der ihn importiert hat.
- **Features und Fehlerbehebungen**, nach diesen Regeln in dieser Reihenfolge:
  1. Merge-Rauschen („Merge branch …“, „Merge pull request …“) zählt als keines von beiden (Merge-Commits selbst werden gar nicht gezählt).
  2. Reverts („Revert …“ oder ein Text mit „This reverts commit …“) zählen als keines von beiden.
  3. Ein Conventional-Commit-Präfix entscheidet: feat → Feature; fix, bugfix, hotfix → Fehlerbehebung; chore, docs, refactor, perf, test, build, ci, style, revert → keines von beiden.
  4. Versionssprünge und Releases („v1.2.3“, „Bump version to 2.0“, „Release 1.4“) zählen als keines von beiden.
  5. Ein „Fixes:“-Trailer oder ein Verweis wie „fixes #123“ / „fixed org/repo#4“ macht eine Fehlerbehebung („closes #9“ nicht: Damit werden auch Feature-Anfragen geschlossen).
  6. Andernfalls entscheidet der Betreff (nach einem etwaigen „subsystem:“-Präfix): ein führendes fix/patch/repair/correct/resolve/prevent… oder ein Fehlerwort (bug, crash, regression, leak, typo…) macht eine Fehlerbehebung; ein führendes add/implement/introduce/support/enable/allow… macht ein Feature; alles andere ist keines von beiden.
- **Sprachen**: die Dateien, die jeder gezählte Commit berührt hat, anhand der Daten von GitHub Linguist Sprachen zugeordnet; die Sprachen eines Repositorys sind nach der Anzahl der Commits sortiert, die sie betreffen. Wie in den Statistiken von Linguist zählen nur Programmier- und Auszeichnungssprachen; eingebundener Fremdcode (Vendoring), generierte Dateien und Lock-Dateien bleiben außen vor. Wo Linguist zur Entscheidung den Dateiinhalt lesen würde (z. B. \`.h\`), gewinnt die Sprache, deren Hauptendung es ist.
- **Bereiche**: Wenn mindestens die Hälfte der gezählten Commits eines Repositorys im Betreff einen Bereich nach der Konvention \`area: change\` nennt (\`mm/slab: …\`, \`scx_layered: Fix …\`; Conventional-Commits-Typen wie \`fix:\` oder \`feat:\` sind keine Bereiche), sind diese Namen die Bereiche des Repositorys. Andernfalls der oberste Ordner jeder berührten Datei (eine Ebene tiefer unter Ordnern wie \`src/\` oder \`packages/\`). In beiden Fällen nach der Anzahl der Commits geordnet, pro Repository und pro Monat. Private Repositorys zeigen keine Bereiche.
- **Sprachen pro Monat** zählen die Commits, die die jeweilige Sprache betreffen (ein Commit, der zwei betrifft, zählt für beide); die Sprachverteilungen auf der Profilseite und den Jahresseiten sind Anteile an diesen Berührungen.
- **Stunden**: Wochentag und Stunde jedes Commits, wie die Uhr des Autors sie anzeigte (die erfasste Ortszeit und der Versatz), pro Monat.
- **Zeilen**: hinzugefügte und entfernte Zeilen pro Monat aus \`git log --numstat\` mit Erkennung von Umbenennungen, ohne Binärdateien, eingebundenen Fremdcode, generierte Dateien und Lock-Dateien. Monate mit einem Repository ohne lokale Dateiinhalte (ein Blobless- oder Partial-Clone) zeigen keine Zeilenzahlen.
- **Berichte und die Zusammenfassung**, die als erzeugt markiert sind, sind aus diesen Werten geschriebene Entwürfe (die Zusammenfassung: der Zeitraum, die Repositorys, die wichtigsten Sprachen und Bereiche); spätere Importe aktualisieren sie, bis jemand sie bearbeitet, und einmal von Hand bearbeitet, werden sie nie neu erzeugt.
- **Aktualisierungen**: Ein Profil, das seine \`sources\` aufführt, wird von \`engfolio update\` aktuell gehalten; dieser Befehl holt jedes Repository ab und importiert es erneut nach denselben Regeln. Eine Quelle, die nicht gelesen werden kann, lässt ihre Monate unverändert.
- **Private Repositorys** erscheinen nur als „ein privates Repository“ (oder mit einer gewählten Bezeichnung): Weder ihr Name noch ihr Pfad noch einer ihrer Commit-Betreffe wird geschrieben.`,
  'methodology.year': `- **Gesamtzahlen** sind Summen über die Monate des Jahres; **Fehlerbehebungen** nur über die Monate, die sie angeben, und **geänderte Zeilen** (hinzugefügte plus entfernte) nur über die Monate, die Zeilen erfassen. Die Veränderung bezieht sich auf das vorherige Kalenderjahr; für das erste Jahr mit Aktivität gibt es keinen Vergleich.
- **Aktive Monate** haben mindestens einen Commit; **aktive Tage** ebenso, gezählt aus der täglichen Aktivität, die für alle Tageswerte unten nötig ist.
- **Aktivster** Monat, aktivste Woche und aktivster Tag haben die meisten Commits; bei Gleichstand der früheste. Wochen beginnen am Wochenanfang der Website und werden an den Jahresgrenzen abgeschnitten.
- **Serien** sind aufeinanderfolgende aktive Tage innerhalb des Jahres (eine Serie über Neujahr zählt in jedem Jahr mit dessen eigenen Tagen). Eine Serie von **Arbeitstagen** zählt Montag bis Freitag: Ein Wochenende unterbricht sie nicht und verlängert sie nicht.
- **Repositorys und Bereiche** sind nach der Anzahl der aktiven Monate des Jahres geordnet, in denen sie vorkommen.
- **Sprachen** sind die Commits, die die jeweilige Sprache betreffen, als Anteile an allen Sprachberührungen, über die Monate, die sie erfassen (Git-Importe tun das, Exporte nicht). **Wann gearbeitet wurde** zählt Commits nach Wochentag und Stunde der Uhr des Autors, über die Monate, die Stunden erfassen; beides entfällt, wenn kein Monat des Jahres es erfasst.`,
};
