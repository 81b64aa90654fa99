/**
 * JSON text of any value. `JSON.stringify` recurses and overflows on 10,000-level span chains
 * (each level is an object and an array), so those fall back to an explicit stack. Used for the
 * mock server's answers and for saving a trace to a file.
 */
export function toJsonText(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (error instanceof RangeError) return stringifyIteratively(value);
    throw error;
  }
}

type Frame =
  | { isArray: true; items: unknown[]; i: number }
  | { isArray: false; record: Record<string, unknown>; keys: string[]; i: number; wrote: boolean };

function stringifyIteratively(root: unknown): string {
  const out: string[] = [];
  const stack: Frame[] = [];
  const open = (value: unknown, inArray: boolean): void => {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
      if (inArray) out.push('null');
      return;
    }
    if (value !== null && typeof value === 'object') {
      if (Array.isArray(value)) {
        out.push('[');
        stack.push({ isArray: true, items: value as unknown[], i: 0 });
      } else {
        out.push('{');
        const record = value as Record<string, unknown>;
        stack.push({ isArray: false, record, keys: Object.keys(record), i: 0, wrote: false });
      }
      return;
    }
    out.push(JSON.stringify(value));
  };
  open(root, true);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.isArray) {
      if (frame.i >= frame.items.length) {
        out.push(']');
        stack.pop();
        continue;
      }
      if (frame.i > 0) out.push(',');
      open(frame.items[frame.i++], true);
      continue;
    }
    const key = frame.keys[frame.i++];
    if (key === undefined) {
      out.push('}');
      stack.pop();
      continue;
    }
    const item = frame.record[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    out.push(`${frame.wrote ? ',' : ''}${JSON.stringify(key)}:`);
    frame.wrote = true;
    open(item, false);
  }
  return out.join('');
}

/** Whether `bytes` from `from` to `to` are all ASCII. */
export function isAscii(bytes: Uint8Array, from = 0, to = bytes.length): boolean {
  for (let i = from; i < to; i++) {
    if ((bytes[i] as number) >= 0x80) return false;
  }
  return true;
}

const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * JSON `text` with each character outside ASCII written as a `\u` escape (a pair for one
 * outside the BMP): the same value, in a text every character of which is one byte. Outside
 * strings JSON has no such characters, so only strings change.
 */
export function asciiJsonText(text: string): string {
  return text.replace(
    NON_ASCII,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
