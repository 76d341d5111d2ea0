import { RULE_IDS } from '../check/rules/index.js';
import { readCheckSettings } from '../check/settings.js';
import { configFileFor, readConfig, type UnitConfig } from '../config/read-config.js';
import type { TypeChoices } from '../vocab/definition/read-value.js';

/**
 * The unit's defaults for a command working in `dir`: the `--config` file when given, else the
 * nearest unionplan.config.yaml; undefined when there is none. What a command's own options say
 * comes first, then what the plan itself says, then these. The file is checked whole, its
 * `check:` included, so that every mistake in it is told at once.
 */
export function unitConfig(dir: string, explicit?: string, types?: TypeChoices): UnitConfig | undefined {
  const file = configFileFor(dir, explicit);
  return file ? readConfig(file, types, (source) => readCheckSettings(source, ['check'], RULE_IDS)) : undefined;
}
