/**
 * The 附件说明 (GB/T 9704 7.3.4): after the body, two characters in, “附件：” and the attachments'
 * names, numbered 1. 2. … when there are more than one; a name that runs over a line continues
 * under its own first character. Both page writers set these lines.
 */

/** One attachment's line: its label (“附件：” on the first only), its number and its name. */
export interface AttachmentLine {
  label: string;
  number: string;
  title: string;
}

/** The label before the first attachment. */
export const ATTACHMENT_LABEL = '附件：';

/** The attachments' lines, in order; none for none. */
export function attachmentLines(titles: readonly string[]): AttachmentLine[] {
  const numbered = titles.length > 1;
  return titles.map((title, i) => ({
    label: i === 0 ? ATTACHMENT_LABEL : '',
    number: numbered ? `${i + 1}.` : '',
    title,
  }));
}
