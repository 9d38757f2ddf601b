'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '@/lib/format';
import { formatMoneyCompact, pipelineStageHref, type OpenDealStage } from '@/lib/reports';

export type PipelineChartPoint = {
  stage: OpenDealStage;
  label: string;
  valueCents: number;
  weightedCents: number;
};

/**
 * Pipeline value beside weighted forecast per open stage, in one currency. A click on a bar opens
 * the deals list for that stage. The chart is a picture for sighted mouse users: the table next to
 * it carries the same figures and links for everyone else.
 */
export function PipelineChart({
  data,
  currency,
  locale,
}: {
  data: PipelineChartPoint[];
  currency: string;
  locale: string;
}) {
  const router = useRouter();
  const openStage = (item: { payload?: PipelineChartPoint }) => {
    if (item.payload) router.push(pipelineStageHref(item.payload.stage));
  };
  return (
    <BarChart
      responsive
      accessibilityLayer={false}
      data={data}
      margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
      style={{ width: '100%', height: 280 }}
    >
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis dataKey="label" tickLine={false} stroke="#475569" />
      <YAxis
        width={72}
        tickLine={false}
        stroke="#475569"
        tickFormatter={(cents: number) => formatMoneyCompact(cents, currency, locale)}
      />
      <Tooltip
        cursor={{ fill: '#f1f5f9' }}
        formatter={(cents) => formatMoney(Number(cents), currency, locale)}
      />
      <Legend />
      <Bar
        dataKey="valueCents"
        name="Pipeline value"
        fill="#64748b"
        cursor="pointer"
        isAnimationActive={false}
        onClick={openStage}
      />
      <Bar
        dataKey="weightedCents"
        name="Weighted forecast"
        fill="#2f54d4"
        cursor="pointer"
        isAnimationActive={false}
        onClick={openStage}
      />
    </BarChart>
  );
}
