// Test helper: a chunked upload sent over a raw socket as fast as the server reads it, to see exactly how a
// refusal ends the connection (an HTTP client library would hide a reset behind a retry or an error).
import net from 'node:net';

export interface RawAnswer {
  /** Everything received, headers and body. */
  text: string;
  /** The server ended the connection with a FIN (end of stream) rather than a reset. */
  endedCleanly: boolean;
  /** The socket error seen, if any (EPIPE after a FIN is the client still writing: expected). */
  error?: string;
}

export function chunkedUpload(url: string, headers: Record<string, string>, bytes: number): Promise<RawAnswer> {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((resolve) => {
    let text = '';
    let endedCleanly = false;
    let error: string | undefined;
    const socket = net.connect(Number(port), hostname, () => {
      const head = Object.entries({ Host: `${hostname}:${port}`, 'Transfer-Encoding': 'chunked', ...headers }).map(([k, v]) => `${k}: ${v}\r\n`).join('');
      socket.write(`POST ${pathname}${search} HTTP/1.1\r\n${head}\r\n`);
      const chunk = `${(64 * 1024).toString(16)}\r\n${'a'.repeat(64 * 1024)}\r\n`;
      let sent = 0;
      const pump = () => {
        while (sent < bytes && !socket.destroyed) {
          sent += 64 * 1024;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
        // Then half-closed: a kept-alive connection ends once the answer is sent.
        if (!socket.destroyed) socket.end('0\r\n\r\n');
      };
      pump();
    });
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (text += d));
    socket.on('end', () => (endedCleanly = error === undefined));
    socket.on('error', (e: NodeJS.ErrnoException) => (error ??= e.code ?? e.message));
    socket.on('close', () => resolve({ text, endedCleanly, error }));
  });
}
