// The shipped catalogues, by language tag. Each has every key of English's (a test checks it, and the
// type below): a site adds or replaces messages in its options (`messages`).
import type { Message } from '../catalogue.ts';
import { ar } from './ar.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { ja } from './ja.ts';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, Message>;

export const CATALOGUES: Record<string, Messages> = { en, de, ja, ar };
