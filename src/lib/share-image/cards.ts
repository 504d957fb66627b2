// What a share image says: a profile's (its name, headline, totals and commits per month) and a year's
// (its totals against the year before and features and bug fixes per month). The figures are the ones
// the pages show (profile-stats.ts, year-review.ts), and the charts the pages' own layouts
// (charts/month-bars.ts), drawn again at the image's scale by draw.ts.
import { layoutCommitBars, layoutMonthBars, type MonthBarsLayout } from '../charts/month-bars.ts';
import type { Locale } from '../i18n/locale.ts';
import type { ProfileView } from '../profile-view.ts';
import { changeText, type YearReview, type YearTotals } from '../year-review.ts';

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
function altText(l: Locale, title: string, eyebrow: string, figures: readonly CardFigure[]): string {
  const listed = l.list(figures.map((f) => `${f.value} ${f.label}${f.change ? ` (${f.change})` : ''}`));
  return l.t('share.alt', { title, eyebrow, figures: listed });
}

/**
 * The profile image's text alternative without its figures, for pages that show one month: their
 * cache key covers that month only, and the profile's totals are of every month.
 */
export function profileImageAlt(view: ProfileView, l: Locale): string {
  return l.t('share.profileAlt', { name: view.profile.name });
}

/** A profile image's figures: the totals of the Statistics section, and the repositories. */
function profileFigures({ profile, stats }: ProfileView, l: Locale): CardFigure[] {
  const figures: CardFigure[] = [
    { value: l.number(stats.commits), label: l.t('share.commits', { count: stats.commits }) },
    { value: l.number(stats.features), label: l.t('share.features', { count: stats.features }), swatch: 'features' },
    { value: l.number(stats.activityMonths), label: l.t('share.activeMonths', { count: stats.activityMonths }) },
  ];
  if (profile.repositories.length) {
    figures.push({ value: l.number(profile.repositories.length), label: l.t('share.repositories', { count: profile.repositories.length }) });
  }
  return figures;
}

/** The text alternative of a profile's image, without laying out its chart (the pages name the image). */
export function profileCardAlt(view: ProfileView, l: Locale): string {
  return altText(l, view.profile.name, l.t('share.altEyebrow'), profileFigures(view, l));
}

/** The image of a profile: who, the totals of the Statistics section, and commits per month. */
export function profileCard(view: ProfileView, siteTitle: string, l: Locale): CardContent {
  const { profile, stats } = view;
  const figures = profileFigures(view, l);
  const chart = layoutCommitBars(view.months, l);
  const period = stats.firstMonth && stats.lastMonth ? l.monthRange(stats.firstMonth, stats.lastMonth) : '';
  return {
    eyebrow: l.t('share.eyebrow'),
    title: profile.name,
    ...(profile.headline ? { subtitle: profile.headline } : {}),
    figures,
    ...(chart ? { chart } : {}),
    footer: [siteTitle, period],
    alt: altText(l, profile.name, l.t('share.altEyebrow'), figures),
  };
}

const YEAR_FIGURES: {
  key: keyof YearTotals;
  label: 'share.commits' | 'share.features' | 'share.bugFixes' | 'share.activeDays' | 'share.activeMonths';
  swatch?: CardFigure['swatch'];
}[] = [
  { key: 'commits', label: 'share.commits' },
  { key: 'features', label: 'share.features', swatch: 'features' },
  { key: 'bugs', label: 'share.bugFixes', swatch: 'bugs' },
  { key: 'activeDays', label: 'share.activeDays' },
  { key: 'activeMonths', label: 'share.activeMonths' },
];

/** A year image's figures: the first four totals of commits, features, bug fixes, active days and months, with their change. */
function yearFigures({ year, totals, previous }: YearReview, l: Locale): CardFigure[] {
  return YEAR_FIGURES.filter((f) => totals[f.key] !== undefined)
    .slice(0, 4)
    .map((f): CardFigure => {
      const value = totals[f.key]!;
      const before = l.year(year - 1);
      return {
        value: l.number(value),
        label: l.t(f.label, { count: value }),
        change: previous ? (changeText(value, previous[f.key], before, l) ?? l.t('years.noneIn', { year: before })) : l.t('years.firstYear'),
        ...(f.swatch ? { swatch: f.swatch } : {}),
      };
    });
}

/** The text alternative of a year's image, without laying out its chart (the year page names the image). */
export function yearCardAlt(view: ProfileView, review: YearReview, l: Locale): string {
  return altText(l, view.profile.name, l.t('share.yearEyebrow', { year: l.year(review.year) }), yearFigures(review, l));
}

/** The image of a year in review: its figures and the year's bars. */
export function yearCard(view: ProfileView, review: YearReview, siteTitle: string, l: Locale): CardContent {
  const { year } = review;
  const figures = yearFigures(review, l);
  const chart = layoutMonthBars(review.months, year, l);
  const eyebrow = l.t('share.yearEyebrow', { year: l.year(year) });
  return {
    eyebrow,
    title: view.profile.name,
    ...(view.profile.headline ? { subtitle: view.profile.headline } : {}),
    figures,
    ...(chart ? { chart } : {}),
    footer: [siteTitle, l.year(year)],
    alt: altText(l, view.profile.name, eyebrow, figures),
  };
}
