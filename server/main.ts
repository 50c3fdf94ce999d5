// Entry point: validate config, migrate, build the app, listen, and shut down gracefully on SIGTERM/SIGINT.
import http from 'node:http';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './http/logger';
import { closeGracefully } from './http/shutdown';
import { inboundMailFor, type InboundMailListener } from './helpdesk/inbound-mail';
import { buildDeps, prepareDatabase } from './startup';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee the configuration table in README.md.\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const db = await prepareDatabase(config, logger);
  const deps = await buildDeps(config, db, logger);
  const app = createApp(deps);
  // Room for long search URLs (5,000 accented characters are about 30 KB once encoded).
  const server = http.createServer({ maxHeaderSize: 64 * 1024 }, app);
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, database: config.database.client }, `listening on http://localhost:${port}`);
  let inbound: InboundMailListener | undefined;
  if (config.inbound.port !== undefined) {
    inbound = await inboundMailFor(deps, {
      host: config.inbound.host,
      port: config.inbound.port,
      maxBytes: config.inbound.maxBytes,
      logger,
    }).listen();
    logger.info({ port: inbound.port, host: config.inbound.host }, 'inbound SMTP listening');
  }
  // Load the monitoring copy in the background, so the first dashboard view does not wait for it.
  deps.stats.warmUp().catch((err) => logger.warn({ err }, 'monitoring warm-up failed'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const outcome = await closeGracefully({
      server,
      timeoutMs: config.shutdownTimeoutSeconds * 1000,
      cleanup: async () => {
        await inbound?.close();
        await deps.stop();
        await deps.db.destroy();
      },
      log: (message) => logger.warn(message),
    });
    logger.info({ outcome }, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`Start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
