/**
 * Matchers: how a space decides whether a datum satisfies a pattern.
 *
 * - `matcher.ts`: the `Matcher` interface and `Bindings`;
 * - `basic.ts`: exact, wildcard and predicate matchers and the `And` / `Or` combinators;
 * - `template.ts` + `structural.ts`: structural templates over plain data (`_`, `bind`, `is.*`, `rest`,
 *   `partial`, `where`, `and`, `or`, `not`), compiled once into a `Pattern` for the `StructuralMatch` matcher.
 */

export {
  andMatcher,
  exactMatcher,
  exactValueMatcher,
  mergeBindings,
  orMatcher,
  predicateMatcher,
  wildcardMatcher,
} from './basic.js';
export { type Bindings, EMPTY_BINDINGS, type Matcher } from './matcher.js';
export { compile, Pattern, structuralMatcher } from './structural.js';
export {
  _,
  and,
  any,
  bind,
  type FormalType,
  is,
  type MapTemplate,
  Marker,
  type MarkerSpec,
  not,
  or,
  partial,
  rest,
  type Template,
  TemplateError,
  type TemplateRecord,
  tupleOf,
  where,
} from './template.js';
