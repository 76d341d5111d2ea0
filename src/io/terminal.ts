/**
 * What reaches the terminal. User text (a title, a roster name, a file name) is printed with
 * its control characters made visible, so that an escape sequence in it cannot clear the
 * screen or set the window title; and a closed stdout or stderr (`| head -1`, `> /dev/full`, a
 * closed terminal) only means “stop printing”: the run goes on to its end, report and all.
 */

/** C0 and C1 controls (but the line break and the tab) and the bidirectional controls. */
const CONTROLS = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A control character as something to see: ␛ for ESC (the Control Pictures), ‹U+202E› for the rest. */
function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `‹U+${code.toString(16).toUpperCase().padStart(4, '0')}›`;
}

/** Text with every control character made visible (line breaks and tabs kept). */
export function visible(text: string): string {
  return text.replace(CONTROLS, picture);
}

type WriteCallback = (error?: Error | null) => void;
type Write = (chunk: string | Uint8Array, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback) => boolean;

/** The unguarded-but-safe write of each guarded stream, for the progress bar's own escapes. */
const rawWrites = new WeakMap<NodeJS.WriteStream, Write>();

/**
 * Makes a standard stream safe to print to: strings written are made {@link visible}, and once
 * the stream has failed (EPIPE, ENOSPC, EIO …) everything written to it is dropped instead of
 * ending the process with a stack trace.
 */
export function guardStream(stream: NodeJS.WriteStream): void {
  if (rawWrites.has(stream)) return;
  const original = stream.write.bind(stream) as Write;
  let closed = false;
  // Without a listener, a failed write is an uncaught exception; with one, it is only noted.
  stream.on('error', () => {
    closed = true;
  });
  const raw: Write = (chunk, encoding, callback) => {
    const done = typeof encoding === 'function' ? encoding : callback;
    if (closed) {
      done?.();
      return true;
    }
    try {
      return typeof encoding === 'function' || encoding === undefined ? original(chunk, done) : original(chunk, encoding, done);
    } catch {
      closed = true;
      done?.();
      return true;
    }
  };
  rawWrites.set(stream, raw);
  stream.write = ((chunk: string | Uint8Array, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback) =>
    raw(typeof chunk === 'string' ? visible(chunk) : chunk, encoding, callback)) as typeof stream.write;
}

/**
 * The stream as the progress bar needs it: its cursor escapes pass as they are (the names it
 * shows are made visible by the caller), a closed stream still swallows them.
 */
export function rawStream(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  const raw = rawWrites.get(stream);
  if (!raw) return stream;
  return Object.create(stream, { write: { value: raw } }) as NodeJS.WriteStream;
}

/**
 * Resolves once a stream holds nothing more to write: at once for a synchronous one (a file, a
 * terminal or a pipe on Linux), after its `drain` for an asynchronous one (a pipe on macOS or
 * Windows), or when it has failed or closed, after which nothing more reaches it anyway.
 */
export function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.writableLength === 0 || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}
