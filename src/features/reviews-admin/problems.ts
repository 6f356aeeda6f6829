// What can be wrong with one assessment, as a code and values: the grid shows it next to its field
// in the page's language, the CSV preview in the page's language with its line, and the command
// line in English ("line 7, field evidence: …"), all from the same catalog entry.
import { translator, type MessageKey, type MessageValues } from '../../i18n/messages.ts';

export const PROBLEM_CODES = [
  'provisionFormat',
  'unknownLaw',
  'otherCountry',
  'unknownProvision',
  'citationChars',
  'link',
  'tooMany',
  'tooLong',
  'status',
  'date',
  'unknownCountry',
  'unknownCriterion',
  'duplicate',
  'columns',
  'parse',
  'actionMissing',
  'signatureBinds',
  'boundBeforeSigned',
  'required',
  'year',
  'labelTaken',
  'weight',
  'weightChanged',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type Problem = { code: ProblemCode; values?: MessageValues };
/** A problem of one row of a file: its line and the column at fault. */
export type RowProblem = Problem & { line: number; field: string };

export function problemKey(code: ProblemCode): MessageKey {
  return `reviewsAdmin.problem.${code}`;
}

const english = translator('en');

export function problemInEnglish(problem: Problem): string {
  return english(problemKey(problem.code), problem.values);
}

/** The command line's form of a row problem. */
export function formatRowProblem(p: RowProblem): string {
  return `line ${p.line}, field ${p.field}: ${problemInEnglish(p)}`;
}
