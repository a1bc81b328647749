/** npm run i18n:check — prints each language's completeness and fails on a broken catalogue (see src/core/i18n/check.ts). */
import { loadAllCatalogues } from '../src/core/i18n/catalogues.js';
import { checkCatalogues, readSourceFiles } from '../src/core/i18n/check.js';
import { fromProjectRoot } from '../src/core/paths.js';

const report = checkCatalogues(loadAllCatalogues(), readSourceFiles(fromProjectRoot('src')));
for (const language of report.languages) {
  const percent = ((language.translated / language.total) * 100).toFixed(1);
  console.log(
    `${language.locale}: ${language.translated}/${language.total} messages (${percent}%)${language.missing.length ? `, ${language.missing.length} fall back to English` : ''}`,
  );
}
if (report.errors.length > 0) {
  console.error(`\n${report.errors.length} problem(s):`);
  for (const error of report.errors) console.error(`  - ${error}`);
  process.exit(1);
}
console.log('\nCatalogues are consistent.');
