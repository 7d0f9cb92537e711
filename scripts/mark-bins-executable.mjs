/**
 * Part of `npm run build`: makes every `bin` of package.json executable. `tsc` writes files with
 * mode 644, and npm sets the executable bit only when it links a package's bins — which `npx` in
 * this repository does once, so a later rebuild (`npm test` rebuilds `dist/`) would leave
 * `npx rho` with "Permission denied".
 */
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// The package root: this repository, or the directory given as the first argument (tests).
const root = process.argv[2] === undefined ? new URL('..', import.meta.url) : pathToFileURL(`${process.argv[2]}/`);
const { bin = {} } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
for (const file of Object.values(bin)) {
  const path = new URL(file, root);
  if (!existsSync(path)) {
    console.error(`mark-bins-executable: ${file} was not built`);
    process.exit(1);
  }
  chmodSync(path, statSync(path).mode | 0o111);
}
