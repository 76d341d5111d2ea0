import type { OutlineTarget } from '../outline/types.js';
import { typedNumber } from './number-forms.js';

const VERBS = '达到|达|保持在|保持|不低于|不少于|不超过|超过|高于|低于|控制在|稳定在|提高到|提升到|提高至|在|为';
const UNITS = '个百分点|%|％|‰|万元|元|万人|人次|人|个|家|次|场|项|篇|期|所|户|天|小时|名|批|支|件|条|本|份|处|座';

/** “教职工入会率达到100%” → 教职工入会率 / 100 / %; “95%以上” keeps 以上 as the note. */
const TARGET = new RegExp(`^(.+?)(?:${VERBS})\\s*(\\d+(?:\\.\\d+)?)\\s*(${UNITS})?\\s*(以上|以下|以内|左右|及以上)?$`);

/** A name with a value (100%, 4次) as a table cell or a clause states it. */
function splitValue(value: string): Pick<OutlineTarget, 'value' | 'unit'> {
  const match = /^(\d+(?:\.\d+)?)\s*(\D.*)?$/.exec(value.trim());
  if (!match) return value.trim() ? { value: value.trim() } : {};
  // 08 or 1.50 would not read back the same as a number.
  const number = /^0\d|\.\d*0$/.test(match[1]!) ? match[1]! : Number(match[1]);
  return { value: number, ...(match[2] ? { unit: match[2].trim().replace('％', '%') } : {}) };
}

/** One target from a clause, or undefined when the clause names no value. */
export function parseTargetClause(clause: string): OutlineTarget | undefined {
  const text = (typedNumber(clause)?.rest ?? clause).replace(/[。；;，,]$/, '').trim();
  const match = TARGET.exec(text);
  if (!match) return undefined;
  const name = match[1]!.replace(/^(全年|年内|力争|确保|努力|使)/, '').trim();
  if (!name || name.length > 30) return undefined;
  return {
    name,
    value: Number(match[2]),
    ...(match[3] ? { unit: match[3].replace('％', '%') } : {}),
    ...(match[4] ? { note: match[4] } : {}),
  };
}

/** Every clause of the paragraphs as a target, or undefined when any clause is not one. */
export function targetsFromText(paragraphs: string[]): OutlineTarget[] | undefined {
  const clauses = paragraphs
    .flatMap((p) => p.split(/[；;。]/))
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (clauses.length === 0) return undefined;
  const targets = clauses.map(parseTargetClause);
  return targets.every((t): t is OutlineTarget => t !== undefined) ? targets : undefined;
}

const NAME_HEADER = /^(指标|指标名称|项目|目标名称|目标项目|内容|工作目标|名称)$/;
const VALUE_HEADER = /^(目标值|目标|指标值|数值|标准|目标要求)$/;
const NOTE_HEADER = /^(说明|备注|备注说明)$/;

/** Targets from a table with a header row (序号 | 指标 | 目标值 | 说明), or undefined for another table. */
export function targetsFromTable(rows: string[][][]): OutlineTarget[] | undefined {
  const header = rows[0]?.map((cell) => cell.join('').replace(/\s+/g, ''));
  if (!header) return undefined;
  const name = header.findIndex((h) => NAME_HEADER.test(h));
  const value = header.findIndex((h, i) => i !== name && VALUE_HEADER.test(h));
  const note = header.findIndex((h) => NOTE_HEADER.test(h));
  if (name < 0 || value < 0) return undefined;
  return rows.slice(1).flatMap((row) => {
    const cell = (i: number) => (i >= 0 ? (row[i] ?? []).join('\n').trim() : '');
    if (!cell(name)) return [];
    return [{ name: cell(name), ...splitValue(cell(value)), ...(cell(note) ? { note: cell(note) } : {}) }];
  });
}
