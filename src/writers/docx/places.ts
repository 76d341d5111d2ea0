/**
 * Cleaning the model's text for XML, with a warning in Chinese that says where text was dropped,
 * in words a clerk can find in the plan: 标题, 第3个标题“…”, 第5段, 第1个表格第2行第1列.
 */
import { droppedMessage } from '../../document/clean-text.js';
import type { Line } from '../../document/model.js';
import type { WriterWarning } from '../writer.js';
import { cleanXmlText } from './xml-text.js';

export { cellPlace, headingPlace, paragraphPlace } from '../../document/clean-text.js';

/** Receives the writer's warnings; a no-op when the caller passed none. */
export type Warn = (warning: WriterWarning) => void;

/**
 * Cleans `text` and, when characters had to go, warns once naming `place` and the characters.
 */
export function cleanText(text: string, place: string, warn: Warn): string {
  const { text: cleaned, removed } = cleanXmlText(text);
  if (removed.length > 0) warn({ message: droppedMessage(place, removed) });
  return cleaned;
}

/**
 * Cleans every run of a line, warning once for the line as a whole, so one paragraph with several
 * bad runs gives one warning.
 */
export function cleanLine(line: Line, place: string, warn: Warn): Line {
  const removed: string[] = [];
  const cleaned = line.map((inline) => {
    const result = cleanXmlText(inline.text);
    for (const char of result.removed) removed.push(char);
    return { ...inline, text: result.text };
  });
  if (removed.length > 0) warn({ message: droppedMessage(place, removed) });
  return cleaned;
}
