import { describe, it } from 'node:test';
import { zipSync } from 'fflate';
import assert from 'node:assert/strict';
import { extractText, MAX_TEXT_CHARS, tidy, UnreadableDocument } from './extract.ts';
import { detectType, DOCX, PDF } from './storage.ts';
import { BROKEN_PDF, makeDocx, makePdf, PNG_BYTES } from './test-documents.ts';

describe('attachment types and text', () => {
  it('reads the type from the bytes', async () => {
    assert.equal(await detectType(await makePdf(['x'])), PDF);
    assert.equal(await detectType(await makeDocx(['x'])), DOCX);
    assert.equal(await detectType(PNG_BYTES), undefined);
    assert.equal(await detectType(new TextEncoder().encode('plain words')), undefined);
  });

  it('extracts the text and page count of a PDF, and the text of a DOCX', async () => {
    const pdf = await extractText(await makePdf(['First line here', 'second line']), PDF);
    assert.equal(pdf.pages, 1);
    assert.match(pdf.text, /First line here\s+second line/);
    const docx = await extractText(await makeDocx(['One paragraph.', 'Another one.']), DOCX);
    assert.equal(docx.pages, null);
    assert.match(docx.text, /One paragraph\.\s+Another one\./);
  });

  it('refuses a broken document with a reason', async () => {
    await assert.rejects(extractText(BROKEN_PDF, PDF), (e: unknown) => e instanceof UnreadableDocument && e.reason === 'broken');
    await assert.rejects(extractText(new Uint8Array([80, 75, 3, 4, 0, 0]), DOCX), UnreadableDocument);
  });

  it('refuses a DOCX that declares far more text than it holds (a zip bomb) before inflating it', async () => {
    // 8 MB of one letter compresses to a few kilobytes: a ratio no real document has.
    const bomb = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new Uint8Array(8_000_000).fill(65) });
    assert.ok(bomb.byteLength < 100_000);
    await assert.rejects(extractText(bomb, DOCX), (e: unknown) => e instanceof UnreadableDocument && e.reason === 'broken');
    // A real document still reads.
    assert.match((await extractText(await makeDocx(['Still fine.']), DOCX)).text, /Still fine\./);
  });

  it('removes NUL characters and caps the length', () => {
    assert.equal(tidy('a\u0000b   c \n\n  d'), 'ab c\nd');
    assert.equal(tidy('word '.repeat(100_000)).length, MAX_TEXT_CHARS);
  });
});
