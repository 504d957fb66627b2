// Test runner settings: every test under tests/, run from the project root.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Builds the example site and starts one Chromium per run, on first use (tests/support/fixtures.ts).
    globalSetup: ['tests/support/global-setup.ts'],
  },
});
