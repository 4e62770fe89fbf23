/**
 * `npm run bench [name …]`: runs every `*.bench.js` next to this file (or only those named), one after the
 * other so they never compete for the machine's cores, and prints their lines. Timings are reported, never
 * asserted; the exit code is non-zero only when a benchmark could not run to its end.
 */
import { readdirSync } from 'node:fs';
import { arch, cpus, platform } from 'node:os';
import { join } from 'node:path';
import type { Benchmark } from './bench.types';
import { CleanupStack } from './cleanup-stack';
import { databaseUrlFromEnv, tryConnect } from './postgres-url';

function loadBenchmarks(): Benchmark[] {
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.bench.js')).sort();
  return files.map((f) => {
    // Discovered at run time by file name, so a new *.bench.ts needs no registration here.
    const mod = require(join(__dirname, f)) as { benchmark?: Benchmark };
    if (!mod.benchmark?.name || typeof mod.benchmark.run !== 'function') throw new Error(`${f} does not export \`benchmark: Benchmark\``);
    return mod.benchmark;
  });
}

/** cpus, OS, node and PostgreSQL versions: figures mean little without the machine they came from. */
async function machineLine(): Promise<string> {
  const list = cpus();
  const cpu = `${list.length} cpus (${list[0]?.model.trim() ?? 'unknown model'})`;
  let postgres: string;
  const conn = await tryConnect(databaseUrlFromEnv());
  if ('client' in conn) {
    try {
      const { rows } = await conn.client.query<{ server_version: string }>('SHOW server_version');
      postgres = `PostgreSQL ${rows[0].server_version}`;
    } finally {
      await conn.client.end();
    }
  } else {
    postgres = 'PostgreSQL not reachable';
  }
  return `bench: machine: ${cpu}, ${platform()} ${arch()}, node ${process.version}, ${postgres}`;
}

async function main(): Promise<number> {
  const all = loadBenchmarks();
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !all.some((b) => b.name === w));
  if (unknown.length) {
    console.error(`bench: unknown benchmark ${unknown.map((u) => `"${u}"`).join(', ')}; available: ${all.map((b) => b.name).join(', ')}`);
    return 2;
  }
  const selected = wanted.length ? all.filter((b) => wanted.includes(b.name)) : all;

  console.log(await machineLine());
  let current: CleanupStack | undefined;
  // Ctrl-C mid-benchmark must still stop the child servers and drop the scratch schema.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`bench: ${signal}: cleaning up`);
      void (current?.runAll() ?? Promise.resolve([])).finally(() => process.exit(130));
    });
  }

  let failed = 0;
  for (const b of selected) {
    const cleanups = new CleanupStack();
    current = cleanups;
    try {
      await b.run({ print: (line) => console.log(line), defer: (what, undo) => cleanups.push(what, undo) });
    } catch (e) {
      failed++;
      console.log(`${b.name}: failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    } finally {
      for (const problem of await cleanups.runAll()) console.log(`${b.name}: cleanup failed: ${problem}`);
      current = undefined;
    }
  }
  console.log('bench: done');
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
