/**
 * Small text helpers shared by the history commands: counts with thousands separators, byte sizes
 * in decimal units, plurals and clipped renderings, so every command prints numbers alike.
 */

import { toHex } from '../history/hash.js';

/** `12345` → `12,345` (fixed locale: output must not depend on the machine it runs on). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Decimal units, one decimal from 1 kB up: `999 B`, `3.1 kB`, `12.0 MB`. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = n / 1000;
  let unit = 0;
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** `1 leaf`, `2 leaves`: the count formatted, the noun chosen by it. */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The first 16 hex digits of a hash: enough to tell leaves apart on screen; JSON output keeps full hashes. */
export function shortHex(bytes: Uint8Array): string {
  return toHex(bytes.subarray(0, 8));
}

/** `text` cut to at most `max` characters, marked with an ellipsis when cut (a datum can be megabytes). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `850 ms`, `4.8 s`: milliseconds up to a second, seconds with one decimal beyond. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
