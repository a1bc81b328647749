/** The figures engine of results: indicator series, traces, the trend chart. */
export * from './service.js';
export { trendChartSvg, type TrendChart } from './chart.js';
