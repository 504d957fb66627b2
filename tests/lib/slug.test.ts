import { describe, expect, it } from 'vitest';
import { slugFor } from '../../src/lib/slug.ts';

describe('slugFor', () => {
  it.each([
    ['Tejun Heo', 'tejun-heo'],
    ['José Müller', 'jose-mueller'],
    ['Ærøskøbing', 'aeroskobing'],
    ['Æsa Ørn', 'aesa-orn'],
    ['Ильич Петров', 'ilich-petrov'],
    ['Łukasz', 'lukasz'],
    ['McDonald', 'mcdonald'],
  ])('turns %s into %s', (name, slug) => expect(slugFor(name)).toBe(slug));

  it('gives a stable ASCII slug to a name nothing transliterates', () => {
    const slug = slugFor('山田太郎');
    expect(slug).toMatch(/^p-[0-9a-f]{8}$/);
    expect(slugFor('山田太郎')).toBe(slug);
    expect(slugFor('山田花子')).not.toBe(slug);
  });
});
