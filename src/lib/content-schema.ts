// The content model: the one place that says which fields a profile, a month and a day of activity
// have. The Astro collections (src/content.config.ts), `npm run check`, both importers and the
// JSON Schema of profile.json all derive from these schemas.
import { z } from 'zod';
import { localeTag } from './i18n/tag.ts';

/** A calendar month key, `YYYY-MM`. */
export const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** A calendar day key, `YYYY-MM-DD` (checked for a real date separately). */
export const DAY_KEY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const count = z.number().int().nonnegative();
const percent = z.number().min(0).max(100);
const monthKey = z.string().regex(MONTH_KEY, 'a month as YYYY-MM');
const text = z.string().trim().min(1);

const linkSchema = z.strictObject({
  label: text,
  url: z.string().regex(/^(https?:\/\/|mailto:)/i, 'an http(s):// or mailto: URL'),
});

const repositorySchema = z
  .strictObject({
    name: text,
    from: monthKey,
    to: monthKey,
    monthsActive: count.optional(),
    languages: z.array(text).default([]),
    skills: z.array(text).default([]),
    areas: z.array(text).default([]),
    /** Shown as a private repository: the name is a label chosen by the owner, not the real name. */
    private: z.boolean().default(false),
    /**
     * Which history this is, whatever it is called: a hash of its first commit, written by the git
     * importer for public repositories. Entries of one name with different histories are different
     * repositories; entries without it are told apart by name only.
     */
    history: z
      .string()
      .regex(/^[0-9a-f]{16}$/, 'sixteen hexadecimal digits (written by the git importer)')
      .optional(),
  })
  .refine((r) => r.to >= r.from, { message: 'the last month ("to") on or after the first ("from")', path: ['to'] });

const networkSchema = z.strictObject({
  people: count.optional(),
  organization: text.optional(),
  organizationMembers: count.optional(),
  members: z.array(z.strictObject({ name: text, role: text.default('Member') })).default([]),
});

/** Totals a profile declares; commits and features are derived from months and only checked against these. */
const declaredTotalsSchema = z.strictObject({
  commits: count.optional(),
  features: count.optional(),
  bugs: count.optional(),
  linesOfCode: count.optional(),
});

/**
 * Anything but a URL with a password or token in it (`https://user:token@host/…`, or GitHub's
 * `https://token@host/…`): it would be written in the content, and in git's config. A regex rather
 * than a refinement, so that it is reported even while another field of the source is wrong.
 */
const UNCREDENTIALED = /^(?![a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@)(?!https?:\/\/[^/@\s]+@)/i;

/**
 * Where a profile's record comes from: a git repository (a URL or a local path) and the authors who are
 * this person, for `engfolio update`. The content only: never shown on a page or in an export.
 */
const sourceSchema = z
  .strictObject({
    /** `https://…`, `ssh://…`, `git@host:owner/name.git`, `file://…` or a local path (from the site's root). */
    git: text.regex(UNCREDENTIALED, 'a repository URL without a password or token in it (give a token as ENGFOLIO_GIT_TOKEN)'),
    /** Emails or names, matched after the repository's .mailmap. */
    authors: z.array(text).min(1),
    /** The repository's name as shown, `owner/name` (else from the URL). */
    name: z
      .string()
      .regex(/^[^/\s]+\/[^/\s]+$/, 'a name as owner/name')
      .optional(),
    /** Shown as "a private repository": no name, path or commit subject of it is written anywhere. */
    private: z.boolean().default(false),
    /** Shown under this label instead, and private like `private: true`. */
    alias: text.optional(),
    since: monthKey.optional(),
    until: monthKey.optional(),
  })
  .refine((s) => !s.since || !s.until || s.since <= s.until, { message: 'the last month ("until") on or after the first ("since")', path: ['until'] });

export type Source = z.output<typeof sourceSchema>;

export const profileSchema = z.strictObject({
  name: text,
  headline: text.optional(),
  organization: text.optional(),
  links: z.array(linkSchema).default([]),
  totals: declaredTotalsSchema.default({}),
  /** Named percentages, in the order they are shown. */
  quality: z.record(z.string().min(1), percent).default({}),
  skills: z.strictObject({ languages: z.array(text).default([]), technical: z.array(text).default([]) }).default({ languages: [], technical: [] }),
  repositories: z.array(repositorySchema).default([]),
  network: networkSchema.optional(),
  /** The language the profile's content is written in (BCP 47): its pages use it for engfolio's own words, dates and numbers. */
  locale: localeTag.optional(),
  /** Where the profile came from, for the methodology notes. */
  source: z.enum(['export', 'git', 'manual']).default('manual'),
  /** The repositories `engfolio update` reads (content only, never published). */
  sources: z.array(sourceSchema).default([]),
  /** Set by the git importer on a summary it wrote: the hash of that text, so a hand edit is detected. */
  generated: z.strictObject({ fingerprint: z.string().regex(/^[0-9a-f]{16,64}$/) }).optional(),
});

/** What a site publishes of a profile: everything but where its record comes from and the importer's bookkeeping. */
export const publishedProfileSchema = profileSchema.omit({ sources: true, generated: true });
export type PublishedProfile = z.output<typeof publishedProfileSchema>;

/** The days of the week as `hours` keys, Monday first. */
export const HOUR_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
/** Per weekday (only those with commits), 24 counts: hour 0 to hour 23. */
const hoursSchema = z.partialRecord(z.enum(HOUR_WEEKDAYS), z.array(count).length(24, '24 counts, hour 0 to hour 23'));
export type Hours = z.output<typeof hoursSchema>;
const languageCountsSchema = z.record(z.string().trim().min(1), count);

/** All commits of an `hours` map. */
export function hoursTotal(hours: Hours | undefined): number {
  let n = 0;
  for (const row of Object.values(hours ?? {})) for (const k of row ?? []) n += k;
  return n;
}

export const monthSchema = z
  .strictObject({
    /** Optional: the file name says the month; when given here it must agree. */
    month: monthKey.optional(),
    commits: count,
    features: count,
    bugs: count.optional(),
    repositories: z.array(text).default([]),
    areas: z.array(text).default([]),
    linesAdded: count.optional(),
    linesRemoved: count.optional(),
    /** Commits touching each language this month (written by the git import). */
    languages: languageCountsSchema.optional(),
    /** Commits by weekday and hour of the author's own local time (written by the git import). */
    hours: hoursSchema.optional(),
    /** Set by the git importer on a narrative it wrote: the hash of that text, so a hand edit is detected. */
    generated: z.strictObject({ fingerprint: z.string().regex(/^[0-9a-f]{16,64}$/) }).optional(),
  })
  .refine((m) => m.features <= m.commits, {
    message: 'features not more than commits',
    path: ['features'],
  })
  .refine((m) => hoursTotal(m.hours) <= m.commits, {
    message: 'hours that add up to no more than the commits',
    path: ['hours'],
  });

export type ProfileData = z.output<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
export type MonthData = z.output<typeof monthSchema>;
export type MonthInput = z.input<typeof monthSchema>;
export type Repository = z.output<typeof repositorySchema>;

/** One day of activity, a row of `content/activity/<slug>.csv` (`date,count[,features]`). */
const daySchema = z.object({ date: z.string().regex(DAY_KEY), count, features: count.optional() });
export type DayActivity = z.output<typeof daySchema>;

/**
 * One profile as the content store keeps it (the `profiles` collection of `engfolio/content`): the
 * profile's fields, each month's figures (oldest first), its days of activity, and the files they came
 * from with their digests. The Markdown texts stay in their files (a page reads those it shows): kept in
 * the store, every thread rendering pages held all of them (measured on 1,000 profiles: 0.6 GB more).
 * Built from checked content (src/lib/site-data.ts).
 */
export const storedProfileSchema = z.object({
  slug: z.string(),
  profile: publishedProfileSchema,
  /** The profile file (absolute), its summary the Markdown after the frontmatter. */
  file: z.string(),
  months: z.array(
    z.object({
      month: monthKey,
      commits: count,
      features: count,
      bugs: count.optional(),
      repositories: z.array(z.string()),
      areas: z.array(z.string()),
      linesAdded: count.optional(),
      linesRemoved: count.optional(),
      languages: languageCountsSchema.optional(),
      hours: hoursSchema.optional(),
      /** The month file (absolute), its narrative the Markdown after the frontmatter. */
      file: z.string(),
      /** Written by the git importer and not edited since. */
      generated: z.boolean(),
      digest: z.string(),
    }),
  ),
  days: z.array(daySchema).optional(),
  profileDigest: z.string(),
  activityDigest: z.string().optional(),
});
export type StoredProfile = z.output<typeof storedProfileSchema>;
export type StoredMonth = StoredProfile['months'][number];
