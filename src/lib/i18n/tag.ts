// A BCP 47 language tag, as the options and the content give one (`de`, `ja`, `pt-BR`, `ar-EG`).
import { z } from 'zod';

/** Whether Intl takes `tag` as one language tag. */
function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export const localeTag = z.string().refine(isLanguageTag, 'a BCP 47 language tag like "de", "ja" or "pt-BR"');
