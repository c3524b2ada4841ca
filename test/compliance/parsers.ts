/**
 * Strict readers for rendered reports: HTML parsed as XML by saxes (already in node_modules, via
 * exceljs) so any well-formedness error fails, and an RFC 4180 CSV reader.
 */
import { SaxesParser } from 'saxes';

export interface ParsedHtml {
  elements: Map<string, number>;
  text: string;
  root: string | null;
}

/** Parses as XML, failing on any well-formedness error; counts elements and collects the text. */
export function parseStrictly(html: string): ParsedHtml {
  const parser = new SaxesParser();
  const elements = new Map<string, number>();
  let text = '';
  let root: string | null = null;
  parser.on('error', (err) => {
    throw err;
  });
  parser.on('opentag', (tag) => {
    root ??= tag.name;
    elements.set(tag.name, (elements.get(tag.name) ?? 0) + 1);
  });
  parser.on('text', (t) => (text += t));
  parser.write(html).close();
  return { elements, text, root };
}

/** RFC 4180: quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF rows. */
export function parseCsv(csv: string): string[][] {
  if (!csv.startsWith('\uFEFF')) throw new Error('CSV must start with a UTF-8 byte-order mark');
  const s = csv.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (quoted || cell !== '') throw new Error('CSV ends inside a quoted field or without a final line break');
  return rows;
}

