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
      title: 'Engineering profiles',
      nav: [],
      heatmap: { scheme: 'greens', metric: 'commits', weekStart: 'monday' },
      sections: [...SECTION_IDS],
      yearSections: [...YEAR_SECTION_IDS],
      shareImages: true,
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
    expect(problems({ heatmap: { scheme: 'teal' } })).toEqual([
      'engfolio.heatmap.scheme: expected one of "greens", "blues", "purples", "oranges", "reds", "greys", found "teal"',
    ]);
    expect(problems({ titel: 'x' })).toEqual(['engfolio.titel: expected a known option, found an unknown one — did you mean "title"?']);
    expect(problems({ title: '  ' })).toEqual(['engfolio.title: expected non-empty text, found "  "']);
    expect(problems({ nav: [{ label: 'Blog', href: 'blog/' }] })).toEqual([
      'engfolio.nav.0.href: expected a site path starting with "/", or an http(s):// or mailto: address, found "blog/"',
    ]);
    expect(problems({ logo: { src: 'logo.svg' } })).toEqual(['engfolio.logo.src: expected a file of public/, as a path starting with "/", found "logo.svg"']);
    expect(problems({ sections: ['summary', 'summary'] })).toEqual([
      'engfolio.sections.1: expected each section once ("summary" is listed before), found "summary"',
    ]);
    expect(problems({ yearSections: ['hours', 'streaks'] })).toEqual([
      'engfolio.yearSections.1: expected one of "highlights", "languages", "hours", "features", "where", "months", "share", found "streaks"',
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
