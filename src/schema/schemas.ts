import { CONFIG_FIELDS } from '../config/config-fields.js';
import { PLAN_FIELDS } from '../vocab/definition/plan-fields.js';
import { fileSchema, type JsonSchema, type SchemaContext } from './json-schema.js';

/** The names of the two schema files the package ships in `schema/`. */
export const PLAN_SCHEMA_FILE = 'plan.schema.json';
export const CONFIG_SCHEMA_FILE = 'config.schema.json';

/** The JSON Schema of an outline (plan.yaml), from the outline's definition. */
export function planSchema(context: SchemaContext): JsonSchema {
  return fileSchema(
    'urn:unionplan:schema:plan',
    'unionplan 提纲（plan.yaml）',
    '工会工作计划的提纲：unionplan build plan.yaml 把它生成为 Markdown、Word、PDF',
    PLAN_FIELDS,
    context,
  );
}

/** The JSON Schema of `unionplan.config.yaml`, from the config's definition. */
export function configSchema(context: SchemaContext): JsonSchema {
  return fileSchema(
    'urn:unionplan:schema:config',
    'unionplan 设置（unionplan.config.yaml）',
    '本单位的默认设置：上级工会、字体、输出格式、输出文件夹、检查设置；对所在文件夹及其下各级文件夹中的计划有效',
    CONFIG_FIELDS,
    context,
  );
}
