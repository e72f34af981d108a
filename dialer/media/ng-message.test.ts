import { describe, expect, it } from 'vitest';
import { frame, NgError, resultOf, unframe } from './ng-message';

describe('ng messages', () => {
  it('frames a command as the documentation shows', () => {
    expect(frame('5323_1', 'ping', {}).toString()).toBe('5323_1 d7:command4:pinge');
  });

  it('refuses a cookie with a space (it would split the message)', () => {
    expect(() => frame('a b', 'ping', {})).toThrow(/one word/);
  });

  it('unframes a reply and ignores what is not one', () => {
    expect(unframe(Buffer.from('5323_1 d6:result4:ponge'))).toEqual({ cookie: '5323_1', reply: { result: 'pong' } });
    expect(unframe(Buffer.from('nocookie'))).toBeNull();
    expect(unframe(Buffer.from('c1 li1ee'))).toBeNull();
    expect(unframe(Buffer.from('c1 d6:result'))).toBeNull();
  });

  it('reads the result: ok, pong for a ping, or an error with its reason', () => {
    expect(resultOf('offer', { result: 'ok', sdp: 'v=0' })).toEqual({ result: 'ok', sdp: 'v=0' });
    expect(resultOf('ping', { result: 'pong' })).toEqual({ result: 'pong' });
    const refused = () => resultOf('query', { result: 'error', 'error-reason': 'Unknown call-id' });
    expect(refused).toThrow(NgError);
    expect(refused).toThrow("rtpengine refused 'query': Unknown call-id");
    expect(() => resultOf('offer', { result: 'pong' })).toThrow(/unexpected result "pong"/);
  });
});
