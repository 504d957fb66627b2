// What a share image says: a profile's (its name, headline, totals and commits per month) and a year's
// (its totals against the year before and features and bug fixes per month). The figures are the ones
// the pages show (profile-stats.ts, year-review.ts), and the charts the pages' own layouts
// (charts/month-bars.ts), drawn again at the image's scale by draw.ts.
import { layoutCommitBars, layoutMonthBars, type MonthBarsLayout } from '../charts/month-bars.ts';
import { formatNumber, monthRange } from '../format.ts';
import type { ProfileView } from '../profile-view.ts';
import { changeLabel, type YearReview, type YearTotals } from '../year-review.ts';

/** A figure of the card: its value, what it counts, and (for a year) its change on the year before. */
interface CardFigure {
  value: string;
  label: string;
  change?: string;
  /** The bar colour it is drawn in, when the chart shows it. */
  swatch?: 'features' | 'bugs';
}

export interface CardContent {
  /** A line above the title. */
  eyebrow: string;
  title: string;
  subtitle?: string;
  figures: CardFigure[];
  chart?: MonthBarsLayout;
  /** The footer's left side (the site) and right side (the period). */
  footer: [string, string];
  /** The image's text alternative (og:image:alt, the year page's image). */
  alt: string;
}

/** "Mira Kovač, 2025 in review: 35 commits (+21 on 2024), 7 features (+4 on 2024)." */
function altText(title: string, eyebrow: string, figures: readonly CardFigure[]): string {
  const listed = figures.map((f) => `${f.value} ${f.label}${f.change ? ` (${f.change})` : ''}`).join(', ');
  return `${title}, ${eyebrow.charAt(0).toLowerCase()}${eyebrow.slice(1)}: ${listed}.`;
}

/**
 * The profile image's text alternative without its figures, for pages that show one month: their
 * cache key covers that month only, and the profile's totals are of every month.
 */
export function profileImageAlt(view: ProfileView): string {
  return `${view.profile.name}, engineering profile: totals and commits per month.`;
}

/** A profile image's figures: the totals of the Statistics section, and the repositories. */
function profileFigures({ profile, stats }: ProfileView): CardFigure[] {
  const figures: CardFigure[] = [
    { value: formatNumber(stats.commits), label: 'commits' },
    { value: formatNumber(stats.features), label: 'features', swatch: 'features' },
    { value: formatNumber(stats.activityMonths), label: stats.activityMonths === 1 ? 'active month' : 'active months' },
  ];
  if (profile.repositories.length) {
    figures.push({ value: formatNumber(profile.repositories.length), label: profile.repositories.length === 1 ? 'repository' : 'repositories' });
  }
  return figures;
}

/** The text alternative of a profile's image, without laying out its chart (the pages name the image). */
export function profileCardAlt(view: ProfileView): string {
  return altText(view.profile.name, 'Engineering profile', profileFigures(view));
}

/** The image of a profile: who, the totals of the Statistics section, and commits per month. */
export function profileCard(view: ProfileView, siteTitle: string): CardContent {
  const { profile, stats } = view;
  const figures = profileFigures(view);
  const chart = layoutCommitBars(view.months);
  const period = stats.firstMonth && stats.lastMonth ? monthRange(stats.firstMonth, stats.lastMonth) : '';
  return {
    eyebrow: 'Engineering profile',
    title: profile.name,
    ...(profile.headline ? { subtitle: profile.headline } : {}),
    figures,
    ...(chart ? { chart } : {}),
    footer: [siteTitle, period],
    alt: altText(profile.name, 'Engineering profile', figures),
  };
}

const YEAR_FIGURES: { key: keyof YearTotals; one: string; many: string; swatch?: CardFigure['swatch'] }[] = [
  { key: 'commits', one: 'commit', many: 'commits' },
  { key: 'features', one: 'feature', many: 'features', swatch: 'features' },
  { key: 'bugs', one: 'bug fix', many: 'bug fixes', swatch: 'bugs' },
  { key: 'activeDays', one: 'active day', many: 'active days' },
  { key: 'activeMonths', one: 'active month', many: 'active months' },
];

/** A year image's figures: the first four totals of commits, features, bug fixes, active days and months, with their change. */
function yearFigures({ year, totals, previous }: YearReview): CardFigure[] {
  return YEAR_FIGURES.filter((f) => totals[f.key] !== undefined)
    .slice(0, 4)
    .map((f): CardFigure => {
      const value = totals[f.key]!;
      const change = previous ? changeLabel(value, previous[f.key]) : undefined;
      return {
        value: formatNumber(value),
        label: value === 1 ? f.one : f.many,
        change: previous ? (change === undefined ? `none in ${year - 1}` : `${change} on ${year - 1}`) : 'first year',
        ...(f.swatch ? { swatch: f.swatch } : {}),
      };
    });
}

/** The text alternative of a year's image, without laying out its chart (the year page names the image). */
export function yearCardAlt(view: ProfileView, review: YearReview): string {
  return altText(view.profile.name, `${review.year} in review`, yearFigures(review));
}

/** The image of a year in review: its figures and the year's bars. */
export function yearCard(view: ProfileView, review: YearReview, siteTitle: string): CardContent {
  const { year } = review;
  const figures = yearFigures(review);
  const chart = layoutMonthBars(review.months, year);
  return {
    eyebrow: `${year} in review`,
    title: view.profile.name,
    ...(view.profile.headline ? { subtitle: view.profile.headline } : {}),
    figures,
    ...(chart ? { chart } : {}),
    footer: [siteTitle, String(year)],
    alt: altText(view.profile.name, `${year} in review`, figures),
  };
}
