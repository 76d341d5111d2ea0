import { editDistance } from '../../text/edit-distance.js';
import type { Choice } from './field.js';

function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Every word a choice is known by: its key, its Chinese name, its other words. */
export function choiceWords(choice: Choice): string[] {
  return [...new Set([choice.value, ...(choice.name ? [choice.name] : []), ...(choice.words ?? [])])];
}

/**
 * The key a value names — `first-half`, 上半年, ＦＩＲＳＴ-HALF — or undefined when it names none.
 * Only text names a choice.
 */
export function choiceValue(choices: readonly Choice[], value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const folded = fold(value);
  for (const choice of choices) {
    if (choiceWords(choice).some((word) => fold(word) === folded)) return choice.value;
  }
  return undefined;
}

/**
 * The choice a misspelt value most likely meant (`frist-half` → first-half, 下半 → second-half):
 * two edits in a Latin word, one in a Chinese word.
 */
export function nearestChoice(choices: readonly Choice[], value: unknown): Choice | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const folded = fold(String(value));
  if (folded === '') return undefined;
  let best: { choice: Choice; cost: number; tied: boolean } | undefined;
  for (const choice of choices) {
    for (const word of choiceWords(choice)) {
      const target = fold(word);
      const allowed = /^[a-z0-9-]+$/.test(target) ? 2 : 1;
      // A one-character Chinese word is not near everything else one character long.
      if (allowed === 1 && [...target].length < 2) continue;
      const cost = editDistance(folded, target);
      if (cost > allowed) continue;
      if (!best || cost < best.cost) best = { choice, cost, tied: false };
      // 半年 is as near to 上半年 as to 下半年: no guess then.
      else if (cost === best.cost && best.choice !== choice) best.tied = true;
    }
  }
  return best && !best.tied ? best.choice : undefined;
}

/** A choice as messages show it: first-half（上半年）, or the name alone when it is the key (区). */
export function showChoice(choice: Choice): string {
  return choice.name && choice.name !== choice.value ? `${choice.value}（${choice.name}）` : choice.value;
}

/** `plan（工作计划）或 points（工作要点）`, `区、县、市 之一`: what a message says is expected. */
export function choiceList(choices: readonly Choice[]): string {
  const shown = choices.map(showChoice);
  if (shown.length === 2) return `${shown[0]}${shown[0]!.endsWith('）') ? '' : ' '}或 ${shown[1]}`;
  return `${shown.join('、')} 之一`;
}

/** `，是否想写 first-half（上半年）？` for a near miss, else the comma before “应为”. */
export function didYouMean(choice: Choice | undefined): string {
  return choice ? `，是否想写 ${showChoice(choice)}？` : '，';
}
