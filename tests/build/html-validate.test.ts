// Every HTML file of the built example site is valid HTML by html-validate's recommended rules.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { builtSite } from '../support/fixtures.ts';

// The recommended rules as they are: no rule of Astro's output needs turning off so far. A rule
// turned off later needs a comment here saying why it contradicts output we cannot control.
const CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
};

const dir = await builtSite();
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html'))
  .sort();
const validator = new HtmlValidate(CONFIG);

it('the build has HTML files', () => {
  expect(files).toContain('index.html');
});

describe.each(files)('%s', (file) => {
  it('is valid HTML', async () => {
    const report = await validator.validateString(readFileSync(join(dir, file), 'utf8'), file);
    const errors = report.results.flatMap((r) =>
      r.messages.filter((m) => m.severity === 2).map((m) => `${relative(dir, join(dir, file))}:${m.line}:${m.column} ${m.ruleId}: ${m.message} — ${m.selector ?? ''}`),
    );
    expect(errors).toEqual([]);
  });
});
