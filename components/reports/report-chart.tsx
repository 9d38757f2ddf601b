'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatReportCell, type ReportValueKind } from '@/lib/report-catalog';
import { numberFormat } from '@/lib/format';

export type ReportChartBar = { key: string; label: string };
export type ReportChartPoint = {
  label: string;
  values: Record<string, number>;
  links: Record<string, string>;
};

const barColors = ['#2f54d4', '#64748b', '#0f766e', '#b45309', '#be123c'];

/**
 * A report's bars; a click on one opens the filtered list behind it. A picture for sighted mouse
 * users: the table under it carries the same figures and links for everyone.
 */
export function ReportChart({
  points,
  bars,
  kind,
  currency,
  locale,
}: {
  points: ReportChartPoint[];
  bars: ReportChartBar[];
  kind: ReportValueKind;
  currency: string | null;
  locale: string;
}) {
  const router = useRouter();
  const data = points.map((point) => ({ label: point.label, links: point.links, ...point.values }));
  const format = (value: unknown) => formatReportCell(Number(value), kind, currency, locale);
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
        width={80}
        tickLine={false}
        stroke="#475569"
        tickFormatter={(value: number) =>
          kind === 'money'
            ? numberFormat(locale, {
                style: 'currency',
                currency: currency ?? 'USD',
                notation: 'compact',
              }).format(value / 100)
            : format(value)
        }
      />
      <Tooltip cursor={{ fill: '#f1f5f9' }} formatter={format} />
      <Legend />
      {bars.map((bar, index) => (
        <Bar
          key={bar.key}
          dataKey={bar.key}
          name={bar.label}
          fill={barColors[index % barColors.length]}
          cursor="pointer"
          isAnimationActive={false}
          onClick={(item: { payload?: { links?: Record<string, string> } }) => {
            const href = item.payload?.links?.[bar.key];
            if (href) router.push(href);
          }}
        />
      ))}
    </BarChart>
  );
}
