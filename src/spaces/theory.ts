/**
 * A theory constrains what data a space accepts: every produced datum is validated before
 * anything changes, and a datum that fails is refused with `TheoryValidationError`. The interface
 * is deliberately small so that richer theories (type systems, schemas) can plug in.
 */
export interface Theory {
  /** Shown in errors (`Nat`, `Int`, a schema's name, ...). */
  readonly name: string;
  /** `null` if the datum is valid; otherwise the reason it is not, for the error message. */
  validate(datum: unknown): string | null;
}
