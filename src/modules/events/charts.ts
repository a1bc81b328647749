/**
 * Charts of the statistics, drawn on the server as SVG by Apache ECharts (its server-side renderer, no browser
 * needed). Each chart is served as an image with a text alternative and shown beside its data as a table, so
 * nothing depends on seeing it; series are told apart by pattern as well as colour.
 */
import * as echarts from 'echarts';

export interface BarChart {
  /** The category axis labels, in order. */
  categories: string[];
  series: { name: string; values: number[] }[];
  stacked?: boolean;
  horizontal?: boolean;
}

// Dark enough for 3:1 against white (WCAG 1.4.11), and distinct for the common colour-vision deficiencies.
const palette = ['#1d4f91', '#b35900', '#2e7d32', '#6a1b9a', '#00695c', '#ad1457'];

export function barChartSvg(chart: BarChart, size: { width: number; height: number } = { width: 720, height: 360 }): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  const categoryAxis = { type: 'category' as const, data: chart.categories, axisLabel: { color: '#1f2328', interval: 0, overflow: 'truncate' as const, width: chart.horizontal ? 180 : 110 } };
  const valueAxis = { type: 'value' as const, minInterval: 1, axisLabel: { color: '#1f2328' } };
  instance.setOption({
    animation: false,
    color: palette,
    aria: { enabled: true, decal: { show: chart.series.length > 1 } },
    textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 13 },
    grid: { left: chart.horizontal ? 200 : 48, right: 24, top: chart.series.length > 1 ? 40 : 16, bottom: chart.horizontal ? 24 : 56 },
    legend: chart.series.length > 1 ? { top: 0, textStyle: { color: '#1f2328' } } : undefined,
    xAxis: chart.horizontal ? valueAxis : categoryAxis,
    yAxis: chart.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: chart.series.map((series) => ({ type: 'bar', name: series.name, data: series.values, ...(chart.stacked ? { stack: 'total' } : {}), barMaxWidth: 40 })),
  });
  const svg = instance.renderToSVGString();
  instance.dispose();
  return svg;
}
