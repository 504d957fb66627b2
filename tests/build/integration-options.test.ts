// The integration's options, in real builds of test sites: a title, links and a logo in the header, the
// site's own pages and public files beside engfolio's, its own header and profile sections, the order of
// sections, engfolio's pages under a routes base; and bad options named in one line each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestSite, PROJECT_ROOT, removeTestSite, runAstroBuild, runEngfolio } from '../support/test-site.ts';

const sites: string[] = [];
afterAll(() => sites.forEach(removeTestSite));

function site(spec: Parameters<typeof makeTestSite>[0]): string {
  const root = makeTestSite(spec);
  sites.push(root);
  return root;
}

const PAGE = JSON.stringify(join(PROJECT_ROOT, 'src', 'components', 'Page.astro'));

describe('a site with its own pages, header, sections and options', () => {
  let dist: string;
  let warnings: string;
  const read = (file: string): string => readFileSync(join(dist, file), 'utf8');

  beforeAll(() => {
    const root = site({
      options: {
        title: 'Platform team',
        description: 'What the platform team did, month by month.',
        logo: { src: '/logo.svg', alt: 'Platform team logo' },
        nav: [
          { label: 'About', href: '/about/' },
          { label: 'Code', href: 'https://code.example.org/' },
        ],
        theme: { heatmap: 'blues' },
        heatmap: { weekStart: 'monday' },
        sections: ['activity', 'summary', { id: 'talks', title: 'Talks', component: './src/components/Talks.astro' }, 'work-history'],
        yearSections: ['months', 'features', 'share'],
        components: { Footer: './src/components/Footer.astro' },
      },
      files: {
        'public/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>',
        'public/photo.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><circle r="1"/></svg>',
        'src/pages/about.astro': `---\nimport Page from ${PAGE};\n---\n<Page title="About us" description="Who we are."><h1>About us</h1><img src="/photo.svg" alt="Us" width="10" height="10" /></Page>\n`,
        'src/pages/blog/first-post.astro': `---\nimport Page from ${PAGE};\n---\n<Page title="First post" description="A post."><h1>First post</h1></Page>\n`,
        'src/pages/styled.astro': `---\nimport Page from ${PAGE};\n---\n<Page title="Styled" description="Inline style."><h1 style="color: red">Styled</h1><p>Writing style="x" in text is fine.</p></Page>\n`,
        'src/components/Talks.astro': '---\nconst { view } = Astro.props;\n---\n<p class="talks">Talks by {view.profile.name}.</p>\n',
        'src/components/Footer.astro': '<footer class="own-footer"><p>Our own footer.</p></footer>\n',
      },
    });
    const r = runEngfolio(root, ['build']);
    expect(r.code, r.err).toBe(0);
    dist = join(root, 'dist');
    warnings = `${r.out}\n${r.err}`;
  });

  it("names a page of the site's own whose inline style the CSP blocks, and no other", () => {
    const lines = warnings.split('\n').filter((l) => l.includes('inline style'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `a page has an inline style="" attribute, which the pages' Content-Security-Policy (style-src 'self') blocks, so it has no effect: /styled/. Style it from a <style> block or a stylesheet instead`,
    );
  });

  it('shows the title in the header, on the index and in page titles, with the description', () => {
    const index = read('index.html');
    expect(index).toContain('<title>Platform team</title>');
    expect(index).toContain('<meta name="description" content="What the platform team did, month by month.">');
    expect(index).toMatch(/<h1[^>]*>Platform team<\/h1>/);
    expect(read('404.html')).toContain('<title>Page not found — Platform team</title>');
  });

  it('puts the logo and the extra links in the header, site paths under the base path', () => {
    const header = /<header class="site-header".*?<\/header>/s.exec(read('mira-kovac/index.html'))![0];
    expect(header).toContain('<img class="site-logo" src="/logo.svg" alt="Platform team logo" height="28">');
    expect(header).toContain('<a href="/about/">About</a>');
    expect(header).toContain('<a href="https://code.example.org/">Code</a>');
  });

  it("builds the site's own pages and public files beside engfolio's, in engfolio's shell", () => {
    const about = read('about/index.html');
    expect(about).toContain('<title>About us</title>');
    expect(about).toContain('<h1>About us</h1>');
    expect(about).toContain('http-equiv="content-security-policy"');
    expect(about).toContain('<p>Our own footer.</p>');
    expect(read('blog/first-post/index.html')).toContain('<h1>First post</h1>');
    expect(existsSync(join(dist, 'photo.svg'))).toBe(true);
  });

  it('uses the site’s own footer instead of engfolio’s', () => {
    const page = read('mira-kovac/2025-06/index.html');
    expect(page).toContain('<footer class="own-footer"><p>Our own footer.</p></footer>');
    expect(page).not.toContain('Built with engfolio from plain Markdown content');
  });

  it('shows the sections in the order given, the site’s own among them, and leaves out the others', () => {
    const page = read('mira-kovac/index.html');
    const order = [...page.matchAll(/<section class="section" id="([\w-]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['activity', 'summary', 'talks', 'work-history']);
    expect(page).toMatch(/<h2 id="talks-h"[^>]*>Talks<\/h2>/);
    expect(page).toMatch(/<p class="talks"[^>]*>Talks by Mira Kovač\.<\/p>/);
    const toc = /<nav class="toc".*?<\/nav>/s.exec(page)![0];
    expect([...toc.matchAll(/href="#([\w-]+)"/g)].map((m) => m[1])).toEqual(['activity', 'summary', 'talks', 'work-history']);
  });

  it('shows the parts of a year in review the options list, in their order', () => {
    const page = read('mira-kovac/2025/index.html');
    expect([...page.matchAll(/<h2 id="([\w-]+)-h"/g)].map((m) => m[1])).toEqual(['months', 'bars', 'share']);
    // The profile page leaves out the languages it was not asked for.
    expect(read('mira-kovac/index.html')).not.toContain('Languages over all months');
    // Years in review without their calendar: the profile page draws every year's (2025 and 2024), links none.
    const profile = read('mira-kovac/index.html');
    expect([...profile.matchAll(/class="day-chart"[^>]*aria-label="Commits per day in (\d{4})/g)].map((m) => m[1])).toEqual(['2025', '2024']);
    expect(profile).not.toContain('class="heat-earlier"');
  });

  it('draws the heatmaps in the scheme and week start chosen', () => {
    const page = read('mira-kovac/index.html');
    expect(page).toContain('heat-blues');
    expect(page).not.toContain('heat-greens');
    // The option's week start over the locale's (English: Sunday): Monday's label is on the first row.
    expect(page).toContain('<text x="30" y="27" class="r">Mon</text>');
    expect(page).not.toContain('<text x="30" y="39" class="r">Mon</text>');
  });

  it('lists the site’s own pages in the sitemap only when the site URL is known', () => {
    expect(existsSync(join(dist, 'sitemap-index.xml'))).toBe(false);
  });
});

describe('engfolio under a routes base, inside a bigger site', () => {
  let dist: string;

  beforeAll(() => {
    const root = site({
      site: 'https://example.org',
      base: '/repo/',
      options: { routes: { base: 'team/' }, shareImages: false },
      files: {
        'src/pages/index.astro': `---\nimport Page from ${PAGE};\n---\n<Page title="Home" description="The bigger site."><h1>Home</h1><a href="/repo/team/">The team</a></Page>\n`,
      },
    });
    const r = runEngfolio(root, ['build']);
    expect(r.code, r.err).toBe(0);
    dist = join(root, 'dist');
  });

  it("puts every engfolio page under the prefix and leaves the site's root to the site", () => {
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('<h1>Home</h1>');
    expect(readFileSync(join(dist, 'team', 'index.html'), 'utf8')).toContain('href="/repo/team/mira-kovac/"');
    const month = readFileSync(join(dist, 'team', 'mira-kovac', '2025-06', 'index.html'), 'utf8');
    expect(month).toMatch(/<a href="\/repo\/team\/"[^>]*>Profiles<\/a>/);
    expect(month).toContain('href="/repo/team/mira-kovac/#2025-06"');
    for (const file of ['team/mira-kovac/feed.xml', 'team/mira-kovac/profile.json', 'team/profile.schema.json', 'team/favicon.svg'])
      expect(existsSync(join(dist, file)), file).toBe(true);
    // The 404 page and robots.txt are the bigger site's business.
    expect(existsSync(join(dist, '404.html'))).toBe(false);
    expect(existsSync(join(dist, 'robots.txt'))).toBe(false);
  });

  it('leaves out the share images, their tags and the year page’s download when the site turns them off', () => {
    const pages = ['team/mira-kovac/index.html', 'team/mira-kovac/2025/index.html', 'team/mira-kovac/2025-06/index.html'];
    for (const page of pages) {
      const html = readFileSync(join(dist, page), 'utf8');
      expect(html, page).not.toContain('og:image');
      expect(html, page).not.toContain('share.png');
    }
    expect(existsSync(join(dist, 'team', 'mira-kovac', 'share.png'))).toBe(false);
    expect(existsSync(join(dist, 'team', 'mira-kovac', '2025', 'share.png'))).toBe(false);
  });

  it('lists the site’s pages and the profile pages in the sitemap', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    for (const url of [
      'https://example.org/repo/',
      'https://example.org/repo/team/',
      'https://example.org/repo/team/mira-kovac/',
      'https://example.org/repo/team/mira-kovac/2025-06/',
    ]) {
      expect(sitemap).toContain(`<loc>${url}</loc>`);
    }
  });
});

describe('bad options', () => {
  it('are named in one line each, with the file and what was expected, and nothing is built', async () => {
    const root = site({ options: { theme: { heatmap: 'teal' }, heatmap: { metrc: 'commits' }, nav: [{ label: 'x', href: 'blog' }] } });
    const r = runEngfolio(root, ['build']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      'error astro.config.mjs — engfolio.nav.0.href: expected a site path starting with "/", or an http(s):// or mailto: address, found "blog"',
      'error astro.config.mjs — engfolio.theme.heatmap: expected one of "greens", "blues", "purples", "oranges", "reds", "greys", found "teal"',
      'error astro.config.mjs — engfolio.heatmap.metrc: expected a known option, found an unknown one — did you mean "metric"?',
    ]);
    expect(existsSync(join(root, 'dist'))).toBe(false);
    // Astro's own build says the same, without a stack trace.
    const astro = await runAstroBuild(root);
    expect(astro.code).not.toBe(0);
    expect(astro.out + astro.err).toContain(
      'error astro.config.mjs — engfolio.theme.heatmap: expected one of "greens", "blues", "purples", "oranges", "reds", "greys", found "teal"',
    );
    expect(astro.out + astro.err).not.toMatch(/^\s+at /m);
  });

  it('name a component file that is not there', () => {
    const root = site({ options: { components: { Header: './src/components/Header.astro' } } });
    const r = runEngfolio(root, ['build']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error astro.config.mjs — engfolio.components.Header: expected an .astro file, found nothing at ./src/components/Header.astro');
    expect(r.err).not.toMatch(/^\s+at /m);
  });

  it('say so when the Astro config has no engfolio integration', () => {
    const root = site({ files: { 'astro.config.mjs': "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n" } });
    const r = runEngfolio(root, ['build']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('expected integrations: [engfolio({ … })] in the Astro config, found no engfolio integration');
  });
});

describe("the README's own-page example", () => {
  it('links its photo under the GitHub Pages base path, as written in the README', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Your own pages'));
    const example = section.slice(section.indexOf('```astro\n') + '```astro\n'.length, section.indexOf('```\n', section.indexOf('```astro\n') + 9));
    expect(example).toContain("import Page from 'engfolio/components/Page.astro';");
    const root = site({
      base: '/my-repo/',
      site: 'https://someone.github.io',
      files: {
        'public/photo.jpg': 'not really a jpeg',
        // The package's name resolves to this checkout here, as it does to node_modules/engfolio for a user.
        'src/pages/about.astro': example.replace("'engfolio/components/Page.astro'", PAGE),
      },
    });
    const r = runEngfolio(root, ['build']);
    expect(r.code, r.err).toBe(0);
    const about = readFileSync(join(root, 'dist', 'about', 'index.html'), 'utf8');
    expect(about).toContain('<img src="/my-repo/photo.jpg" alt="Me">');
    expect(existsSync(join(root, 'dist', 'photo.jpg'))).toBe(true);
  });
});
