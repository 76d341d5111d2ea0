import { UserError, quote } from '../../errors.js';
import { tableRoster, type Roster } from './roster.js';
import { dateStylesReader } from './xlsx/date-styles.js';
import { sharedStringsReader } from './xlsx/shared-strings.js';
import { SheetReader } from './xlsx/sheet-reader.js';
import { relationshipsReader, relsPartOf, sheetEntries, workbookReader } from './xlsx/workbook-parts.js';
import { XmlFault, XmlScanner, type XmlHandler } from './xlsx/xml-scanner.js';
import { AllowanceExceeded, ZipFault, inflateEntry, zipEntries, type Allowance, type ZipEntry } from './xlsx/zip-entries.js';
import { MAX_ROSTER_ROWS, MAX_XLSX_INFLATED, MAX_XLSX_PARTS, tooBigError, tooManyPartsError, tooManyRowsError } from './xlsx-limits.js';

function notWorkbook(file: string, detail: string): UserError {
  return new UserError('invalid', [
    { file, message: `不是有效的 Excel 工作簿（.xlsx），无法读取（${detail}）。请在 Excel 或 WPS 中打开后另存为 .xlsx 或 CSV` },
  ]);
}

/** The parts of one workbook, each inflated at most once, all against one allowance. */
class WorkbookZip {
  private readonly allowance: Allowance = { left: MAX_XLSX_INFLATED };
  private readonly byName = new Map<string, ZipEntry>();
  /** Entries inflated already. */
  readonly done = new Set<ZipEntry>();

  constructor(
    private readonly file: string,
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
  ) {
    // Part names are case-insensitive (OPC); the first of two same-named entries is the one read.
    for (const entry of entries) if (!this.byName.has(entry.name.toLowerCase())) this.byName.set(entry.name.toLowerCase(), entry);
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part.toLowerCase());
  }

  /** Reads a part into `handler`; undefined when the workbook has no such part. */
  async read<H extends XmlHandler>(part: string, handler: H): Promise<H | undefined> {
    const entry = this.entry(part);
    if (!entry) return undefined;
    await this.scan(entry, handler);
    return handler;
  }

  /** Inflates an entry through the XML scanner into `handler`, as it inflates. */
  async scan(entry: ZipEntry, handler: XmlHandler): Promise<void> {
    const scanner = new XmlScanner(handler);
    let decoder: TextDecoder | undefined;
    const decode = (piece?: Buffer): string => {
      // XML parts are UTF-8, or UTF-16 with a byte-order mark; bytes that are neither are an
      // error rather than U+FFFD in a union's name.
      decoder ??= new TextDecoder(
        piece?.[0] === 0xff && piece[1] === 0xfe ? 'utf-16le' : piece?.[0] === 0xfe && piece[1] === 0xff ? 'utf-16be' : 'utf-8',
        { fatal: true },
      );
      try {
        return piece ? decoder.decode(piece, { stream: true }) : decoder.decode();
      } catch {
        throw new XmlFault(`不是有效的 ${decoder.encoding.toUpperCase()} 文本`);
      }
    };
    await this.inflate(
      entry,
      (piece) => scanner.push(decode(piece)),
      () => {
        scanner.push(decode());
        scanner.end();
      },
    );
  }

  /**
   * Inflates an entry that is not read (a picture, a theme) only to count it against the
   * allowance, as the limit is on the whole workbook. A damaged one does not stop the roster.
   */
  async skip(entry: ZipEntry): Promise<void> {
    this.done.add(entry);
    try {
      await inflateEntry(this.bytes, entry, this.allowance, () => {});
    } catch (error) {
      if (error instanceof AllowanceExceeded) throw tooBigError(this.file, this.bytes);
      if (!(error instanceof ZipFault)) throw error;
    }
  }

  private async inflate(entry: ZipEntry, sink: (piece: Buffer) => void, finish?: () => void): Promise<void> {
    this.done.add(entry);
    try {
      await inflateEntry(this.bytes, entry, this.allowance, sink);
      finish?.();
    } catch (error) {
      if (error instanceof AllowanceExceeded) throw tooBigError(this.file, this.bytes);
      if (error instanceof ZipFault) throw notWorkbook(this.file, error.message);
      if (error instanceof XmlFault) throw notWorkbook(this.file, `${entry.name}：${error.message}`);
      throw error;
    }
  }
}

/**
 * Reads the first visible sheet of an .xlsx workbook, or the one `sheet` names. Row numbers
 * are Excel's. Returns undefined when no row names a known column.
 *
 * The workbook is read straight from its zip, one part at a time as it inflates: never more
 * than {@link MAX_XLSX_INFLATED} in all, whatever its table of contents claims, and never a
 * sheet of more than {@link MAX_ROSTER_ROWS} rows (every sheet's rows are counted).
 */
export async function readXlsxRoster(file: string, bytes: Uint8Array, sheet?: string): Promise<Roster | undefined> {
  const entries = zipEntries(bytes, MAX_XLSX_PARTS);
  if (entries === 'too-many') throw tooManyPartsError(file);
  if (entries === undefined) throw notWorkbook(file, '不是完整的 zip 压缩包');
  if (entries.reduce((sum, entry) => sum + entry.size, 0) > MAX_XLSX_INFLATED) throw tooBigError(file, bytes);
  const zip = new WorkbookZip(file, bytes, entries);

  // The package links to its workbook, the workbook to its sheets, shared strings and styles.
  const packageLinks = await zip.read('_rels/.rels', relationshipsReader(''));
  const workbookPart = packageLinks?.relationships.find((link) => link.type === 'officeDocument')?.part ?? 'xl/workbook.xml';
  // Without its workbook part an .xlsx is damaged, but its size is checked first, as always.
  const workbook = (await zip.read(workbookPart, workbookReader())) ?? { sheets: [], date1904: false, missing: true };
  const links = (await zip.read(relsPartOf(workbookPart), relationshipsReader(workbookPart)))?.relationships ?? [];
  const linked = (type: string, fallback: string): string => links.find((link) => link.type === type)?.part ?? fallback;
  const strings = (await zip.read(linked('sharedStrings', 'xl/sharedStrings.xml'), sharedStringsReader()))?.strings ?? [];
  const styles = await zip.read(linked('styles', 'xl/styles.xml'), dateStylesReader());

  const sheets = sheetEntries(workbook.sheets, links).filter((entry) => entry.part !== undefined && zip.entry(entry.part) !== undefined);
  const chosen =
    sheet === undefined
      ? (sheets.find((s) => !s.hidden) ?? sheets[0])
      : sheets.find((s) => s.name === sheet || s.name.trim() === sheet.trim());
  const chosenEntry = chosen?.part === undefined ? undefined : zip.entry(chosen.part);

  // The rest, in the zip's order: the roster's sheet read, every other sheet's rows counted,
  // the other parts inflated only to count them against the allowance.
  let roster: SheetReader | undefined;
  let tooLong: { sheet: string; rows: number } | undefined;
  for (const entry of zip.entries) {
    if (zip.done.has(entry)) continue;
    const known = sheets.find((s) => s.part !== undefined && zip.entry(s.part) === entry);
    if (!known && !/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) {
      await zip.skip(entry);
      continue;
    }
    const reader = new SheetReader(
      entry === chosenEntry
        ? {
            sharedStrings: strings,
            isDateStyle: (style) => styles?.isDateStyle(style) ?? false,
            date1904: workbook.date1904,
            maxRows: MAX_ROSTER_ROWS,
          }
        : undefined,
    );
    await zip.scan(entry, reader);
    if (entry === chosenEntry) roster = reader;
    if (reader.rowCount > MAX_ROSTER_ROWS && !tooLong)
      tooLong = { sheet: known?.name ?? entry.name.replace(/^xl\/worksheets\//i, ''), rows: reader.rowCount };
  }
  if (tooLong) throw tooManyRowsError(file, tooLong.sheet, tooLong.rows);
  if ('missing' in workbook) throw notWorkbook(file, `缺少工作簿部件 ${workbookPart}`);

  if (!chosen || !roster) {
    if (sheet === undefined) throw new UserError('invalid', [{ file, message: '工作簿中没有工作表' }]);
    throw new UserError('usage', [
      { file, message: `没有名为 ${quote(sheet)} 的工作表（--sheet）。工作簿中的工作表：${sheets.map((s) => s.name).join('、')}` },
    ]);
  }
  const rows = roster.rows();
  if (roster.totalProblems > 0) {
    const problems = roster.problems.map((message) => ({ file, message: `工作表 “${chosen.name}”，${message}` }));
    if (roster.totalProblems > problems.length)
      problems.push({ file, message: `工作表 “${chosen.name}” 还有 ${roster.totalProblems - problems.length} 处问题未列出` });
    throw new UserError('invalid', problems);
  }
  return tableRoster(file, 'xlsx', rows, { sheet: chosen.name });
}
