// The message catalogues and the locale's formatting: every shipped catalogue has English's keys,
// placeholders and the plural forms its language uses; dates and numbers are Intl's for the locale.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASSIFIER_RULES } from '../../src/lib/git/classify.ts';
import { axisNames, textWidth } from '../../src/lib/i18n/chart-labels.ts';
import { messagePlaceholders } from '../../src/lib/i18n/catalogue.ts';
import { catalogueFor, createLocale, localeWeekStart, pluralCategories } from '../../src/lib/i18n/locale.ts';
import { CATALOGUES } from '../../src/lib/i18n/messages/index.ts';
import { layoutMonths } from '../../src/lib/heatmap/month-layout.ts';
import { layoutDayYear } from '../../src/lib/heatmap/day-layout.ts';

const en = CATALOGUES.en!;
const utc = (y: number, m: number, d = 1) => Date.UTC(y, m - 1, d);

describe('catalogues', () => {
  it('ships English, German, Japanese and Arabic', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual(['ar', 'de', 'en', 'ja']);
  });
  for (const [tag, catalogue] of Object.entries(CATALOGUES)) {
    it(`${tag}: every key of English's, no other, with English's placeholders and ${tag}'s plural forms`, () => {
      const problems: string[] = [];
      for (const key of Object.keys(en)) if (!(key in catalogue)) problems.push(`missing ${key}`);
      for (const key of Object.keys(catalogue)) if (!(key in en)) problems.push(`unknown ${key}`);
      for (const [key, message] of Object.entries(catalogue)) {
        const english = en[key as keyof typeof en];
        if (!english) continue;
        if (messagePlaceholders(message).join() !== messagePlaceholders(english).join()) problems.push(`placeholders of ${key}`);
        if (typeof message !== typeof english) problems.push(`${key}: plural in one catalogue, not in the other`);
        if (typeof message === 'object') for (const c of pluralCategories(tag)) if (!(c in message)) problems.push(`${key}: no "${c}" form`);
        if (!String(typeof message === 'string' ? message : message.other).trim()) problems.push(`${key}: empty`);
      }
      expect(problems).toEqual([]);
    });
  }
  it("English's git methodology lists the classifier's rules, in their order", () => {
    const text = en['methodology.git'] as string;
    CLASSIFIER_RULES.forEach((rule, i) => expect(text).toContain(`  ${i + 1}. ${rule}`));
  });
  it('picks the catalogue of a tag, its language, or English', () => {
    expect([catalogueFor('de'), catalogueFor('de-AT'), catalogueFor('ja-JP'), catalogueFor('ar-EG'), catalogueFor('pt-BR'), catalogueFor('en-GB')]).toEqual([
      'de',
      'de',
      'ja',
      'ar',
      'en',
      'en',
    ]);
  });
});

describe('createLocale', () => {
  const figures = [0, 1, 2, 3, 11, 100, 1846, 1234567];
  for (const tag of ['en', 'de', 'ja', 'ar', 'ar-EG', 'pt-BR', 'hi-IN']) {
    it(`${tag}: numbers, percentages, months and days exactly as Intl formats them`, () => {
      const l = createLocale(tag);
      const n = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
      expect(figures.map(l.number)).toEqual(figures.map((f) => n.format(f)));
      expect(l.number(-12)).toBe(n.format(-12));
      expect(l.percent(91.64)).toBe(new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }).format(0.916));
      const date = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(tag, { ...o, timeZone: 'UTC', calendar: 'gregory' });
      expect(l.monthShort('2026-02')).toBe(date({ year: 'numeric', month: 'short' }).format(utc(2026, 2)));
      expect(l.monthLong('2026-02')).toBe(date({ year: 'numeric', month: 'long' }).format(utc(2026, 2)));
      expect(l.dayShort('2024-02-29')).toBe(date({ year: 'numeric', month: 'short', day: 'numeric' }).format(utc(2024, 2, 29)));
      expect(l.dayRange('2024-02-28', '2024-03-01')).toBe(
        date({ year: 'numeric', month: 'short', day: 'numeric' }).formatRange(utc(2024, 2, 28), utc(2024, 3, 1)),
      );
      expect(l.monthRange('2024-10', '2026-02')).toBe(date({ year: 'numeric', month: 'short' }).formatRange(utc(2024, 10), utc(2026, 2)));
      expect(l.monthRange('2024-10', '2024-10')).toBe(l.monthShort('2024-10'));
      expect(l.year(2026)).toBe(date({ year: 'numeric' }).format(utc(2026, 6)));
      expect(l.weekday(0, 'long')).toBe(date({ weekday: 'long' }).format(utc(2023, 1, 1)));
      expect(l.numberRange(4, 9)).toBe(new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).formatRange(4, 9));
      expect(l.numberRange(4, 4)).toBe(n.format(4));
      // Ranges are remembered: asked again (and with negative ends) they are still Intl's.
      expect(l.numberRange(4, 9)).toBe(new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).formatRange(4, 9));
      expect(l.numberRange(-12, -3)).toBe(new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).formatRange(-12, -3));
      expect(l.numberRange(1000, 2500000)).toBe(new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).formatRange(1000, 2500000));
      expect(l.monthRange('2024-10', '2026-02')).toBe(date({ year: 'numeric', month: 'short' }).formatRange(utc(2024, 10), utc(2026, 2)));
    });
  }
  it('groups whole numbers by hand exactly as Intl does, in every locale', () => {
    for (const tag of ['en', 'de', 'ja', 'ar', 'ar-EG', 'fa', 'hi-IN', 'es', 'fr']) {
      const l = createLocale(tag);
      const intl = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
      fc.assert(
        fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: 0, max: 1e6 })), (n) => l.number(n) === intl.format(n)),
        { numRuns: 300 },
      );
      for (const n of [0, 999, 1000, 9999, 10000, 1234.5]) expect(l.number(n), `${tag} ${n}`).toBe(intl.format(n));
    }
  });
  it('formats the figures people see in each shipped locale', () => {
    const texts = (tag: string) => {
      const l = createLocale(tag);
      return [l.number(1846), l.monthLong('2026-02'), l.t('count.commits', { count: 12 }), l.t('count.commits', { count: 1 })];
    };
    expect(texts('en')).toEqual(['1,846', 'February 2026', '12 commits', '1 commit']);
    expect(texts('de').slice(0, 2)).toEqual(['1.846', 'Februar 2026']);
    expect(texts('ja').slice(0, 2)).toEqual(['1,846', '2026年2月']);
    expect(createLocale('ar-EG').number(270)).toBe('٢٧٠');
  });
  it('picks plural forms by the locale’s rules and fills placeholders', () => {
    const ar = createLocale('ar');
    const forms = CATALOGUES.ar!['count.commits'] as unknown as Record<string, string>;
    const fill = (form: string, count: number) => form.replace('{count}', ar.number(count));
    expect([0, 1, 2, 3, 11, 100].map((count) => ar.t('count.commits', { count }))).toEqual([
      fill(forms.zero!, 0),
      fill(forms.one!, 1),
      fill(forms.two!, 2),
      fill(forms.few!, 3),
      fill(forms.many!, 11),
      fill(forms.other!, 100),
    ]);
    expect(createLocale('en').t('page.workOf', { name: 'Ada' })).toBe('Work of Ada');
  });
  it('takes a site’s own messages over the catalogue’s', () => {
    const l = createLocale('de', { messages: { 'section.summary': 'Überblick', 'count.repos': { one: '{count} Repo', other: '{count} Repos' } } });
    expect(l.t('section.summary')).toBe('Überblick');
    expect(l.t('count.repos', { count: 3 })).toBe('3 Repos');
    expect(l.t('section.activity')).toBe(CATALOGUES.de!['section.activity']);
  });
  it('gives English words with the tag’s own formats where no catalogue ships', () => {
    const l = createLocale('pt-BR');
    expect(l.catalogue).toBe('en');
    expect(l.t('section.summary')).toBe('Summary');
    expect(l.number(1846)).toBe('1.846');
  });
  it('reads direction and week start from the locale, the option overriding the week start', () => {
    expect(['en', 'de', 'ja', 'ar', 'he'].map((t) => createLocale(t).dir)).toEqual(['ltr', 'ltr', 'ltr', 'rtl', 'rtl']);
    expect(['en-US', 'de', 'ja', 'ar', 'en-GB'].map(localeWeekStart)).toEqual(['sunday', 'monday', 'sunday', 'saturday', 'monday']);
    expect(createLocale('de', { weekStart: 'sunday' }).weekStart).toBe('sunday');
  });
  it('throws on a tag Intl does not take (the options check it first)', () => {
    expect(() => createLocale('de_DE')).toThrow(RangeError);
  });
});

describe('axis names', () => {
  it('uses short names where they fit, narrow ones where not', () => {
    expect(axisNames(createLocale('en'), 26, 30).months).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    expect(axisNames(createLocale('en'), 26, 30).weekdays[1]).toBe('Mon');
    expect(axisNames(createLocale('ja'), 26, 30).months[11]).toBe('12月');
    const ar = createLocale('ar');
    expect(axisNames(ar, 26, 30).months).toEqual(Array.from({ length: 12 }, (_, i) => ar.monthName(i + 1, 'narrow')));
    expect(axisNames(ar, 26, 30).weekdays).toEqual(Array.from({ length: 7 }, (_, d) => ar.weekday(d, 'narrow')));
  });
  it('estimates wide scripts wider', () => {
    expect(textWidth('May', 10)).toBeCloseTo(18.8, 5);
    expect(textWidth('12月', 10)).toBeCloseTo(24, 5);
  });
});

describe('counts after a preposition, by their exact text', () => {
  const months = Array.from({ length: 25 }, (_, i) => ({
    month: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    commits: 1,
    features: 0,
  }));
  const days = Array.from({ length: 8 }, (_, i) => ({ date: `2024-03-0${i + 1}`, count: 1 }));
  const summaries = (tag: string) => {
    const l = createLocale(tag);
    return {
      months: layoutMonths(months, 'commits', { locale: l }).summary,
      days: layoutDayYear(days, 2024, { weekStart: 'monday', locale: l }).summary,
      twoDays: layoutDayYear(days.slice(0, 2), 2024, { weekStart: 'monday', locale: l }).summary,
    };
  };
  it('German takes the dative: "in 25 Monaten", "an 8 Tagen"', () => {
    const de = summaries('de');
    expect(de.months).toContain('25 Commits in 25 Monaten mit Eintrag');
    expect(de.days).toContain('8 Commits an 8 Tagen mit Daten');
  });
  it('Arabic takes the genitive dual after a preposition: "يومين"', () => {
    expect(summaries('ar').twoDays).toContain('يومين');
    expect(summaries('ar').twoDays).not.toContain('يومان');
  });
  it('English and Japanese read as before', () => {
    expect(summaries('en').months).toBe('Commits per month, Jan 2023 to Jan 2025: 25 commits in 25 months with an entry; busiest Jan 2023 (1).');
    expect(summaries('en').days).toContain('8 commits on 8 days with data');
    expect(summaries('ja').days).toContain('8 日');
  });
});
