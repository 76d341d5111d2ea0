import { extname } from 'node:path';
import { parseMarkdownSource, type ParsedMarkdown } from '../document/parse.js';
import { UserError, quote } from '../errors.js';
import { typeKeys, type TypeChoices } from '../vocab/definition/read-value.js';
import { parseOutlineSource } from '../outline/load.js';
import { readTextFile } from '../io/read-text-file.js';
import type { Outline } from '../outline/types.js';
import { YamlSource } from '../io/yaml-source.js';
import { TemplateRegistry } from '../templates/registry.js';
import { documentShape } from './scan/document-shape.js';
import type { Finding } from './finding.js';
import { LineIndex } from './scan/line-index.js';
import { markdownSegments } from './scan/markdown-text.js';
import { outlineShape } from './scan/outline-shape.js';
import type { PlanShape } from './scan/plan-shape.js';
import { loadReferences } from './references/references.js';
import { loadLists } from './lists/lists.js';
import type { CheckContext } from './rules/rule.js';
import { RULES, RULE_IDS } from './rules/index.js';
import type { Segment } from './scan/segment.js';
import { NO_SETTINGS, findConfigFile, mergeSettings, readCheckSettings, readConfigFile, type CheckSettings } from './settings.js';
import { yamlSegments } from './scan/yaml-text.js';

/** What a file is: an outline, or a plan in Markdown (plain text is Markdown too). */
export type InputKind = 'outline' | 'markdown';

const KINDS: Record<string, InputKind> = {
  '.yaml': 'outline',
  '.yml': 'outline',
  '.md': 'markdown',
  '.markdown': 'markdown',
  // Text pasted from a sample or a web page is checked as the Markdown it would become.
  '.txt': 'markdown',
};

/** The kind of a file by its extension, or undefined for one `check` does not read. */
export function inputKind(file: string): InputKind | undefined {
  return KINDS[extname(file).toLowerCase()];
}

/** The kind to read a file as, or a usage error for a file `check` does not read. */
function kindOf(file: string, options: CheckOptions): InputKind {
  const kind = options.kind ?? inputKind(file);
  if (kind) return kind;
  throw new UserError('usage', [
    { file, message: `无法识别的文件类型 ${quote(extname(file) || '（无扩展名）')}：请给出提纲（.yaml）或 Markdown 计划（.md、.txt）` },
  ]);
}

export interface CheckOptions {
  /** Overrides the kind the extension gives. */
  kind?: InputKind;
  /** The plan types that exist (an outline's `type` is validated); default: the built-in ones. */
  types?: readonly string[] | TypeChoices;
  /** “Today”, for a plan that names no year. */
  today?: Date;
  /** Settings from outside the file (a config file), added to the file's own `check:`. */
  settings?: CheckSettings;
  /** The Markdown already parsed from this very text (`batch` parses each plan once for both). */
  parsed?: ParsedMarkdown;
  /** `--config FILE`: the unionplan.config.yaml to use instead of the nearest one. */
  configFile?: string;
}

/** The text, places and structure of a file, read the way its kind needs. */
interface Reading {
  segments: Segment[];
  plan: PlanShape;
  settings: CheckSettings;
  /** What `build` goes on with, so that it need not parse the file again. */
  outline?: Outline;
  markdown?: ParsedMarkdown;
}

/** Findings, and the file as read on the way (the validated outline, or the parsed Markdown). */
export interface CheckResult {
  findings: Finding[];
  outline?: Outline;
  markdown?: ParsedMarkdown;
}

/** The plan types a check knows: those given, else the built-in templates'. */
function typeChoices(options: CheckOptions): TypeChoices {
  const { types } = options;
  if (types === undefined) return new TemplateRegistry().typeChoices();
  return Array.isArray(types) ? typeKeys(types) : (types as TypeChoices);
}

function readOutline(file: string, text: string, options: CheckOptions): Reading {
  // Schema problems are the loader's to report, exactly as `build` reports them.
  const source = new YamlSource(file, text);
  const outline = parseOutlineSource(source, { types: typeChoices(options), today: options.today });
  return {
    segments: yamlSegments(source.doc, text),
    plan: outlineShape(outline, source),
    settings: readCheckSettings(source, ['check'], RULE_IDS),
    outline,
  };
}

function readMarkdown(file: string, text: string, lines: LineIndex, options: CheckOptions): Reading {
  const parsed = options.parsed ?? parseMarkdownSource(file, text);
  const { frontMatter } = parsed;
  // The front matter starts on line 2, after `---`.
  const front = frontMatter ? new YamlSource(file, frontMatter.yaml, 1) : undefined;
  const segments = [
    ...(front && frontMatter ? yamlSegments(front.doc, frontMatter.yaml, frontMatter.offset) : []),
    ...markdownSegments(parsed.tree, text.slice(parsed.bodyOffset), parsed.bodyOffset),
  ];
  const plan = documentShape(parsed, text, front, lines, options.today);
  // The front matter keeps its type as written (the document knows no templates); the rules go by
  // the key it names, as an outline's (乡镇 → town). A type that is none stays as it is.
  if (plan.type !== undefined) plan.type = typeChoices(options).resolve(plan.type) ?? plan.type;
  return {
    segments,
    plan,
    settings: front ? readCheckSettings(front, ['check'], RULE_IDS) : NO_SETTINGS,
    markdown: parsed,
  };
}

/**
 * Checks the text of an outline (.yaml) or a Markdown plan (.md) and returns every finding, in
 * the order of the file. Offsets of fixes count in the text without a byte-order mark. Throws the
 * loader's `UserError` when the file cannot be read as a plan at all (YAML syntax, schema).
 */
export function checkText(file: string, text: string, options: CheckOptions = {}): Finding[] {
  return checkTextWithModel(file, text, options).findings;
}

/**
 * {@link checkText}, also returning what the file was read into: `build` checks and builds an
 * input from one parse.
 */
export function checkTextWithModel(file: string, text: string, options: CheckOptions = {}): CheckResult {
  const kind = kindOf(file, options);
  const source = text.replace(/^\uFEFF/, '');
  const lines = new LineIndex(source);
  const reading = kind === 'outline' ? readOutline(file, source, options) : readMarkdown(file, source, lines, options);
  const settings = mergeSettings(options.settings ?? NO_SETTINGS, reading.settings);
  const rules = RULES.filter((rule) => !settings.disable.includes(rule.id));
  const ctx: CheckContext = {
    file,
    text: source,
    kind,
    segments: reading.segments,
    plan: reading.plan,
    // The list is read only when its rule runs.
    references: rules.some((rule) => rule.id === 'outdated-reference') ? loadReferences(settings.references) : [],
    wordingFiles: settings.wording,
    lists: loadLists(settings.lists),
    at: (offset) => lines.at(offset),
  };
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const hit of rule.run(ctx)) {
      findings.push({
        file,
        line: hit.line,
        column: hit.column,
        severity: rule.severity,
        rule: rule.id,
        message: hit.message,
        suggestion: hit.suggestion,
        ...(hit.fix ? { fix: hit.fix } : {}),
      });
    }
  }
  const order = new Map(RULE_IDS.map((id, i) => [id, i]));
  findings.sort((a, b) => a.line - b.line || a.column - b.column || order.get(a.rule)! - order.get(b.rule)!);
  return {
    findings,
    ...(reading.outline ? { outline: reading.outline } : {}),
    ...(reading.markdown ? { markdown: reading.markdown } : {}),
  };
}

/**
 * The settings that apply to a file from outside it: those of `configFile` (`--config`) when
 * given, else of the nearest `unionplan.config.yaml`.
 */
export function settingsFor(file: string, configFile?: string): CheckSettings {
  const config = configFile ?? findConfigFile(file);
  return config ? readConfigFile(config, RULE_IDS) : NO_SETTINGS;
}

/** Reads a file and checks it, with the settings of the nearest `unionplan.config.yaml`. */
export async function checkFile(file: string, options: CheckOptions = {}): Promise<Finding[]> {
  kindOf(file, options);
  const text = await readTextFile(file);
  return checkText(file, text, {
    ...options,
    settings: mergeSettings(options.settings ?? NO_SETTINGS, settingsFor(file, options.configFile)),
  });
}
