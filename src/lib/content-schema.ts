// The content model: the one place that says which fields a profile, a month and a day of activity
// have. The Astro collections (src/content.config.ts), `npm run check`, both importers and the
// JSON Schema of profile.json all derive from these schemas.
import { z } from 'zod';
import { localeTag } from './i18n/tag.ts';

/** A calendar month key, `YYYY-MM`. */
export const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** A calendar day key, `YYYY-MM-DD` (checked for a real date separately). */
export const DAY_KEY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The years the pages can show, first and last. Before 1000 the build writes month keys of three
 * digits (`999-01`) and its dates fail; after 9998 a chart steps to the month after and never reaches
 * it (`10000-01` sorts before `9999-12`). tests/lib/content-bounds.test.ts draws both ends.
 */
export const SHOWN_YEARS = { first: 1000, last: 9998 } as const;
/**
 * True for text that does not start with a year (`YYYY-`) outside SHOWN_YEARS: a second rule on month
 * and day keys, so a key of the wrong shape gets one message (the shape's) and a year out of range
 * the other. A regex rather than a refinement, so that the JSON Schema of profile.json states it too.
 */
export const SHOWN_YEAR_PREFIX = /^(?!\d{4}-)|^(?:[1-8]\d{3}|9[0-8]\d\d|99[0-8]\d|999[0-8])-/;

/**
 * The largest count a page shows (commits, features, bugs, lines, hours, days of activity, declared
 * totals). Sums of counts stay exact integers (below 2^53) over 9,007,199 counts at this cap: far more
 * months and days than any site has.
 */
export const MAX_COUNT = 1_000_000_000;

/**
 * Characters a name or label may not hold: control characters other than tab and line breaks (C0,
 * DEL, C1), and the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 * which reorder the text around them: a share image draws them as boxes, and they can make a name
 * read as another. Joiners (U+200C, U+200D) and variation selectors shape text and stay.
 */
const HIDDEN_CONTROLS = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';
/** One character of HIDDEN_CONTROLS (global: for finding every one). */
export const HIDDEN_CONTROL = new RegExp(`[${HIDDEN_CONTROLS}]`, 'g');
const WITHOUT_HIDDEN_CONTROLS = new RegExp(`^[^${HIDDEN_CONTROLS}]*$`);

const count = z.number().int().nonnegative().max(MAX_COUNT, 'a count up to 1,000,000,000');
const percent = z.number().min(0).max(100);
const monthKey = z.string().regex(MONTH_KEY, 'a month as YYYY-MM').regex(SHOWN_YEAR_PREFIX, `a month from ${SHOWN_YEARS.first}-01 to ${SHOWN_YEARS.last}-12`);
const dayKey = z
  .string()
  .regex(DAY_KEY, 'a calendar day as YYYY-MM-DD')
  .regex(SHOWN_YEAR_PREFIX, `a day from ${SHOWN_YEARS.first}-01-01 to ${SHOWN_YEARS.last}-12-31`);
/** A name or label: shown as written, on pages and share images. */
const label = z.string().regex(WITHOUT_HIDDEN_CONTROLS, 'text without control characters or bidirectional overrides');
const text = label.trim().min(1);

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
 * An address without what could hold a secret, as secretInAddress (src/lib/git/remote-url.ts) reads
 * one: no password (`https://user:token@host/…`), no user before `@` on any scheme but ssh (GitHub's
 * `https://TOKEN@host/…`, `ftps://TOKEN@…`), no query string (`?private_token=…`). It would be written
 * in the content, and in git's config. A regex rather than a refinement, so that it is reported even
 * while another field of the source is wrong; tests/lib/git-remote-url.test.ts holds the two to one rule.
 */
export const UNCREDENTIALED =
  /^(?![a-z][a-z0-9+.-]*:\/\/[^/?#]*:[^/?#]*@)(?!(?!(?:git\+)?ssh:)[a-z][a-z0-9+.-]*:\/\/[^/?#]*@)(?![a-z][a-z0-9+.-]*:\/\/[^?#]*\?)/i;

/**
 * Where a profile's record comes from: a git repository (a URL or a local path) and the authors who are
 * this person, for `engfolio update`. The content only: never shown on a page or in an export.
 */
const sourceSchema = z
  .strictObject({
    /** `https://…`, `ssh://…`, `git@host:owner/name.git`, `file://…` or a local path (from the site's root). */
    git: text.regex(UNCREDENTIALED, 'a repository URL without a password, token or query string in it (give a token as ENGFOLIO_GIT_TOKEN)'),
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
  quality: z.record(label.min(1), percent).default({}),
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
const languageCountsSchema = z.record(label.trim().min(1), count);

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
export const daySchema = z.object({ date: dayKey, count, features: count.optional() });
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
