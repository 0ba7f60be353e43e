/** Axes drawn in the figure's text colour (light and dark alike), small labels. */
export const chartAxisProps = {
  stroke: "currentColor",
  tickStroke: "currentColor",
  tickLabelProps: { fill: "currentColor", fontSize: 10, textAnchor: "middle" },
} as const;
