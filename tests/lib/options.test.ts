// The integration's options: defaults, normalisation, and one friendly problem per bad option.
import { describe, expect, it } from 'vitest';
import { OptionsError, parseOptions, SECTION_IDS, YEAR_SECTION_IDS } from '../../src/lib/options.ts';

/** The problems `input` gives, formatted. */
function problems(input: unknown): string[] {
  try {
    parseOptions(input);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(OptionsError);
    return (e as OptionsError).problems.map((p) => `${p.field}: ${p.message}`);
  }
}

describe('parseOptions', () => {
  it('fills every default in', () => {
    expect(parseOptions(undefined)).toEqual({
      nav: [],
      locale: 'en',
      messages: {},
      theme: { heatmap: 'greens', appearance: 'auto' },
      heatmap: { metric: 'commits' },
      sections: [...SECTION_IDS],
      yearSections: [...YEAR_SECTION_IDS],
      shareImages: true,
      teams: { repositories: true, ranking: false },
      update: { tokenHosts: ['github.com'] },
      content: 'content',
      routes: { base: '' },
      components: {},
    });
  });

  it('writes a routes base one way, whatever slashes it was given', () => {
    for (const base of ['team', '/team', 'team/', '/team/']) expect(parseOptions({ routes: { base } }).routes.base).toBe('team/');
    expect(parseOptions({ routes: { base: 'org/people' } }).routes.base).toBe('org/people/');
    expect(parseOptions({ routes: { base: '/' } }).routes.base).toBe('');
  });

  it('names each bad option with what it expected and what it found', () => {
    expect(problems({ theme: { heatmap: 'teal' } })).toEqual([
      'engfolio.theme.heatmap: expected one of "greens", "blues", "purples", "oranges", "reds", "greys", found "teal"',
    ]);
    expect(problems({ heatmap: { scheme: 'blues' } })).toEqual([
      'engfolio.heatmap.scheme: expected no value here: the heatmap scheme is the option theme.heatmap since engfolio 0.3, found "blues"',
    ]);
    expect(problems({ locale: 'de_DE' })).toEqual(['engfolio.locale: expected a BCP 47 language tag like "de", "ja" or "pt-BR", found "de_DE"']);
    expect(problems({ heatmap: { weekStart: 'tuesday' } })).toEqual([
      'engfolio.heatmap.weekStart: expected one of "monday", "sunday", "saturday", found "tuesday"',
    ]);
    expect(problems({ messages: { de: { 'section.summry': 'Überblick' } } })).toEqual([
      'engfolio.messages.de.section.summry: expected a message key of engfolio\'s catalogue (see src/lib/i18n/messages/en.ts), not a new one, found "Überblick"',
    ]);
    expect(problems({ messages: { de: { 'page.workOf': 'Arbeit von {person}' } } })).toEqual([
      'engfolio.messages.de.page.workOf: expected a text with the placeholders {name}, as English\'s has; this one has {person}, found "Arbeit von {person}"',
    ]);
    expect(problems({ messages: { de_DE: {} } })).toHaveLength(1);
    expect(problems({ titel: 'x' })).toEqual(['engfolio.titel: expected a known option, found an unknown one — did you mean "title"?']);
    expect(problems({ title: '  ' })).toEqual(['engfolio.title: expected non-empty text, found "  "']);
    expect(problems({ nav: [{ label: 'Blog', href: 'blog/' }] })).toEqual([
      'engfolio.nav.0.href: expected a site path starting with "/", or an http(s):// or mailto: address, found "blog/"',
    ]);
    // A browser reads `/\\host/` as `//host/`: another site, not a path of this one.
    for (const href of ['//evil.example/', '/\\evil.example/'])
      expect(problems({ nav: [{ label: 'Blog', href }] })).toEqual([
        `engfolio.nav.0.href: expected a site path starting with "/", or an http(s):// or mailto: address, found "${href}"`,
      ]);
    expect(problems({ nav: [{ label: 'Blog', href: '/\t/evil.example/' }] })).toEqual([
      'engfolio.nav.0.href: expected a link without spaces or control characters, found "/\t/evil.example/"',
    ]);
    expect(problems({ update: { tokenHosts: ['https://gitlab.example'] } })).toEqual([
      'engfolio.update.tokenHosts.0: expected a host name like "github.com" or "git.example.com:8443" (no scheme, no path), found "https://gitlab.example"',
    ]);
    expect(parseOptions({ nav: [{ label: 'Docs', href: '/docs\\guide/' }] }).nav).toEqual([{ label: 'Docs', href: '/docs/guide/' }]);
    expect(problems({ logo: { src: 'logo.svg' } })).toEqual(['engfolio.logo.src: expected a file of public/, as a path starting with "/", found "logo.svg"']);
    expect(problems({ sections: ['summary', 'summary'] })).toEqual([
      'engfolio.sections.1: expected each section once ("summary" is listed before), found "summary"',
    ]);
    expect(problems({ sections: ['stats'] })).toEqual([
      'engfolio.sections.0: expected one of "summary", "statistics", "activity", "languages", "years", "work-history", "methodology", "quality", "skills", "repositories", "worked-with", "network", or a section of the site\'s own as { id, title, component }, found "stats"',
    ]);
    expect(problems({ yearSections: ['hours', 'streaks'] })).toEqual([
      'engfolio.yearSections.1: expected one of "highlights", "calendar", "languages", "hours", "features", "where", "months", "share", found "streaks"',
    ]);
    expect(problems({ shareImages: 'yes' })).toEqual(['engfolio.shareImages: expected true or false, found "yes"']);
    expect(problems({ components: { Header: './Header.jsx' } })).toEqual([
      'engfolio.components.Header: expected a path to an .astro file, like "./src/components/Header.astro", found "./Header.jsx"',
    ]);
    expect(problems({ routes: { base: '../up' } })).toEqual(['engfolio.routes.base: expected a path prefix like "team/", found "../up"']);
    expect(problems('blue')).toEqual(['engfolio: expected a map of fields, found "blue"']);
  });

  it('reports every problem at once, naming the config file', () => {
    try {
      parseOptions({ heatmap: { metric: 'lines' }, title: 3 }, 'astro.config.ts');
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message.split('\n')).toEqual([
        'error astro.config.ts — engfolio.title: expected text, found number 3',
        'error astro.config.ts — engfolio.heatmap.metric: expected one of "commits", "features", found "lines"',
      ]);
    }
  });
});
