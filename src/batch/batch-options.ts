import type { RowDefaults } from './rows/row-outline.js';
import type { Progress } from './report/progress.js';
import type { UnitResult } from './report/unit-result.js';
import type { Shard } from './rows/shard.js';

/** Everything `unionplan batch` is asked to do; a library caller may leave out what has a default. */
export interface BatchOptions {
  /** The roster file (CSV, XLSX or YAML). */
  list: string;
  /** Formats to build (`--format`); unused with `emit: 'outline'`. */
  formats: string[];
  /** `plan` (the default): finished documents; `outline`: one plan.yaml per union to fill in. */
  emit?: 'plan' | 'outline';
  outDir: string;
  /** `--outline base.yaml`. */
  outline?: string;
  sheet?: string;
  force?: boolean;
  skipExisting?: boolean;
  /** Plans built at once; default: what the machine can run ({@link machineJobs}). */
  jobs?: number;
  zip?: string;
  shard?: Shard;
  report?: string;
  templates?: string;
  fontDirs?: string[];
  /** `--strict`: rows whose plan has a `check` error fail and are not written. */
  strict?: boolean;
  /** `--config FILE`: the unionplan.config.yaml whose `check:` applies instead of the roster's nearest. */
  configFile?: string;
  /** The unit's defaults (unionplan.config.yaml), under what the roster and `--outline` say. */
  defaults?: RowDefaults;
  today?: Date;
  /** Default: nothing shown. */
  progress?: Progress;
  /** Notes and warnings for the user, before and after the run (stderr); default: dropped. */
  log?: (message: string) => void;
}

/** {@link BatchOptions} with its defaults filled in, as the phases of a run use them. */
export type BatchSettings = Required<Pick<BatchOptions, 'emit' | 'force' | 'skipExisting' | 'jobs' | 'progress' | 'log'>> & BatchOptions;

/** How a batch ended. */
export interface BatchOutcome {
  units: UnitResult[];
  interrupted: boolean;
  /** The roster as named in messages. */
  roster: string;
}
