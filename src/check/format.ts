import type { Finding, Severity } from './finding.js';

export const SEVERITY_NAMES: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告' };

/** `file:line:column  严重程度  rule-id  message` — one line, easy to grep and to click in an editor. */
export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}  ${SEVERITY_NAMES[finding.severity]}  ${finding.rule}  ${finding.message}`;
}

/** `共 3 个问题（1 个错误，2 个警告）`, or that there are none. */
export function countLine(findings: readonly Finding[]): string {
  if (findings.length === 0) return '未发现问题';
  const errors = findings.filter((f) => f.severity === 'error').length;
  return `共 ${findings.length} 个问题（${errors} 个错误，${findings.length - errors} 个警告）`;
}

/**
 * Findings grouped by file (a blank line between files), each followed by its suggestion, then
 * the count. Files keep the order they were given in; findings the order of the file.
 */
export function formatReport(findings: readonly Finding[], options: { count?: boolean } = {}): string {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const groups = [...byFile.values()].map((list) => list.map((f) => `${formatFinding(f)}\n    建议：${f.suggestion}\n`).join(''));
  const count = options.count === false ? '' : `${countLine(findings)}\n`;
  return groups.join('\n') + (groups.length && count ? '\n' : '') + count;
}
