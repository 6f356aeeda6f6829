// The text of an uploaded or named draft: PDF and DOCX recognised by their bytes (never by the
// name) and read by the attachments' extractor; anything else must be UTF-8 text.
import { detectType } from '../attachments/storage.ts';
import { extractText, MAX_TEXT_CHARS, UnreadableDocument } from '../attachments/extract.ts';

export type DocumentText = { text: string; truncated: boolean } | { problem: 'unsupported' | 'broken' | 'password' | 'empty' };

export { MAX_TEXT_CHARS };

export async function documentText(bytes: Uint8Array): Promise<DocumentText> {
  const type = await detectType(bytes);
  let text: string;
  if (type) {
    try {
      text = (await extractText(bytes, type)).text;
    } catch (error) {
      if (error instanceof UnreadableDocument) return { problem: error.reason };
      throw error;
    }
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { problem: 'unsupported' };
    }
    // Control characters other than tabs and line ends mean a binary file that happens to decode.
    if (/[\u0000-\u0008\u000E-\u001F]/.test(text.slice(0, 4096))) return { problem: 'unsupported' };
    text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  }
  if (!text.trim()) return { problem: 'empty' };
  return { text: text.slice(0, MAX_TEXT_CHARS), truncated: text.length > MAX_TEXT_CHARS };
}
