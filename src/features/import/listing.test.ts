// The listing parser on its own: no database. Fixture text is our own, written to reproduce the
// quirks of listings copied from a web page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inferType, isAcronymOf, parseListing, splitPublisherParagraph, splitPublishers } from './listing.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseListing on the good fixture', () => {
  const entries = parseListing(fixture('good-listing.txt'));

  test('finds every entry, each named by the line of its tag line', () => {
    assert.deepEqual(entries.map((e) => e.line), [1, 8, 19, 26, 33, 40]);
    assert.deepEqual(entries.flatMap((e) => e.problems), []);
  });

  test('keeps the raw tags (told apart later, with the vocabulary), glued first line included', () => {
    assert.deepEqual(entries[0]!.tags, ['Atlas resource listChild Protection', 'Online Safety', 'Laos', 'North Korea']);
    assert.deepEqual(entries[1]!.tags, ['Missing Children/Child Abduction', 'Legislation', 'Timor Leste', 'England']);
  });

  test('reads titles, and summaries without the publishers, "Read More" or odd spaces', () => {
    assert.equal(entries[0]!.title, 'Keeping Children Safe on Shared Phones (Infographic)');
    assert.equal(entries[0]!.summary, 'A one-page picture of simple habits for families who share a phone with their children.');
    assert.equal(entries[2]!.summary, 'This article looks at how offenders use new platforms and what companies can do about it.');
  });

  test('a summary of several paragraphs ends at a "Read More" on its own line', () => {
    assert.equal(
      entries[1]!.summary,
      'Steps for the first hours after a child is reported missing, written for police officers and helpline staff.\n\n' +
        'A second part covers working across borders when the child may have left the country.',
    );
  });

  test('publishers: acronym items, "Name (ACRONYM)", a year, and a comma after the parenthesis', () => {
    assert.deepEqual(entries[0]!.publishers, ['ICMEC', 'Safer Screens Network']);
    assert.deepEqual(entries[1]!.publishers, ['Network of Child Helplines in Asia (NCHA)']);
    assert.deepEqual([entries[2]!.publishers, entries[2]!.year], [['Moreno and Patel'], 2019]);
    assert.deepEqual(entries[3]!.publishers, ['Council for Child Safety (CCS)', 'ICMEC']);
    assert.ok(entries[3]!.summary.startsWith('This white paper sets out'));
  });

  test('an entry written without blank lines between its parts', () => {
    assert.deepEqual(entries[5]!.tags, ['Background Checks']);
    assert.equal(entries[5]!.title, 'Vetting Volunteers in Youth Clubs');
    assert.deepEqual(entries[5]!.publishers, ['Youth Club Alliance']);
  });

  test('infers the type of each resource', () => {
    assert.deepEqual(entries.map((e) => e.type), ['infographic', 'handbook', 'article', 'white-paper', 'model-law', 'study']);
  });
});

describe('parseListing on broken entries', () => {
  test('a missing title is a problem of that entry; the next entry still parses', () => {
    const entries = parseListing('Child Protection\n\n(Somebody) A summary.Read More\n\nCybercrime\n\nA Title\n\n(Other) Text.Read More\n');
    assert.equal(entries.length, 2);
    assert.deepEqual(entries[0]!.problems, [{ field: 'title', message: 'missing title' }]);
    assert.deepEqual(entries[0]!.publishers, ['Somebody']);
    assert.deepEqual([entries[1]!.line, entries[1]!.title, entries[1]!.problems], [5, 'A Title', []]);
  });

  test('a summary without publishers in parentheses is reported', () => {
    const [entry] = parseListing('Cybercrime\n\nA Title\n\nNo publisher here.Read More\n');
    assert.deepEqual(entry!.problems, [{ field: 'publishers', message: 'the summary does not start with the publisher(s) in parentheses' }]);
  });

  test('a forgotten "Read More" does not swallow the next entry', () => {
    const entries = parseListing('Cybercrime\n\nFirst Title\n\n(One) First summary.\n\nSchools, Laos\n\nSecond Title\n\n(Two) Second summary.Read More\n');
    assert.deepEqual(entries.map((e) => [e.line, e.title, e.summary]), [
      [1, 'First Title', 'First summary.'],
      [7, 'Second Title', 'Second summary.'],
    ]);
  });

  test('Windows line ends, a byte order mark and "READ MORE" in capitals', () => {
    const [entry] = parseListing('\ufeffCybercrime\r\n\r\nA Title\r\n\r\n(One) Text over\r\ntwo lines. READ MORE\r\n');
    assert.deepEqual([entry!.tags, entry!.title, entry!.summary], [['Cybercrime'], 'A Title', 'Text over two lines.']);
  });

  test('prose that merely mentions reading more is not the end marker', () => {
    const [entry] = parseListing('Cybercrime\n\nA Title\n\n(One) Parents can read more\n\nin the annex.Read More\n');
    assert.equal(entry!.summary, 'Parents can read more\n\nin the annex.');
  });
});

describe('publishers', () => {
  test('splits on commas outside parentheses', () => {
    assert.deepEqual(splitPublishers('ICMEC, The World Bank, Office for Children (OFC)').publishers, ['ICMEC', 'The World Bank', 'Office for Children (OFC)']);
  });

  test('a trailing acronym of the previous name joins it; two acronyms stay two publishers', () => {
    assert.deepEqual(splitPublishers('Association of Youth Clubs in Europe, AYCE').publishers, ['Association of Youth Clubs in Europe (AYCE)']);
    assert.deepEqual(splitPublishers('ICMEC, ROCIT').publishers, ['ICMEC', 'ROCIT']);
    assert.deepEqual(splitPublishers('The World Bank, UNICEF').publishers, ['The World Bank', 'UNICEF']);
    assert.equal(isAcronymOf('TWB', 'The World Bank'), true);
    assert.equal(isAcronymOf('WB', 'The World Bank'), false);
  });

  test('a year at the end is the year, not a publisher', () => {
    assert.deepEqual(splitPublishers('Lee and Okafor, 2016'), { publishers: ['Lee and Okafor'], year: 2016 });
    assert.deepEqual(splitPublishers('Office 2000 Group'), { publishers: ['Office 2000 Group'], year: null });
  });

  test('the paragraph: parenthesis, optional comma, summary', () => {
    assert.deepEqual(splitPublisherParagraph('(A (AA), B), Summary text.'), { publishers: ['A (AA)', 'B'], year: null, summary: 'Summary text.' });
    assert.equal(splitPublisherParagraph('No parenthesis.'), undefined);
    assert.equal(splitPublisherParagraph('(Never closed'), undefined);
  });
});

describe('inferType', () => {
  test('asks the title first, then the summary, else report', () => {
    assert.equal(inferType('Annual Report on Helplines', 'This study of helplines ...'), 'report');
    assert.equal(inferType('Helplines Worldwide', 'This study of helplines ...'), 'study');
    assert.equal(inferType('Industry Guidelines for Apps', ''), 'guidelines');
    assert.equal(inferType('A Guide for Parents', ''), 'guide');
    assert.equal(inferType('Safer Schools', 'Published in the Journal of Child Safety.'), 'article');
    assert.equal(inferType('Safer Schools', 'Lessons from ten schools.'), 'report');
  });
});
