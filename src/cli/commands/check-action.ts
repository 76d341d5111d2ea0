import { constants } from 'node:fs';
import { access, chmod, readFile, realpath, stat } from 'node:fs/promises';
import { checkFile, checkText, settingsFor, type CheckOptions } from '../../check/check.js';
import { failing, type Finding } from '../../check/finding.js';
import { applyFixes, type AppliedFix } from '../../check/fix/fix.js';
import { formatReport } from '../../check/format.js';
import { UserError, type Problem } from '../../errors.js';
import { decodeText } from '../../io/decode-text.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { readTextFile } from '../../io/read-text-file.js';
import { TemplateRegistry } from '../../templates/registry.js';
import { configFileFor } from '../../config/read-config.js';

/** The options of `unionplan check`, as commander parses them. */
export interface CheckCommandOptions {
  json?: boolean;
  strict?: boolean;
  fix?: boolean;
  templates?: string;
  config?: string;
}

/** Rounds of fixing: a fix inside another (a comma inside brackets) waits for the next round. */
const MAX_FIX_ROUNDS = 5;

/**
 * Applies the safe fixes to a file, checking again after each round, and writes it (atomically)
 * only if something changed. Returns the changes and what is left to fix by hand.
 */
async function fixFile(file: string, options: CheckOptions): Promise<{ changes: AppliedFix[]; findings: Finding[] }> {
  const original = await readTextFile(file);
  // The fixed file is written as the original was: its encoding, and its byte-order mark.
  const bytes = await readFile(file);
  const { encoding } = decodeText(file, bytes);
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  const settings = settingsFor(file, options.configFile);
  let text = original;
  let findings = checkText(file, text, { ...options, settings });
  const changes: AppliedFix[] = [];
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const result = applyFixes(text, findings);
    if (result.applied.length === 0) break;
    // A later round's places are in the text as the rounds before left it (rare: nested fixes).
    // A loop, not push(...): spreading 100,000 changes as arguments overflows the stack.
    for (const change of result.applied) changes.push(change);
    text = result.text;
    // Checking again also proves the fixed text still reads as a plan before it is written.
    findings = checkText(file, text, { ...options, settings });
  }
  if (text !== original) {
    // The new file replaces the old by renaming, which a read-only file would not stop: ask first.
    try {
      await access(file, constants.W_OK);
    } catch {
      throw new UserError('output', [{ file, message: '没有写入权限（文件是只读的），未修改' }]);
    }
    // A link stays a link: the file it points to is the one fixed (replacing the link itself
    // would cut it from its target).
    const target = await realpath(file);
    const { mode } = await stat(target);
    // iconv-lite and its code pages load only when a fix is written back: every other command,
    // and every check without --fix, starts without them.
    const { default: iconv } = await import('iconv-lite');
    await writeFileAtomic(target, iconv.encode(text, encoding, { addBOM: bom }), { force: true });
    // A new file gets default permissions; keep the ones the user's file had.
    await chmod(target, mode & 0o7777);
  }
  return { changes, findings };
}

/** What `unionplan check` does, loaded only when it runs. */
export async function checkAction(files: string[], options: CheckCommandOptions): Promise<void> {
  const registry = new TemplateRegistry(options.templates);
  const configFile = options.config !== undefined ? configFileFor('.', options.config) : undefined;
  const checkOptions: CheckOptions = { types: registry.typeChoices(), ...(configFile ? { configFile } : {}) };
  const findings: Finding[] = [];
  const unreadable: UserError[] = [];
  // Changes go where they do not spoil the JSON on stdout.
  const say = (text: string) => (options.json ? process.stderr : process.stdout).write(text);
  for (const file of files) {
    try {
      if (options.fix) {
        const result = await fixFile(file, checkOptions);
        if (result.changes.length) {
          say(`已修改 ${file}（${result.changes.length} 处）：\n`);
          for (const change of result.changes) say(`  ${change.line}:${change.column}  “${change.before}” → “${change.after}”\n`);
          say('\n');
        }
        for (const finding of result.findings) findings.push(finding);
      } else {
        // A loop, not push(...): a long plan can have more findings than a call takes arguments.
        for (const finding of await checkFile(file, checkOptions)) findings.push(finding);
      }
    } catch (error) {
      // One file that cannot be read as a plan does not hide what the others have.
      if (!(error instanceof UserError)) throw error;
      unreadable.push(error);
    }
  }
  if (options.json) process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  // “未发现问题” above an error that stopped the check would say the opposite of what happened.
  else if (findings.length > 0 || unreadable.length === 0) process.stdout.write(formatReport(findings));
  if (unreadable.length) {
    throw new UserError(
      unreadable[0]!.kind,
      unreadable.flatMap((error) => error.problems),
    );
  }
  const failed = failing(findings, options.strict);
  if (failed.length) {
    const perFile = new Map<string, number>();
    for (const f of failed) perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
    const what = options.strict ? '个错误或警告（--strict）' : '个错误';
    const problems: Problem[] = [...perFile].map(([file, n]) => ({ file, message: `${n} ${what}` }));
    throw new UserError('check', problems);
  }
}
