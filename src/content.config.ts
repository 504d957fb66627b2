// The example site's collections: engfolio's, as every engfolio site declares them.
import { engfolioCollections } from './content.ts';

export const collections = engfolioCollections();
