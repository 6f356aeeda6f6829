// Starts the Atlas (bench/serve.ts -> startServer) in a child process and stops it.
import { fork } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './progress.ts';

export type ServerProcess = { url: string; stop(): Promise<void> };

export async function startServerProcess(env: NodeJS.ProcessEnv, logFile: string): Promise<ServerProcess> {
  const log = openSync(logFile, 'a');
  const child = fork(fileURLToPath(new URL('./serve.ts', import.meta.url)), [], {
    env,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', log, log, 'ipc'],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = onCleanup('server process', async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // A graceful close waits for every query still running for requests the load generator gave up
    // on (minutes on a slow database): give it a few seconds, then stop it hard.
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once('message', (m: { url?: string }) => (m.url ? resolve(m.url) : reject(new Error('server sent no URL'))));
      child.once('exit', (code) => reject(new Error(`the server exited (code ${code}) before listening: see ${logFile}`)));
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
