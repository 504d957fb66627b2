import type { Messages } from './index.ts';

// engfolio's own words in Japanese: same keys and placeholders as the English catalogue.
export const ja: Messages = {
  // The page shell
  'site.title': 'エンジニアリングプロフィール',
  'page.skipLink': '本文へスキップ',
  'page.feedTitle': '{title}（Atom フィード）',
  'page.siteNav': 'サイト',
  'page.footer': 'プレーンな Markdown コンテンツから engfolio で作成。スクリプトもトラッカーもありません。',
  'page.breadcrumb': 'パンくずリスト',
  'page.profiles': 'プロフィール',
  'page.onThisPage': 'このページの内容',
  'page.backToProfile': 'プロフィールに戻る',
  'page.workOf': '{name} の仕事',
  'page.draftGenerated': 'git の履歴から生成された下書き',
  'page.scrollsSideways': '{label}（横にスクロールできます）',
  'page.theNumbers': '数値',

  // The 404 page
  'notFound.title': 'ページが見つかりません — {site}',
  'notFound.description': 'このページはこのサイトに存在しません。',
  'notFound.eyebrow': 'エラー 404',
  'notFound.heading': 'このページはここにはありません',
  'notFound.text': 'アドレスが間違っているか、サイトの再構築時にページが移動した可能性があります。',
  'notFound.home': 'プロフィール一覧へ',

  // The index
  'index.description': { other: '{count} 人のエンジニアリングプロフィール：職務経歴、アクティビティ、スキル。' },
  'index.profiles': { other: '{count} 件のプロフィール' },
  'index.commitsInAll': { other: '合計 {count} コミット' },
  'index.empty': 'プロフィールはまだありません。{folder} に追加するか、{command} を実行してください。',
  'index.noMonths': 'まだ月のデータがありません',

  // Counts
  'count.commits': { other: '{count} コミット' },
  'count.features': { other: '{count} 件の機能' },
  'count.bugs': { other: '{count} 件のバグ' },
  'count.bugFixes': { other: '{count} 件のバグ修正' },
  'count.months': { other: '{count} か月' },
  'count.activeMonths': { other: '活動 {count} か月' },
  'count.days': { other: '{count} 日' },
  'count.workingDays': { other: '{count} 営業日' },
  'count.repositories': { other: '{count} リポジトリ' },
  'count.repos': { other: '{count} リポジトリ' },
  'count.separator': ' • ',
  'count.linesAddedRemoved': '追加・削除された行',

  // Figure names
  'figure.commits': 'コミット',
  'figure.features': '機能',
  'figure.bugs': 'バグ',
  'figure.bugFixes': 'バグ修正',
  'figure.linesOfCode': 'コード行数',
  'figure.activityMonths': '活動月数',
  'figure.activeMonths': '活動月数',
  'figure.activeDays': '活動日数',
  'figure.linesChanged': '変更行数',
  'figure.month': '月',
  'figure.day': '日',
  'figure.language': '言語',
  'figure.share': '割合',
  'figure.otherCommits': 'その他のコミット',

  // The profile page
  'profile.title': '{name} — エンジニアリングプロフィール',
  'profile.description': { other: '{name} のエンジニアリングプロフィール：{count} か月で {commits}。' },
  'profile.eyebrow': 'エンジニアリングプロフィール',
  'profile.organization': '組織：',
  'profile.active': '活動期間：',
  'profile.json': 'JSON',
  'profile.feed': 'フィード',
  'profile.activitySvg': 'アクティビティ SVG',
  'section.summary': '概要',
  'section.noSummary': '概要はまだありません。',
  'section.activity': 'アクティビティ',
  'section.languages': '言語',
  'section.methodology': 'これらの数値の集計方法',
  'toc.summary': '概要',
  'toc.statistics': '統計',
  'toc.activity': 'アクティビティ',
  'toc.languages': '言語',
  'toc.years': '年',
  'toc.work-history': '職務経歴',
  'toc.methodology': '集計方法',
  'toc.quality': '品質',
  'toc.skills': 'スキル',
  'toc.repositories': 'リポジトリ',
  'toc.network': 'ネットワーク',

  // Overall statistics
  'stats.title': '全体の統計',
  'stats.ratio': '機能とバグの比率',
  'stats.ratioValue': '機能 {percent}',
  'stats.ratioDetail': '{features}、{bugs}',
  'stats.noBugs': 'データが不足しています：バグ数がありません。',
  'stats.contributions': 'リポジトリへの貢献',
  'stats.total': '合計 {count}',
  'stats.sumOfMonths': '月ごとの合計',
  'stats.declared': '申告値',
  'stats.monthsWithEntry': '記録のある月',
  'stats.how': 'これらの数値の算出方法',
  'stats.howSums': 'コミット、機能、リポジトリへの貢献',
  'stats.howSumsText': '下の月ごとの概要を合計したものです。同じ値を二度入力することはありません。申告された合計と一致しない場合は、ビルド時に報告されます。',
  'stats.howFeature': '機能として数えるもの',
  'stats.howFeatureGit':
    '分類器が機能と判定したコミット（Conventional Commit の「feat」、または何かを追加・導入する件名）。職務経歴の下にある集計方法を参照してください。',
  'stats.howFeatureExport':
    'エクスポートされたプロフィールでの集計どおり：新しい機能をもたらすコミットまたは変更。engfolio はエクスポートされた値をそのまま保持します。',
  'stats.howFeatureManual': 'プロフィールの作成者が各月の概要に記録したとおり。',
  'stats.howRatio': '機能 ÷（機能 + バグ）、整数のパーセントに丸めた値。',
  'stats.howRatioDeclared': '機能 ÷（機能 + バグ）、整数のパーセントに丸めた値。バグは申告された合計です。',
  'stats.howActivityMonths': '数値にかかわらず、概要がある月の数。',

  // Activity heatmaps
  'heatmap.perMonth.commits': '月ごとのコミット',
  'heatmap.perMonth.features': '月ごとの機能',
  'heatmap.perDay.commits': '日ごとのコミット',
  'heatmap.perDay.features': '日ごとの機能',
  'heatmap.perDayIn.commits': '{year}の日ごとのコミット',
  'heatmap.perDayIn.features': '{year}の日ごとの機能',
  'heatmap.legend': '凡例：{caption}',
  'heatmap.noEntry': '記録なし',
  'heatmap.noData': 'データなし',
  'heatmap.less': '少',
  'heatmap.more': '多',
  'heatmap.asTable': 'アクティビティの表',
  'heatmap.monthTable': '月ごとのコミットと機能、新しい順（記録のない月は表示されません）',
  'heatmap.dayTable': '{year}の活動日、新しい順（データのない日は表示されません）',
  'heatmap.monthCell': '{month}：{commits}、{features}',
  'heatmap.monthCellEmpty': '{month}：記録なし',
  'heatmap.monthSummary': '{title}、{from}～{to}：記録のある {months} で {total}。最多は {busiest}（{value}）。',
  'heatmap.monthSummaryEmpty': '{title}：まだ月のデータがありません。',
  'heatmap.dayCell': '{day}：{commits}',
  'heatmap.dayCellFeatures': '{day}：{commits}、{features}',
  'heatmap.daySummary': '{title}：データのある {days} で {total}。最多は {busiest}（{value}）。',
  'heatmap.daySummaryEmpty': '{title}：データのある日はありません。',
  'heatmap.hourLegend': '曜日・時間帯ごとのコミット',

  // Charts
  'chart.commitBars': '月ごとのコミットと機能',
  'chart.commitBarsSummary': '月ごとのコミット、{from}～{to}：{commits}、うち {features}。',
  'chart.barTitle': '{month}：{value}',
  'chart.featuresOf': '{month}：{commits} 中 {features}',
  'chart.otherOf': '{month}：{commits} 中 {other}',
  'count.otherCommits': { other: 'その他 {count} コミット' },
  'chart.hourCell': '{weekday} {from}～{to}：{commits}',
  'chart.yearBarsSummary': '{year}の月ごとの機能とバグ修正：{features}、{bugs}。',
  'chart.yearBarsSummaryFeatures': '{year}の月ごとの機能：{features}。',
  'chart.noYearBars': '{year}には機能もバグ修正も記録されていません。',
  'chart.noYearBarsFeatures': '{year}には機能が記録されていません。',
  'chart.yearBarsTable': '{year}の月ごとのコミット、機能、バグ修正',
  'chart.yearBarsTableFeatures': '{year}の月ごとのコミットと機能',
  'chart.languages': '言語（{scope}）：{shares}。',
  'chart.languageShare': '{language} {share}',
  'chart.languagesTable': '各言語に関わるコミット（{scope}）',
  'chart.overAllMonths': '全期間',
  'chart.inYear': '{year}',
  'chart.hourSummary': '{year}の曜日・時間帯ごとのコミット（作成者の現地時刻）：{commits}。最多は {weekday} {hour}（{value}）。',
  'chart.hourTable': '{year}の曜日・時間帯ごとのコミット',
  'chart.hourScroll': '曜日・時間帯ごとのコミット',
  'chart.timeline': '時系列',
  'chart.timelineSummary': '{repositories} の時系列、{period}。',
  'chart.timelineRow': '{name}：{period}',
  'chart.timelineRowWork': '{name}：{period}、作業のあった月 {months}',

  // Work history and months
  'history.title': '職務経歴',
  'history.empty': '月ごとの概要はまだありません。{file} として追加してください。',
  'month.title': '{month} — {name}',
  'month.description': '{name} の {month} の仕事：{commits}、{features}。',
  'month.noNarrative': 'この月の記述はありません。',
  'month.others': 'ほかの月',

  // Years
  'years.title': '年ごとの振り返り',
  'years.change': '{year}比 {change}',
  'years.firstYear': '最初の年',
  'years.noneIn': '{year}は記録なし',
  'year.title': '{year}の振り返り — {name}',
  'year.heading': '{year}の振り返り',
  'year.description': '{name} の {year}の振り返り：{months} で {commits}、{features}。',
  'year.others': 'ほかの年',
  'year.highlights': 'ハイライト',
  'year.busiestMonth': '最も活発な月',
  'year.busiestWeek': '最も活発な週',
  'year.busiestDay': '最も活発な日',
  'year.longestRun': '活動日の最長連続',
  'year.longestWorkdayRun': '活動営業日の最長連続',
  'year.when': '{when}：{commits}',
  'year.run': '{days}、{range}',
  'year.languages': '言語',
  'year.hours': '作業した時間帯',
  'year.hoursNote': '作成者自身の時計に基づく、曜日・時間帯ごとのコミット。',
  'year.featuresPerMonth': '月ごとの機能',
  'year.featuresAndBugsPerMonth': '月ごとの機能とバグ修正',
  'year.where': '作業した場所',
  'year.repositories': 'リポジトリ',
  'year.areas': '領域',
  'year.inMonths': '{months}間',
  'year.months': '月ごとの一年',
  'year.monthLine': '{commits}、{features}',
  'year.share': 'この年を共有',
  'year.download': '画像をダウンロード',
  'year.downloadNote': '（PNG、1200 × 630 ピクセル）：このページのリンクプレビューに表示されます。',
  'year.how': 'これらの数値の集計方法',

  // Profile sections
  'quality.title': '品質指標',
  'quality.about': 'これらの指標について',
  'quality.aboutText': 'プロフィールに記録されたパーセント値（0～100）です。engfolio は記載どおりに表示し、計算は行いません。',
  'skills.title': 'スキルと技術',
  'skills.languages': 'プログラミング言語',
  'skills.technical': '技術スキル',
  'repos.title': '貢献したリポジトリ',
  'repos.active': '活動 {months}',
  'repos.languages': '使用言語',
  'repos.skills': '技術スキル',
  'repos.areas': '主な領域',
  'repos.private': '非公開リポジトリ',
  'network.title': 'ネットワーク',
  'toc.worked-with': '協働',
  'workedWith.title': '一緒に働いた人',
  'workedWith.in': '{repositories} で',
  'workedWith.more': 'ほか {people}：各リポジトリのページをご覧ください。',
  'count.people': { other: '{count} 人' },
  'repo.title': '{name} — リポジトリ',
  'repo.description': '{name} での {people}の仕事（{period}）：月ごとの記録、アクティビティ、言語、領域。',
  'repo.eyebrow': 'リポジトリ',
  'repo.eyebrowPrivate': '非公開リポジトリ（別名で表示）',
  'repo.people': '人',
  'repo.peopleTitle': '携わった人',
  'repo.noMonthsOf': 'プロフィールには記載がありますが、このリポジトリを挙げた月はありません。',
  'repo.languagesAreas': '言語と領域',
  'repo.languages': '言語',
  'repo.areas': '領域',
  'repo.monthsTitle': '月ごと',
  'repo.countNote': 'コミット数と機能数は、このリポジトリを挙げた月の値です。複数のリポジトリを挙げた月は、それぞれに数えられます。',
  'team.title': '組織の概要',
  'team.repositories': 'リポジトリ',
  'team.countNote': '合計は各プロフィールの値の和です。活動月は、誰かに記録がある月です。',
  'team.daysOf': '日別カレンダー：日ごとの記録があるプロフィールのみ（{all} 件中 {count} 件）。',
  'team.noOrganization': '組織の記載なし',
  'network.people': '人',
  'network.organization': '同じ組織',
  'network.members': 'メンバー',
  'network.membersShown': '表示中のメンバー',

  // Feed and resume.json
  'feed.title': '{name} — 月ごとの仕事',
  'feed.subtitle': '{name} のエンジニアリング業務の月ごとの概要',
  'feed.entryTitle': '{month} — {name}',
  'resume.summary': '記録された {months} の活動で {commits}、{features}。',
  'resume.languages': '言語',
  'resume.technical': '技術',

  // Share images
  'share.eyebrow': 'エンジニアリングプロフィール',
  'share.altEyebrow': 'エンジニアリングプロフィール',
  'share.yearEyebrow': '{year}の振り返り',
  'share.commits': { other: 'コミット' },
  'share.features': { other: '機能' },
  'share.bugFixes': { other: 'バグ修正' },
  'share.activeMonths': { other: '活動月' },
  'share.activeDays': { other: '活動日' },
  'share.repositories': { other: 'リポジトリ' },
  'share.alt': '{title}、{eyebrow}：{figures}。',
  'share.profileAlt': '{name}、エンジニアリングプロフィール：合計と月ごとのコミット。',

  // Methodology notes (Markdown)
  'methodology.git': `これらの数値は \`engfolio import-git\` が git の履歴から集計したものです。

- **コミット**：各リポジトリの HEAD から到達できるマージ以外のコミットのうち、リポジトリの \`.mailmap\` を適用した後の作成者が、指定されたメールアドレスまたは名前のいずれかに一致するもの（大文字と小文字を区別しない）。マージコミットは数えません。ボットによるコミット（名前が \`[bot]\` で終わるもの、GitHub のボット用アドレス、Dependabot、Renovate、GitHub Actions、その他既知のボット ID）は、そのボットの正確なメールアドレスで指定された作成者の分としてのみ数え、人のものに見えるだけの名前やアドレスでは決して数えません。作成日時があり得ないコミット（1990 年より前、またはインポート当日より後）は記録された日に数え、インポート時にその件数と日付を報告します。日付を理由に除外されるのは、暦日を持たない 9999 年より後のコミットだけです。
- **日と月**：コミットは、作成者自身が記録した UTC オフセットでの作成日時の暦日、つまり作成者が過ごしていた日に属します。インポートしたマシンのタイムゾーンは使いません。
- **機能とバグ修正**は、次の規則をこの順に適用します：
  1. マージのノイズ（「Merge branch …」、「Merge pull request …」）はどちらにも数えません（マージコミット自体はそもそも数えません）。
  2. リバート（「Revert …」、または本文に「This reverts commit …」とあるもの）はどちらにも数えません。
  3. Conventional Commit の接頭辞で決まります：feat → 機能、fix、bugfix、hotfix → バグ修正、chore、docs、refactor、perf、test、build、ci、style、revert → どちらでもない。
  4. バージョンの更新やリリース（「v1.2.3」、「Bump version to 2.0」、「Release 1.4」）はどちらにも数えません。
  5. 「Fixes:」トレーラー、または「fixes #123」/「fixed org/repo#4」という参照があればバグ修正です（「closes #9」は対象外：機能要望を閉じる場合にも使われるため）。
  6. それ以外は件名で決まります（「subsystem:」のような接頭辞があればその後）：先頭が fix/patch/repair/correct/resolve/prevent… であるか、バグを表す語（bug、crash、regression、leak、typo…）があればバグ修正、先頭が add/implement/introduce/support/enable/allow… であれば機能、それ以外はどちらでもありません。
- **言語**：数えた各コミットが変更したファイルを、GitHub Linguist のデータで言語に対応付けます。リポジトリの言語は、その言語に関わるコミットの数の順に並びます。Linguist の統計と同様に、プログラミング言語とマークアップ言語だけを数え、ベンダーコード、生成されたファイル、ロックファイルは除外します。Linguist がファイルの内容を読んで判断する場合（例：\`.h\`）は、その拡張子を主な拡張子とする言語を採用します。
- **領域**：リポジトリで数えたコミットの半数以上が、件名で \`area: change\` の慣習に従って領域を示している場合（\`mm/slab: …\`、\`scx_layered: Fix …\`。\`fix:\` や \`feat:\` のような Conventional Commits の種類は領域ではありません）、それらの名前をリポジトリの領域とします。そうでない場合は、変更された各ファイルの最上位フォルダー（\`src/\` や \`packages/\` のようなフォルダーの下では一階層下）を使います。いずれの場合も、リポジトリごと・月ごとにコミット数の順に並べます。非公開リポジトリには領域を表示しません。
- **月ごとの言語**は、各言語に関わるコミットを数えます（2 つの言語に関わるコミットは両方に数えます）。プロフィールページと年ごとのページの言語構成は、これらの関わりの割合です。
- **時間帯**：各コミットの曜日と時刻を、作成者の時計が示したとおり（記録された現地時刻とオフセット）に、月ごとに集計します。
- **行数**：\`git log --numstat\` からリネーム検出付きで求めた月ごとの追加行数と削除行数で、バイナリ、ベンダーコード、生成されたファイル、ロックファイルは除外します。ローカルにファイル内容のないリポジトリ（blobless クローンや部分クローン）を含む月には、行数を表示しません。
- 生成済みと表示された**記述と概要**は、これらの数値から書かれた下書きです（概要：期間、リポジトリ、主な言語と領域）。誰かが編集するまでは後のインポートで更新され、いったん手で編集されると再生成されることはありません。
- **更新**：\`sources\` を列挙したプロフィールは \`engfolio update\` によって最新の状態に保たれます。このコマンドは各リポジトリを取得し、同じ規則で再びインポートします。読み取れないソースの月はそのまま残ります。
- **非公開リポジトリ**は「非公開リポジトリ」（または選んだラベル）としてのみ表示され、名前、パス、コミットの件名は一切書き出されません。`,
  'methodology.year': `- **合計**はその年の各月の合計です。**バグ修正**はそれを記録している月だけ、**変更行数**（追加と削除の合計）は行数を記録している月だけを合計します。変化は前の暦年との比較で、活動のある最初の年には比較対象がありません。
- **活動月**は少なくとも 1 件のコミットがある月です。**活動日**も同様で、日ごとのアクティビティから数えます。日ごとのアクティビティは、以下の日に関するすべての数値に必要です。
- **最も活発な**月・週・日は、コミットが最も多いものです。同数の場合は最も早いものを選びます。週はサイトの週の開始日から始まり、年の初めと終わりで区切られます。
- **連続**は、その年の中で連続する活動日です（年をまたぐ連続は、それぞれの年に属する日の分だけ各年に数えます）。**営業日**の連続は月曜日から金曜日を数え、週末は連続を途切れさせることも延ばすこともありません。
- **リポジトリと領域**は、その年の活動月のうち登場した月の数の順に並べます。
- **言語**は、各言語に関わるコミットを、すべての言語の関わりに対する割合で示したもので、それを記録している月を対象とします（git のインポートは記録し、エクスポートは記録しません）。**作業した時間帯**は、作成者自身の時計による曜日・時間帯ごとのコミットを、時間帯を記録している月について数えます。その年のどの月にも記録がなければ、どちらも表示しません。`,
};
