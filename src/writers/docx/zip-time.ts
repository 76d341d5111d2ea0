/**
 * Fixed timestamps for the entries of the .docx zip. The `docx` library zips with the time of
 * writing and offers no way to choose it, so the same plan would give different bytes on every
 * build (and every batch run would look changed). The DOS date and time of each entry sit at fixed
 * offsets in its local header and its central directory record, outside anything the CRCs cover,
 * so they are rewritten in place.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** The end record is 22 bytes plus a comment of at most 65535. */
const MAX_END_SEARCH = 22 + 0xffff;

/** DOS time and date words for a day (at midnight, as the zip format counts local time). */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return { time: 0, date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate() };
}

/**
 * Sets every entry's modification time in `zip` to `when` (a copy; the input is not changed).
 * Returns the bytes unchanged when they are not a zip this function understands.
 */
export function withEntryTimes(zip: Uint8Array, when: Date): Uint8Array {
  const bytes = new Uint8Array(zip);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end === undefined) return bytes;
  const { time, date } = dosDateTime(when);
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_HEADER) return new Uint8Array(zip);
    view.setUint16(offset + 12, time, true);
    view.setUint16(offset + 14, date, true);
    const local = view.getUint32(offset + 42, true);
    if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL_HEADER) return new Uint8Array(zip);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return bytes;
}

function findEndOfCentralDirectory(view: DataView): number | undefined {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - MAX_END_SEARCH; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return undefined;
}
