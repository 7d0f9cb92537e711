/**
 * Build step after tsc: assembles every WebAssembly text module under src/ (`*.wat`) into a
 * binary beside the compiled JavaScript (src/vector/kernels.wat → dist/src/vector/kernels.wasm),
 * with wabt's wat2wasm compiled to wasm (pure JS, nothing native). SIMD is enabled; relaxed SIMD
 * is not, so the modules cannot use non-deterministic instructions.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import initWabt from 'wabt';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.wat'))
  .sort();

const wabt = await initWabt();
for (const file of sources) {
  const from = join(root, 'src', file);
  const to = join(root, 'dist', 'src', file.replace(/\.wat$/, '.wasm'));
  const module = wabt.parseWat(file, readFileSync(from, 'utf8'), { simd: true, relaxed_simd: false });
  try {
    module.resolveNames();
    module.validate();
    const { buffer } = module.toBinary({ log: false, write_debug_names: false });
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, buffer);
    console.log(`assembled ${relative(root, from)} → ${relative(root, to)} (${buffer.length} bytes)`);
  } finally {
    module.destroy();
  }
}
