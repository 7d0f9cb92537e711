import { print } from '../../data/print.js';
import { isRecord, Tuple, type Value } from '../../data/value.js';
import { Marker, type MarkerSpec, type Template } from './template.js';

/**
 * Renders a template for `Pattern#toString` and error messages, in the syntax of `print` (lists `[..]`,
 * tuples `(..)`, maps `{k: v}`) with markers written as the calls that build them: `_`, `bind("x")`,
 * `is.string`, `rest()`, `partial({"a": _}, "more")`, `where(label)`, `and(..)`, `or(..)`, `not(..)`.
 * Marker-free parts are printed by `print`, so a literal template prints exactly like its value.
 *
 * Never throws: it also renders templates that failed to compile (a non-value prints as its type).
 */
export function printTemplate(t: Template): string {
  return render(t, new Set());
}

function render(t: unknown, open: Set<object>): string {
  if (t instanceof Marker) return renderMarker(t.spec, open);
  if (typeof t !== 'object' || t === null || !hasMarker(t)) return literal(t);
  if (open.has(t)) return '<cycle>';
  open.add(t);
  try {
    if (Array.isArray(t)) return `[${items(t, open)}]`;
    if (t instanceof Tuple) return t.items.length === 1 ? `(${items(t.items, open)},)` : `(${items(t.items, open)})`;
    const entries = t instanceof Map ? [...t] : Object.entries(t);
    return `{${entries.map(([k, v]) => `${literal(k)}: ${render(v, open)}`).join(', ')}}`;
  } finally {
    open.delete(t);
  }
}

function renderMarker(spec: MarkerSpec, open: Set<object>): string {
  switch (spec.kind) {
    case 'any':
      return '_';
    case 'bind':
      return spec.sub === undefined
        ? `bind(${name(spec.name)})`
        : `bind(${name(spec.name)}, ${render(spec.sub, open)})`;
    case 'is':
      return `is.${String(spec.type)}`;
    case 'rest':
      return spec.name === undefined ? 'rest()' : `rest(${name(spec.name)})`;
    case 'partial': {
      const map = renderMap(spec.map, open);
      return spec.restName === undefined ? `partial(${map})` : `partial(${map}, ${name(spec.restName)})`;
    }
    case 'where':
      return `where(${spec.label ?? ((typeof spec.predicate === 'function' && spec.predicate.name) || '<predicate>')})`;
    case 'and':
    case 'or':
      return `${spec.kind}(${items(spec.templates, open)})`;
    case 'not':
      return `not(${render(spec.template, open)})`;
    default:
      return '<marker>';
  }
}

/** The map of a `partial` is always written as a map, even when it is marker-free. */
function renderMap(map: unknown, open: Set<object>): string {
  if (!(map instanceof Map) && !isRecord(map)) return literal(map);
  const entries = map instanceof Map ? [...map] : Object.entries(map);
  return `{${entries.map(([k, v]) => `${literal(k)}: ${render(v, open)}`).join(', ')}}`;
}

function items(ts: readonly unknown[], open: Set<object>): string {
  return ts.map((t) => render(t, open)).join(', ');
}

function name(n: unknown): string {
  return typeof n === 'string' ? JSON.stringify(n) : String(n);
}

function literal(v: unknown): string {
  try {
    return print(v as Value);
  } catch {
    // Not a value (or a cyclic one): still say something useful in an error message.
    if (typeof v === 'function') return `<function ${v.name || 'anonymous'}>`;
    if (typeof v === 'object' && v !== null) return `<${v.constructor?.name ?? 'object'}>`;
    return `<${typeof v === 'undefined' ? 'undefined' : String(v)}>`;
  }
}

/** True if a marker occurs anywhere inside `t` (sets are literal, so their contents do not count). */
function hasMarker(t: object, seen = new Set<object>()): boolean {
  if (seen.has(t)) return false;
  seen.add(t);
  const children: unknown[] = Array.isArray(t)
    ? t
    : t instanceof Tuple
      ? [...t.items]
      : t instanceof Map
        ? [...t.values()]
        : isRecord(t)
          ? Object.values(t)
          : [];
  return children.some((c) => c instanceof Marker || (typeof c === 'object' && c !== null && hasMarker(c, seen)));
}
