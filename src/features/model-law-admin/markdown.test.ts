// The structured Markdown format: a well-formed file becomes a valid interchange document; every
// problem of a bad one is reported with its line number, all at once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MARKDOWN_EXAMPLE, MarkdownFormatError, parseModelLawMarkdown } from './markdown.ts';

function problemsOf(text: string): string[] {
  try {
    parseModelLawMarkdown(text);
  } catch (error) {
    assert.ok(error instanceof MarkdownFormatError, String(error));
    return error.problems;
  }
  assert.fail('the file was accepted');
}

describe('model-law Markdown', () => {
  it('reads the documented example: title, fields, chapters, articles, paragraphs, sources', () => {
    const doc = parseModelLawMarkdown(MARKDOWN_EXAMPLE, { label: 'md-1' });
    assert.equal(doc.slug, 'my-model-law');
    assert.equal(doc.sourceLocale, 'en');
    assert.equal(doc.title.en, 'Model Law on the Protection of Children');
    assert.deepEqual(doc.edition, { label: 'md-1', year: 2027 });
    assert.equal(doc.parts, undefined);
    const [chapter] = doc.chapters!;
    assert.equal(chapter!.key, 'general-provisions');
    assert.equal(chapter!.heading.en, 'General provisions');
    assert.deepEqual(
      chapter!.articles.map((a) => a.key),
      ['purpose', 'definitions'],
    );
    assert.equal(chapter!.articles[0]!.paragraphs.length, 2);
    assert.equal(chapter!.articles[0]!.paragraphs[1]!.en, 'This Law shall be interpreted in the best interests of the child.');
    assert.deepEqual(chapter!.articles[0]!.sources, [
      { instrument: 'crc', provision: '3' },
      { instrument: 'crc', provision: '34' },
      { instrument: 'lanzarote', provision: '18' },
    ]);
    assert.deepEqual(chapter!.articles[1]!.sources[1], { nationalLaw: 'gb-sexual-offences-act-2003', provision: 's. 15' });
  });

  it('joins the lines of a paragraph, reads parts and another language, and takes the year from the caller first', () => {
    const doc = parseModelLawMarkdown(
      ['# قانون نموذجي', 'Law: arabic-law', 'Language: ar', '', '# Part: one | الباب الأول', '## Chapter: c1 | الفصل', '### Article: a1 | المادة', 'السطر الأول', 'والسطر الثاني', '', 'فقرة ثانية'].join('\r\n'),
      { label: 'x', year: 2030 },
    );
    assert.equal(doc.sourceLocale, 'ar');
    assert.equal(doc.edition.year, 2030);
    assert.equal(doc.parts!.length, 1);
    const article = doc.parts![0]!.chapters[0]!.articles[0]!;
    assert.deepEqual(article.paragraphs, [{ ar: 'السطر الأول والسطر الثاني' }, { ar: 'فقرة ثانية' }]);
  });

  it('reports every problem with its line number', () => {
    const problems = problemsOf(
      [
        '# A law', // 1
        'Law: Not A Key', // 2
        'Colour: blue', // 3
        '## Chapter: one | First', // 4
        'stray text', // 5
        '### Article: bad key | Heading', // 6
        'Text.', // 7
        'Sources: crc', // 8
        '### Article: a2', // 9
        'Text.', // 10
        '### Article: a3 | Empty', // 11
        '## Chapter: one | Again', // 12
        '### Article: a4 | Fine', // 13
        'Text.', // 14
      ].join('\n'),
    );
    const expect = (line: number, pattern: RegExp) =>
      assert.ok(
        problems.some((p) => p.startsWith(`line ${line}: `) && pattern.test(p)),
        `line ${line} ${pattern}: ${problems.join(' / ')}`,
      );
    expect(2, /not a valid law key/);
    expect(3, /unknown field "Colour"/);
    expect(5, /text outside an article/);
    expect(6, /not a valid key/);
    expect(8, /"crc" should read/);
    expect(9, /Article: key \| heading/);
    expect(11, /"a3" has no text/);
    expect(12, /used twice \(first on line 4\)/);
    assert.ok(problems.some((p) => /no "Law: key" line/.test(p)));
  });

  it('refuses an empty file', () => {
    assert.match(problemsOf('\n\n').join('\n'), /the file is empty/);
  });

  it('refuses a file without a title, chapters or articles in the wrong place', () => {
    assert.match(problemsOf('## Chapter: c | C\n### Article: a | A\nText.\nLaw: x').join('\n'), /line 1: the file starts with the title/);
    assert.match(problemsOf('# T\nLaw: x\n### Article: a | A\nText.').join('\n'), /line 3: an article before the first chapter/);
    assert.match(problemsOf('# T\nLaw: x\n## Chapter: c | C').join('\n'), /line 3: the chapter "c" has no article/);
    assert.match(problemsOf('# T\nLaw: x\nLanguage: de\n## Chapter: c | C\n### Article: a | A\nText.').join('\n'), /line 3: "de" is not one of the Atlas languages/);
    assert.match(problemsOf('# T\nLaw: x\n## Chapter: c | C\n### Article: a | A\nText.\n## Part: p | P\n## Chapter: d | D\n### Article: b | B\nText.').join('\n'), /line 6: a part after chapters/);
  });
});
