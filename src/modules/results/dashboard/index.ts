/** The public results dashboard, the records behind its figures, and its exports (CSV, JSON, the semester report as Word). */
export { dashboardRoutes } from './routes.js';
export { resultsApi, indicatorFigureSchema, indicatorFiguresDownloadSchema, type IndicatorFigureRecord } from './api.js';
