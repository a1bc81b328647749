/**
 * A partner's maturity radar (one axis per dimension, 0–100, baseline and latest round as two shapes), drawn on the
 * server as SVG by ECharts and served as an image beside the same figures in a table, so nothing depends on seeing it.
 */
import { loadECharts } from '../../../core/views/charts.js';

export interface RadarChart {
  /** Dimension names, one axis each. */
  axes: string[];
  series: { name: string; values: (number | null)[] }[];
}

export const radarSize = { width: 640, height: 460 } as const;

// The shared palette's first two colours: 3:1 against white and apart for the common colour-vision deficiencies.
const palette = ['#1d4f91', '#b35900'];

export async function radarChartSvg(chart: RadarChart): Promise<string> {
  const echarts = await loadECharts();
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, ...radarSize });
  instance.setOption({
    animation: false,
    color: palette,
    aria: { enabled: true, decal: { show: chart.series.length > 1 } },
    textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 13 },
    legend: chart.series.length > 1 ? { top: 0, textStyle: { color: '#1f2328' } } : undefined,
    radar: {
      center: ['50%', '55%'],
      radius: '62%',
      indicator: chart.axes.map((name) => ({ name, max: 100, min: 0 })),
      axisName: { color: '#1f2328' },
    },
    series: [
      {
        type: 'radar',
        // A dimension nobody answered is drawn at 0; the table beside the chart says it has no score.
        data: chart.series.map((series, index) => ({
          name: series.name,
          value: series.values.map((value) => value ?? 0),
          symbol: index === 0 ? 'circle' : 'triangle',
          lineStyle: { type: index === 0 ? 'dashed' : 'solid', width: 2 },
          areaStyle: { opacity: 0.12 },
        })),
      },
    ],
  });
  const svg = instance.renderToSVGString();
  instance.dispose();
  return svg;
}
