import 'reflect-metadata';
import { startService } from './bootstrap';
import { ConfigError, loadConfig } from './config/load-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee README.md, "Configuration".\n`);
      process.exit(2);
    }
    throw e;
  }
  const svc = await startService(config);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // `on`, not `once`: a repeated signal during the drain must not kill the process half-way; shutdown is idempotent.
    process.on(signal, () => {
      svc.shutdown(signal).then(
        () => process.exit(0),
        (err) => {
          svc.logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

main().catch((err) => {
  process.stderr.write(`NFVO failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
