import { type Channel, channel, subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/**
 * Marks the channel itself, which is process-wide: jest loads this module once per suite, each
 * in a context of its own, all in one process.
 */
const INSTALLED = Symbol.for('tracegraph.noDelayInstalled');

/**
 * Sends what one synchronous burst writes to `socket` in one system call. The driver writes a
 * message in 1,400-byte chunks, one `socket.write` each; with Nagle's algorithm off every one
 * of them was a system call and a TCP segment of its own (a hub's neighbourhood sends about
 * 800 entity ids: 2 ms of its Node.js time went to those writes, measured with --cpu-prof).
 * The first write of a burst corks the socket and the end of the burst (process.nextTick)
 * uncorks it: Node.js then hands all its chunks to the kernel at once, still without waiting
 * for an ACK.
 */
function coalesceWrites(socket: Socket): void {
  const write = socket.write;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  socket.write = function (this: Socket, ...args: Parameters<Socket['write']>) {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    return write.apply(this, args);
  } as Socket['write'];
}

/**
 * Turns Nagle's algorithm off for the process's outgoing TCP connections, which in the app
 * are the Neo4j driver's Bolt sockets. The JavaScript driver leaves it on (the Python driver
 * switched it off in 5.27): a transaction's small trailing message then waits for the
 * server's delayed ACK, about 40 ms on Linux, so a 2 ms query took 50 ms to come back.
 * Node publishes every new client socket on the `net.client.socket` diagnostics channel,
 * which lets us set the option without patching the driver. The same hook coalesces the
 * driver's chunked writes (coalesceWrites).
 */
export function disableNagleOnClientSockets(): void {
  const sockets: Channel & { [INSTALLED]?: true } = channel('net.client.socket');
  if (sockets[INSTALLED]) return;
  sockets[INSTALLED] = true;
  subscribe('net.client.socket', (message) => {
    const socket = (message as { socket: Socket }).socket;
    socket.setNoDelay(true);
    // Not before: connecting puts the prototype's `write` back on the socket. This listener
    // comes before the driver's own, which sends the Bolt handshake.
    socket.once('connect', () => coalesceWrites(socket));
  });
}
