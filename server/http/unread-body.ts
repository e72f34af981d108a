// A response sent while the request's body is still arriving is a refusal (413, 401, 404…): the rest of the
// body will not be read, so the connection cannot carry another request. Kept alive, the unread bytes made
// the kernel reset it, often before the client had read the answer; with `Connection: close`, Node sends the
// whole answer and ends the connection with a FIN.
//
// A FIN is not enough: Node then closes the socket while the client is still sending, the kernel answers the
// bytes that keep arriving with a reset, and a client that had not yet read the answer loses it (it reads an
// error instead). So the close lingers, as Apache's and nginx's do: after the FIN the rest of the body is read
// and dropped until the client ends its side, for at most LINGER_MS.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

const LINGER_MS = 5_000;

export function closeIfBodyUnread(req: IncomingMessage, res: ServerResponse, { lingerMs = LINGER_MS } = {}): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    if (!req.complete && !this.headersSent) {
      this.setHeader('Connection', 'close');
      if (req.socket) lingerOnClose(req.socket, lingerMs);
    }
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
}

/**
 * Node ends a `Connection: close` answer with `socket.destroySoon()` (end, then destroy once written). Here the
 * destroy waits for the client's FIN or the linger time; meanwhile the HTTP parser, still attached, reads the
 * rest of the body into the request Node dumped after the answer, so it is discarded.
 */
function lingerOnClose(socket: Socket, lingerMs: number): void {
  socket.destroySoon = function (this: Socket) {
    if (this.writable) this.end();
    if (this.destroyed) return;
    const close = () => { clearTimeout(timer); this.destroy(); };
    const timer = setTimeout(close, lingerMs);
    timer.unref();
    this.once('end', close);
    this.once('close', () => clearTimeout(timer));
    this.resume();
  };
}
