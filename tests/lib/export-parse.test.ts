import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { camelKey, parseExport, type ParseResult } from '../../src/lib/export/parse-export.ts';

const SEED = 'seeds/000_44ad1382dda3814e.txt';
const seedText = readFileSync(SEED, 'utf8');
const expected = JSON.parse(readFileSync('tests/fixtures/seed/000_44ad1382dda3814e.expected.json', 'utf8'));

function ok(r: ParseResult) {
  if (!r.ok) throw new Error('expected a parse, got problems:\n' + r.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
  return r;
}
function problems(r: ParseResult) {
  if (r.ok) throw new Error('expected problems, got a parse');
  return r.problems;
}

describe('the seed export', () => {
  it('parses to exactly the expected JSON, key order included, with no warnings', () => {
    const r = ok(parseExport(seedText, SEED));
    expect(r.profile).toEqual(expected);
    expect(JSON.stringify(r.profile, null, 2)).toBe(JSON.stringify(expected, null, 2));
    expect(r.warnings).toEqual([]);
    expect(r.qualityLabels).toEqual({
      correctness: 'Correctness',
      maintainability: 'Maintainability',
      architecture: 'Architecture',
      performance: 'Performance',
      aiUsage: 'AI Usage',
    });
  });

  it('parses the same with Windows line endings and a byte-order mark', () => {
    expect(ok(parseExport('\uFEFF' + seedText.replace(/\n/g, '\r\n'), SEED)).profile).toEqual(expected);
  });

  it('rejects the seed cut in half (by lines and by characters), naming the line', () => {
    const lines = seedText.split('\n');
    const byLines = problems(parseExport(lines.slice(0, Math.floor(lines.length / 2)).join('\n'), 'half.txt'));
    expect(byLines[0]!.message).toMatch(/truncated|expected/);
    expect(byLines[0]!.line).toBeGreaterThan(90);
    const byChars = problems(parseExport(seedText.slice(0, Math.floor(seedText.length / 2)), 'half.txt'));
    expect(byChars[0]!.severity).toBe('error');
    expect(byChars[0]!.line).toBeGreaterThan(1);
  });

  it('rejects the seed cut right after a section heading or inside a repository', () => {
    const lines = seedText.split('\n');
    const at = (heading: string) => lines.findIndex((l) => l === heading) + 1;
    for (const cut of [at('Quality Metrics'), at('Languages Used'), lines.findIndex((l) => l.startsWith('linux-riscv/linux')) + 1]) {
      const ps = problems(parseExport(lines.slice(0, cut).join('\n'), 'cut.txt'));
      expect(ps[0]!.line).toBeGreaterThanOrEqual(cut);
    }
  });
});

/** Builds a small export; each section can be replaced or left out. */
function exportText(parts: Partial<Record<'header' | 'stats' | 'network' | 'work' | 'activity' | 'quality' | 'skills' | 'repos', string | null>> = {}): string {
  const d = {
    header: 'EXCEEDS logo\nExceeds\nJosé Müller\n\nPROFILE\n\nJosé Müller\n\nBuilds things.',
    stats:
      'Overall Statistics\n\nFeature vs Bugs\n\n50%Features\n\nRepository Contributions\n\n1,235Total\nBugs\n1\nCommits\n1,235\nFeatures\n1\nLines of code\n12,345,678\nActivity Months2',
    network: 'Your Network\n\n1 person\n\nSame Organization\n\n@example.org\n1\n山田太郎Member',
    work: 'Work History\n\nMarch 1999\n\n1,234 Commits • 0 Features\n\nMar 1, 1999\n\nFirst paragraph.\n\nSecond paragraph.\n\nDecember 1998\n\n1 Commit • 1 Feature\n\nDec 1, 1998\n\nOne.',
    activity: 'Activity\n\nLoading activity data...',
    quality: 'Quality Metrics\n\nCorrectness\n100%\nTest coverage7.5%',
    skills: 'Skills & Technologies\n\nProgramming Languages\n\nGoRust\n\nTechnical Skills\n\nDebuggingTesting',
    repos:
      "Repositories Contributed To\n\n1 repo\n\nOverview of all repositories you've contributed to across your timeline\n\nexample/widget\n\nDec 1998 Mar 1999\n1 Month active\n\nLanguages Used\n\nRustGo\n\nTechnical Skills\n\nTestingDebugging",
  };
  return Object.entries({ ...d, ...parts })
    .filter(([, v]) => v !== null)
    .map(([, v]) => v)
    .join('\n\n');
}

describe('a general export', () => {
  it('handles singulars, thousands separators, any month and year, other scripts', () => {
    const r = ok(parseExport(exportText(), 'x.txt'));
    expect(r.warnings).toEqual([]);
    expect(r.profile).toEqual({
      name: 'José Müller',
      summary: 'Builds things.',
      stats: { featuresVsBugsPercent: 50, totalContributions: 1235, bugs: 1, commits: 1235, features: 1, linesOfCode: 12345678, activityMonths: 2 },
      network: { people: 1, organization: '@example.org', organizationMembers: 1, members: [{ name: '山田太郎', role: 'Member' }] },
      months: [
        { month: '1999-03', commits: 1234, features: 0, summary: 'First paragraph.\n\nSecond paragraph.' },
        { month: '1998-12', commits: 1, features: 1, summary: 'One.' },
      ],
      quality: { correctness: 100, testCoverage: 7.5 },
      skills: { languages: ['Go', 'Rust'], technical: ['Debugging', 'Testing'] },
      repositories: [{ name: 'example/widget', from: '1998-12', to: '1999-03', monthsActive: 1, languages: ['Rust', 'Go'], skills: ['Testing', 'Debugging'] }],
    });
    expect(r.qualityLabels).toEqual({ correctness: 'Correctness', testCoverage: 'Test coverage' });
  });

  it('reads names in any script', () => {
    for (const name of ['山田太郎', 'Владимир Ильич', 'Zoë Ó Briain']) {
      const r = ok(parseExport(exportText({ header: `EXCEEDS logo\n${name}\n\nPROFILE\n\n${name}` }), 'x.txt'));
      expect(r.profile.name).toBe(name);
      expect(r.profile.summary).toBeUndefined();
    }
  });

  it('leaves missing sections out (absent keys, not empty values)', () => {
    const r = ok(parseExport(exportText({ network: null, quality: null, skills: null, repos: null, activity: null, stats: null }), 'x.txt'));
    expect(Object.keys(r.profile)).toEqual(['name', 'summary', 'months']);
    const onlyStats = ok(parseExport(exportText({ work: null, network: null, activity: null }), 'x.txt'));
    expect(onlyStats.profile.months).toBeUndefined();
    expect(onlyStats.profile.network).toBeUndefined();
  });

  it('turns unknown lines into warnings naming the line', () => {
    const text = exportText({ activity: 'Activity\n\nLoading activity data...\nSomething new here' });
    const r = ok(parseExport(text, 'x.txt'));
    const line = text.split('\n').indexOf('Something new here') + 1;
    expect(r.warnings).toEqual([expect.objectContaining({ severity: 'warning', line, message: expect.stringContaining('Something new here') })]);
  });

  it('reports a month heading with no counts line, naming the line and what was expected', () => {
    const text = exportText({ work: 'Work History\n\nMarch 1999\n\nMar 1, 1999\n\nText.' });
    const ps = problems(parseExport(text, 'x.txt'));
    const line = text.split('\n').indexOf('Mar 1, 1999') + 1;
    expect(ps[0]).toMatchObject({ severity: 'error', line, message: expect.stringContaining('"N Commits • M Features"') });
  });

  it('reports a statistic label with no number', () => {
    const ps = problems(parseExport(exportText({ stats: 'Overall Statistics\n\nBugs\nCommits\n3' }), 'x.txt'));
    expect(ps[0]!.message).toMatch(/expected a number after "Bugs"/);
  });

  it('reports a file that is not an export at its first line', () => {
    for (const text of ['# README\n\nSome project.', '', '{"name":"x"}']) {
      const ps = problems(parseExport(text, 'x.txt'));
      expect(ps).toHaveLength(1);
      expect(ps[0]).toMatchObject({ severity: 'error', line: 1, message: expect.stringContaining('expected a profile export') });
    }
  });

  it('rejects features above commits and duplicate months', () => {
    expect(problems(parseExport(exportText({ work: 'Work History\n\nMay 2020\n\n1 Commit • 2 Features\n\nMay 1, 2020\n\nX.' }), 'x.txt'))[0]!.message).toMatch(
      /features not more than commits/,
    );
    const dup = 'Work History\n\nMay 2020\n\n1 Commit • 1 Feature\n\nMay 1, 2020\n\nX.\n\nMay 2020\n\n1 Commit • 1 Feature\n\nMay 1, 2020\n\nY.';
    expect(problems(parseExport(exportText({ work: dup }), 'x.txt'))[0]!.message).toMatch(/each month once/);
  });

  it('camel-cases quality labels', () => {
    expect(camelKey('AI Usage')).toBe('aiUsage');
    expect(camelKey('Correctness')).toBe('correctness');
    expect(camelKey('Test coverage')).toBe('testCoverage');
  });
});
