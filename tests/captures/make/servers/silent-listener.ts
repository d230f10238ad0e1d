// A TCP listener that accepts connections and never answers: what a hung upstream looks like to a client, so
// the client's own timeout (curl --max-time, Inspector --connect-timeout) is what ends the capture.
import net from 'node:net';

/** Listens on 127.0.0.1:`port`; `close` drops every held connection. */
export async function startSilentListener(port: number): Promise<{ close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => sockets.delete(socket));
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
