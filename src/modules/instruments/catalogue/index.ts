/** The instrument catalogue: its pages (the catalogue, one instrument, writing it, its stage, chain and impact, the programme view). */
export { instrumentRoutes } from './routes.js';
