/**
 * Text renderers for reports: Markdown (GitHub flavoured), well-formed HTML, CSV (RFC 4180).
 * The HTML is polyglot — valid HTML5 that is also well-formed XML — so it can be checked strictly
 * and archived (PIPL Art. 56 asks for three years) without depending on a browser's leniency.
 */
import type { Block, Report, Tabular } from './report-model';

// ---- Markdown ------------------------------------------------------------------------------

function mdInline(text: string): string {
  // Escape what would start markup mid-line; keep Chinese punctuation as is.
  // Intraword underscores (READ_PHONE_STATE) are not emphasis in GFM: left alone for readability.
  return text
    .replace(/\\/g, '\\\\')
    .replace(/([*`[\]<>|])/g, '\\$1')
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/\r?\n/g, ' ');
}

function mdCell(text: string): string {
  return mdInline(text) || ' ';
}

function mdBlock(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${mdInline(b.text)}`;
    case 'paragraph':
      return b.emphasis === 'strong' ? `**${mdInline(b.text)}**` : b.emphasis === 'note' ? `> ${mdInline(b.text)}` : mdInline(b.text);
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${mdInline(item)}`).join('\n');
    case 'table': {
      const head = `| ${b.columns.map(mdCell).join(' | ')} |`;
      const rule = `| ${b.columns.map(() => '---').join(' | ')} |`;
      const rows = b.rows.map((r) => `| ${b.columns.map((_, i) => mdCell(r[i] ?? '')).join(' | ')} |`);
      return [head, rule, ...rows].join('\n');
    }
    case 'definitions':
      return b.items.map(([k, v]) => `- **${mdInline(k)}**: ${mdInline(v)}`).join('\n');
    case 'quote':
      return `> **${mdInline(b.cite)}** ${mdInline(b.text)}`;
  }
}

export function renderMarkdown(report: Report): string {
  return report.blocks.map(mdBlock).join('\n\n') + '\n';
}

// ---- HTML ----------------------------------------------------------------------------------

/** Escapes text for element content and attribute values; strips what XML 1.0 forbids. */
export function escapeHtml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function el(tag: string, content: string, attrs: Record<string, string> = {}): string {
  const a = Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('');
  return `<${tag}${a}>${content}</${tag}>`;
}

function htmlBlock(b: Block): string {
  const t = escapeHtml;
  switch (b.type) {
    case 'heading':
      return el(`h${b.level}`, t(b.text));
    case 'paragraph':
      return b.emphasis === 'strong' ? el('p', el('strong', t(b.text))) : el('p', t(b.text), b.emphasis === 'note' ? { class: 'note' } : {});
    case 'list':
      return el(b.ordered ? 'ol' : 'ul', b.items.map((i) => el('li', t(i))).join(''));
    case 'table':
      return el(
        'table',
        el('thead', el('tr', b.columns.map((c) => el('th', t(c), { scope: 'col' })).join(''))) +
          el('tbody', b.rows.map((r) => el('tr', b.columns.map((_, i) => el('td', t(r[i] ?? ''))).join(''))).join('')),
      );
    case 'definitions':
      return el('dl', b.items.map(([k, v]) => el('dt', t(k)) + el('dd', t(v))).join(''));
    case 'quote':
      return el('blockquote', el('p', el('cite', t(b.cite)) + ' ' + t(b.text)));
  }
}

const STYLE = `
body{font-family:-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;line-height:1.5;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
h1{border-bottom:2px solid #444;padding-bottom:.3rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f0f2f4}tbody tr:nth-child(even){background:#fafbfc}p.note{color:#555;font-size:.9rem}
blockquote{border-left:4px solid #bbb;margin:.5rem 0;padding:.2rem 1rem;color:#333;background:#f7f7f7}cite{font-style:normal;font-weight:600}
dt{font-weight:600}dd{margin:0 0 .5rem 1.5rem}
@media print{body{max-width:none}h2{page-break-after:avoid}tr{page-break-inside:avoid}}
`.trim();

export function renderHtml(report: Report): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(report.lang)}" xmlns="http://www.w3.org/1999/xhtml">`,
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<meta name="generator" content="FieldTrail" />`,
    el('title', escapeHtml(report.title)),
    el('style', STYLE),
    '</head>',
    '<body>',
    el('main', report.blocks.map(htmlBlock).join('\n')),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---- CSV -----------------------------------------------------------------------------------

/**
 * Text a spreadsheet would take for a formula when it opens a CSV: a leading `=`, `+`, `-`, `@`,
 * tab or CR (OWASP "CSV injection"; a party named `=1+2` must stay a name).
 */
export function startsLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}

/** Quoted where RFC 4180 needs it; formula-like text gets a leading `'`, which Excel shows as text. */
function csvCell(value: string): string {
  const text = startsLikeFormula(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 with CRLF line ends and a UTF-8 byte-order mark, so Excel (a DPO's first tool) opens
 * the Chinese text correctly.
 */
export function renderCsv(t: Tabular): string {
  const lines = [t.columns.map((c) => c.header), ...t.rows].map((r) => t.columns.map((_, i) => csvCell(r[i] ?? '')).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
