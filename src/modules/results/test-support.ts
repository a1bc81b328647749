/** The results module's test builders, for other modules' tests. */
export { anIndicator } from './figures/test-support.js';
