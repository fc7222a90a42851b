import net from 'node:net';
import { disableNagleOnClientSockets } from '../../server/db/no-delay';

/** A TCP server on a free port that keeps what each connection sends. */
async function listen(): Promise<{ port: number; received: Promise<Buffer>; close: () => void }> {
  let resolve!: (data: Buffer) => void;
  const received = new Promise<Buffer>((r) => (resolve = r));
  const server = net.createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    received,
    close: () => server.close(),
  };
}

describe('the outgoing sockets of the app (the Neo4j driver’s)', () => {
  beforeAll(() => disableNagleOnClientSockets());

  it('hold the chunks one burst writes and send them together, in order, at the end of it', async () => {
    const server = await listen();
    const socket = net.connect(server.port, '127.0.0.1');
    try {
      await new Promise((r) => socket.once('connect', r));
      expect(socket.writableCorked).toBe(0);
      // What the driver does with a statement of many parameters: 1,400-byte chunks.
      const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(1_400, i));
      for (const chunk of chunks) socket.write(chunk);
      expect(socket.writableCorked).toBe(1);
      expect(socket.writableLength).toBe(40 * 1_400);
      // Released at the end of the burst: nothing waits for a later write or a timer.
      await new Promise((r) => process.nextTick(r));
      expect(socket.writableCorked).toBe(0);
      socket.end();
      expect((await server.received).equals(Buffer.concat(chunks))).toBe(true);
    } finally {
      socket.destroy();
      server.close();
    }
  });
});
