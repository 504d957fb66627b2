// Profile slugs: ASCII, lowercase, stable for any script.
import slugify from '@sindresorhus/slugify';
import { createHash } from 'node:crypto';

/** Returns the URL slug for a name or file name: ASCII only; a short hash where nothing transliterates. */
export function slugFor(name: string): string {
  const slug = slugify(name.normalize('NFC'), { decamelize: false });
  if (slug) return slug;
  return 'p-' + createHash('sha256').update(name.normalize('NFC')).digest('hex').slice(0, 8);
}
