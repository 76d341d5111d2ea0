import type { Shard } from '../../batch/rows/shard.js';

/** The options of `unionplan batch`, as commander parses them. */
export interface BatchCommandOptions {
  format?: string;
  out?: string;
  outline?: string;
  emit: string;
  sheet?: string;
  force?: boolean;
  skipExisting?: boolean;
  jobs?: number;
  zip?: string;
  shard?: Shard;
  report?: string;
  quiet?: boolean;
  templates?: string;
  fontDir?: string[];
  strict?: boolean;
  config?: string;
}
