/**
 * Errors of the value layer (operators and methods). Each has a stable `code`, the name of the
 * operation (`+`, `nth`, ...) and the offending value, which the message prints.
 */

import { SpaceError } from '../../spaces/errors.js';
import type { Term } from '../term/index.js';

/** The stable codes of {@link ValueError}. */
export type ValueErrorCode =
  /** A method that does not exist, or that the receiver's kind does not have (`5.keys()`). */
  | 'MethodNotFound'
  /** A method called with the wrong number of arguments, or an argument of the wrong kind (`[1].nth("a")`). */
  | 'ArgumentMismatch'
  /** An index outside the collection (`[1].nth(1)`), or a negative count. */
  | 'IndexOutOfBounds'
  /** `x / 0` or `x % 0`. */
  | 'DivisionByZero'
  /** An operator applied to values of kinds it does not take (`1 + "a"`, `not 5`), or a value that is not a single expression. */
  | 'TypeMismatch'
  /** An argument of the right kind whose content is refused (`"zz".hexToBytes()`, a slice inside a UTF-8 character). */
  | 'InvalidArgument';

export class ValueError extends SpaceError<ValueErrorCode> {
  /** The operator or method (`+`, `nth`, `%%`). */
  readonly operation: string;
  /** The value the error is about. */
  readonly value: Term;
  constructor(code: ValueErrorCode, operation: string, value: Term, message: string) {
    super(code, message);
    this.operation = operation;
    this.value = value;
  }
}
