// What the site header receives, engfolio's or a site's own (the `components.Header` option).
import type { Locale } from './i18n/locale.ts';
import type { EngfolioConfig } from './options.ts';
import type { SiteUrls } from './routes.ts';

export interface HeaderProps {
  /** The site's title (the `title` option). */
  title: string;
  /** The link to the index of profiles. */
  homeHref: string;
  /** The `logo` option, its file under the base path. */
  logo?: { src: string; alt: string };
  /** The `nav` option, each site path under the base path. */
  nav: { label: string; href: string }[];
  /** The name of the header's navigation landmark, in the page's language ("Site"). */
  navLabel: string;
}

/** What the site footer receives, engfolio's or a site's own (the `components.Footer` option). */
export interface FooterProps {
  /** engfolio's line about the site, in the page's language. */
  note: string;
}

/** A link target of the options as the page links it: site paths under the base path, addresses as they are. */
function siteLink(urls: SiteUrls, target: string): string {
  return target.startsWith('/') ? urls.href(target) : target;
}

/** The header's props for a site called `title`, on a page in `locale`. */
export function headerProps(config: EngfolioConfig, urls: SiteUrls, locale: Locale, title: string): HeaderProps {
  return {
    navLabel: locale.t('page.siteNav'),
    title,
    homeHref: urls.home(),
    ...(config.logo ? { logo: { src: urls.href(config.logo.src), alt: config.logo.alt } } : {}),
    nav: config.nav.map((l) => ({ label: l.label, href: siteLink(urls, l.href) })),
  };
}
