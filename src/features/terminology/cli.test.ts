// `atlas check-terms` through the real command line: a .txt, a .docx and a .pdf draft, the exit
// codes, FILE:LINE:COLUMN lines, JSON output, and a data directory held by a running Atlas (the
// command must not need it).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { makeDocx, makePdf, PNG_BYTES } from '../attachments/test-documents.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

type Run = { code: number; stdout: string; stderr: string; ms: number };

async function atlas(dataDir: string, ...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, ATLAS_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const started = performance.now();
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/main.ts', 'check-terms', ...args], { cwd: root, env });
    return { code: 0, stdout, stderr, ms: performance.now() - started };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, ms: performance.now() - started };
  }
}

describe('atlas check-terms (CLI)', () => {
  let work: string;
  let dataDir: string;
  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'atlas-check-terms-'));
    // A data directory locked by a live process, as by a running Atlas: the command must not open it.
    dataDir = path.join(work, 'data');
    await mkdir(dataDir);
    await writeFile(path.join(dataDir, 'atlas.lock'), String(process.pid));
  });
  after(() => rm(work, { recursive: true, force: true }));

  it('reports the terms to avoid in a .txt draft with line and column, and exits 1', async () => {
    const file = path.join(work, 'draft.txt');
    await writeFile(file, 'Title\n\nWe fight child pornography and help child prostitutes.\nSexting is informal.\n');
    const clean = path.join(work, 'clean.txt');
    await writeFile(clean, 'We report child sexual abuse material. Sexting is a word to use with care.\n');
    const [run, cleanRun] = await Promise.all([atlas(dataDir, file), atlas(dataDir, clean, '--lang', 'en')]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, new RegExp(`${file}:3:10: "child pornography" → use "child sexual abuse material"\\n  avoid: “Pornography” suggests`));
    assert.match(run.stdout, new RegExp(`${file}:3:37: "child prostitutes" → use "child subjected to sexual exploitation in prostitution"`));
    assert.match(run.stdout, new RegExp(`${file}:4:1: "Sexting" → consider "self-generated sexual content"\\n  use with care:`));
    assert.match(run.stdout, /draft\.txt: 2 to avoid, 1 to use with care \(language: en, detected\)/);
    assert.match(run.stderr, /check-terms: 1 file\(s\) checked in \d+ ms/);
    console.log(`check-terms on a .txt: ${Math.round(run.ms)} ms for the whole process`);
    // Only "use with care": nothing to avoid, so the draft passes.
    assert.equal(cleanRun.code, 0, cleanRun.stderr);
    assert.match(cleanRun.stdout, /0 to avoid, 1 to use with care \(language: en\)/);
  });

  it('reads .docx and .pdf drafts by their bytes, in the text’s language, and prints JSON on request', async () => {
    const docx = path.join(work, 'borrador.docx');
    await writeFile(docx, await makeDocx(['Informe', 'La pornografía infantil en la región.']));
    const pdf = path.join(work, 'paper.pdf');
    await writeFile(pdf, await makePdf(['Title', 'On child sex tourism and its victims.']));
    const [docxRun, pdfRun] = await Promise.all([atlas(dataDir, docx), atlas(dataDir, pdf, '--format', 'json', '--lang', 'en')]);
    assert.equal(docxRun.code, 1, docxRun.stderr);
    assert.match(docxRun.stdout, new RegExp(`${docx}:2:4: "pornografía infantil" → use "material de abuso sexual infantil"`));
    assert.match(docxRun.stdout, /language: es, detected/);
    assert.equal(pdfRun.code, 1, pdfRun.stderr);
    const report = JSON.parse(pdfRun.stdout) as { lang: string; findings: { found: string; line: number; column: number; suggestion: { term: string } }[] };
    assert.equal(report.lang, 'en');
    assert.equal(report.findings.length, 1);
    assert.deepEqual([report.findings[0]!.found, report.findings[0]!.line, report.findings[0]!.column], ['child sex tourism', 2, 4]);
    assert.equal(report.findings[0]!.suggestion.term, 'sexual exploitation of children in travel and tourism');
  });

  it('exits 2 naming the file and the reason when it cannot be read, and on a usage error', async () => {
    const image = path.join(work, 'image.txt');
    await writeFile(image, PNG_BYTES);
    const good = path.join(work, 'good.txt');
    await writeFile(good, 'Nothing to see.\n');
    const [missing, binary, usage] = await Promise.all([
      atlas(dataDir, path.join(work, 'nope.txt'), good),
      atlas(dataDir, image),
      atlas(dataDir, image, '--lang', 'de'),
    ]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /check-terms: cannot read .*nope\.txt: no such file/);
    assert.match(missing.stdout, /good\.txt: 0 to avoid, 0 to use with care/, 'the readable file is still checked');
    assert.equal(binary.code, 2);
    assert.match(binary.stderr, /cannot read .*image\.txt: not a text \(UTF-8\), \.docx or \.pdf file/);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Usage: atlas check-terms FILE/);
  });
});
