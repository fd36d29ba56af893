// A TCP proxy to the PostgreSQL server that can be taken down and brought back: an outage for one client only,
// without touching the server other tests share.
import net from 'node:net';

export async function tcpProxy(target: { host: string; port: number }) {
  let server: net.Server | null = null;
  let port = 0;
  const sockets = new Set<net.Socket>();
  const up = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        sockets.add(client);
        sockets.add(upstream);
        client.pipe(upstream).pipe(client);
        const end = () => {
          client.destroy();
          upstream.destroy();
        };
        for (const s of [client, upstream]) s.on('error', end).on('close', end);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      const open = server;
      server = null;
      if (open) open.close(() => resolve());
      else resolve();
    });
  await up();
  return { port, up, down };
}
