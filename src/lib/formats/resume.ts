// A JSON Resume (https://jsonresume.org/schema, v1.0.0) view of a profile, for tools that read that format.
import type { ProfileView } from '../profile-view.ts';
import type { ProfileText } from '../site-data.ts';
import type { Locale } from '../i18n/locale.ts';
import type { ExportLinks } from './links.ts';
import { firstBlockPlainText, markdownToPlainText } from './plain-text.ts';

const JSON_RESUME_SCHEMA = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';

const isHttp = (url: string): boolean => /^https?:\/\//i.test(url);

/** Returns the JSON Resume document of a profile; URLs appear only when absolute (SITE set). */
export function buildJsonResume(view: ProfileView, text: ProfileText, links: ExportLinks, l: Locale): Record<string, unknown> {
  const { profile, stats } = view;
  const organization = profile.organization ?? profile.network?.organization;
  const summary = markdownToPlainText(text.summary);
  const basics: Record<string, unknown> = {
    name: profile.name,
    ...(profile.headline ? { label: profile.headline } : {}),
    ...(isHttp(links.profileUrl) ? { url: links.profileUrl } : {}),
    ...(summary ? { summary } : {}),
    profiles: profile.links.filter((l) => isHttp(l.url)).map((l) => ({ network: l.label, url: l.url })),
  };
  const email = profile.links.find((l) => /^mailto:/i.test(l.url));
  if (email) basics.email = decodeURIComponent(email.url.replace(/^mailto:/i, '').split('?')[0]!);
  const highlights = view.months
    .map((m) => {
      const first = firstBlockPlainText(text.narratives.get(m.month) ?? '');
      return first ? `${l.monthLong(m.month)}: ${first}` : undefined;
    })
    .filter((h): h is string => h !== undefined);
  const work =
    stats.firstMonth === undefined
      ? []
      : [
          {
            ...(organization ? { name: organization } : {}),
            ...(profile.headline ? { position: profile.headline } : {}),
            startDate: stats.firstMonth,
            ...(stats.lastMonth ? { endDate: stats.lastMonth } : {}),
            summary: l.t('resume.summary', {
              commits: l.t('count.commits', { count: stats.commits }),
              features: l.t('count.features', { count: stats.features }),
              months: l.t('count.prep.months', { count: stats.activityMonths }),
            }),
            highlights,
          },
        ];
  const skills = [
    { name: l.t('resume.languages'), keywords: profile.skills.languages },
    { name: l.t('resume.technical'), keywords: profile.skills.technical },
  ].filter((s) => s.keywords.length > 0);
  const projects = profile.repositories.map((r) => ({
    name: r.name,
    startDate: r.from,
    endDate: r.to,
    ...(r.areas.length ? { description: r.areas.join(', ') } : {}),
    keywords: [...r.languages, ...r.skills],
  }));
  return {
    $schema: JSON_RESUME_SCHEMA,
    basics,
    work,
    skills,
    projects,
    meta: { ...(isHttp(links.resumeUrl) ? { canonical: links.resumeUrl } : {}), version: 'v1.0.0' },
  };
}
