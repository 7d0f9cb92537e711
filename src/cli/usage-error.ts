/** The error every CLI of this package raises for a mistake on its command line. */

/** A mistake on the command line (or a file or directory that is not there): reported without a stack, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
