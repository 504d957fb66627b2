// Narratives rendered ahead in a worker thread must be exactly what the page would render itself, and
// found only for the same file digest and URL context.
import { afterEach, describe, expect, it } from 'vitest';
import { forgetPrerenderedNarratives, prerenderNarrativesInWorker, takePrerenderedNarrative, type NarrativeJob } from '../../src/lib/narrative-prerender.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { MARKDOWN_ONLY, PAYLOADS } from '../fixtures/xss/payloads.ts';

afterEach(() => forgetPrerenderedNarratives());

describe('prerenderNarrativesInWorker', () => {
  const options = { base: '/repo/', pageDir: '/repo/ada/' };
  const docs = ['See [notes](./notes.md) and [home](/x/).', '![d](https://e.org/d.png)', ...PAYLOADS, ...MARKDOWN_ONLY];
  const jobs: NarrativeJob[] = docs.map((markdown, i) => ({ digest: `d${i}`, markdown, options }));

  it('renders in a worker exactly what renderMarkdown renders, each taken once', async () => {
    expect(await prerenderNarrativesInWorker(jobs)).toBe(jobs.length);
    for (const j of jobs) expect(takePrerenderedNarrative(j.digest, j.options), j.markdown).toBe(renderMarkdown(j.markdown, j.options));
    expect(takePrerenderedNarrative('d0', options)).toBeUndefined();
  });

  it('finds nothing for another digest or another URL context', async () => {
    await prerenderNarrativesInWorker(jobs.slice(0, 1));
    expect(takePrerenderedNarrative('d1', options)).toBeUndefined();
    expect(takePrerenderedNarrative('d0', { base: '/', pageDir: '/ada/' })).toBeUndefined();
    expect(takePrerenderedNarrative('d0', options)).toBe(renderMarkdown(docs[0]!, options));
  });
});
