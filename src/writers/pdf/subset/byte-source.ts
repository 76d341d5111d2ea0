import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Where a font's bytes are read from: a file, read piece by piece (a Chinese face is 10–15 MB and
 * a subset needs a tenth of it), or a buffer already in memory (a WOFF face unpacked there).
 */
export interface ByteSource {
  readonly size: number;
  /** `length` bytes from `offset`; throws when they are not all there. */
  read(offset: number, length: number): Buffer;
  /** The same bytes, copied into `target` at `at`. */
  readInto(target: Buffer, at: number, offset: number, length: number): void;
  close(): void;
}

/** A source reading `file` through one file descriptor; {@link ByteSource.close} closes it. */
export function fileSource(file: string): ByteSource {
  const fd = openSync(file, 'r');
  let size: number;
  try {
    size = fstatSync(fd).size;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return {
    size,
    read(offset, length) {
      const buffer = Buffer.allocUnsafe(length);
      this.readInto(buffer, 0, offset, length);
      return buffer;
    },
    readInto(target, at, offset, length) {
      checkRange(offset, length, size);
      let done = 0;
      while (done < length) {
        const read = readSync(fd, target, at + done, length - done, offset + done);
        if (read === 0) throw new RangeError('font file ended early');
        done += read;
      }
    },
    close: () => closeSync(fd),
  };
}

/** A source over bytes in memory; reads are views, not copies. */
export function bufferSource(bytes: Uint8Array): ByteSource {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    size: data.length,
    read(offset, length) {
      checkRange(offset, length, data.length);
      return data.subarray(offset, offset + length);
    },
    readInto(target, at, offset, length) {
      checkRange(offset, length, data.length);
      data.copy(target, at, offset, offset + length);
    },
    close: () => undefined,
  };
}

function checkRange(offset: number, length: number, size: number): void {
  if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > size) {
    throw new RangeError(`bytes ${offset}+${length} are outside the font (${size} bytes)`);
  }
}
