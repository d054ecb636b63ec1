import { createRequire } from 'node:module';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

const STARTING = 0;
const READY = 1;
const FAILED = 2;

/**
 * The helper thread's code, evaluated as a CommonJS script (so it needs no file next to the compiled module): one
 * read-only connection to the store's file, answering one statement per message with its rows as arrays, then
 * counting the answer in signal[1] so a waiting caller wakes.
 */
const HELPER_CODE = `
const { workerData } = require('node:worker_threads');
const { port, signal, file, driver } = workerData;
let db;
try {
  db = new (require(driver))(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  Atomics.store(signal, 0, ${READY});
} catch (error) {
  Atomics.store(signal, 0, ${FAILED});
}
Atomics.notify(signal, 0);
port.on('message', ({ id, sql, params }) => {
  let reply;
  try {
    reply = { id, rows: db.prepare(sql).raw().all(...params) };
  } catch (error) {
    reply = { id, error: String(error && error.message) };
  }
  port.postMessage(reply);
  Atomics.add(signal, 1, 1);
  Atomics.notify(signal, 1);
});
`;

interface Reply { id: number; rows?: unknown[][]; error?: string }

/**
 * A second, read-only connection to the same SQLite file on a worker thread, so one large search can rank half of
 * its full-text hits on the machine's other core while this thread ranks the other half. It starts in the
 * background (`ready` tells when it can take work) and is used synchronously: `send` a statement, do other work,
 * then `collect` its rows, blocking until they come. It never writes; callers check that no commit fell between
 * their reads and its read (see SqliteSearch).
 */
export class ReadHelper {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  /** [0]: STARTING, READY or FAILED; [1]: answers sent so far. */
  private readonly signal = new Int32Array(new SharedArrayBuffer(8));
  private next = 0;
  /** Tickets sent and not yet collected, with the answers that came in while another was awaited. */
  private readonly owed = new Map<number, Reply | null>();

  constructor(file: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(HELPER_CODE, {
      eval: true, workerData: { file, driver, port: port2, signal: this.signal }, transferList: [port2],
    });
    this.worker.unref();
    this.port.unref();
    const fail = () => Atomics.store(this.signal, 0, FAILED);
    this.worker.on('error', fail);
    this.worker.on('exit', fail);
  }

  get ready(): boolean {
    return Atomics.load(this.signal, 0) === READY;
  }

  /** Starts one statement on the helper's connection (booleans bound as 1/0); returns the ticket to collect its rows with. */
  send(sql: string, params: unknown[]): number {
    if (!this.ready) throw new Error('read helper not ready');
    const id = ++this.next;
    this.owed.set(id, null);
    const bound = params.map((p) => (p === true ? 1 : p === false ? 0 : p === undefined ? null : p));
    this.port.postMessage({ id, sql, params: bound });
    return id;
  }

  /** Forgets every ticket not collected (their answers are dropped when they come). */
  abandon(): void {
    this.owed.clear();
  }

  /** The rows (arrays of column values) of a sent statement, waiting for them up to `timeoutMs`. */
  collect(ticket: number, timeoutMs: number): unknown[][] {
    if (!this.owed.has(ticket)) throw new Error(`read helper owes no answer ${ticket}`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answered = Atomics.load(this.signal, 1);
      let reply = this.owed.get(ticket) ?? null;
      if (!reply) {
        const got = receiveMessageOnPort(this.port)?.message as Reply | undefined;
        if (got && got.id !== ticket) {
          if (this.owed.has(got.id)) this.owed.set(got.id, got);
          continue;
        }
        reply = got ?? null;
      }
      if (reply) {
        this.owed.delete(ticket);
        if (reply.error !== undefined) throw new Error(reply.error);
        return reply.rows ?? [];
      }
      const left = deadline - Date.now();
      if (left <= 0 || !this.ready) {
        Atomics.store(this.signal, 0, FAILED);
        throw new Error('read helper did not answer');
      }
      Atomics.wait(this.signal, 1, answered, left);
    }
  }

  async close(): Promise<void> {
    Atomics.store(this.signal, 0, FAILED);
    this.port.close();
    await this.worker.terminate();
  }
}
