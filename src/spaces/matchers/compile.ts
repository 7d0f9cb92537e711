/**
 * Template compilation: validation with located errors, and the translation to match nodes.
 *
 * Marker-free parts collapse to a single literal node (one `equals` call, or `===` for primitives), and
 * every capture name gets a slot number so that matching never looks names up.
 */

import { equals } from '../../data/compare.js';
import { InvalidValueError, isRecord, kindOf, Name, Tuple, type Value } from '../../data/value.js';
import { type MapEntryNode, MapNode } from './map-node.js';
import {
  ANY,
  AndNode,
  BindNode,
  EqualNode,
  FORMAL_TESTS,
  isLiteralNode,
  ListNode,
  type MatchNode,
  NaNNode,
  NotNode,
  OrNode,
  SameNode,
  TestNode,
  TupleNode,
} from './nodes.js';
import { printTemplate } from './print-template.js';
import { type MapTemplate, Marker, type Template, TemplateError } from './template.js';

/** A compiled template: the root node, and the capture name of each slot (see `MatchState`). */
export interface CompiledTemplate {
  readonly root: MatchNode;
  readonly names: readonly string[];
}

/** Validates and compiles a template (see `compile` in structural.ts for the errors). */
export function compileTemplate(template: Template): CompiledTemplate {
  const compiler = new Compiler();
  const root = compiler.node(template, '$');
  return { root, names: compiler.names };
}

class Compiler {
  /** Composite templates being compiled, to reject cycles instead of overflowing the stack. */
  private readonly open = new Set<object>();
  /** The capture name of each slot. */
  readonly names: string[] = [];
  /** The slots of the names in scope. `not` opens a fresh scope, so its captures never meet the others. */
  private scope = new Map<string, number>();

  private slot(name: string): number {
    let slot = this.scope.get(name);
    if (slot === undefined) {
      slot = this.names.push(name) - 1;
      this.scope.set(name, slot);
    }
    return slot;
  }

  node(t: unknown, path: string): MatchNode {
    if (t instanceof Marker) return this.marker(t, path);
    switch (typeof t) {
      case 'string':
      case 'boolean':
      case 'bigint':
        return new SameNode(t);
      case 'number':
        return Number.isNaN(t) ? new NaNNode() : new SameNode(t);
      case 'object':
        if (t === null) return new SameNode(null);
        if (this.open.has(t)) throw new TemplateError(path, 'the template contains itself');
        this.open.add(t);
        try {
          return this.composite(t, path);
        } finally {
          this.open.delete(t);
        }
      default:
        return notAValue(t, path);
    }
  }

  /** A node that must be a literal (a set element, a map key): compiled to validate it, then checked. */
  private literal(t: unknown, path: string, where: string): void {
    if (!isLiteralNode(this.node(t, path)))
      throw new TemplateError(path, `${where} must be literal values, not markers`);
  }

  private composite(t: object, path: string): MatchNode {
    if (Array.isArray(t)) {
      const { items, hasRest, restSlot } = this.items(t, path);
      if (!hasRest && items.every(isLiteralNode)) return new EqualNode(t);
      return new ListNode(items, hasRest, restSlot);
    }
    if (t instanceof Tuple) {
      const { items, hasRest, restSlot } = this.items(t.items, path);
      if (!hasRest && items.every(isLiteralNode)) return new EqualNode(t);
      return new TupleNode(items, hasRest, restSlot);
    }
    if (t instanceof Set) {
      let i = 0;
      for (const e of t) this.literal(e, `${path}<set item ${i++}>`, 'set items in a template');
      return new EqualNode(t as ReadonlySet<Value>);
    }
    if (t instanceof Uint8Array || t instanceof Name) return new EqualNode(t);
    if (t instanceof Map || isRecord(t)) {
      const entries = this.entries(t as MapTemplate, path);
      if (entries.every((e) => isLiteralNode(e.node))) return new EqualNode(t as Value);
      return new MapNode(entries, false, -1);
    }
    return notAValue(t, path);
  }

  private items(ts: readonly unknown[], path: string) {
    const items: MatchNode[] = [];
    let hasRest = false;
    let restSlot = -1;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i];
      const at = `${path}[${i}]`;
      if (t instanceof Marker && t.spec.kind === 'rest') {
        if (i !== ts.length - 1)
          throw new TemplateError(at, 'rest() must be the last item of a list or tuple template');
        hasRest = true;
        if (t.spec.name !== undefined) restSlot = this.slot(captureName(t.spec.name, at, 'rest()'));
      } else {
        items.push(this.node(t, at));
      }
    }
    return { items, hasRest, restSlot };
  }

  private entries(t: MapTemplate, path: string): MapEntryNode[] {
    const entries: MapEntryNode[] = [];
    if (t instanceof Map) {
      for (const [key, sub] of t as ReadonlyMap<unknown, unknown>) {
        const at = `${path}.get(${printTemplate(key as Template)})`;
        this.literal(key, at, 'map keys');
        const k = key as Value;
        const entry = { key: k, primitive: isPrimitive(k), node: this.node(sub, at) };
        // Structurally equal keys: the later entry wins, as it does for Map values (see compare.ts).
        const dup = isPrimitive(k) ? -1 : entries.findIndex((e) => equals(e.key, k));
        if (dup >= 0) entries.splice(dup, 1);
        entries.push(entry);
      }
    } else {
      for (const key of Object.keys(t)) {
        const at = /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
        entries.push({ key, primitive: true, node: this.node((t as Record<string, unknown>)[key], at) });
      }
    }
    return entries;
  }

  private marker(m: Marker, path: string): MatchNode {
    const spec = m.spec;
    switch (spec.kind) {
      case 'any':
        return ANY;
      case 'bind': {
        const name = captureName(spec.name, path, 'bind()');
        const sub = spec.sub === undefined ? null : this.node(spec.sub, `${path}/bind(${JSON.stringify(name)})`);
        return new BindNode(this.slot(name), sub === ANY ? null : sub);
      }
      case 'is': {
        const test = Object.hasOwn(FORMAL_TESTS, spec.type) ? FORMAL_TESTS[spec.type] : undefined;
        if (test === undefined) throw new TemplateError(path, `unknown type formal is.${String(spec.type)}`);
        return new TestNode(test);
      }
      case 'rest':
        throw new TemplateError(path, 'rest() is only allowed as the last item of a list or tuple template');
      case 'partial': {
        const at = `${path}/partial`;
        if (!(spec.map instanceof Map) && !isRecord(spec.map)) {
          throw new TemplateError(at, 'partial() takes a record or a Map of templates');
        }
        const entries = this.entries(spec.map, at);
        const restSlot = spec.restName === undefined ? -1 : this.slot(captureName(spec.restName, path, 'partial()'));
        return new MapNode(entries, true, restSlot);
      }
      case 'where':
        if (typeof spec.predicate !== 'function') throw new TemplateError(path, 'where() takes a predicate function');
        return new TestNode(spec.predicate);
      case 'and':
      case 'or': {
        const { kind, templates } = spec;
        if (templates.length === 0) throw new TemplateError(path, `${kind}() needs at least one template`);
        const nodes = templates.map((t, i) => this.node(t, `${path}/${kind}[${i}]`));
        // One template is the template itself, unless it is a literal: a literal node stands for its
        // template in the marker-free collapse, and this template is a marker.
        if (nodes.length === 1 && !isLiteralNode(nodes[0])) return nodes[0];
        return kind === 'and' ? new AndNode(nodes) : new OrNode(nodes);
      }
      case 'not': {
        const outer = this.scope;
        this.scope = new Map();
        try {
          return new NotNode(this.node(spec.template, `${path}/not`));
        } finally {
          this.scope = outer;
        }
      }
      default:
        throw new TemplateError(path, 'unknown marker');
    }
  }
}

function captureName(name: unknown, path: string, what: string): string {
  if (typeof name !== 'string' || name === '') throw new TemplateError(path, `${what} needs a non-empty capture name`);
  return name;
}

function isPrimitive(v: Value): boolean {
  return v === null || typeof v !== 'object';
}

function notAValue(t: unknown, path: string): never {
  try {
    kindOf(t);
  } catch (e) {
    if (e instanceof InvalidValueError) throw new TemplateError(path, e.message);
    throw e;
  }
  throw new TemplateError(path, 'not a template');
}
