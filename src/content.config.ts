// The collections. Field names and types come from src/lib/content-schema.ts; validation with
// friendly messages happens in the loader, so these schemas only shape the types pages see.
import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { monthSchema, profileSchema } from './lib/content-schema.ts';
import { engfolioLoader } from './loaders/engfolio-loader.ts';

const profiles = defineCollection({
  loader: engfolioLoader('profiles'),
  schema: profileSchema.extend({ slug: z.string() }),
});

const months = defineCollection({
  loader: engfolioLoader('months'),
  schema: monthSchema.safeExtend({ month: z.string(), profile: reference('profiles') }),
});

const activity = defineCollection({
  loader: engfolioLoader('activity'),
  schema: z.object({
    profile: reference('profiles'),
    days: z.array(z.object({ date: z.string(), count: z.number(), features: z.number().optional() })),
  }),
});

export const collections = { profiles, months, activity };
