// Rewrites src/components/heatmap.css from heatmapPageCss(): `npx node src/lib/heatmap/write-css.ts`.
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../atomic-write.ts';
import { heatmapPageCss } from './svg.ts';

writeFileAtomic(fileURLToPath(new URL('../../components/heatmap.css', import.meta.url)), heatmapPageCss());
