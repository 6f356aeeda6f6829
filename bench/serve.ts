// The Atlas server for one benchmark run, in its own process (forked by run.ts) so that the load
// generator does not share its event loop: reports its URL over IPC, stops on SIGTERM or disconnect.
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server.ts';

const server = await startServer(loadConfig(process.env));
process.send?.({ url: server.url });

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('disconnect', () => void stop());
