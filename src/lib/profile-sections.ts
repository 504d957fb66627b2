// Which sections a profile page shows, in which order, with the titles its table of contents lists:
// the `sections` option, less the sections a profile has nothing for.
import type { Locale } from './i18n/locale.ts';
import type { EngfolioConfig, SectionId } from './options.ts';
import type { ProfileView } from './profile-view.ts';
import { languageMix } from './language-mix.ts';
import { activeYears } from './year-review.ts';

/** A section of the page: engfolio's own (by id) or one of the site's (with its component's id). */
export type PageSection = { kind: 'own'; id: SectionId; label: string } | { kind: 'custom'; id: string; label: string; title: string };

/** Whether a profile has anything to show in one of engfolio's sections. */
function hasContent(id: SectionId, view: ProfileView): boolean {
  const { profile } = view;
  switch (id) {
    case 'methodology':
      return profile.source === 'git';
    case 'quality':
      return Object.keys(profile.quality).length > 0;
    case 'skills':
      return profile.skills.languages.length + profile.skills.technical.length > 0;
    case 'repositories':
      return profile.repositories.length > 0;
    case 'network':
      return profile.network !== undefined;
    case 'years':
      return activeYears(view.months, view.days).length > 0;
    case 'languages':
      return languageMix(view.months) !== undefined;
    default:
      return true;
  }
}

/**
 * The sections of `view`'s page, in the order the options give, named in the table of contents in
 * `locale`; `colleagues` is how many people share a repository with the profile.
 */
export function pageSections(sections: EngfolioConfig['sections'], view: ProfileView, locale: Locale, colleagues = 0): PageSection[] {
  return sections.flatMap((s): PageSection[] => {
    if (typeof s !== 'string') return [{ kind: 'custom', id: s.id, label: s.title, title: s.title }];
    const has = s === 'worked-with' ? colleagues > 0 : hasContent(s, view);
    return has ? [{ kind: 'own', id: s, label: locale.t(`toc.${s}`) }] : [];
  });
}
