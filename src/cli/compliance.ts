/**
 * `check`, `report`, `snapshot`, `diff`: the compliance use cases on the command line. Exit codes
 * are what a CI job gates on: 1 when findings or changes reach the --fail-on threshold.
 */
import { writeFileSync } from 'node:fs';
import { atOrAbove, countBySeverity, SEVERITIES, type Finding, type Severity } from '../domain/compliance/findings';
import { ComplianceService, CURRENT, FORMATS_OF, REPORT_KINDS, type ReportFormat, type ReportKind } from '../services/compliance/compliance-service';
import type { InventoryStore } from '../store/inventory-store';
import { cliActor, UsageError } from './common';

export const COMPLIANCE_USAGE = `  check [--fail-on info|low|medium|high] [--rule RULE]… [--format text|md|json]
                             list compliance findings; exit 1 if any is at or above --fail-on (default high)
  report KIND [SUBJECT] [--format FMT] [--out FILE] [--field KEY]… [--purpose KEY]… [--recipient KEY]…
                             KIND: findings, pia, ropa, collected-pi (已收集个人信息清单),
                             third-parties (与第三方共享个人信息清单 / 第三方SDK目录), breach PARTY,
                             withdrawal PERMISSION, deletion FIELD; FMT: md, html, json, csv, xlsx
                             (xlsx needs --out); --field/--purpose/--recipient scope a pia
  snapshot --label LABEL     keep an immutable copy of the inventory under LABEL
  snapshot list              list the snapshots kept
  diff FROM [TO] [--format md|html|json] [--out FILE] [--fail-on major|consent]
                             changes between snapshots (TO defaults to "current", the live inventory),
                             classified against the policy's definition of a major change
`;

/** Options these commands add to the CLI's parser. */
export const COMPLIANCE_CLI_OPTIONS = {
  'fail-on': { type: 'string' },
  rule: { type: 'string', multiple: true },
  label: { type: 'string' },
  field: { type: 'string', multiple: true },
  purpose: { type: 'string', multiple: true },
  recipient: { type: 'string', multiple: true },
} as const;

export interface ComplianceCliValues {
  format?: string;
  out?: string;
  'fail-on'?: string;
  rule?: string[];
  label?: string;
  field?: string[];
  purpose?: string[];
  recipient?: string[];
}

export interface CliOutput {
  write(text: string): void;
}

/** Runs one compliance command against an open store; returns the exit code. */
export async function runComplianceCommand(
  command: string,
  args: string[],
  values: ComplianceCliValues,
  store: InventoryStore,
  out: CliOutput = process.stdout,
): Promise<number> {
  const service = new ComplianceService(store);
  switch (command) {
    case 'check':
      return check(service, args, values, out);
    case 'report':
      return report(service, args, values, out);
    case 'snapshot':
      return snapshot(service, args, values, out);
    case 'diff':
      return diff(service, args, values, out);
    default:
      throw new UsageError(`unknown compliance command "${command}"`);
  }
}

async function check(service: ComplianceService, args: string[], values: ComplianceCliValues, out: CliOutput): Promise<number> {
  if (args.length) throw new UsageError(`check takes no arguments, got "${args.join(' ')}"`);
  const failOn = (values['fail-on'] ?? 'high').toUpperCase();
  if (!(SEVERITIES as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on must be info, low, medium or high, got "${values['fail-on']}"`);
  const format = values.format ?? 'text';
  if (!['text', 'md', 'json'].includes(format)) throw new UsageError(`check --format must be text, md or json, got "${format}"`);
  const findings = await service.findings({ rules: values.rule?.length ? values.rule : null });
  const failing = findings.filter((f) => atOrAbove(f.severity, failOn as Severity));
  if (format === 'json') {
    out.write(JSON.stringify({ failOn, failing: failing.length, findings }, null, 2) + '\n');
  } else if (format === 'md') {
    out.write(String((await service.report({ kind: 'findings', format: 'md', filter: { rules: values.rule?.length ? values.rule : null } })).body));
  } else {
    out.write(findingsText(findings, failOn as Severity));
  }
  return failing.length > 0 ? 1 : 0;
}

/** One block per finding, most severe first, then a summary line a CI log ends with. */
export function findingsText(findings: readonly Finding[], failOn: Severity): string {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${f.severity.padEnd(6)} ${f.rule} — ${f.subject.type.toLowerCase()} ${f.subject.key} (${f.subject.name})`);
    lines.push(`       ${f.message}`);
    lines.push(`       fix: ${f.remedy}`);
    lines.push(`       ${f.articles.map((a) => a.citation).join(', ')}${f.clauses.length ? `; policy ${f.clauses.map((c) => `§${c.ref}`).join(', ')}` : ''}`);
  }
  const counts = countBySeverity(findings);
  const failing = findings.filter((f) => atOrAbove(f.severity, failOn)).length;
  lines.push('');
  lines.push(`${findings.length} findings: ${[...SEVERITIES].reverse().map((s) => `${counts[s]} ${s}`).join(', ')}. ${failing ? `${failing} at or above ${failOn}: failing.` : `none at or above ${failOn}: passing.`}`);
  return lines.join('\n') + '\n';
}

async function report(service: ComplianceService, args: string[], values: ComplianceCliValues, out: CliOutput): Promise<number> {
  const [kindArg, ...rest] = args;
  if (!kindArg) throw new UsageError(`report needs a KIND: ${REPORT_KINDS.filter((k) => k !== 'diff').join(', ')}`);
  if (kindArg === 'diff') throw new UsageError('use "fieldtrail diff FROM [TO]" for changes between snapshots');
  if (!(REPORT_KINDS as readonly string[]).includes(kindArg)) throw new UsageError(`unknown report "${kindArg}"; reports are: ${REPORT_KINDS.filter((k) => k !== 'diff').join(', ')}`);
  const kind = kindArg as ReportKind;
  const needsSubject = kind === 'breach' || kind === 'withdrawal' || kind === 'deletion';
  if (needsSubject && rest.length !== 1) throw new UsageError(`report ${kind} takes exactly one ${{ breach: 'PARTY', withdrawal: 'PERMISSION', deletion: 'FIELD' }[kind]} key`);
  if (!needsSubject && rest.length) throw new UsageError(`report ${kind} takes no SUBJECT, got "${rest.join(' ')}"`);
  const scoped = !!(values.field?.length || values.purpose?.length || values.recipient?.length);
  if (scoped && kind !== 'pia') throw new UsageError('--field, --purpose and --recipient scope a pia report only');
  const format = (values.format ?? (kind === 'ropa' ? 'csv' : 'md')) as ReportFormat;
  if (!FORMATS_OF[kind].includes(format)) throw new UsageError(`the ${kind} report comes as ${FORMATS_OF[kind].join(', ')}, not "${format}"`);
  if (format === 'xlsx' && !values.out) throw new UsageError('xlsx is a binary format: give --out FILE');

  const rendered = await service.report({
    kind,
    format,
    subject: needsSubject ? rest[0] : null,
    scope: scoped ? { fieldKeys: values.field, purposeKeys: values.purpose, recipientKeys: values.recipient } : null,
    filter: kind === 'findings' && values.rule?.length ? { rules: values.rule } : null,
  });
  return emit(rendered.body, values.out, `${kind} report (${format})`, out);
}

async function snapshot(service: ComplianceService, args: string[], values: ComplianceCliValues, out: CliOutput): Promise<number> {
  if (args.length === 1 && args[0] === 'list') {
    if (values.label) throw new UsageError('snapshot list takes no --label');
    const list = await service.listSnapshots();
    out.write(list.length ? list.map((s) => `${s.createdAt}  ${s.label}`).join('\n') + '\n' : 'no snapshots yet\n');
    return 0;
  }
  if (args.length) throw new UsageError(`snapshot takes --label LABEL, or "list"; got "${args.join(' ')}"`);
  if (!values.label) throw new UsageError('snapshot needs --label LABEL (e.g. --label v2021-09-01)');
  const saved = await service.takeSnapshot(values.label, { actor: cliActor() });
  out.write(`saved snapshot ${saved.label} at ${saved.createdAt} in ${service.location}\n`);
  return 0;
}

async function diff(service: ComplianceService, args: string[], values: ComplianceCliValues, out: CliOutput): Promise<number> {
  if (args.length < 1 || args.length > 2) throw new UsageError(`diff takes FROM and an optional TO (default "${CURRENT}")`);
  const format = (values.format ?? 'md') as ReportFormat;
  if (!FORMATS_OF.diff.includes(format)) throw new UsageError(`diff --format must be md, html or json, got "${format}"`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'major' && failOn !== 'consent') throw new UsageError(`diff --fail-on must be major or consent, got "${failOn}"`);
  const [from, to = CURRENT] = args;
  const changes = await service.inventoryDiff(from, to);
  const rendered = await service.report({ kind: 'diff', format, from, to });
  emit(rendered.body, values.out, `diff ${from} → ${to} (${format})`, out);
  if (failOn === 'major' && changes.summary.major > 0) return 1;
  if (failOn === 'consent' && changes.summary.requiringRenewedConsent > 0) return 1;
  return 0;
}

function emit(body: string | Buffer, file: string | undefined, what: string, out: CliOutput): number {
  if (file) {
    writeFileSync(file, body);
    out.write(`wrote ${what} to ${file} (${Buffer.byteLength(body)} bytes)\n`);
  } else {
    out.write(typeof body === 'string' ? body : body.toString('utf8'));
  }
  return 0;
}
