// A response sent while the request's body is still arriving is a refusal (413, 401, 404…): the rest of the
// body will not be read, so the connection cannot carry another request. Kept alive, the unread bytes made
// the kernel reset it, often before the client had read the answer; with `Connection: close`, Node sends the
// whole answer and ends the connection with a FIN.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function closeIfBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    if (!req.complete && !this.headersSent) this.setHeader('Connection', 'close');
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
}
