// The locale options: a BCP 47 tag (the site's `locale`, a profile's `locale`) and the site's own
// messages, checked against English's catalogue (known keys, the same placeholders).
import { z } from 'zod';
import { messagePlaceholders, PLURAL_CATEGORIES, type Message } from './catalogue.ts';
import { CATALOGUES, type MessageKey } from './messages/index.ts';
import { localeTag } from './tag.ts';

export { localeTag };

const pluralForms = z.strictObject(
  Object.fromEntries(PLURAL_CATEGORIES.map((c) => [c, c === 'other' ? z.string() : z.string().optional()])) as Record<
    (typeof PLURAL_CATEGORIES)[number],
    z.ZodString | z.ZodOptional<z.ZodString>
  >,
);

const english = CATALOGUES.en!;

/** Messages of a site's own for one locale: known keys only, with English's placeholders. */
const localeMessages = z.record(z.string(), z.union([z.string(), pluralForms])).superRefine((messages, ctx) => {
  for (const [key, message] of Object.entries(messages)) {
    if (!(key in english)) {
      ctx.addIssue({ code: 'custom', path: [key], message: "a message key of engfolio's catalogue (see src/lib/i18n/messages/en.ts), not a new one" });
      continue;
    }
    const expected = messagePlaceholders(english[key as MessageKey]);
    const found = messagePlaceholders(message as Message);
    if (expected.join() !== found.join())
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `a text with the placeholders ${expected.length ? expected.map((p) => `{${p}}`).join(' ') : '(none)'}, as English's has; this one has ${found.length ? found.map((p) => `{${p}}`).join(' ') : 'none'}`,
      });
  }
});

/** The site's own messages, by locale tag: `{ de: { 'section.summary': 'Überblick' } }`. */
export const messageOverrides = z.record(localeTag, localeMessages);
