/** One bar of a small chart: what it counts, how many, and its colour class. */
export interface MixRow {
  key: string;
  label: string;
  value: number;
  /** Tailwind fill class of the bar. */
  fill: string;
}
