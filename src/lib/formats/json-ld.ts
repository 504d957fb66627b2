// schema.org Person JSON-LD for a profile page's head, so search engines and other tools read who it is.
import type { ProfileView } from '../profile-view.ts';
import type { ExportLinks } from './links.ts';

/** Returns the schema.org Person object of a profile. */
export function buildPersonJsonLd(view: ProfileView, links: ExportLinks): Record<string, unknown> {
  const { profile } = view;
  const organization = profile.organization ?? profile.network?.organization;
  const knowsAbout = [...new Set([...profile.skills.languages, ...profile.skills.technical])];
  const sameAs = profile.links.map((l) => l.url).filter((u) => /^https?:\/\//i.test(u));
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: profile.name,
    // schema.org wants an absolute URL: without a known site URL (SITE) there is none to give.
    ...(/^https?:\/\//.test(links.profileUrl) ? { url: links.profileUrl } : {}),
    ...(profile.headline ? { jobTitle: profile.headline, description: profile.headline } : {}),
    ...(organization ? { worksFor: { '@type': 'Organization', name: organization } } : {}),
    ...(knowsAbout.length ? { knowsAbout } : {}),
    ...(sameAs.length ? { sameAs } : {}),
  };
}

/** Returns JSON-LD text safe inside a <script> element (no `<`, so no `</script>` can end it early). */
export function jsonLdScriptText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
