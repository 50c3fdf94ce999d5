// Graceful shutdown: stop accepting connections, let requests in flight finish, close idle keep-alive
// sockets, then run the cleanup (close the pool); give up after the timeout.
import type { Server } from 'node:http';

export interface ShutdownOptions {
  server: Server;
  timeoutMs: number;
  cleanup: () => Promise<void>;
  log: (message: string) => void;
}

export function closeGracefully({ server, timeoutMs, cleanup, log }: ShutdownOptions): Promise<'clean' | 'timeout'> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = async (outcome: 'clean' | 'timeout') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(sweeper);
      try {
        await cleanup();
      } catch (err) {
        log(`cleanup failed: ${(err as Error).message}`);
      }
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      log('shutdown timeout reached; closing remaining connections');
      server.closeAllConnections();
      void finish('timeout');
    }, timeoutMs);
    // Keep-alive sockets that finish their request become idle; close them as they do.
    const sweeper = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => void finish('clean'));
    server.closeIdleConnections();
  });
}
