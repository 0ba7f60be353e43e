"use client";

import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { BarStack } from "@visx/shape";
import { ANSWER_CLASSES } from "@/components/view/answer-mix-rows";
import { ChartFigure } from "@/components/view/ChartFigure";
import { chartAxisProps } from "@/components/view/chart-axis-props";
import { StatsTable } from "@/components/view/StatsTable";
import type { AnswerMix, BinStats } from "@/lib/deliveries/get-bin-stats.types";

const WIDTH = 640;
const HEIGHT = 150;
const MARGIN = { top: 8, right: 8, bottom: 22, left: 32 };

type Row = AnswerMix & { start: string };

function formatStart(start: string, bucketSeconds: number): string {
  const date = new Date(start);
  return bucketSeconds >= 3 * 3600
    ? date.toLocaleString([], { weekday: "short", hour: "2-digit", minute: "2-digit" })
    : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** Deliveries per bucket, stacked by the class of status our endpoint answered. */
export function DeliveriesOverTimeChart({
  stats,
  windowLabel,
}: {
  stats: BinStats;
  windowLabel: string;
}) {
  const data: Row[] = stats.buckets.map((bucket) => ({ start: bucket.start, ...bucket.answers }));
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...stats.buckets.map((bucket) => bucket.total));
  const x = scaleBand<string>({
    domain: data.map((row) => row.start),
    range: [0, innerWidth],
    padding: 0.15,
  });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const fills = new Map<string, string>(ANSWER_CLASSES.map((cls) => [cls.key, cls.fill]));
  const busy = stats.buckets.filter((bucket) => bucket.total > 0);
  const busiest = busy.reduce<(typeof busy)[number] | null>(
    (best, bucket) => (best === null || bucket.total > best.total ? bucket : best),
    null,
  );
  const minutes = stats.bucketSeconds / 60;
  const bucketName = minutes < 60 ? `${minutes} min` : `${minutes / 60} h`;
  const label =
    `Deliveries over ${windowLabel}: ${stats.total} in total` +
    (busiest
      ? `, busiest ${bucketName} from ${formatStart(busiest.start, stats.bucketSeconds)} with ${busiest.total}`
      : "");
  const everyNth = Math.ceil(data.length / 6);

  return (
    <ChartFigure
      title="Deliveries over time"
      testId="stats-deliveries"
      note={`${stats.total} in ${windowLabel}, ${bucketName} bars, coloured by our answer`}
      className="sm:col-span-2"
      width={WIDTH}
      height={HEIGHT}
      label={label}
      tone="muted"
      table={
        <StatsTable
          caption={`Deliveries over ${windowLabel} (${bucketName} buckets with deliveries)`}
          columns={["From", "Deliveries", ...ANSWER_CLASSES.map((cls) => cls.label)]}
          rows={busy.map((bucket) => [
            formatStart(bucket.start, stats.bucketSeconds),
            bucket.total,
            ...ANSWER_CLASSES.map((cls) => bucket.answers[cls.key]),
          ])}
        />
      }
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        <BarStack<Row, keyof AnswerMix>
          data={data}
          keys={ANSWER_CLASSES.map((cls) => cls.key)}
          x={(row) => row.start}
          xScale={x}
          yScale={y}
          color={() => "currentColor"}
        >
          {(stacks) =>
            stacks.map((stack) =>
              stack.bars
                .filter((bar) => bar.height > 0)
                .map((bar) => (
                  <rect
                    key={`${stack.index}-${bar.index}`}
                    x={bar.x}
                    y={bar.y}
                    width={bar.width}
                    height={bar.height}
                    className={fills.get(bar.key)}
                  />
                )),
            )
          }
        </BarStack>
        <AxisLeft
          scale={y}
          // Counts are whole: no 0.5 ticks on a quiet bin.
          tickValues={y.ticks(4).filter((tick) => Number.isInteger(tick))}
          tickFormat={(value) => String(value)}
          {...chartAxisProps}
          tickLabelProps={{ ...chartAxisProps.tickLabelProps, textAnchor: "end", dx: -2 }}
        />
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickValues={data.filter((_, index) => index % everyNth === 0).map((row) => row.start)}
          tickFormat={(start) => formatStart(start, stats.bucketSeconds)}
          {...chartAxisProps}
        />
      </Group>
    </ChartFigure>
  );
}
