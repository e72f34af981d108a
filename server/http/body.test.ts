import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readBodyText } from './body';

const post = (body: Uint8Array) => new Request('http://x/', { method: 'POST', body: new Uint8Array(body) });

describe('readBodyText', () => {
  it('reads a valid body as its UTF-8 text, ASCII or not', async () => {
    const bodies = [
      Buffer.from('{"kind":"call","id":"a"}\n{"id":"b\\u00e9"}\r\n'),
      Buffer.from('{"agent":"Hélène","comment":"très bien 😀"}\n'),
      Buffer.from('\ufeff{"bom":true}'),
      Buffer.alloc(0),
    ];
    for (const b of bodies) expect(await readBodyText(post(b), 1 << 20)).toEqual({ text: b.toString('utf8'), invalidUtf8Lines: [] });
  });

  it('blanks out the lines that are not valid UTF-8 and names them, keeping the others and the line numbers', async () => {
    const body = Buffer.concat([Buffer.from('{"a":"é"}\n'), Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), Buffer.from('\r\nok\n'), Buffer.from([0xff, 0x7f])]);
    expect(await readBodyText(post(body), 1 << 20)).toEqual({ text: '{"a":"é"}\n\nok\n', invalidUtf8Lines: [2, 4] });
  });

  it('refuses a body over the limit', async () => {
    await expect(readBodyText(post(Buffer.alloc(1025, 0x61)), 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect((await readBodyText(post(Buffer.alloc(1024, 0x61)), 1024)).text).toHaveLength(1024);
  });
});
