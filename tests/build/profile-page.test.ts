// A real build of the shipped content: everything the export shows appears on the built pages.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from '../support/fixtures.ts';
import { sectionText, visibleText } from '../support/html-text.ts';
import { formatNumber, monthLong } from '../../src/lib/format.ts';
import { createLocale } from '../../src/lib/i18n/locale.ts';

const en = createLocale('en');

interface Expected {
  name: string;
  summary: string;
  stats: Record<string, number>;
  network: { people: number; organization: string; organizationMembers: number; members: { name: string; role: string }[] };
  months: { month: string; commits: number; features: number; summary: string }[];
  quality: Record<string, number>;
  skills: { languages: string[]; technical: string[] };
  repositories: { name: string; from: string; to: string; monthsActive: number; languages: string[]; skills: string[] }[];
}

const expected = JSON.parse(readFileSync('tests/fixtures/seed/000_44ad1382dda3814e.expected.json', 'utf8')) as Expected;

describe('the built example profile', () => {
  let dir: string;
  let html: string;
  let text: string;
  beforeAll(async () => {
    dir = await builtSite();
    html = readFileSync(join(dir, 'tejun-heo', 'index.html'), 'utf8');
    text = visibleText(html);
  });

  it('shows the header and summary', () => {
    expect(text).toContain(expected.name);
    expect(text).toContain(expected.summary);
  });

  it('derives 270 commits, 75 features, 13 active months and 70% features from the months', () => {
    const stats = sectionText(html, 'statistics')!;
    expect(stats).toMatch(/70%\s*features/);
    // The commits are the contributions card's figure, said once.
    expect(stats).toMatch(/270 commits \(sum of months\) Features 75 \(sum of months\)/);
    expect(stats).not.toMatch(/Commits 270/);
    expect(stats).toMatch(/Activity months 13 /);
    expect(stats).toContain(`Bugs ${expected.stats.bugs} (declared)`);
    expect(stats).toContain(`Lines of code ${formatNumber(expected.stats.linesOfCode!)}`);
    expect(stats).toContain('2,731,346');
  });

  it('shows the network with every member', () => {
    const network = sectionText(html, 'network')!;
    expect(network).toContain(formatNumber(expected.network.people));
    expect(network).toContain(expected.network.organization);
    expect(network).toContain(String(expected.network.organizationMembers));
    for (const m of expected.network.members) expect(network).toContain(`${m.name} ${m.role}`);
  });

  it('lists every month newest first with counts, anchor and narrative, as a month (no invented day)', () => {
    const history = sectionText(html, 'work-history')!;
    let last = -1;
    for (const m of expected.months) {
      const heading = monthLong(m.month);
      const at = history.indexOf(heading);
      expect(at, heading).toBeGreaterThan(last);
      last = at;
      const entry = sectionText(html, m.month)!;
      expect(entry, `#${m.month}`).toBeDefined();
      expect(entry).toContain(`${m.commits} ${m.commits === 1 ? 'commit' : 'commits'} • ${m.features} ${m.features === 1 ? 'feature' : 'features'}`);
      expect(entry).not.toContain(en.dayShort(`${m.month}-01`));
      expect(html).toMatch(new RegExp(`<time datetime="${m.month}"[^>]*>${heading}</time>`));
      expect(entry).toContain(m.summary);
    }
  });

  it('shows every quality metric as a labelled bar with its exact value', () => {
    const quality = sectionText(html, 'quality')!;
    const labels: Record<string, string> = {
      correctness: 'Correctness',
      maintainability: 'Maintainability',
      architecture: 'Architecture',
      performance: 'Performance',
      aiUsage: 'AI Usage',
    };
    for (const [key, value] of Object.entries(expected.quality))
      expect(quality).toMatch(new RegExp(`${labels[key]}:\\s*${String(value).replace('.', '\\.')}%`));
  });

  it('shows every skill and every repository with its period, months, languages and skills', () => {
    const skills = sectionText(html, 'skills')!;
    for (const s of [...expected.skills.languages, ...expected.skills.technical]) expect(skills).toContain(` ${s} `);
    const repos = sectionText(html, 'repositories')!;
    expect(repos).toContain(`${expected.repositories.length} repos`);
    for (const r of expected.repositories) {
      expect(repos).toContain(r.name);
      // The page's text is whitespace-folded: Intl's thin spaces read as spaces.
      const period = en.monthRange(r.from, r.to).replace(/\s/g, ' ');
      expect(repos).toContain(`${period} · ${r.monthsActive} ${r.monthsActive === 1 ? 'month' : 'months'} active`);
      for (const l of r.languages) expect(repos).toContain(` ${l} `);
      for (const s of r.skills) expect(repos).toContain(` ${s} `);
    }
  });

  it('draws the activity heatmap in the page, with no script', () => {
    expect(sectionText(html, 'activity')).toBeDefined();
    // A chart whose cells link to months is a labelled group (an img may not hold links).
    expect(html).toMatch(/<svg[^>]*role="(img|group)" aria-label="Commits per month/);
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  });

  it('gives each month a permanent page linking to its neighbours and back', () => {
    for (const m of expected.months) expect(existsSync(join(dir, 'tejun-heo', m.month, 'index.html')), m.month).toBe(true);
    const page = readFileSync(join(dir, 'tejun-heo', '2025-09', 'index.html'), 'utf8');
    const t = visibleText(page);
    expect(t).toContain('September 2025');
    expect(t).toContain('36 commits • 6 features');
    expect(page).toContain('href="/tejun-heo/2025-06/"');
    expect(page).toContain('href="/tejun-heo/2025-10/"');
    expect(page).toContain('href="/tejun-heo/#2025-09"');
  });

  it('lists both example profiles on the index', () => {
    const index = visibleText(readFileSync(join(dir, 'index.html'), 'utf8'));
    expect(index).toContain('Tejun Heo');
    expect(index).toContain('Mira Kovač');
    expect(index).toContain('Oct 2024 – Feb 2026');
  });
});
