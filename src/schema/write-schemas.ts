import { RULE_IDS } from '../check/rules/index.js';
import type { Choice } from '../vocab/definition/field.js';
import { BUILT_IN_ORDER } from '../templates/registry.js';
import { typeAliases } from '../templates/type-names.js';
import { configSchema, planSchema, CONFIG_SCHEMA_FILE, PLAN_SCHEMA_FILE } from './schemas.js';

/**
 * The schema files' texts, for the build (scripts/build.mjs bundles this module and writes them
 * to `schema/`). `types` are the built-in templates' keys and names as their front matter says.
 */
export function schemaFiles(types: readonly { type: string; name: string }[]): Record<string, string> {
  const aliases = typeAliases();
  const rank = (type: string) => (BUILT_IN_ORDER.includes(type) ? BUILT_IN_ORDER.indexOf(type) : BUILT_IN_ORDER.length);
  const typeNames: Choice[] = [...types]
    .sort((a, b) => rank(a.type) - rank(b.type))
    .map(({ type, name }) => ({
      value: type,
      name,
      words: Object.entries(aliases)
        .filter(([, t]) => t === type)
        .map(([alias]) => alias),
    }));
  const context = { typeNames, ruleIds: RULE_IDS };
  const text = (schema: object) => `${JSON.stringify(schema, null, 2)}\n`;
  return { [PLAN_SCHEMA_FILE]: text(planSchema(context)), [CONFIG_SCHEMA_FILE]: text(configSchema(context)) };
}
