// The two written forms of evidence (grid lines and the CSV cell): each reads back what it writes,
// and what cannot be read is named rather than dropped. Plain functions: no database needed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Evidence } from '../reviews/store.ts';
import { checkEvidence, citationLines, evidenceCell, parseCitationLines, parseEvidenceCell, parseProvisionLines, provisionLines, type LawIndex } from './evidence.ts';
import { guardCell, unguardCell } from './csv.ts';

const EVIDENCE: Evidence[] = [
  { nationalLaw: 'gb-sexual-offences-act-2003', provision: 's. 15' },
  { citation: 'Penal Code, art. 227', link: 'https://example.org/code?a=1&b=2' },
  { citation: 'gb-style-words without a link' },
  { citation: 'Plain guidance' },
];

describe('evidence', () => {
  it('reads back its CSV cell exactly, a citation that looks like a law key included', () => {
    const cell = evidenceCell(EVIDENCE);
    assert.equal(cell, 'gb-sexual-offences-act-2003 s. 15; Penal Code, art. 227 <https://example.org/code?a=1&b=2>; gb-style-words without a link <>; Plain guidance');
    assert.deepEqual(parseEvidenceCell(cell), { evidence: EVIDENCE, problems: [] });
  });

  it('reads back its grid lines exactly', () => {
    const provisions = parseProvisionLines(provisionLines(EVIDENCE));
    const citations = parseCitationLines(citationLines(EVIDENCE));
    assert.deepEqual([...provisions.evidence, ...citations.evidence], EVIDENCE);
    assert.deepEqual(parseProvisionLines('gb-sexual-offences-act-2003 s. 47').evidence, [{ nationalLaw: 'gb-sexual-offences-act-2003', provision: 's. 47' }], 'a space works as well as a bar');
  });

  it('names what it cannot read instead of dropping it silently', () => {
    assert.deepEqual(parseEvidenceCell('Guidance <javascript:alert(1)>').problems, [{ code: 'link', values: { link: 'javascript:alert(1)' } }]);
    assert.deepEqual(parseEvidenceCell('gb-sexual-offences-act-2003').problems.map((p) => p.code), ['provisionFormat']);
    assert.deepEqual(parseCitationLines('A <b> c').problems.map((p) => p.code), ['citationChars']);
    assert.deepEqual(parseProvisionLines('Not A Key | s. 1').problems.map((p) => p.code), ['provisionFormat']);
  });

  it('checks cited provisions against the national laws of the assessed country', () => {
    const index: LawIndex = new Map([['gb-sexual-offences-act-2003', { country: 'GB', provisions: new Set(['s. 15']) }]]);
    const cite = (law: string, provision: string): Evidence[] => [{ nationalLaw: law, provision }];
    assert.deepEqual(checkEvidence(index, 'GB', cite('gb-sexual-offences-act-2003', 's. 15')), []);
    assert.equal(checkEvidence(index, 'GB', cite('gb-sexual-offences-act-2003', 's. 16'))[0]?.code, 'unknownProvision');
    assert.equal(checkEvidence(index, 'FR', cite('gb-sexual-offences-act-2003', 's. 15'))[0]?.code, 'otherCountry');
    assert.equal(checkEvidence(index, 'GB', cite('xx-law', 's. 1'))[0]?.code, 'unknownLaw');
  });

  it('guards formula cells so that the importer gets back exactly what was exported', () => {
    for (const value of ['=1+1', '-note', '@x', "'=already", "''-twice", 'plain', "'plain"]) {
      assert.equal(unguardCell(guardCell(value)), value, value);
      assert.doesNotMatch(guardCell(value), /^[=+\-@]/);
    }
  });
});
