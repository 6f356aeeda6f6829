// Progress on stderr (elapsed time, phase) and the clean-ups that must run even on error or Ctrl-C.
const started = performance.now();

export function elapsed(): string {
  const s = Math.floor((performance.now() - started) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function progress(message: string): void {
  process.stderr.write(`[${elapsed()}] ${message}\n`);
}

type Cleanup = { label: string; run: () => void | Promise<void> };
const cleanups: Cleanup[] = [];

/** Registers a clean-up; returns a function that runs it now (once) and unregisters it. */
export function onCleanup(label: string, run: () => void | Promise<void>): () => Promise<void> {
  const entry: Cleanup = { label, run };
  cleanups.push(entry);
  return async () => {
    const i = cleanups.indexOf(entry);
    if (i < 0) return;
    cleanups.splice(i, 1);
    await entry.run();
  };
}

let running: Promise<void> | undefined;

/** Runs every pending clean-up, newest first; failures are reported, not thrown. Callers share one pass. */
export function cleanUpAll(): Promise<void> {
  running ??= (async () => {
    while (cleanups.length) {
      const entry = cleanups.pop()!;
      try {
        await entry.run();
      } catch (error) {
        progress(`clean-up "${entry.label}" failed: ${(error as Error).message}`);
      }
    }
    running = undefined;
  })();
  return running;
}

let interrupted = false;
export const isInterrupted = () => interrupted;

function interrupt(code: number): void {
  if (interrupted) process.exit(code);
  interrupted = true;
  progress('interrupted: cleaning up (Ctrl-C again to quit at once)');
  // Dropping the database ends the connections of the work in progress: their errors no longer matter.
  process.on('uncaughtException', (error) => progress(`ignored while cleaning up: ${error.message}`));
  void cleanUpAll().finally(() => process.exit(code));
}
process.on('SIGINT', () => interrupt(130));
process.on('SIGTERM', () => interrupt(143));
