/**
 * The JSON text of a value as Buffers of about `chunkBytes` each, byte for byte what
 * `JSON.stringify` writes (for plain data: no `toJSON`), without ever holding it as one string:
 * V8 cannot make a string over about 512 MB, and the 1 GB bench trace is twice that.
 */
export function toJsonBuffers(value: unknown, chunkBytes = 16 * 1024 * 1024): Buffer[] {
  const buffers: Buffer[] = [];
  let pieces: string[] = [];
  let length = 0;
  const write = (text: string): void => {
    pieces.push(text);
    length += text.length;
    if (length >= chunkBytes) flush();
  };
  const flush = (): void => {
    if (pieces.length === 0) return;
    buffers.push(Buffer.from(pieces.join(''), 'utf8'));
    pieces = [];
    length = 0;
  };

  type Frame =
    | { items: unknown[]; i: number }
    | { record: Record<string, unknown>; keys: string[]; i: number; wrote: boolean };
  const stack: Frame[] = [];
  /** Writes a scalar, or opens an object or array; false for what JSON leaves out. */
  const open = (item: unknown): boolean => {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') return false;
    if (item === null || typeof item !== 'object') {
      write(JSON.stringify(item));
    } else if (Array.isArray(item)) {
      write('[');
      stack.push({ items: item as unknown[], i: 0 });
    } else {
      write('{');
      const record = item as Record<string, unknown>;
      stack.push({ record, keys: Object.keys(record), i: 0, wrote: false });
    }
    return true;
  };

  if (!open(value)) throw new TypeError('toJsonBuffers: nothing to serialize');
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if ('items' in frame) {
      if (frame.i >= frame.items.length) {
        write(']');
        stack.pop();
        continue;
      }
      if (frame.i > 0) write(',');
      if (!open(frame.items[frame.i++])) write('null');
      continue;
    }
    const key = frame.keys[frame.i++];
    if (key === undefined) {
      write('}');
      stack.pop();
      continue;
    }
    const item = frame.record[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    write(`${frame.wrote ? ',' : ''}${JSON.stringify(key)}:`);
    frame.wrote = true;
    open(item);
  }
  flush();
  return buffers;
}
