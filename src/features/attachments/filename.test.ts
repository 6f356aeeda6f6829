import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanFilename, contentDisposition } from './filename.ts';
import { DOCX, PDF } from './storage.ts';

describe('attachment file names', () => {
  it('keeps the last path segment and the extension of the detected type', () => {
    assert.equal(cleanFilename('C:\\Users\\me\\Report 2024.PDF', PDF), 'Report 2024.pdf');
    assert.equal(cleanFilename('../../etc/passwd', PDF), 'passwd.pdf');
    assert.equal(cleanFilename('notes.pdf', DOCX), 'notes.pdf.docx');
    assert.equal(cleanFilename('...', PDF), 'document.pdf');
    assert.equal(cleanFilename('', DOCX), 'document.docx');
  });

  it('drops control and direction-override characters but keeps Farsi joiners', () => {
    assert.equal(cleanFilename('invoice\u202Efdp.exe', PDF), 'invoicefdp.exe.pdf');
    assert.equal(cleanFilename('a\r\nb\u0000c.pdf', PDF), 'abc.pdf');
    assert.equal(cleanFilename('گزارش\u200Cها.pdf', PDF), 'گزارش\u200Cها.pdf');
    assert.equal(cleanFilename('a "quoted" <name>.pdf', PDF), 'a _quoted_ _name_.pdf');
    assert.ok(cleanFilename(`${'x'.repeat(400)}.pdf`, PDF).length <= 160);
  });

  it('sends an ASCII fallback and the UTF-8 name', () => {
    assert.equal(contentDisposition('Informe niñez (2024).pdf'), `attachment; filename="Informe ni_ez (2024).pdf"; filename*=UTF-8''Informe%20ni%C3%B1ez%20%282024%29.pdf`);
    assert.equal(contentDisposition("it's 100%.pdf"), `attachment; filename="it's 100_.pdf"; filename*=UTF-8''it%27s%20100%25.pdf`);
  });
});
