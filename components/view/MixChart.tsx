"use client";

import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { ChartFigure, type ChartFigureProps } from "@/components/view/ChartFigure";
import { describeMix } from "@/components/view/describe-mix";
import type { MixRow } from "@/components/view/mix-row";

type MixChartProps = Pick<ChartFigureProps, "title" | "testId" | "note"> & {
  rows: readonly MixRow[];
};

const WIDTH = 320;
const ROW_HEIGHT = 22;
const LABEL_WIDTH = 104;
const VALUE_WIDTH = 44;

/** Counts as horizontal bars with their numbers printed; the image is labelled with them too. */
export function MixChart({ rows, ...figure }: MixChartProps) {
  const x = scaleLinear<number>({
    domain: [0, Math.max(1, ...rows.map((row) => row.value))],
    range: [0, WIDTH - LABEL_WIDTH - VALUE_WIDTH],
  });
  const height = Math.max(1, rows.length) * ROW_HEIGHT;
  return (
    <ChartFigure
      {...figure}
      width={WIDTH}
      height={height}
      label={describeMix({ title: figure.title, rows })}
    >
      {rows.map((row, index) => {
        const width = x(row.value);
        return (
          <Group key={row.key} top={index * ROW_HEIGHT}>
            <text x={0} y={ROW_HEIGHT / 2} dy="0.35em" fontSize={11} fill="currentColor">
              {row.label}
            </text>
            <Bar
              x={LABEL_WIDTH}
              y={4}
              width={Math.max(row.value > 0 ? 2 : 0, width)}
              height={ROW_HEIGHT - 8}
              rx={2}
              className={row.fill}
            />
            <text
              x={LABEL_WIDTH + width + 6}
              y={ROW_HEIGHT / 2}
              dy="0.35em"
              fontSize={11}
              fontWeight={600}
              fill="currentColor"
            >
              {row.value}
            </text>
          </Group>
        );
      })}
    </ChartFigure>
  );
}
