// The route table: every page and file engfolio adds to a site, how its URL is written, where it is
// written in the output, and what its cache key covers. The integration injects routes from it, the
// renderer takes the per-profile routes out of Astro's page loop by it, and every link is built from it.
import { yearKey } from './year-review.ts';

export type RouteKind = 'page' | 'endpoint';

/** The digests of everything one profile's pages can show, from its content files. */
export interface ProfileDigests {
  /** The profile file (frontmatter and summary). */
  profile: string;
  /** The activity file, if any. */
  activity?: string;
  /** Each month file, by `YYYY-MM`. */
  months: ReadonlyMap<string, string>;
  /** What the page shows of other profiles (who shares repositories with it, its repositories' page paths). */
  team?: string;
}

/** The month or year a period page is for, and the ones before and after it that it links to. */
export interface PagePeriod {
  /** `YYYY-MM` or `YYYY`. */
  key: string;
  older?: string | undefined;
  newer?: string | undefined;
}

/** What a cache key is made of for one path of a route: the digests and names its page shows. */
type CacheKeyParts = (digests: ProfileDigests, period?: PagePeriod) => string[];

export interface RouteSpec {
  id: string;
  /** The Astro route pattern below the routes base, without slashes at either end ('' is the index). */
  pattern: string;
  /** The file under src/routes/ that renders it. */
  entrypoint: string;
  kind: RouteKind;
  /**
   * `profile`: a file per profile (`period`: per month or year of one), nearly all of a site, rendered
   * outside Astro's page loop and reused by cache key; `site`: one file, rendered by Astro on every build.
   */
  scope: 'profile' | 'period' | 'site';
  /** At the root of the site whatever `routes.base` says, and only when engfolio is the whole site (no routes base). */
  siteRootOnly?: boolean;
  /** What the cache key covers (profile-scoped routes only): a page is rendered again only when one of these changes. */
  cacheKey?: CacheKeyParts;
}

/** Everything a profile's own pages and files show: the profile, its activity and every month. */
const wholeProfile: CacheKeyParts = (d) => [d.profile, d.activity ?? '', ...[...d.months].map(([m, digest]) => `${m}:${digest}`).sort()];
/** The profile page also shows who shares repositories with the profile, and links its repositories' pages. */
const profilePage: CacheKeyParts = (d) => [...wholeProfile(d), `team:${d.team ?? ''}`];
/** A month page shows the profile's name, this month, and which months come before and after it. */
const oneMonth = (d: ProfileDigests, m: PagePeriod): string[] => [d.profile, d.months.get(m.key) ?? '', m.older ?? '', m.newer ?? ''];
/**
 * A year page shows the profile, its activity, the year's months and the year before's (its totals are
 * compared), and which years come before and after it.
 */
const oneYear = (d: ProfileDigests, y: PagePeriod): string[] => {
  const shown = [`${y.key}-`, `${yearKey(Number(y.key) - 1)}-`];
  const months = [...d.months].filter(([m]) => shown.some((prefix) => m.startsWith(prefix)));
  return [d.profile, d.activity ?? '', ...months.map(([m, digest]) => `${m}:${digest}`).sort(), y.older ?? '', y.newer ?? ''];
};
/** A year's share image shows the profile's name and headline and what the year page's totals and bars show (not the neighbouring years). */
const oneYearImage: CacheKeyParts = (d, y) => ['share', ...oneYear(d, { key: y!.key })];
/** A period page is a month's (`YYYY-MM`) or a year in review (`YYYY`). */
const onePeriod: CacheKeyParts = (d, p) => (p!.key.length === 4 ? ['year', ...oneYear(d, p!)] : oneMonth(d, p!));

const ROUTES = [
  { id: 'index', pattern: '', entrypoint: 'index.astro', kind: 'page', scope: 'site' },
  { id: 'profile', pattern: '[slug]', entrypoint: 'profile.astro', kind: 'page', scope: 'profile', cacheKey: profilePage },
  // A month's page (`/mira/2025-06/`) and a year in review (`/mira/2025/`) share one route: Astro matches
  // a URL to a route by its shape alone, and the two have the same shape.
  { id: 'period', pattern: '[slug]/[period]', entrypoint: 'period.astro', kind: 'page', scope: 'period', cacheKey: onePeriod },
  { id: 'feed', pattern: '[slug]/feed.xml', entrypoint: 'feed.xml.ts', kind: 'endpoint', scope: 'profile', cacheKey: wholeProfile },
  { id: 'profile-json', pattern: '[slug]/profile.json', entrypoint: 'profile.json.ts', kind: 'endpoint', scope: 'profile', cacheKey: wholeProfile },
  { id: 'resume-json', pattern: '[slug]/resume.json', entrypoint: 'resume.json.ts', kind: 'endpoint', scope: 'profile', cacheKey: wholeProfile },
  { id: 'activity-svg', pattern: '[slug]/activity.svg', entrypoint: 'activity.svg.ts', kind: 'endpoint', scope: 'profile', cacheKey: wholeProfile },
  // Share images (Open Graph, 1200 × 630 PNG): a profile's, and each year in review's.
  { id: 'share-image', pattern: '[slug]/share.png', entrypoint: 'share.png.ts', kind: 'endpoint', scope: 'profile', cacheKey: wholeProfile },
  { id: 'year-share-image', pattern: '[slug]/[period]/share.png', entrypoint: 'year-share.png.ts', kind: 'endpoint', scope: 'period', cacheKey: oneYearImage },
  // A page per repository that profiles name (`/repos/acme/build-cache/`), rendered by Astro: a site
  // has far fewer repositories than profile pages, and each shows many profiles.
  { id: 'repository', pattern: 'repos/[...repo]', entrypoint: 'repository.astro', kind: 'page', scope: 'site' },
  { id: 'schema', pattern: 'profile.schema.json', entrypoint: 'profile.schema.json.ts', kind: 'endpoint', scope: 'site' },
  { id: 'favicon', pattern: 'favicon.svg', entrypoint: 'favicon.svg.ts', kind: 'endpoint', scope: 'site' },
  { id: 'not-found', pattern: '404', entrypoint: '404.astro', kind: 'page', scope: 'site', siteRootOnly: true },
  { id: 'robots', pattern: 'robots.txt', entrypoint: 'robots.txt.ts', kind: 'endpoint', scope: 'site', siteRootOnly: true },
] as const satisfies readonly RouteSpec[];

export type RouteId = (typeof ROUTES)[number]['id'];

/** The route table entry of `id`. */
export function route(id: RouteId): RouteSpec {
  return ROUTES.find((r) => r.id === id)!;
}

const SHARE_IMAGE_ROUTES: readonly RouteId[] = ['share-image', 'year-share-image'];

/**
 * The routes a site gets: all of them, less the site-root files when engfolio lives under a routes
 * base, engfolio's icon when the site has its own, and the share images when the site turns them off.
 */
export function siteRoutes(
  routesBase: string,
  { ownFavicon, shareImages, repositories }: { ownFavicon: boolean; shareImages: boolean; repositories: boolean },
): RouteSpec[] {
  return ROUTES.filter(
    (r: RouteSpec) =>
      !(r.siteRootOnly && routesBase !== '') &&
      !(r.id === 'favicon' && ownFavicon) &&
      (shareImages || !SHARE_IMAGE_ROUTES.includes(r.id as RouteId)) &&
      (repositories || r.id !== 'repository'),
  );
}

/** The pattern to inject for a route: `/team/[slug]/[month]`. */
export function injectedPattern(spec: RouteSpec, routesBase: string): string {
  return `/${(spec.siteRootOnly ? '' : routesBase) + spec.pattern}`.replace(/\/+$/, '') || '/';
}

/** A route's path inside the site (no base path) for `params`: `team/mira/2025-06/` for a page, `team/mira/feed.xml` for a file. */
export function routePath(spec: RouteSpec, params: Record<string, string>, routesBase: string): string {
  const filled = spec.pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`route ${spec.id}: no value for [${name}]`);
    return value;
  });
  const path = (spec.siteRootOnly ? '' : routesBase) + filled;
  return spec.kind === 'page' && path !== '' && !path.endsWith('/') ? `${path}/` : path;
}

/** Where a site path is written in a `directory`-format build: `<path>/index.html` for a page, `<path>` for a file. */
export function outputFile(pathname: string, kind: RouteKind): string {
  const trimmed = pathname.replace(/^\/+|\/+$/g, '');
  if (kind === 'endpoint') return trimmed;
  return `${trimmed ? `${trimmed}/` : ''}index.html`;
}

/** Joins a base path and a site path: `joinBase('/x/', 'a/b/')` → `/x/a/b/`. */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** The site's links, under its base path and routes base: every internal link is built here. */
export interface SiteUrls {
  /** A path of the site (not engfolio's: a user page, a public file) under the base path. */
  href(sitePath: string): string;
  /** A route's URL for `params`. */
  route(id: RouteId, params?: Record<string, string>): string;
  /** The index of profiles. */
  home(): string;
  profile(slug: string): string;
  month(slug: string, month: string): string;
  /** A year in review. */
  year(slug: string, year: number): string;
  /** A profile's share image, or a year's. */
  shareImage(slug: string, year?: number): string;
  /** A month's entry in the profile page's work history. */
  monthAnchor(slug: string, month: string): string;
  /** A repository's page, by its path below `repos/` (`acme/build-cache`). */
  repository(path: string): string;
  /** What a profile's Markdown resolves site-relative URLs against (its folder; `/x` under the base). */
  markdownContext(slug: string): { base: string; pageDir: string };
}

/** Builds the site's links for a base path (`/` or `/repo/`) and a routes base (`''` or `team/`). */
export function siteUrls(base: string, routesBase: string): SiteUrls {
  const href = (sitePath: string): string => joinBase(base, sitePath);
  const url = (id: RouteId, params: Record<string, string> = {}): string => href(routePath(route(id), params, routesBase));
  return {
    href,
    route: url,
    home: () => url('index'),
    profile: (slug) => url('profile', { slug }),
    month: (slug, month) => url('period', { slug, period: month }),
    year: (slug, year) => url('period', { slug, period: yearKey(year) }),
    shareImage: (slug, year) => (year === undefined ? url('share-image', { slug }) : url('year-share-image', { slug, period: yearKey(year) })),
    monthAnchor: (slug, month) => `${url('profile', { slug })}#${month}`,
    repository: (path) => url('repository', { repo: path }),
    markdownContext: (slug) => ({ base: href(''), pageDir: url('profile', { slug }) }),
  };
}
