import { RULE_IDS } from '../check/rules/index.js';
import { readCheckSettings } from '../check/settings.js';
import { configFileFor, readConfig, type UnitConfig } from '../config/read-config.js';
import { TemplateRegistry } from '../templates/registry.js';
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

/**
 * {@link unitConfig}, its `type:` checked against the templates the command will use (`templates`,
 * its `--templates`, else the file's own `templates:`): a type that is none is told at its line in
 * the file, not as if the user had typed it.
 */
export function unitConfigWithType(dir: string, explicit: string | undefined, templates: string | undefined): UnitConfig | undefined {
  const config = unitConfig(dir, explicit);
  if (config?.type === undefined) return config;
  return unitConfig(dir, explicit, new TemplateRegistry(templates ?? config.templates).typeChoices());
}
