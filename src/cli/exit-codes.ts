import type { ErrorKind } from '../errors.js';

/** Exit statuses, documented in the README (退出码). */
export const EXIT = {
  ok: 0,
  check: 1,
  usage: 2,
  input: 3,
  invalid: 4,
  output: 5,
  internal: 70,
} as const satisfies Record<ErrorKind | 'ok' | 'internal', number>;
