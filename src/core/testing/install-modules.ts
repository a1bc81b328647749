/** Set-up of every test file (vitest setupFiles): the platform's modules installed, as the app and the CLI do first. */
import { installModules } from '../module.js';
import { modules } from '../../modules/index.js';

installModules(modules);
