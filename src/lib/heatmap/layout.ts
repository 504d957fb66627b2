// The shape every heatmap layout has, shared by the month and day layouts and the SVG serializer.
import type { Bin } from './scale.ts';

/** One square of a heatmap. `level` is null when the series has no entry for it (drawn as an outline, not filled). */
export interface Cell {
  x: number;
  y: number;
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  key: string;
  level: number | null;
  /** Hover text; omitted on day cells without data to keep the SVG small (the table lists the data). */
  title?: string;
  /** Link target; cells without one are not links. */
  href?: string;
}

export interface Label {
  x: number;
  y: number;
  text: string;
  /** Where `x` is on the text: its start, its middle or its end. */
  anchor: 'start' | 'middle' | 'end';
  /** Link target (a year's label links to its year in review). */
  href?: string;
}

export interface HeatmapLayout {
  /** Month charts draw a missing entry as a dashed outline (it means something); day calendars draw a day without data quietly. */
  kind: 'month' | 'day';
  width: number;
  height: number;
  /** Side of a cell in user units. */
  cell: number;
  cells: Cell[];
  labels: Label[];
  /** Summary for `aria-label`. */
  summary: string;
  /** Legend bins (b0 then the non-empty positive levels). */
  bins: Bin[];
}
