import { describe, expect, it } from 'vitest';
import { decode, encode } from './bencode';

describe('bencode', () => {
  it('encodes the ng ping of the protocol documentation', () => {
    expect(encode({ command: 'ping' }).toString()).toBe('d7:command4:pinge');
  });

  it('sorts dictionary keys by their bytes and leaves undefined values out', () => {
    expect(encode({ 'to-tag': 'b', 'call-id': 'c', 'from-tag': 'a', sdp: undefined }).toString()).toBe('d7:call-id1:c8:from-tag1:a6:to-tag1:be');
  });

  it('counts string lengths in bytes, not characters', () => {
    expect(encode('é').toString()).toBe('2:é');
    expect(decode('2:é')).toBe('é');
  });

  it('encodes integers, lists and buffers', () => {
    expect(encode({ n: -3, l: ['a', 0, ['b']], b: Buffer.from([1, 2]) })).toEqual(Buffer.concat([Buffer.from('d1:b2:'), Buffer.from([1, 2]), Buffer.from('1:ll1:ai0el1:bee1:ni-3ee')]));
  });

  it('refuses what it cannot represent', () => {
    expect(() => encode(1.5)).toThrow(/integers only/);
    expect(() => encode(null as never)).toThrow(/null/);
  });

  it('round-trips a query-like reply', () => {
    const reply = { result: 'ok', totals: { RTP: { bytes: 160, packets: 1, errors: 0 } }, tags: { a: { medias: [{ streams: [{ 'local port': 30000 }] }] } } };
    expect(decode(encode(reply))).toEqual(reply);
  });

  it('decodes an SDP with CRLFs intact', () => {
    const sdp = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n';
    expect(decode(encode({ sdp }))).toEqual({ sdp });
  });

  it('refuses malformed input with the offset', () => {
    expect(() => decode('i01e')).toThrow(/bad integer at 0/);
    expect(() => decode('5:abc')).toThrow(/runs past the end/);
    expect(() => decode('d1:a')).toThrow(/unexpected end/);
    expect(() => decode('d1:ae')).toThrow(/unexpected 'e' at 4/);
    expect(() => decode('i1ex')).toThrow(/1 bytes after/);
    expect(() => decode('di1ei2ee')).toThrow(/key must be a string/);
    expect(() => decode('x')).toThrow(/unexpected 'x'/);
  });
});
