// profile.json: the whole profile as data (profile, summary, derived totals, months, daily activity,
// year reviews), versioned, and its JSON Schema generated from the same zod schemas the content is
// checked with.
import { z } from 'zod';
import { DAY_KEY, MONTH_KEY, monthSchema, publishedProfileSchema } from '../content-schema.ts';
import type { ProfileView } from '../profile-view.ts';
import type { ProfileText } from '../site-data.ts';
import type { YearReview } from '../year-review.ts';

/** Version of the profile.json format; raised on any change that could break a reader. */
export const PROFILE_JSON_VERSION = 1;

const count = z.number().int().nonnegative();
const monthKey = z.string().regex(MONTH_KEY);
const month = monthSchema.shape;

const statsSchema = z.strictObject({
  commits: count.describe('Sum of commits over months'),
  features: count.describe('Sum of features over months'),
  bugs: count.optional().describe('The declared total, else the sum over months that give bugs'),
  bugsSource: z.enum(['declared', 'months', 'none']),
  activityMonths: count.describe('Number of months with an entry'),
  featuresVsBugsPercent: z.number().int().min(0).max(100).optional(),
  firstMonth: monthKey.optional(),
  lastMonth: monthKey.optional(),
  linesOfCode: count.optional(),
});

const monthEntrySchema = z.strictObject({
  month: monthKey,
  commits: month.commits,
  features: month.features,
  bugs: month.bugs,
  repositories: month.repositories,
  areas: month.areas,
  linesAdded: month.linesAdded,
  linesRemoved: month.linesRemoved,
  languages: month.languages,
  hours: month.hours,
  narrative: z.string().describe('The month narrative, as Markdown'),
  generated: z.boolean().describe('True when the narrative is a draft written by the git importer'),
  url: z.string().describe('The month page'),
});

const yearTotalsSchema = z.strictObject({
  commits: count,
  features: count,
  bugs: count.optional().describe('Summed over the months that give bugs'),
  activeMonths: count.describe('Months with at least one commit'),
  activeDays: count.optional().describe('Days with at least one commit (needs daily activity)'),
  lines: count.optional().describe('Lines added plus removed, over the months that give them'),
});
const dayKey = z.string().regex(DAY_KEY);
const dayRunSchema = z.strictObject({ days: count, from: dayKey, to: dayKey });
const rankedSchema = z.array(z.strictObject({ name: z.string(), months: count.describe('Active months of the year it appears in') }));

const yearSchema = z.strictObject({
  year: z.number().int(),
  url: z.string().describe('The year in review page'),
  totals: yearTotalsSchema,
  previous: yearTotalsSchema.optional().describe("The year before's totals; absent for the first year of activity"),
  busiestMonth: z.strictObject({ month: monthKey, commits: count }).optional(),
  busiestWeek: z.strictObject({ from: dayKey, to: dayKey, commits: count }).optional(),
  busiestDay: z.strictObject({ date: dayKey, commits: count }).optional(),
  longestRun: dayRunSchema.optional().describe('Consecutive active days within the year'),
  longestWorkdayRun: dayRunSchema.optional().describe('Consecutive active working days (Monday to Friday; weekends skipped) within the year'),
  repositories: rankedSchema,
  areas: rankedSchema,
  months: z.array(z.strictObject({ month: monthKey, commits: count, features: count, bugs: count })).describe('January to December'),
  languages: z
    .array(z.strictObject({ name: z.string(), commits: count, share: z.number().min(0).max(1), color: z.string() }))
    .optional()
    .describe('Commits touching each language, as shares of all language touches; absent when no month records languages'),
  hours: z
    .array(z.array(count).length(24))
    .length(7)
    .optional()
    .describe("Commits by weekday (Monday first) and hour of the author's own clock; absent when no month records hours"),
});

const daySchema = z.strictObject({
  date: z.string().regex(DAY_KEY),
  count,
  features: count.optional(),
});

/** The zod schema of a profile.json document. */
const profileJsonSchema = z
  .strictObject({
    $schema: z.string().describe('URL of this JSON Schema'),
    version: z.literal(PROFILE_JSON_VERSION),
    generator: z.literal('engfolio'),
    slug: z.string().min(1),
    url: z.string().describe('The profile page'),
    profile: publishedProfileSchema,
    summary: z.string().describe('The profile summary, as Markdown'),
    stats: statsSchema,
    months: z.array(monthEntrySchema).describe('Newest first'),
    activity: z.array(daySchema).describe('Daily activity, oldest first; empty when the profile has none'),
    years: z.array(yearSchema).describe('A review of each calendar year with activity, oldest first'),
  })
  .describe('An engfolio engineering profile');

export type ProfileJson = z.output<typeof profileJsonSchema>;

/** Returns the JSON Schema (draft 2020-12) of profile.json, with `$id` set when its URL is known. */
export function profileJsonSchemaDocument(id?: string): Record<string, unknown> {
  const schema = z.toJSONSchema(profileJsonSchema, { io: 'output', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema: schema.$schema, ...(id ? { $id: id } : {}), title: 'engfolio profile.json', ...schema };
}

export interface ProfileJsonLinks {
  schemaUrl: string;
  profileUrl: string;
  monthUrl(month: string): string;
  yearUrl(year: number): string;
}

/** Drops the keys whose value is undefined (JSON leaves them out; the type then says they are absent). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Returns the profile.json document of a profile (its shape checked by the type, not at run time); `years` from yearReviews. */
export function buildProfileJson(view: ProfileView, text: ProfileText, links: ProfileJsonLinks, years: readonly YearReview[]): ProfileJson {
  // Typed against the schema, not parsed with it: parsing every document cost 0.7 s on 1,000 profiles,
  // and the tests validate built documents against the published JSON Schema.
  const doc: ProfileJson = {
    $schema: links.schemaUrl,
    version: PROFILE_JSON_VERSION,
    generator: 'engfolio',
    slug: view.slug,
    url: links.profileUrl,
    profile: view.profile,
    summary: text.summary,
    stats: view.stats,
    // Field by field: a month as pages hold it also says where its file is, which is nobody's business.
    months: view.months.map((m) => ({
      month: m.month,
      commits: m.commits,
      features: m.features,
      ...(m.bugs === undefined ? {} : { bugs: m.bugs }),
      repositories: m.repositories,
      areas: m.areas,
      ...(m.linesAdded === undefined ? {} : { linesAdded: m.linesAdded }),
      ...(m.linesRemoved === undefined ? {} : { linesRemoved: m.linesRemoved }),
      ...(m.languages === undefined ? {} : { languages: m.languages }),
      ...(m.hours === undefined ? {} : { hours: m.hours }),
      narrative: text.narratives.get(m.month) ?? '',
      generated: m.generated,
      url: links.monthUrl(m.month),
    })),
    activity: [...(view.days ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    years: years.map((y) =>
      defined({
        ...y,
        url: links.yearUrl(y.year),
        totals: defined(y.totals),
        previous: y.previous && defined(y.previous),
      }),
    ),
  };
  return doc;
}
