const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/** Writes 0–9999 in Chinese numerals, the way a number is read: 十一, 一百零一, 一千零一十. */
function belowTenThousand(n: number): string {
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i] ?? '';
    if (d === 0) {
      if (out) pendingZero = true;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d] + unit;
  });
  return out || '零';
}

/**
 * Chinese numeral for a positive integer as used in heading numbers: 1 → 一, 10 → 十,
 * 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十, 10000 → 一万.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a non-negative integer: ${n}`);
  if (n === 0) return '零';
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let out = '';
  if (high > 0) {
    out = `${toChineseNumeral(high)}万`;
    if (low === 0) return out;
    if (low < 1000) out += '零';
    // Inside a larger number 十 keeps its 一: 一万零一十, not 一万零十.
    return out + belowTenThousand(low);
  }
  const text = belowTenThousand(low);
  // 一十 is read 十 at the head of a number (十一, not 一十一).
  return text.startsWith('一十') ? text.slice(1) : text;
}
