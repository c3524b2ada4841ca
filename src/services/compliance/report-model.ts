/**
 * A report as a list of blocks (headings, paragraphs, tables, lists, quotes), written once per
 * report and rendered to Markdown and HTML, so both always say the same thing. Text is plain:
 * renderers escape it, so nothing from the inventory can break the output's markup.
 */

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; emphasis?: 'strong' | 'note' }
  | { type: 'list'; items: string[]; ordered?: boolean }
  | { type: 'table'; columns: string[]; rows: string[][] }
  | { type: 'definitions'; items: Array<[string, string]> }
  | { type: 'quote'; cite: string; text: string };

export interface Report {
  title: string;
  /** `zh-CN` when the content is mostly the policy's Chinese. */
  lang: string;
  blocks: Block[];
}

/** A table as exports need it: English and Chinese header, plain cell text. */
export interface Tabular {
  title: string;
  /** The worksheet's name (Excel allows 31 characters). */
  sheet: string;
  columns: Array<{ header: string; width?: number }>;
  rows: string[][];
  /** Lines for the export's notes (XLSX "About" sheet). */
  notes: string[];
}

export const h1 = (text: string): Block => ({ type: 'heading', level: 1, text });
export const h2 = (text: string): Block => ({ type: 'heading', level: 2, text });
export const h3 = (text: string): Block => ({ type: 'heading', level: 3, text });
export const p = (text: string, emphasis?: 'strong' | 'note'): Block => ({ type: 'paragraph', text, emphasis });
export const ul = (items: string[]): Block => ({ type: 'list', items });
export const ol = (items: string[]): Block => ({ type: 'list', items, ordered: true });
export const table = (columns: string[], rows: string[][]): Block => ({ type: 'table', columns, rows });
export const dl = (items: Array<[string, string]>): Block => ({ type: 'definitions', items });
export const quote = (cite: string, text: string): Block => ({ type: 'quote', cite, text });

/** A table report: a heading, notes, and the table itself. */
export function tabularReport(t: Tabular, lang = 'zh-CN'): Report {
  return {
    title: t.title,
    lang,
    blocks: [h1(t.title), ...t.notes.map((n) => p(n, 'note')), table(t.columns.map((c) => c.header), t.rows)],
  };
}
