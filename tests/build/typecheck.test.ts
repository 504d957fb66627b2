// The whole project type-checks (TypeScript strict, .astro files included) with `astro check`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

it('passes astro check with no errors', () => {
  const r = spawnSync(`${root}node_modules/.bin/astro`, ['check'], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  const out = `${r.stdout}${r.stderr}`;
  expect(out).toMatch(/Result \(\d+ files\)/);
  expect(
    out,
    out
      .split('\n')
      .filter((l) => /error/i.test(l))
      .join('\n'),
  ).toMatch(/- 0 errors/);
  expect(r.status).toBe(0);
});
