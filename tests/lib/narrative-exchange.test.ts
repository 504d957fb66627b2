// The hand-over slot between the threads of a build (src/lib/narrative-exchange.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { narrativeExchange, narrativeKey } from '../../src/lib/narrative-exchange.ts';

describe('narrative exchange', () => {
  afterEach(() => {
    narrativeExchange().rendered = undefined;
    narrativeExchange().received = undefined;
  });

  it('is one slot per thread, empty until a build fills it', async () => {
    expect(narrativeExchange()).toEqual({});
    const seen: string[] = [];
    narrativeExchange().rendered = (key) => seen.push(key);
    // Another copy of the module (as Vite bundles one into the pages) sees the same slot.
    // @ts-expect-error -- the query (which TypeScript does not resolve) makes Vite load a second copy.
    const copy: unknown = await import('../../src/lib/narrative-exchange.ts?copy');
    const other = copy as typeof import('../../src/lib/narrative-exchange.ts');
    expect(other.narrativeExchange).not.toBe(narrativeExchange);
    other.narrativeExchange().rendered?.('k', '<p>x</p>');
    expect(seen).toEqual(['k']);
  });

  it('keys a narrative by its page and its file digest', () => {
    expect(narrativeKey('ada', '2024-01', 'abc')).toBe('ada/2024-01\0abc');
    expect(narrativeKey('ada', '2024-01', 'abc')).not.toBe(narrativeKey('ada', '2024-01', 'abd'));
    expect(narrativeKey('ada', '2024-01', undefined)).toBe('ada/2024-01\0');
  });
});
