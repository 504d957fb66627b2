import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/lib/content-read.ts';
import { deriveStats, totalsMismatches } from '../../src/lib/profile-stats.ts';

// The example content (tests/fixtures/example-content), whose Tejun Heo was imported from the seed export.
describe('the example content imported from the seed export', () => {
  it('loads with no errors and gives the export figures', () => {
    const model = readContent('tests/fixtures/example-content', process.cwd());
    expect(model.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const profile = model.profiles.find((p) => p.slug === 'tejun-heo');
    expect(profile?.data.name).toBe('Tejun Heo');
    const months = model.months.filter((m) => m.profile === 'tejun-heo').map((m) => ({ month: m.month, ...m.data }));
    const stats = deriveStats(profile!.data, months);
    expect(stats).toMatchObject({ commits: 270, features: 75, activityMonths: 13, featuresVsBugsPercent: 70, bugs: 32, linesOfCode: 2731346 });
    expect(totalsMismatches(profile!.data, months)).toEqual([]);
  });
});
