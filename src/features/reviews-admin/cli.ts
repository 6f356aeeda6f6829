// `atlas import assessments FILE --framework KEY --edition LABEL [--skip-invalid]`: the web import's
// checks and write, from the command line, as the system actor. Each problem goes to stderr as
// "line N, field F: message"; one summary line ends the run. Exit codes: 0 imported, 1 refused or
// nothing to import into, 2 a usage mistake.
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { SYSTEM_ACTOR } from '../audit/log.ts';
import { ImportFileError, readImportFile } from '../import/read-file.ts';
import type { ImportOutput } from '../import/cli.ts';
import { EditionReadOnlyError } from './errors.ts';
import { applyImport, ImportRefusedError, type ImportPlan } from './import.ts';
import { formatRowProblem } from './problems.ts';

export type AssessmentImportCommand = { file: string; framework: string | undefined; edition: string | undefined; skipInvalid: boolean };

const consoleOutput: ImportOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

export async function runAssessmentImportCommand(db: Db, command: AssessmentImportCommand, io: ImportOutput = consoleOutput): Promise<number> {
  if (!command.framework || !command.edition) {
    io.err('atlas import assessments: give the edition to import into: --framework KEY --edition LABEL');
    return 2;
  }
  const name = path.basename(command.file);
  const found = await sql<{ id: string }>`SELECT id::text AS id FROM framework_editions
    WHERE framework_key = ${command.framework} AND label = ${command.edition}`.execute(db);
  const editionId = found.rows[0]?.id;
  if (!editionId) {
    io.err(`Nothing imported from ${name}: the framework "${command.framework}" has no edition "${command.edition}"`);
    return 1;
  }
  const where = `${command.framework} ${command.edition}`;
  let plan: ImportPlan;
  try {
    const text = await readImportFile(command.file);
    plan = await applyImport(db, SYSTEM_ACTOR, editionId, text, { skipInvalid: command.skipInvalid, via: 'cli', file: name });
  } catch (error) {
    if (error instanceof ImportFileError) {
      io.err(`Nothing imported from ${name}: ${error.message}`);
      return 1;
    }
    if (error instanceof EditionReadOnlyError) {
      io.err(`Nothing imported from ${name}: the edition ${where} is ${error.status.replace('_', ' ')}; only draft and in-review editions change`);
      return 1;
    }
    if (error instanceof ImportRefusedError) {
      const r = error.plan;
      for (const p of r.problems) io.err(formatRowProblem(p));
      const valid = r.rows - r.invalidLines.length;
      const hint = valid > 0 ? `fix them, or use --skip-invalid to import the ${valid} valid ones` : 'fix them and import again';
      io.err(`Nothing imported from ${name}: ${r.invalidLines.length} of ${r.rows} rows invalid (${hint})`);
      return 1;
    }
    throw error;
  }
  for (const p of plan.problems) io.err(`Skipped ${formatRowProblem(p)}`);
  const skipped = plan.invalidLines.length;
  io.out(
    `Imported ${name} into ${where}: ${plan.create.length} created, ${plan.update.length} updated, ${plan.unchanged.length} unchanged` +
      (skipped > 0 ? `, ${skipped} skipped (lines ${plan.invalidLines.join(', ')})` : ''),
  );
  return plan.rows - skipped > 0 ? 0 : 1;
}
