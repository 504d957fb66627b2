// Team pages, built for real from three profiles that share repositories (one of them private under an
// alias, one private without): exact repository pages, no page and no trace of what is private, people
// by name unless the site ranks, "worked with" on profile pages, and the index's roll-up, whose totals
// are the sums of the profiles' own figures.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from '../support/fixtures.ts';
import { sectionText, visibleText } from '../support/html-text.ts';
import { generate, SIZES } from '../bench/generate.ts';
import { makeTestSite, PROJECT_ROOT, removeTestSite, runEngfolio } from '../support/test-site.ts';

const content = join(PROJECT_ROOT, 'tests', 'fixtures', 'team-content');

function files(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), root) : [relative(root, join(dir, e.name))]));
}
const page = (dir: string, path: string): string => readFileSync(join(dir, path, 'index.html'), 'utf8');

describe('a team site', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await builtSite({ content });
  });

  it('has a page for each repository it may show, and none for an unaliased private one', () => {
    const pages = files(join(dir, 'repos')).sort();
    expect(pages).toEqual(['acme/engine/index.html', 'berg/dotfiles/index.html', 'billing-service/index.html']);
  });

  it('shows a repository’s period, people, months and languages exactly', () => {
    const html = page(dir, 'repos/acme/engine');
    expect(visibleText(html.slice(html.indexOf('<main'), html.indexOf('id="activity"')))).toContain(
      'Repository acme/engine Jan – Mar 2025 People 3 Commits 52 Features 7 Active months 3',
    );
    expect(sectionText(html, 'people')?.trim()).toBe(
      'Who worked in it Ada Byron 17 commits • 3 features Jan 2025 Feb 2025 Grace Hopper 5 commits • 3 features Feb 2025 Linus Berg 30 commits • 1 feature Mar 2025',
    );
    expect(sectionText(html, 'months')?.trim()).toBe(
      'Month by month March 2025 Linus Berg 30 commits • 1 feature February 2025 Ada Byron 7 commits • 1 feature Grace Hopper 5 commits • 3 features January 2025 Ada Byron 10 commits • 2 features',
    );
    expect(sectionText(html, 'languages')?.trim()).toBe('Languages and areas Languages C Rust Areas scheduler compiler');
    // Each person links to their profile and to their months in the repository.
    for (const href of ['/ada-byron/', '/ada-byron/2025-01/', '/ada-byron/2025-02/', '/grace-hopper/2025-02/', '/linus-berg/2025-03/'])
      expect(html).toContain(`href="${href}"`);
  });

  it('shows a private repository by its alias only', () => {
    const html = page(dir, 'repos/billing-service');
    expect(visibleText(html)).toContain('Private repository, by its alias Billing service');
    expect(sectionText(html, 'people')?.trim()).toBe('Who worked in it Ada Byron 7 commits • 1 feature Feb 2025 Grace Hopper 8 commits • 2 features Mar 2025');
  });

  it('writes nothing of a private repository’s source anywhere in the site', () => {
    for (const f of files(dir)) {
      const text = readFileSync(join(dir, f), 'latin1');
      for (const secret of ['secret-billing-ledger', 'hush-hush-vault', 'git.example.com', 'ada@example.org'])
        expect(text.includes(secret), `${secret} in ${f}`).toBe(false);
    }
    expect(existsSync(join(dir, 'repos', 'a-private-repository'))).toBe(false);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).not.toContain('a private repository');
  });

  it('links a profile’s repositories to their pages and lists who worked with them, by name', () => {
    const html = page(dir, 'grace-hopper');
    expect(html).toContain('href="/repos/acme/engine/"');
    expect(html).toContain('href="/repos/billing-service/"');
    expect(sectionText(html, 'worked-with')?.trim()).toBe('Worked with 2 people Ada Byron in acme/engine, Billing service Linus Berg in acme/engine');
    // Ada's unaliased private repository is on her page as it was, without a link.
    expect(page(dir, 'ada-byron')).not.toContain('href="/repos/a-private-repository/"');
  });

  it('sums the profiles’ own figures in the roll-up, and groups people by organization', () => {
    const stats = ['ada-byron', 'grace-hopper', 'linus-berg'].map(
      (slug) => (JSON.parse(readFileSync(join(dir, slug, 'profile.json'), 'utf8')) as { stats: { commits: number; features: number } }).stats,
    );
    const sum = (k: 'commits' | 'features') => stats.reduce((n, s) => n + s[k], 0);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const rollup = sectionText(html, 'organization')!;
    expect(rollup).toContain(`People 3 Commits ${sum('commits')} Features ${sum('features')} Active months 3 Repositories 3`);
    expect(sum('commits')).toBe(64);
    // Only Linus's month records languages: the mix says what it covers.
    expect(rollup).toContain('Languages: the profiles that record them (1 of 3), 30 commits of 64.');
    expect(sectionText(html, 'repositories')?.trim()).toBe(
      'Repositories acme/engine 3 people · Jan – Mar 2025 berg/dotfiles 1 person · Mar 2025 Billing service 2 people · Feb – Mar 2025',
    );
    const people = sectionText(html, 'people')!;
    expect(people.indexOf('Analytical Engines 2 people')).toBeGreaterThan(-1);
    expect(people.indexOf('Ada Byron')).toBeLessThan(people.indexOf('Grace Hopper'));
    expect(people.indexOf('Grace Hopper')).toBeLessThan(people.indexOf('No organization given 1 person'));
  });
});

describe('the index of 1,000 profiles', () => {
  it('stays under 200 KB of HTML with the roll-up, the repositories and everyone listed', () => {
    const root = makeTestSite({ content: 'content' });
    try {
      generate(join(root, 'content'), SIZES.L!);
      // The index is the site shard's: no need to render the profiles' pages for it.
      const r = runEngfolio(root, ['build', '--shard', 'site', '--out', 'site']);
      expect(r.code, r.err).toBe(0);
      const html = readFileSync(join(root, 'site', 'index.html'), 'utf8');
      expect(Buffer.byteLength(html)).toBeLessThan(200_000);
      const people = sectionText(html, 'people')!;
      for (const slug of readdirSync(join(root, 'content', 'profiles')).map((f) => f.slice(0, -3))) expect(html).toContain(`href="/${slug}/"`);
      expect(people).toMatch(/^People /);
      expect(html).toContain('id="organization"');
      expect(html).toContain('id="repositories"');
    } finally {
      removeTestSite(root);
    }
  }, 300_000);
});

describe('a team site that ranks', () => {
  it('sorts people by commits only when teams.ranking is on', async () => {
    const dir = await builtSite({ content, engfolio: { teams: { ranking: true } } });
    const people = sectionText(page(dir, 'repos/acme/engine'), 'people')!;
    expect(people.indexOf('Linus Berg')).toBeLessThan(people.indexOf('Ada Byron'));
    expect(people.indexOf('Ada Byron')).toBeLessThan(people.indexOf('Grace Hopper'));
  });
});

describe('a site of one profile', () => {
  it('has its repository pages, no roll-up, and no breadcrumb to a repository list it does not have', async () => {
    mkdirSync(join(PROJECT_ROOT, '.engfolio'), { recursive: true });
    const one = mkdtempSync(join(PROJECT_ROOT, '.engfolio', 'one-profile-'));
    try {
      cpSync(join(content, 'profiles', 'ada-byron.md'), join(one, 'profiles', 'ada-byron.md'), { recursive: true });
      cpSync(join(content, 'months', 'ada-byron'), join(one, 'months', 'ada-byron'), { recursive: true });
      const dir = await builtSite({ content: one });
      expect(files(join(dir, 'repos')).sort()).toEqual(['acme/engine/index.html', 'billing-service/index.html']);
      expect(readFileSync(join(dir, 'index.html'), 'utf8')).not.toContain('id="repositories"');
      expect(page(dir, 'repos/acme/engine')).not.toContain('#repositories');
      expect(page(dir, 'ada-byron')).not.toContain('id="worked-with"');
    } finally {
      rmSync(one, { recursive: true, force: true });
    }
  });
});

describe('an incremental rebuild of a team site', () => {
  it('renders a profile page again when a colleague it names changes, and reuses the pages that do not show them', () => {
    const site = makeTestSite({});
    try {
      const copy = join(site, 'content');
      cpSync(content, copy, { recursive: true });
      const build = () => runEngfolio(site, ['build', '--content', copy, '--out', 'out']);
      expect(build().code).toBe(0);
      const month = join(site, 'out', 'grace-hopper', '2025-02', 'index.html');
      const before = statSync(month).ino;
      const profile = join(copy, 'profiles', 'linus-berg.md');
      writeFileSync(profile, readFileSync(profile, 'utf8').replace('name: Linus Berg', 'name: Linus Bergström'));
      const r = build();
      expect(r.code, r.err).toBe(0);
      // Grace's own content did not change; her page names Linus, her month page does not.
      expect(sectionText(page(join(site, 'out'), 'grace-hopper'), 'worked-with')).toContain('Linus Bergström in acme/engine');
      expect(statSync(month).ino).toBe(before);
      expect(sectionText(page(join(site, 'out'), 'repos/acme/engine'), 'people')).toContain('Linus Bergström');
    } finally {
      removeTestSite(site);
    }
  });
});

describe('a site without team pages', () => {
  it('has no repository pages, roll-up or "worked with" when teams.repositories is off', async () => {
    const dir = await builtSite({ content, engfolio: { teams: { repositories: false } } });
    expect(existsSync(join(dir, 'repos'))).toBe(false);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).not.toContain('id="organization"');
    expect(page(dir, 'grace-hopper')).not.toContain('id="worked-with"');
  });
});
