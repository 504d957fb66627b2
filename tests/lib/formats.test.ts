import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { publishedProfileSchema } from '../../src/lib/content-schema.ts';
import { buildProfileView } from '../../src/lib/profile-view.ts';
import { yearReviews } from '../../src/lib/year-review.ts';
import { buildProfileJson, profileJsonSchemaDocument, PROFILE_JSON_VERSION } from '../../src/lib/formats/profile-json.ts';
import { exportLinks } from '../../src/lib/formats/links.ts';
import { siteUrls } from '../../src/lib/routes.ts';
import { buildProfileFeed } from '../../src/lib/formats/feed.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { buildJsonResume } from '../../src/lib/formats/resume.ts';
import { buildPersonJsonLd, jsonLdScriptText } from '../../src/lib/formats/json-ld.ts';
import { firstBlockPlainText, markdownToPlainText } from '../../src/lib/formats/plain-text.ts';
import { MARKDOWN_ONLY, PAYLOADS } from '../fixtures/xss/payloads.ts';
import { generate, SIZES } from '../bench/generate.ts';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocale } from '../../src/lib/i18n/locale.ts';

const en = createLocale('en');

const profile = publishedProfileSchema.parse({
  name: 'Ada <Lovelace>',
  headline: 'Engine analyst',
  organization: 'Analytical Co',
  links: [
    { label: 'Site', url: 'https://ada.example' },
    { label: 'Mail', url: 'mailto:ada@example.org' },
  ],
  totals: { bugs: 2 },
  quality: { Coverage: 80 },
  skills: { languages: ['Note G'], technical: ['Algorithms'] },
  repositories: [{ name: 'engine', from: '2024-01', to: '2024-03', languages: ['Note G'] }],
});
const month = (m: string, commits: number) => ({ month: m, commits, features: 1, repositories: ['engine'], areas: [], generated: false });
const view = buildProfileView(
  'ada',
  profile,
  [month('2024-01', 3), month('2024-03', 5)],
  [
    { date: '2024-03-02', count: 2 },
    { date: '2024-01-05', count: 3, features: 1 },
  ],
);
const text = {
  summary: 'Wrote **the** first program.\n\nSecond paragraph.',
  narratives: new Map([
    ['2024-01', 'First *notes* & [link](https://x.org).'],
    ['2024-03', ''],
  ]),
};
const narrativeHtml = (m: { month: string }): string => renderMarkdown(text.narratives.get(m.month) ?? '');
const urls = siteUrls('/', '');
const years = yearReviews(view.months, view.days, 'monday');
const site = 'https://ex.github.io/repo/';

describe('profile.json', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(profileJsonSchemaDocument('https://ex.github.io/repo/profile.schema.json'));

  it('is versioned, carries derived totals and months newest first, and validates against its JSON Schema', () => {
    const doc = buildProfileJson(view, text, exportLinks(urls, 'ada', new URL(site)), years);
    expect(doc.version).toBe(PROFILE_JSON_VERSION);
    expect(doc.$schema).toBe('https://ex.github.io/profile.schema.json');
    expect(doc.stats).toMatchObject({ commits: 8, features: 2, bugs: 2, activityMonths: 2 });
    expect(doc.months.map((m) => m.month)).toEqual(['2024-03', '2024-01']);
    expect(doc.activity.map((d) => d.date)).toEqual(['2024-01-05', '2024-03-02']);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('carries a review of each year, with no key for a figure that is unknown', () => {
    const doc = JSON.parse(JSON.stringify(buildProfileJson(view, text, exportLinks(urls, 'ada', new URL(site)), years)));
    expect(doc.years).toEqual([
      {
        year: 2024,
        url: 'https://ex.github.io/ada/2024/',
        totals: { commits: 8, features: 2, activeMonths: 2, activeDays: 2 },
        busiestMonth: { month: '2024-03', commits: 5 },
        busiestWeek: { from: '2024-01-01', to: '2024-01-07', commits: 3 },
        busiestDay: { date: '2024-01-05', commits: 3 },
        longestRun: { days: 1, from: '2024-01-05', to: '2024-01-05' },
        longestWorkdayRun: { days: 1, from: '2024-01-05', to: '2024-01-05' },
        repositories: [{ name: 'engine', months: 2 }],
        areas: [],
        months: Array.from({ length: 12 }, (_, i) => ({
          month: `2024-${String(i + 1).padStart(2, '0')}`,
          commits: [3, 0, 5][i] ?? 0,
          features: [1, 0, 1][i] ?? 0,
          bugs: 0,
        })),
      },
    ]);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...doc, years: [{ ...doc.years[0], busiestDay: { date: '2024-02-30x', commits: 1 } }] })).toBe(false);
  });

  it('has a schema that rejects documents of another version or with unknown fields', () => {
    const doc = JSON.parse(JSON.stringify(buildProfileJson(view, text, exportLinks(urls, 'ada', undefined), years)));
    expect(validate({ ...doc, version: 2 })).toBe(false);
    expect(validate({ ...doc, extra: true })).toBe(false);
    expect(validate({ ...doc, months: [{ ...doc.months[0], month: '2024-13' }] })).toBe(false);
  });
});

describe('feed', () => {
  it('is Atom that lists every month, newest first, with dates that do not depend on the time zone', () => {
    const xml = buildProfileFeed(view, exportLinks(urls, 'ada', new URL(site)), { absolute: true, narrativeHtml, locale: en });
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const entries = [parsed.feed.entry].flat();
    expect(parsed.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(entries.map((e: { id: string }) => e.id)).toEqual(['https://ex.github.io/ada/2024-03/', 'https://ex.github.io/ada/2024-01/']);
    expect(entries[1].updated).toBe('2024-01-01T00:00:00.000Z');
    expect(parsed.feed.updated).toBe('2024-03-01T00:00:00.000Z');
    expect(entries[1].content['#text']).toContain('<em>notes</em>');
  });
  it('escapes the site’s own messages in the HTML of an entry, as the pages do', () => {
    const site = createLocale('en', {
      messages: { 'count.commits': { one: '<img src=x onerror=alert(1)> {count}', other: '<img src=x onerror=alert(1)> {count}' } },
    });
    const xml = buildProfileFeed(view, exportLinks(urls, 'ada', undefined), { absolute: false, narrativeHtml, locale: site });
    const html = [new XMLParser({ ignoreAttributes: false }).parse(xml).feed.entry].flat()[0].content['#text'] as string;
    expect(html.startsWith('<p>&lt;img src=x onerror=alert(1)&gt; 5, ')).toBe(true);
    expect(html).not.toContain('<img');
  });
  it('uses URN ids when the site URL is unknown', () => {
    const xml = buildProfileFeed(view, exportLinks(urls, 'ada', undefined), { absolute: false, narrativeHtml, locale: en });
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(parsed.feed.id).toBe('urn:engfolio:ada');
    expect([parsed.feed.entry].flat().map((e: { link: { '@_href': string } }) => e.link['@_href'])).toEqual(['/ada/2024-03/', '/ada/2024-01/']);
    expect(xml).not.toContain('invalid');
  });
});

describe('JSON Resume and JSON-LD', () => {
  it('builds JSON Resume basics, work, skills and projects', () => {
    const resume = buildJsonResume(view, text, exportLinks(urls, 'ada', new URL(site)), en);
    expect(resume.basics).toMatchObject({
      name: 'Ada <Lovelace>',
      label: 'Engine analyst',
      email: 'ada@example.org',
      profiles: [{ network: 'Site', url: 'https://ada.example' }],
    });
    expect((resume.basics as { summary: string }).summary).toBe('Wrote the first program.\n\nSecond paragraph.');
    expect(resume.work).toEqual([
      expect.objectContaining({ name: 'Analytical Co', startDate: '2024-01', endDate: '2024-03', highlights: ['January 2024: First notes & link.'] }),
    ]);
    expect(resume.projects).toEqual([{ name: 'engine', startDate: '2024-01', endDate: '2024-03', keywords: ['Note G'] }]);
  });
  it('leaves relative URLs out of JSON Resume (its url fields must be absolute)', () => {
    const resume = buildJsonResume(view, text, exportLinks(urls, 'ada', undefined), en);
    expect(resume.basics).not.toHaveProperty('url');
    expect(resume.meta).toEqual({ version: 'v1.0.0' });
  });
  it('builds a schema.org Person whose script text cannot close the script element', () => {
    const ld = buildPersonJsonLd(view, exportLinks(urls, 'ada', new URL(site)));
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: 'Ada <Lovelace>',
      url: 'https://ex.github.io/ada/',
      sameAs: ['https://ada.example'],
    });
    // Without a site URL there is no absolute URL to give, and schema.org wants one.
    expect(buildPersonJsonLd(view, exportLinks(urls, 'ada', undefined))).not.toHaveProperty('url');
    const text = jsonLdScriptText({ ...ld, name: '</script><b>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text).name).toBe('</script><b>');
  });
  it('reduces Markdown to plain text', () => {
    expect(markdownToPlainText('# T\n\n- a `b`\n- c\n\n> q')).toBe('T\n\na b\n\nc\n\nq');
  });
});

describe('firstBlockPlainText', () => {
  // It parses only the text before the first blank line when that cannot change the answer: it must
  // always equal the first block of the whole document's plain text.
  const firstOfAll = (md: string): string => markdownToPlainText(md).split('\n\n')[0] ?? '';
  const cases = [
    'One *two* three.\n\nFour.',
    '\n\n  \nLeading blank lines.\n\nNext.',
    '# Heading\nText under it.\n\nMore.',
    '- a\n- b\n\n- c',
    '> quoted\n\n> again',
    '```\ncode\n\nstill code\n```\n\nafter',
    '~~~\nx\n\ny\n~~~',
    '    indented code\n\n    more code\n\ntext',
    '<div>\n\n*html block*\n\n</div>\n\nafter',
    '<!-- comment\n\nstill comment -->\n\nafter',
    'See [the notes][n].\n\n[n]: https://example.org',
    '---\n\nAfter a rule.',
    '![](x.png)\n\nAfter an image without alt.',
    'Setext\n===\n\nbody',
    'no blank line at all',
    '',
    '   \n\n',
  ];
  it.each(cases)('equals the first block of the whole text for %j', (md) => expect(firstBlockPlainText(md)).toBe(firstOfAll(md)));
  it("equals it on the XSS corpus and the example's narratives", () => {
    const docs = [...PAYLOADS, ...MARKDOWN_ONLY];
    for (const dir of ['tests/fixtures/example-content/months/tejun-heo', 'tests/fixtures/example-content/months/mira-kovac']) {
      for (const name of readdirSync(dir)) docs.push(readFileSync(join(dir, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
    }
    for (const md of docs) expect(firstBlockPlainText(md), md).toBe(firstOfAll(md));
  });
  it('equals it on generated narratives', () => {
    const dir = mkdtempSync(join(tmpdir(), 'engfolio-first-block-'));
    try {
      generate(dir, SIZES.M!, 7);
      let n = 0;
      for (const slug of readdirSync(join(dir, 'months')).slice(0, 20)) {
        for (const name of readdirSync(join(dir, 'months', slug))) {
          const md = readFileSync(join(dir, 'months', slug, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
          expect(firstBlockPlainText(md), md).toBe(firstOfAll(md));
          n++;
        }
      }
      expect(n).toBeGreaterThan(400);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
