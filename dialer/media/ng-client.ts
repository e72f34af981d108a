// A client of rtpengine's ng control protocol over UDP: each request carries a cookie of its own, is sent
// again (same cookie: rtpengine answers a retransmission from its cache, it does not run the command twice)
// when no reply came within `timeoutMs`, and fails after `attempts` sends.
import { createSocket, type Socket } from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { frame, resultOf, unframe, type NgParams, type NgReply } from './ng-message';

export { NgError, type NgParams, type NgReply } from './ng-message';

export interface NgClientOptions {
  /** How long to wait for a reply before sending the request again. */
  timeoutMs?: number;
  /** How many times a request is sent before it fails. */
  attempts?: number;
}

interface Pending { command: string; resolve: (r: NgReply) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }

/** `host:port` of an ng listener into its parts. */
export function parseNgAddress(address: string): { host: string; port: number } {
  const m = /^(.+):(\d+)$/.exec(address);
  const port = m ? Number(m[2]) : NaN;
  if (!m || !(port > 0 && port < 65536)) throw new Error(`not an ng address (host:port): '${address}'`);
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

export class NgClient {
  private readonly pending = new Map<string, Pending>();
  private readonly prefix = randomBytes(4).toString('hex');
  private counter = 0;
  private closed = false;

  private constructor(private readonly socket: Socket, readonly address: string, private readonly host: string, private readonly port: number, private readonly o: Required<NgClientOptions>) {
    socket.on('message', (datagram) => {
      const message = unframe(datagram);
      const waiting = message && this.pending.get(message.cookie);
      if (!message || !waiting) return;
      this.pending.delete(message.cookie);
      clearTimeout(waiting.timer);
      try {
        waiting.resolve(resultOf(waiting.command, message.reply));
      } catch (err) {
        waiting.reject(err as Error);
      }
    });
  }

  static async open(address: string, { timeoutMs = 1000, attempts = 3 }: NgClientOptions = {}): Promise<NgClient> {
    const { host, port } = parseNgAddress(address);
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, () => { socket.off('error', reject); resolve(); });
    });
    // Not holding the process open by itself: the owner closes it.
    socket.unref();
    return new NgClient(socket, address, host, port, { timeoutMs, attempts });
  }

  /** Sends `command` with `params`; the reply when `result` is ok (or pong), an NgError when rtpengine refused it. */
  request(command: string, params: NgParams = {}): Promise<NgReply> {
    if (this.closed) return Promise.reject(new Error(`ng client for ${this.address} is closed`));
    const cookie = `${this.prefix}_${++this.counter}`;
    const message = frame(cookie, command, params);
    return new Promise<NgReply>((resolve, reject) => {
      let sent = 0;
      const send = () => {
        if (sent === this.o.attempts) {
          this.pending.delete(cookie);
          reject(new Error(`rtpengine at ${this.address} did not answer '${command}' (${this.o.attempts} tries, ${this.o.timeoutMs} ms each)`));
          return;
        }
        sent++;
        this.socket.send(message, this.port, this.host, (err) => { if (err) { clearTimeout(entry.timer); this.pending.delete(cookie); reject(err); } });
        entry.timer = setTimeout(send, this.o.timeoutMs);
      };
      const entry: Pending = { command, resolve, reject, timer: undefined as unknown as NodeJS.Timeout };
      this.pending.set(cookie, entry);
      send();
    });
  }

  ping = () => this.request('ping');
  offer = (p: NgParams) => this.request('offer', p);
  answer = (p: NgParams) => this.request('answer', p);
  delete = (p: NgParams) => this.request('delete', p);
  query = (p: NgParams) => this.request('query', p);
  playMedia = (p: NgParams) => this.request('play media', p);
  stopMedia = (p: NgParams) => this.request('stop media', p);
  startRecording = (p: NgParams) => this.request('start recording', p);

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const [cookie, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new Error(`ng client for ${this.address} closed before '${p.command}' was answered`));
      this.pending.delete(cookie);
    }
    this.socket.close();
  }
}
