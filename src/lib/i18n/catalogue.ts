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
