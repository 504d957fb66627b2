// What a message catalogue holds: engfolio's own words for one locale, each a text with `{name}`
// placeholders, or plural forms chosen by the `count` value with the locale's plural rules.

/** A message's plural forms, by Intl.PluralRules category; `other` is always given. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type Message = string | PluralForms;

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** The `{name}` placeholders of a text, sorted. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** The placeholders of every form of a message, sorted. */
export function messagePlaceholders(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message).filter((t): t is string => typeof t === 'string');
  return [...new Set(texts.flatMap(placeholders))].sort();
}

/**
 * Where a message's value goes when a page sets it apart (a link, a big figure, code): format the
 * message with SLOT as that value, then `aroundSlots` gives the text before, between and after.
 */
export const SLOT = '\u0000';

/** The pieces of a message formatted with SLOT values: `['by ', '']` for "by {name}". */
export function aroundSlots(formatted: string): string[] {
  return formatted.split(SLOT);
}
