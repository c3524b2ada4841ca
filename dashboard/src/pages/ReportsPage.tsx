/**
 * Reports: the documents a DPO hands over — the impact assessment, the records of processing and
 * the regulator's two lists — generated from the live inventory through the public GraphQL API
 * (`complianceReport(kind, format)`: text as UTF-8, XLSX as base64) and saved by the browser as
 * files (a Blob and a download link). The same files as `fieldtrail report KIND --format FMT`.
 */
import { useState } from 'react';
import { request } from '../api';
import { ErrorBox } from '../components/ui';
import { ComplianceReportFileDocument, type ComplianceReportFileQuery, type ComplianceReportFormat, type ComplianceReportKind } from '../generated/graphql';
import { useI18n, type MessageKey } from '../i18n';

interface ReportSpec {
  kind: ComplianceReportKind;
  /** The CLI's name for it: `fieldtrail report <cli>`. */
  cli: string;
  title: MessageKey;
  alt: MessageKey;
  body: MessageKey;
  /** What it answers to (cited as is, in either language). */
  basis: string;
  formats: ComplianceReportFormat[];
}

const REPORTS: ReportSpec[] = [
  { kind: 'PIA', cli: 'pia', title: 'reports.pia', alt: 'reports.piaAlt', body: 'reports.piaBody', basis: 'PIPL Art. 55–56 · GDPR Art. 35', formats: ['HTML', 'MD'] },
  { kind: 'ROPA', cli: 'ropa', title: 'reports.ropa', alt: 'reports.ropaAlt', body: 'reports.ropaBody', basis: 'GDPR Art. 30 · PIPL Art. 17', formats: ['CSV', 'XLSX', 'JSON'] },
  { kind: 'COLLECTED_PI', cli: 'collected-pi', title: 'reports.collected', alt: 'reports.collectedAlt', body: 'reports.collectedBody', basis: 'PIPL Art. 17', formats: ['MD', 'CSV', 'XLSX'] },
  { kind: 'THIRD_PARTIES', cli: 'third-parties', title: 'reports.thirdParties', alt: 'reports.thirdPartiesAlt', body: 'reports.thirdPartiesBody', basis: 'PIPL Art. 23', formats: ['MD', 'CSV', 'XLSX'] },
  { kind: 'FINDINGS', cli: 'findings', title: 'reports.findings', alt: 'reports.findingsAlt', body: 'reports.findingsBody', basis: 'PIPL · GDPR', formats: ['MD', 'CSV', 'XLSX'] },
];

/** Turns the API's answer into a file the browser saves. */
function saveReport(report: ComplianceReportFileQuery['complianceReport']): void {
  const bytes = report.encoding === 'base64' ? Uint8Array.from(atob(report.content), (c) => c.charCodeAt(0)) : report.content;
  const url = URL.createObjectURL(new Blob([bytes], { type: report.mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = report.fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Long enough for the browser to have read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Status = { state: 'idle' } | { state: 'busy'; format: ComplianceReportFormat } | { state: 'done'; fileName: string } | { state: 'error'; error: Error };

export function ReportsPage() {
  const { t } = useI18n();
  return (
    <div className="page" data-testid="reports-page">
      <div className="page-head">
        <div>
          <h1>{t('reports.title')}</h1>
          <p className="muted">{t('reports.hint')}</p>
        </div>
      </div>
      <div className="report-grid">
        {REPORTS.map((r) => (
          <ReportCard key={r.kind} spec={r} />
        ))}
      </div>
    </div>
  );
}

function ReportCard({ spec }: { spec: ReportSpec }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const download = async (format: ComplianceReportFormat) => {
    setStatus({ state: 'busy', format });
    try {
      const { complianceReport } = await request(ComplianceReportFileDocument, { kind: spec.kind, format });
      saveReport(complianceReport);
      setStatus({ state: 'done', fileName: complianceReport.fileName });
    } catch (error) {
      setStatus({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) });
    }
  };
  return (
    <section className="card report-card" data-testid={`report-${spec.kind}`}>
      <header>
        <h2>{t(spec.title)}</h2>
        <p className="muted small report-alt">{t(spec.alt)}</p>
      </header>
      <p className="report-body">{t(spec.body)}</p>
      <p className="muted small">{spec.basis}</p>
      <div className="report-actions">
        {spec.formats.map((format) => (
          <button
            key={format}
            type="button"
            className={`btn${format === spec.formats[0] ? ' btn-primary' : ''}`}
            onClick={() => void download(format)}
            disabled={status.state === 'busy'}
            data-testid={`download-${spec.kind}-${format}`}
          >
            <span aria-hidden="true">⤓</span> {status.state === 'busy' && status.format === format ? t('reports.generating') : t(`reports.format.${format}`)}
          </button>
        ))}
      </div>
      <div className="report-status" data-testid={`report-status-${spec.kind}`} role="status" aria-live="polite">
        {status.state === 'done' && <span className="ok-text">✓ {t('reports.downloaded', { file: status.fileName })}</span>}
      </div>
      {status.state === 'error' && <ErrorBox error={status.error} />}
      <details className="report-cli">
        <summary className="muted small">{t('reports.cli')}</summary>
        <code className="cli">fieldtrail report {spec.cli} --format {spec.formats[0].toLowerCase()} --out {`${spec.cli}.${spec.formats[0].toLowerCase()}`}</code>
      </details>
    </section>
  );
}
