// Linguist mapping: languages from Linguist's data, vendored/generated/lock files excluded, areas by folder.
import { describe, expect, it } from 'vitest';
import { isExcludedPath, languageOf, linguistLanguageOf } from '../../src/lib/git/languages.ts';
import { areaOf } from '../../src/lib/git/aggregate.ts';

describe('languageOf', () => {
  it.each([
    ['src/index.ts', 'TypeScript'],
    ['types/global.d.ts', 'TypeScript'],
    ['web/App.tsx', 'TSX'],
    ['include/list.h', 'C'],
    ['kernel/sched.c', 'C'],
    ['lib/thing.rs', 'Rust'],
    ['app/models/user.rb', 'Ruby'],
    ['scripts/deploy.sh', 'Shell'],
    ['Makefile', 'Makefile'],
    ['Dockerfile', 'Dockerfile'],
    ['site/index.html', 'HTML'],
    ['styles/main.css', 'CSS'],
    ['src/pages/index.astro', 'Astro'],
    ['tools/report.pl', 'Perl'],
    ['main.go', 'Go'],
  ])('%s → %s', (path, lang) => {
    expect(languageOf(path)).toBe(lang);
  });

  it('leaves out data and prose, as Linguist statistics do', () => {
    expect(linguistLanguageOf('README.md')?.name).toBe('Markdown');
    expect(languageOf('README.md')).toBeUndefined();
    expect(languageOf('package.json')).toBeUndefined();
    expect(languageOf('config.yml')).toBeUndefined();
    expect(languageOf('notes.txt')).toBeUndefined();
    expect(languageOf('image.png')).toBeUndefined();
  });

  it.each([
    'vendor/lodash.js',
    'third_party/zlib/inflate.c',
    'node_modules/react/index.js',
    'web/static/jquery-3.7.1.js',
    'dist/bundle.js',
    'package-lock.json',
    'frontend/yarn.lock',
    'Cargo.lock',
    'go.sum',
    'poetry.lock',
    'assets/app.min.js',
    'api/service.pb.go',
    'proto/user_pb2.py',
    'gradlew',
  ])('excludes vendored/generated %s', (path) => {
    expect(isExcludedPath(path)).toBe(true);
    expect(languageOf(path)).toBeUndefined();
  });

  it.each(['src/vendors.ts', 'lib/distance.ts', 'docs/lockfile-format.md', 'src/api/users.ts'])('keeps %s', (path) => {
    expect(isExcludedPath(path)).toBe(false);
  });
});

describe('areaOf', () => {
  it.each([
    ['README.md', undefined],
    ['web/search.tsx', 'web'],
    ['src/api/users.ts', 'src/api'],
    ['src/main.ts', 'src'],
    ['packages/core/src/index.ts', 'packages/core'],
    ['drivers/gpu/drm/x.c', 'drivers'],
  ])('%s → %s', (path, area) => {
    expect(areaOf(path)).toBe(area);
  });
});
