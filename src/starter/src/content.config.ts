// The site's content collections: engfolio's.
import { engfolioCollections } from 'engfolio/content';

export const collections = engfolioCollections();
