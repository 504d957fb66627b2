// The site's options, links and locales, for pages and components: the options come from
// astro.config.mjs (the integration serves them as a module), the base path from Astro.
import { config } from 'virtual:engfolio/config';
import { createLocale, type Locale } from '../lib/i18n/locale.ts';
import { siteUrls } from '../lib/routes.ts';

export { config };

/** Every link of the site: under the base path and the routes base. */
export const urls = siteUrls(import.meta.env.BASE_URL, config.routes.base);

const locales = new Map<string, Locale>();

/** The locale of a tag (a profile's `locale`), or the site's: made once per thread. */
export function localeFor(tag: string = config.locale): Locale {
  let found = locales.get(tag);
  if (!found) {
    const canonical = Intl.getCanonicalLocales(tag)[0]!;
    found = createLocale(canonical, { messages: config.messages[canonical] ?? config.messages[tag], weekStart: config.heatmap.weekStart });
    locales.set(tag, found);
  }
  return found;
}

/** The site's locale: the index, the 404 page and the site's own pages. */
export const siteLocale = localeFor();

/** The site's name: the `title` option, or "Engineering profiles" in the site's language. */
export const siteTitle = config.title ?? siteLocale.t('site.title');
