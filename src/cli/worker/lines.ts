// Splits a command's output bytes into log lines: on \n (a \r before it dropped), holding a partial
// line until its end comes, never a line over LOG_LIMITS.lineBytes (longer ones are cut into pieces
// on character boundaries), invalid UTF-8 shown as U+FFFD.
import { LOG_LIMITS } from '../../shared/logs.ts';

const NL = 0x0a;
const CR = 0x0d;
const MAX = LOG_LIMITS.lineBytes;

/** Cuts `text` into pieces of at most `max` bytes of UTF-8, never inside a character. */
export function splitText(text: string, max: number = MAX): string[] {
  if (text.length * 3 <= max || Buffer.byteLength(text) <= max) return [text];
  const pieces: string[] = [];
  let piece = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > max) {
      pieces.push(piece);
      piece = '';
      bytes = 0;
    }
    piece += char;
    bytes += size;
  }
  pieces.push(piece);
  return pieces;
}

/** Where to cut `bytes` (longer than `max`) at most `max` bytes in, not inside a UTF-8 character. */
function boundary(bytes: Buffer, max: number): number {
  // bytes[end] starts what is left: a continuation byte (10xxxxxx) there means a character straddles.
  let end = max;
  while (end > max - 3 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return ((bytes[end] ?? 0) & 0xc0) === 0x80 ? max : end;
}

export class LineSplitter {
  #pending: Buffer = Buffer.alloc(0);
  readonly #decoder = new TextDecoder('utf-8');

  /** The complete lines `chunk` finishes (and pieces of over-long ones). */
  push(chunk: Buffer): string[] {
    let data = this.#pending.length ? Buffer.concat([this.#pending, chunk]) : chunk;
    const lines: string[] = [];
    for (let nl = data.indexOf(NL); nl !== -1; nl = data.indexOf(NL)) {
      const end = nl > 0 && data[nl - 1] === CR ? nl - 1 : nl;
      lines.push(...this.#decode(data.subarray(0, end)));
      data = data.subarray(nl + 1);
    }
    // A partial line that is already too long goes out in pieces rather than waiting forever.
    while (data.length > MAX) {
      const cut = boundary(data, MAX);
      lines.push(...this.#decode(data.subarray(0, cut)));
      data = data.subarray(cut);
    }
    this.#pending = Buffer.from(data);
    return lines;
  }

  /** The partial line left at the end of the output, if any. */
  end(): string[] {
    const rest = this.#pending;
    this.#pending = Buffer.alloc(0);
    if (rest.length === 0) return [];
    const end = rest[rest.length - 1] === CR ? rest.length - 1 : rest.length;
    return this.#decode(rest.subarray(0, end));
  }

  // Invalid bytes become U+FFFD (3 bytes each), so a decoded line may need cutting again.
  #decode(bytes: Buffer): string[] {
    return splitText(this.#decoder.decode(bytes));
  }
}
