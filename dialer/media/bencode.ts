// Bencode, the encoding of rtpengine's ng control protocol: byte strings (`<length>:<bytes>`), integers
// (`i<n>e`), lists (`l…e`) and dictionaries (`d…e`, keys sorted by their bytes). Pure; strings are UTF-8
// (SDP and ng keys are ASCII), a Buffer is sent as the bytes it holds (a `blob` to play).
export type Bencoded = string | number | Buffer | Bencoded[] | { [key: string]: Bencoded | undefined };

export function encode(value: Bencoded): Buffer {
  const parts: Buffer[] = [];
  write(value, parts);
  return Buffer.concat(parts);
}

function write(value: Bencoded, out: Buffer[]): void {
  if (typeof value === 'string') value = Buffer.from(value, 'utf8');
  if (Buffer.isBuffer(value)) {
    out.push(Buffer.from(`${value.length}:`, 'ascii'), value);
  } else if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new TypeError(`bencode has integers only, not ${value}`);
    out.push(Buffer.from(`i${value}e`, 'ascii'));
  } else if (Array.isArray(value)) {
    out.push(Buffer.from('l'));
    for (const item of value) write(item, out);
    out.push(Buffer.from('e'));
  } else if (value && typeof value === 'object') {
    out.push(Buffer.from('d'));
    // Undefined values are left out, as JSON.stringify does: optional keys of a command.
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).map((k) => Buffer.from(k, 'utf8')).sort(Buffer.compare);
    for (const key of keys) {
      write(key, out);
      write(value[key.toString('utf8')]!, out);
    }
    out.push(Buffer.from('e'));
  } else {
    throw new TypeError(`cannot bencode ${value === null ? 'null' : typeof value}`);
  }
}

export type Decoded = string | number | Decoded[] | { [key: string]: Decoded };

/** Decodes one whole value; byte strings come back as UTF-8 text. Throws on anything malformed or left over. */
export function decode(data: Buffer | string): Decoded {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const [value, end] = read(buf, 0);
  if (end !== buf.length) throw new SyntaxError(`bencode: ${buf.length - end} bytes after the value at ${end}`);
  return value;
}

const DIGIT = /^[0-9]$/;

function read(buf: Buffer, at: number): [Decoded, number] {
  if (at >= buf.length) throw new SyntaxError(`bencode: unexpected end at ${at}`);
  const c = String.fromCharCode(buf[at]!);
  if (c === 'i') {
    const end = buf.indexOf(0x65 /* e */, at + 1);
    const text = end < 0 ? '' : buf.toString('ascii', at + 1, end);
    if (!/^(0|-?[1-9][0-9]*)$/.test(text)) throw new SyntaxError(`bencode: bad integer at ${at}`);
    return [Number(text), end + 1];
  }
  if (c === 'l') {
    const list: Decoded[] = [];
    let i = at + 1;
    while (buf[i] !== 0x65) {
      const [item, next] = read(buf, i);
      list.push(item);
      i = next;
    }
    return [list, i + 1];
  }
  if (c === 'd') {
    const dict: { [key: string]: Decoded } = {};
    let i = at + 1;
    while (buf[i] !== 0x65) {
      const [key, afterKey] = read(buf, i);
      if (typeof key !== 'string') throw new SyntaxError(`bencode: a dictionary key must be a string, at ${i}`);
      const [value, next] = read(buf, afterKey);
      dict[key] = value;
      i = next;
    }
    return [dict, i + 1];
  }
  if (DIGIT.test(c)) {
    const colon = buf.indexOf(0x3a /* : */, at);
    const text = colon < 0 ? '' : buf.toString('ascii', at, colon);
    if (!/^(0|[1-9][0-9]*)$/.test(text)) throw new SyntaxError(`bencode: bad string length at ${at}`);
    const start = colon + 1;
    const end = start + Number(text);
    if (end > buf.length) throw new SyntaxError(`bencode: string at ${at} runs past the end`);
    return [buf.toString('utf8', start, end), end];
  }
  throw new SyntaxError(`bencode: unexpected '${c}' at ${at}`);
}
