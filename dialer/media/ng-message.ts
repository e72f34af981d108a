// The ng control protocol's messages, pure: `<cookie> <bencoded dictionary>` each way, the reply's `result`
// read into a value or an error naming the command (rtpengine's docs/ng_control_protocol.md).
import { decode, encode, type Bencoded, type Decoded } from './bencode';

export type NgParams = { [key: string]: Bencoded | undefined };
export type NgReply = { [key: string]: Decoded };

/** rtpengine refused a command (`result: error`): its `error-reason` and which command it was. */
export class NgError extends Error {
  constructor(readonly command: string, readonly reason: string) {
    super(`rtpengine refused '${command}': ${reason}`);
    this.name = 'NgError';
  }
}

export function frame(cookie: string, command: string, params: NgParams): Buffer {
  if (/\s/.test(cookie) || cookie === '') throw new Error(`an ng cookie is one word: '${cookie}'`);
  return Buffer.concat([Buffer.from(`${cookie} `, 'ascii'), encode({ ...params, command })]);
}

/** Splits a datagram into its cookie and dictionary; null for anything that is not an ng message. */
export function unframe(datagram: Buffer): { cookie: string; reply: NgReply } | null {
  const space = datagram.indexOf(0x20);
  if (space <= 0) return null;
  try {
    const reply = decode(datagram.subarray(space + 1));
    if (!reply || typeof reply !== 'object' || Array.isArray(reply)) return null;
    return { cookie: datagram.toString('ascii', 0, space), reply };
  } catch {
    return null;
  }
}

/** The reply of a successful command, or the NgError it stands for. */
export function resultOf(command: string, reply: NgReply): NgReply {
  const result = reply.result;
  if (result === 'ok' || (command === 'ping' && result === 'pong')) return reply;
  if (result === 'error') throw new NgError(command, typeof reply['error-reason'] === 'string' ? reply['error-reason'] : 'no reason given');
  throw new NgError(command, `unexpected result ${JSON.stringify(result)}`);
}
