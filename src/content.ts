// `engfolio/content`: the content collections an engfolio site declares in src/content.config.ts:
//
//   import { engfolioCollections } from 'engfolio/content';
//   export const collections = engfolioCollections();
import { defineCollection } from 'astro/content/config';
import { storedProfileSchema } from './lib/content-schema.ts';
import { engfolioLoader } from './loaders/engfolio-loader.ts';

/** The `profiles` collection: one entry per profile, with its months and activity (see storedProfileSchema). */
export function engfolioCollections() {
  return { profiles: defineCollection({ loader: engfolioLoader(), schema: storedProfileSchema }) };
}
