/**
 * An indicator's trend as an SVG line chart drawn on the server by ECharts: the value as at the end of each semester,
 * the target as a dashed line, and (for the programme's staff) the value with those awaiting validation as a dotted
 * line. The SVG carries a <title> and <desc> naming what it shows; the page shows the same figures as a table.
 */
import { loadECharts } from '../../../core/views/charts.js';

export interface TrendChart {
  title: string;
  description: string;
  categories: string[];
  series: { name: string; values: (number | null)[]; line: 'solid' | 'dashed' | 'dotted' }[];
}

// The house palette's first colours (core/views/charts.ts): 3:1 against white; lines also differ by dash pattern.
const palette = ['#1d4f91', '#b35900', '#2e7d32'];

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function trendChartSvg(chart: TrendChart, size = { width: 720, height: 320 }): Promise<string> {
  const echarts = await loadECharts();
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  instance.setOption({
    animation: false,
    color: palette,
    aria: { enabled: true },
    textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 13 },
    grid: { left: 64, right: 24, top: 40, bottom: 40 },
    legend: { top: 0, textStyle: { color: '#1f2328' } },
    xAxis: { type: 'category', data: chart.categories, axisLabel: { color: '#1f2328' } },
    yAxis: { type: 'value', axisLabel: { color: '#1f2328' } },
    series: chart.series.map((series) => ({
      type: 'line',
      name: series.name,
      data: series.values,
      symbol: series.line === 'solid' ? 'circle' : 'none',
      symbolSize: 7,
      connectNulls: false,
      lineStyle: { type: series.line, width: 2 },
    })),
  });
  const svg = instance.renderToSVGString();
  instance.dispose();
  // Screen readers and file viewers read the chart's name and summary from its first children.
  return svg.replace(/^(<svg[^>]*>)/, `$1<title>${escapeXml(chart.title)}</title><desc>${escapeXml(chart.description)}</desc>`);
}
