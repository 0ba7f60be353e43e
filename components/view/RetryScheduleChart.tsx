"use client";

import { AxisBottom } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleLog } from "@visx/scale";
import { Circle, Line } from "@visx/shape";
import { ChartFigure } from "@/components/view/ChartFigure";
import { chartAxisProps } from "@/components/view/chart-axis-props";
import { StatsTable } from "@/components/view/StatsTable";
import { formatGap } from "@/lib/analysis/format-gap";
import type { BinStats } from "@/lib/deliveries/get-bin-stats.types";

const WIDTH = 640;
const ROW_HEIGHT = 26;
const MARGIN = { top: 6, right: 132, bottom: 22, left: 96 };
const TICKS = [10, 60, 300, 900, 3600, 21600, 86400];

/**
 * Each retry of CallCov's schedule on a log time axis: the documented delay (a dashed mark),
 * the observed range (a line) and median (a dot), with how many came on schedule.
 */
export function RetryScheduleChart({ retries }: { retries: BinStats["retries"] }) {
  const { schedule } = retries;
  const observed = schedule.flatMap((step) =>
    step.minSeconds === null || step.maxSeconds === null ? [] : [step.minSeconds, step.maxSeconds],
  );
  const domainMin = Math.max(1, Math.min(10, ...observed.map((value) => value * 0.8)));
  const domainMax = Math.max(86400, ...observed.map((value) => value * 1.25));
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const height = MARGIN.top + schedule.length * ROW_HEIGHT + MARGIN.bottom;
  const x = scaleLog<number>({
    domain: [domainMin, domainMax],
    range: [0, innerWidth],
    clamp: true,
  });
  const sentence = (step: (typeof schedule)[number]) =>
    `retry ${step.retry} expected after ${formatGap({ seconds: step.expectedSeconds })}: ` +
    (step.count === 0
      ? "none seen"
      : `${step.count} seen, median ${formatGap({ seconds: step.medianSeconds })}, ${step.onSchedule} on schedule, ${step.early} early, ${step.late} late`);
  const label = `Time between attempts against CallCov's retry schedule: ${schedule.map(sentence).join("; ")}`;

  return (
    <ChartFigure
      title="Time between attempts"
      testId="stats-schedule"
      note={`against CallCov's retry schedule${retries.beyondSchedule > 0 ? `; ${retries.beyondSchedule} past the fifth retry` : ""}`}
      className="sm:col-span-2"
      width={WIDTH}
      height={height}
      label={label}
      table={
        <StatsTable
          caption="Time between attempts against CallCov's retry schedule"
          columns={[
            "Retry",
            "Expected",
            "Seen",
            "Median",
            "Min",
            "Max",
            "On schedule",
            "Early",
            "Late",
          ]}
          rows={schedule.map((step) => [
            step.retry,
            formatGap({ seconds: step.expectedSeconds }),
            step.count,
            formatGap({ seconds: step.medianSeconds }),
            formatGap({ seconds: step.minSeconds }),
            formatGap({ seconds: step.maxSeconds }),
            step.onSchedule,
            step.early,
            step.late,
          ])}
        />
      }
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        {schedule.map((step, index) => {
          const middle = index * ROW_HEIGHT + ROW_HEIGHT / 2;
          const expected = x(step.expectedSeconds);
          return (
            <Group key={step.retry}>
              <text x={-MARGIN.left} y={middle} dy="0.35em" fontSize={11} fill="currentColor">
                {`Retry ${step.retry} (${formatGap({ seconds: step.expectedSeconds })})`}
              </text>
              <Line
                from={{ x: expected, y: middle - 8 }}
                to={{ x: expected, y: middle + 8 }}
                strokeDasharray="3 2"
                strokeWidth={2}
                className="stroke-zinc-500"
              />
              {step.minSeconds !== null && step.maxSeconds !== null && (
                <Line
                  from={{ x: x(step.minSeconds), y: middle }}
                  to={{ x: x(step.maxSeconds), y: middle }}
                  strokeWidth={2}
                  className="stroke-sky-400"
                />
              )}
              {step.medianSeconds !== null && (
                <Circle cx={x(step.medianSeconds)} cy={middle} r={4} className="fill-sky-600" />
              )}
              <text x={innerWidth + 8} y={middle} dy="0.35em" fontSize={11} fill="currentColor">
                {step.count === 0 ? "none" : `${step.onSchedule}/${step.count} on schedule`}
              </text>
            </Group>
          );
        })}
        <AxisBottom
          top={schedule.length * ROW_HEIGHT}
          scale={x}
          tickValues={TICKS.filter((tick) => tick >= domainMin && tick <= domainMax)}
          tickFormat={(seconds) => formatGap({ seconds: Number(seconds) })}
          {...chartAxisProps}
        />
      </Group>
    </ChartFigure>
  );
}
