/**
 * Charts drawn on the server as SVG by Apache ECharts (its server-side renderer, no browser
 * needed). Each chart is served as an image with a text alternative and shown beside its data as a table, so
 * nothing depends on seeing it; series are told apart by pattern as well as colour.
 */

/**
 * ECharts, loaded with the first chart drawn rather than when the server starts: importing it costs about 0.8 s of CPU,
 * a third of all the server's imports (docs/performance/start.md).
 */
export const loadECharts = () => import('echarts');

export interface BarChart {
  /** The category axis labels, in order. */
  categories: string[];
  series: { name: string; values: number[] }[];
  stacked?: boolean;
  horizontal?: boolean;
}

// Dark enough for 3:1 against white (WCAG 1.4.11), and distinct for the common colour-vision deficiencies.
const palette = ['#1d4f91', '#b35900', '#2e7d32', '#6a1b9a', '#00695c', '#ad1457'];

/** The size of a bar chart: a horizontal one grows with its categories so that each keeps a readable row. */
export function barChartSize(categories: number, horizontal: boolean): { width: number; height: number } {
  return { width: 720, height: horizontal ? Math.max(360, 80 + categories * 26) : 360 };
}

export async function barChartSvg(chart: BarChart, size = barChartSize(chart.categories.length, chart.horizontal ?? false)): Promise<string> {
  const echarts = await loadECharts();
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  const categoryAxis = {
    type: 'category' as const,
    data: chart.categories,
    axisLabel: { color: '#1f2328', interval: 0, overflow: 'truncate' as const, width: chart.horizontal ? 180 : 110 },
  };
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
    series: chart.series.map((series) => ({
      type: 'bar',
      name: series.name,
      data: series.values,
      ...(chart.stacked ? { stack: 'total' } : {}),
      barMaxWidth: 40,
    })),
  });
  const svg = instance.renderToSVGString();
  instance.dispose();
  return svg;
}

export interface TimelineChart {
  /** One row per item, top to bottom. */
  rows: { label: string; start: Date; end: Date; status: string }[];
  /** The legend's name and colour index of each status, in order. */
  statuses: { key: string; name: string }[];
}

/** A timeline (Gantt) of dated items, coloured by status, with a bar from each item's start to its end. */
export async function timelineChartSvg(chart: TimelineChart, width = 720): Promise<string> {
  const echarts = await loadECharts();
  const height = Math.max(120, 60 + chart.rows.length * 28);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const colourOf = new Map(chart.statuses.map((status, index) => [status.key, palette[index % palette.length] as string]));
  instance.setOption({
    animation: false,
    aria: { enabled: true },
    textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 12 },
    grid: { left: 16, right: 24, top: 36, bottom: 32, containLabel: true },
    legend: { top: 0, itemGap: 20, data: chart.statuses.map((status) => status.name), textStyle: { color: '#1f2328' } },
    xAxis: { type: 'time', axisLabel: { color: '#1f2328' }, splitLine: { show: true, lineStyle: { color: '#e5e7eb' } } },
    yAxis: { type: 'category', inverse: true, data: chart.rows.map((row) => row.label), axisLabel: { color: '#1f2328', width: 190, overflow: 'truncate' } },
    // One series per status, so the legend explains the colours; each bar is drawn from start to end.
    series: chart.statuses.map((status) => ({
      type: 'custom',
      name: status.name,
      itemStyle: { color: colourOf.get(status.key) },
      encode: { x: [1, 2], y: 0 },
      data: chart.rows.flatMap((row, index) => (row.status === status.key ? [[index, row.start.getTime(), row.end.getTime()]] : [])),
      renderItem: (
        _params: unknown,
        api: {
          value: (dimension: number) => number;
          coord: (point: [number, number]) => [number, number];
          size: (value: [number, number]) => [number, number];
        },
      ) => {
        const start = api.coord([api.value(1), api.value(0)]);
        const end = api.coord([api.value(2), api.value(0)]);
        const barHeight = api.size([0, 1])[1] * 0.6;
        return {
          type: 'rect',
          shape: { x: start[0], y: start[1] - barHeight / 2, width: Math.max(2, end[0] - start[0]), height: barHeight },
          style: { fill: colourOf.get(status.key) },
        };
      },
    })),
  });
  const svg = instance.renderToSVGString();
  instance.dispose();
  return svg;
}
