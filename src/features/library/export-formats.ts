// The export formats offered for any result set and for a single resource.
export const EXPORT_FORMATS = [
  { extension: 'csv', label: 'CSV', mediaType: 'text/csv; charset=utf-8' },
  { extension: 'json', label: 'JSON', mediaType: 'application/json; charset=utf-8' },
  { extension: 'ris', label: 'RIS', mediaType: 'application/x-research-info-systems; charset=utf-8' },
  { extension: 'bib', label: 'BibTeX', mediaType: 'application/x-bibtex; charset=utf-8' },
  { extension: 'csl.json', label: 'CSL-JSON', mediaType: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['extension'];
