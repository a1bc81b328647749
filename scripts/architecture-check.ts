/** npm run check:architecture — lists every breach of the architecture rules (see src/core/architecture.ts) and fails on any. */
import { checkArchitecture, formatViolations } from '../src/core/architecture.js';
import { projectRoot } from '../src/core/paths.js';

const violations = await checkArchitecture(projectRoot);
if (violations.length > 0) {
  console.error(formatViolations(violations));
  console.error(`\n${violations.length} architecture violation(s).`);
  process.exit(1);
}
console.log('Module boundaries, import circles and SQL placement are as the architecture says.');
