import type { Qualifier } from './config.js';

/** What a qualifier promises. */
export interface QualifierTraits {
  /** Data reach hard checkpoints (history). False for `temp` and `seq`. */
  readonly persistent: boolean;
  /** Several consumes may wait on one channel at once. False for `seq`. */
  readonly concurrent: boolean;
  /** Names made by the space may be sent as data. False for `seq`. */
  readonly mobile: boolean;
}

const TRAITS: Readonly<Record<Qualifier, QualifierTraits>> = Object.freeze({
  default: Object.freeze({ persistent: true, concurrent: true, mobile: true }),
  temp: Object.freeze({ persistent: false, concurrent: true, mobile: true }),
  seq: Object.freeze({ persistent: false, concurrent: false, mobile: false }),
});

/** The promises of a qualifier: `default` keeps all three, `temp` drops persistence, `seq` drops all three. */
export function qualifierTraits(qualifier: Qualifier): QualifierTraits {
  return TRAITS[qualifier];
}
