import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');

/**
 * The places of the writing machine a file that travels (an outline mailed upward) names: an
 * editor hint, a `file:` URL, the install folder, the working folder, the home folder. Empty when
 * it names none of them.
 */
export function machinePaths(text: string, ...folders: string[]): string[] {
  const found: string[] = [];
  if (/yaml-language-server/.test(text)) found.push('yaml-language-server');
  if (/file:\/\//i.test(text)) found.push('file://');
  for (const folder of [ROOT, homedir(), ...folders]) if (folder && text.includes(folder)) found.push(folder);
  return found;
}
