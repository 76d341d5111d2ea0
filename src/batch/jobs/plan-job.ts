/**
 * What the main thread sends a worker and what comes back: plain data, since it crosses
 * threads by structured clone.
 */

import type { Outline } from '../../outline/types.js';

/** Settings shared by every job of a run; a worker gets them once, when it starts. */
export interface JobSettings {
  outDir: string;
  force: boolean;
  templatesDir?: string;
  fontDirs?: string[];
  /** `--strict`: a plan in which `check` finds an error is not written. */
  strict?: boolean;
  /** The roster file, whose nearest `unionplan.config.yaml` holds the check settings. */
  list?: string;
  /** `--config FILE`: the unionplan.config.yaml to use instead of the roster's nearest. */
  configFile?: string;
}

/** Build one union's plan from its outline in the given formats. */
export interface BuildJob {
  kind: 'build';
  id: number;
  stem: string;
  /** Where the row is, for messages: `units.csv:第5行`. */
  source: string;
  outline: Outline;
  formats: string[];
}

/** Write a text file as it is (`--emit outline`: a union's plan.yaml). */
export interface TextJob {
  kind: 'text';
  id: number;
  stem: string;
  extension: string;
  text: string;
}

export type PlanJob = BuildJob | TextJob;

/** How a job ended. */
export interface JobResult {
  id: number;
  /** Names of the files written, inside the output folder. */
  files: string[];
  warnings: string[];
  /** Why the job failed: problems said for the user, and whether it is a bug of unionplan. */
  error?: { messages: string[]; internal: boolean };
}
