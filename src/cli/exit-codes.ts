import type { ErrorKind } from '../errors.js';

/** Exit statuses, documented in the README (退出码). */
export const EXIT = {
  ok: 0,
  check: 1,
  usage: 2,
  input: 3,
  invalid: 4,
  output: 5,
  /** `batch`: the other plans were built, but at least one row failed (see its report). */
  partial: 6,
  /** Stopped by Ctrl-C or SIGTERM, as shells report a SIGINT death (128 + 2). */
  interrupted: 130,
  internal: 70,
} as const satisfies Record<ErrorKind | 'ok' | 'internal', number>;
