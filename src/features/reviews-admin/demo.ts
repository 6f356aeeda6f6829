// The words that go with demonstration data wherever the back office hands it out of a page (the
// JSON API, the CSV export): plain English, like the rest of the open data.
export const DEMO_NOTICE =
  'Demonstration data: at least one edition listed here was loaded by `atlas seed --demo`. Its assessments are illustrative, not real findings.';
