/** User administration under /admin/users: inviting people, their roles, deactivation and erasure. */
export { userAdministrationRoutes } from './routes.js';
