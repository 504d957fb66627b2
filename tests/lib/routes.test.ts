// The route table: patterns to inject, paths and output files of each route, links under a base path and
// a routes base, and what each cache key covers.
import { describe, expect, it } from 'vitest';
import { injectedPattern, outputFile, route, routePath, siteRoutes, siteUrls, type ProfileDigests } from '../../src/lib/routes.ts';

describe('the route table', () => {
  it('injects every route at the site root, or under a routes base without the site-root files', () => {
    expect(siteRoutes('', { ownFavicon: false, shareImages: true, repositories: true }).map((r) => injectedPattern(r, ''))).toEqual([
      '/',
      '/[slug]',
      '/[slug]/[period]',
      '/[slug]/feed.xml',
      '/[slug]/profile.json',
      '/[slug]/resume.json',
      '/[slug]/activity.svg',
      '/[slug]/share.png',
      '/[slug]/[period]/share.png',
      '/repos/[...repo]',
      '/profile.schema.json',
      '/favicon.svg',
      '/404',
      '/robots.txt',
    ]);
    // A site with its own icon, no share images and no repository pages.
    expect(siteRoutes('team/', { ownFavicon: true, shareImages: false, repositories: false }).map((r) => injectedPattern(r, 'team/'))).toEqual([
      '/team',
      '/team/[slug]',
      '/team/[slug]/[period]',
      '/team/[slug]/feed.xml',
      '/team/[slug]/profile.json',
      '/team/[slug]/resume.json',
      '/team/[slug]/activity.svg',
      '/team/profile.schema.json',
    ]);
  });

  it('writes paths with a slash after pages, and outputs pages as index.html', () => {
    expect(routePath(route('period'), { slug: 'ada', period: '2025-06' }, 'team/')).toBe('team/ada/2025-06/');
    expect(routePath(route('feed'), { slug: 'ada' }, '')).toBe('ada/feed.xml');
    expect(routePath(route('repository'), { repo: 'acme/build-cache' }, 'team/')).toBe('team/repos/acme/build-cache/');
    expect(routePath(route('index'), {}, '')).toBe('');
    expect(routePath(route('not-found'), {}, 'team/')).toBe('404/');
    expect(() => routePath(route('profile'), {}, '')).toThrow('route profile: no value for [slug]');
    expect(outputFile('/ada/2025-06', 'page')).toBe('ada/2025-06/index.html');
    expect(outputFile('/', 'page')).toBe('index.html');
    expect(outputFile('/ada/feed.xml', 'endpoint')).toBe('ada/feed.xml');
  });

  it('links under the base path and the routes base', () => {
    const urls = siteUrls('/repo', 'team/');
    expect(urls.home()).toBe('/repo/team/');
    expect(urls.profile('ada')).toBe('/repo/team/ada/');
    expect(urls.month('ada', '2025-06')).toBe('/repo/team/ada/2025-06/');
    expect(urls.year('ada', 2025)).toBe('/repo/team/ada/2025/');
    expect(urls.monthAnchor('ada', '2025-06')).toBe('/repo/team/ada/#2025-06');
    expect(urls.route('profile-json', { slug: 'ada' })).toBe('/repo/team/ada/profile.json');
    expect(urls.href('/about/')).toBe('/repo/about/');
    expect(urls.markdownContext('ada')).toEqual({ base: '/repo/', pageDir: '/repo/team/ada/' });
  });

  it('keys a profile file on every file of the profile, a month page on its month and neighbours, a year page on its year, the year before and neighbours', () => {
    const digests: ProfileDigests = {
      profile: 'p1',
      activity: 'a1',
      months: new Map([
        ['2025-06', 'm6'],
        ['2025-05', 'm5'],
        ['2024-12', 'm12'],
        ['2023-01', 'o1'],
      ]),
    };
    expect(route('feed').cacheKey!(digests)).toEqual(['p1', 'a1', '2023-01:o1', '2024-12:m12', '2025-05:m5', '2025-06:m6']);
    expect(route('profile').cacheKey!({ ...digests, team: 't1' })).toEqual(['p1', 'a1', '2023-01:o1', '2024-12:m12', '2025-05:m5', '2025-06:m6', 'team:t1']);
    expect(route('period').cacheKey!(digests, { key: '2025-06', older: '2025-05' })).toEqual(['p1', 'm6', '2025-05', '']);
    expect(route('period').cacheKey!(digests, { key: '2025', older: '2024' })).toEqual([
      'year',
      'p1',
      'a1',
      '2024-12:m12',
      '2025-05:m5',
      '2025-06:m6',
      '2024',
      '',
    ]);
    // A year's share image shows neither of its neighbouring years.
    expect(route('year-share-image').cacheKey!(digests, { key: '2025', older: '2024' })).toEqual([
      'share',
      'p1',
      'a1',
      '2024-12:m12',
      '2025-05:m5',
      '2025-06:m6',
      '',
      '',
    ]);
    expect(route('index').cacheKey).toBeUndefined();
  });
});
