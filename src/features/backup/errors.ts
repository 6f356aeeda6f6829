// A backup or restore that was refused for a reason the person running it can act on. Restore
// throws it before changing anything; the CLI prints the message without a stack trace.
export class BackupError extends Error {
  override name = 'BackupError';
}
