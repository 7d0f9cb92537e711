/**
 * Part of `prepare`: `node scripts/built-for-exec.mjs || npm run build`. Exits 0 — the build is
 * skipped — only under `npm exec`/`npx` when every bin of package.json is already built.
 *
 * Why: `npx rho ...` in this repository installs the package itself into npm's exec cache to link
 * its bins, and that install runs `prepare` once more — a second full build right after `npm ci`.
 * `npm ci`, `npm install` and a fresh clone without dist/ still build as before.
 */
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const { bin = {} } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const built = Object.values(bin).every((file) => existsSync(new URL(file, root)));
process.exit(process.env.npm_command === 'exec' && built ? 0 : 1);
