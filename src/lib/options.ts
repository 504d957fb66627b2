// The integration's options, `engfolio({ … })` in astro.config.mjs: one zod schema, parsed once, with
// the same friendly problems as content files. Everything else receives the parsed result as an argument.
import { z } from 'zod';
import { METRICS, WEEK_STARTS } from './heatmap/settings.ts';
import { localeTag, messageOverrides } from './i18n/options.ts';
import { themeSchema } from './theme/options.ts';
import { formatProblem, type Problem } from './problems.ts';
import { validateWithProblems } from './zod-problems.ts';

/** The profile page's own sections, in their default order. */
export const SECTION_IDS = [
  'summary',
  'statistics',
  'activity',
  'languages',
  'years',
  'work-history',
  'methodology',
  'quality',
  'skills',
  'repositories',
  'worked-with',
  'network',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** The parts of a year in review below its totals, in their default order. */
export const YEAR_SECTION_IDS = ['highlights', 'calendar', 'languages', 'hours', 'features', 'where', 'months', 'share'] as const;

/** Each id at most once. */
const listedOnce = (list: readonly (string | { id: string })[], ctx: z.RefinementCtx): void => {
  const seen = new Set<string>();
  for (const [i, section] of list.entries()) {
    const id = typeof section === 'string' ? section : section.id;
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `each section once ("${id}" is listed before)` });
    seen.add(id);
  }
};

const text = z.string().trim().min(1);
/** A component of the site's own, by its path from the project root. */
const componentPath = z.string().regex(/^\.{0,2}\/?[^\0]*\.astro$/, 'a path to an .astro file, like "./src/components/Header.astro"');
/**
 * A link target: a path of the site (under its base path) or an address elsewhere. Browsers read a
 * backslash in a URL as a slash, so `/\\host/` is `//host/`, another site: refused like `//host/`,
 * and the backslashes of a path are written as the slashes they are read as.
 */
const linkTarget = z
  .string()
  .regex(/^(\/(?![/\\])|https?:\/\/|mailto:)/, 'a site path starting with "/", or an http(s):// or mailto: address')
  // Browsers drop tabs and newlines from a URL (`/\t/host` is `//host`): none of them, nor spaces.
  .regex(/^[^\s\p{Cc}]*$/u, 'a link without spaces or control characters')
  .transform((href) => href.replaceAll('\\', '/'));

/** A section of the site's own on the profile page: an Astro component given the profile. */
const customSection = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'an id of lowercase letters, digits and hyphens'),
  title: text,
  component: componentPath,
});

const optionsSchema = z.strictObject({
  /** The site's name: in the header, the index page and every page title (without it, "Engineering profiles" in the site's language). */
  title: text.optional(),
  /** The index page's description (search results, link previews). */
  description: text.optional(),
  /** An image from the site's public/ folder shown before the title in the header. */
  logo: z.strictObject({ src: z.string().regex(/^\/[^/]/, 'a file of public/, as a path starting with "/"'), alt: z.string().default('') }).optional(),
  /** The site's icon, a file of public/ (engfolio's own when not given). */
  favicon: z
    .string()
    .regex(/^\/[^/]/, 'a file of public/, as a path starting with "/"')
    .optional(),
  /** Extra links in the header. */
  nav: z.array(z.strictObject({ label: text, href: linkTarget })).default([]),
  /** The language of engfolio's own words and of dates and numbers (a profile's `locale` overrides it for its pages). */
  locale: localeTag.default('en'),
  /** Messages of the site's own, by locale: they replace engfolio's (`{ de: { 'section.summary': 'Überblick' } }`). */
  messages: messageOverrides.default({}),
  /** Colours, appearance and font. */
  theme: themeSchema,
  heatmap: z
    .strictObject({
      /** Moved to theme.heatmap: named here so that a config of engfolio 0.2 gets a clear error. */
      scheme: z
        .unknown()
        .superRefine((_, ctx) => ctx.addIssue({ code: 'custom', message: 'no value here: the heatmap scheme is the option theme.heatmap since engfolio 0.3' }))
        .optional(),
      /** The metric shown first (the other is one click away). */
      metric: z.enum(METRICS).default('commits'),
      /** The first row of the day calendars: the locale's first day of the week unless given. */
      weekStart: z.enum(WEEK_STARTS).optional(),
    })
    .default({ metric: 'commits' }),
  /** Which sections the profile page shows, in order: its own by id, and the site's own components. */
  sections: z
    .array(
      z.union([z.enum(SECTION_IDS), customSection], {
        error: `one of ${SECTION_IDS.map((id) => JSON.stringify(id)).join(', ')}, or a section of the site's own as { id, title, component }`,
      }),
    )
    .default([...SECTION_IDS])
    .superRefine(listedOnce),
  /** Which parts a year in review shows below its totals, in order. */
  yearSections: z
    .array(z.enum(YEAR_SECTION_IDS))
    .default([...YEAR_SECTION_IDS])
    .superRefine(listedOnce),
  /** Share images (1200 × 630 PNG) for each profile and year in review, named by the pages' Open Graph tags. */
  shareImages: z.boolean().default(true),
  /** Pages across profiles: a page per repository, who worked with whom, and the organization on the index. */
  teams: z
    .strictObject({
      /** Repository pages (`/repos/<owner>/<name>/`), the profile page's "worked with" and the index's roll-up. */
      repositories: z.boolean().default(true),
      /** List people by their counts (most commits first) instead of by name. Off by default: no leaderboards. */
      ranking: z.boolean().default(false),
    })
    .default({ repositories: true, ranking: false }),
  /** `engfolio update`. */
  update: z
    .strictObject({
      /**
       * The hosts $ENGFOLIO_GIT_TOKEN is given to, over https only (a profile names its sources, and the
       * token must not go wherever it says). `host` or `host:port`.
       */
      tokenHosts: z
        .array(
          z
            .string()
            .regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, 'a host name like "github.com" or "git.example.com:8443" (no scheme, no path)')
            .transform((h) => h.toLowerCase()),
        )
        .default(['github.com']),
    })
    .default({ tokenHosts: ['github.com'] }),
  /** The content folder, from the project root. */
  content: text.default('content'),
  routes: z
    .strictObject({
      /** A path prefix for every engfolio page (`team/` puts the profiles under /team/), so they can live inside a bigger site. */
      base: z
        .string()
        .regex(/^\/?([a-z0-9][a-z0-9._-]*\/)*([a-z0-9][a-z0-9._-]*)?\/?$/i, 'a path prefix like "team/"')
        .default('')
        .transform((b) => (b.replace(/^\/+|\/+$/g, '') ? `${b.replace(/^\/+|\/+$/g, '')}/` : '')),
    })
    .default({ base: '' }),
  /** Components of the site's own that replace engfolio's. */
  components: z.strictObject({ Header: componentPath.optional(), Footer: componentPath.optional() }).default({}),
});

/** The options as written in astro.config.mjs. */
export type EngfolioOptions = z.input<typeof optionsSchema>;
/** The options as parsed, with every default filled in: what the rest of the code receives. */
export type EngfolioConfig = z.output<typeof optionsSchema>;

/** Options that cannot be used: every problem, formatted as one message per line. */
export class OptionsError extends Error {
  override name = 'OptionsError';
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.problems = problems;
    // The message says where the problem is (the config file): a stack would point into engfolio instead.
    this.stack = '';
  }
}

/** Parses the options, naming `file` (the Astro config) in problems; throws an OptionsError listing every problem. */
export function parseOptions(input: unknown, file = 'astro.config.mjs'): EngfolioConfig {
  const problems: Problem[] = [];
  const parsed = validateWithProblems(optionsSchema, input ?? {}, { file, fieldPrefix: 'engfolio.', unknownFields: 'error', noun: 'option' }, problems);
  if (!parsed) throw new OptionsError(problems);
  return parsed;
}
