/** Small building blocks shared by the pages: badges, chips, states, the side drawer. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Link, fieldPath } from '../router';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('common.loading')}
    </div>
  );
}

export function ErrorBox({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="state state-error" role="alert">
      <strong>{t('common.error')}</strong>
      <pre>{error.message}</pre>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Banner({ tone, children, testId }: { tone: 'warning' | 'info'; children: ReactNode; testId?: string }) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'warning' ? 'alert' : 'status'} data-testid={testId}>
      <span className="banner-icon" aria-hidden="true">{tone === 'warning' ? '⚠' : 'ℹ'}</span>
      <span>{children}</span>
    </div>
  );
}

export function SensitiveBadge({ sensitive, sensitiveClass, compact }: { sensitive: boolean; sensitiveClass?: string | null; compact?: boolean }) {
  const { t, sensitiveClass: cls } = useI18n();
  if (!sensitive) return compact ? null : <span className="badge badge-muted">{t('common.notSensitive')}</span>;
  return (
    <span className="badge badge-sensitive" title={sensitiveClass ?? undefined}>
      <span aria-hidden="true">●</span> {t('common.sensitive')}
      {sensitiveClass ? ` · ${cls(sensitiveClass)}` : ''}
    </span>
  );
}

export const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFO'] as const;
export type SeverityName = (typeof SEVERITIES)[number];

export function SeverityBadge({ severity }: { severity: string }) {
  const { t } = useI18n();
  const known = (SEVERITIES as readonly string[]).includes(severity);
  return (
    <span className={`badge severity severity-${severity}`} data-severity={severity}>
      {known ? t(`severity.${severity as SeverityName}`) : severity}
    </span>
  );
}

export function PartyKindBadge({ kind }: { kind: string }) {
  const { partyKind } = useI18n();
  return <span className={`badge kind-${kind}`}>{partyKind(kind)}</span>;
}

export function FlowKindBadge({ kind }: { kind: string }) {
  const { flowKind } = useI18n();
  const disclosing = kind === 'PROVISION' || kind === 'TRANSFER' || kind === 'PUBLIC_DISCLOSURE';
  return <span className={`badge ${disclosing ? 'badge-disclosing' : 'badge-outline'}`}>{flowKind(kind)}</span>;
}

export function ConsentBadge({ consent, optional }: { consent: string; optional?: boolean }) {
  const { consent: label, t } = useI18n();
  return (
    <span className="consent">
      <span className={`badge consent-${consent}`}>{label(consent)}</span>
      {optional && <span className="badge badge-outline" title={t('common.optional')}>{t('flow.optional')}</span>}
    </span>
  );
}

export function PartyChip({ party, onClick }: { party: { key: string; name: string; nameZh?: string | null; kind: string }; onClick?: () => void }) {
  const { name, partyKind } = useI18n();
  const content = (
    <>
      <span className={`dot kind-dot-${party.kind}`} aria-hidden="true" />
      {name(party)}
    </>
  );
  return onClick ? (
    <button type="button" className={`chip chip-party chip-${party.kind}`} title={`${party.key} · ${partyKind(party.kind)}`} onClick={onClick}>
      {content}
    </button>
  ) : (
    <span className={`chip chip-party chip-${party.kind}`} title={`${party.key} · ${partyKind(party.kind)}`}>
      {content}
    </span>
  );
}

export function FieldChip({ field, current }: { field: { key: string; name: string; nameZh?: string | null; sensitive: boolean; sensitiveClass?: string | null }; current?: boolean }) {
  const { name, sensitiveClass } = useI18n();
  return (
    <Link
      to={fieldPath(field.key)}
      className={`chip chip-field${field.sensitive ? ' chip-sensitive' : ''}${current ? ' chip-current' : ''}`}
      title={field.sensitive ? `${field.key} · ${sensitiveClass(field.sensitiveClass)}` : field.key}
    >
      {field.sensitive && <span aria-hidden="true">● </span>}
      {name(field)}
    </Link>
  );
}

export interface ClauseView {
  ref: string;
  title?: string | null;
  text: string;
  citation: string;
  document: { key: string; title: string; titleEn?: string | null };
}

/** Clauses quoted verbatim: the policy's own words, never translated. */
export function ClauseList({ clauses }: { clauses: readonly ClauseView[] }) {
  const { t } = useI18n();
  if (clauses.length === 0) return <p className="muted">{t('common.noClauses')}</p>;
  return (
    <ol className="clauses">
      {clauses.map((c) => (
        <li key={c.citation} className="clause" data-testid="clause">
          <div className="clause-head">
            <span className="clause-ref">§ {c.ref}</span>
            {c.title && <span className="clause-title">{c.title}</span>}
            <span className="clause-doc">{c.document.title}</span>
          </div>
          <blockquote className="clause-text" lang="zh-CN">{c.text}</blockquote>
        </li>
      ))}
    </ol>
  );
}

/** A panel sliding in from the right; Escape or the close button closes it. */
export function Drawer({ title, onClose, children, testId }: { title: ReactNode; onClose: () => void; children: ReactNode; testId?: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    ref.current?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <aside className="drawer" role="dialog" aria-modal="false" aria-label={typeof title === 'string' ? title : undefined} tabIndex={-1} ref={ref} data-testid={testId}>
      <header className="drawer-head">
        <div className="drawer-title">{title}</div>
        <button type="button" className="btn btn-icon" onClick={onClose} aria-label={t('common.close')} title={t('common.close')}>
          ✕
        </button>
      </header>
      <div className="drawer-body">{children}</div>
    </aside>
  );
}

export function Section({ title, hint, children, actions, className }: { title: ReactNode; hint?: ReactNode; children: ReactNode; actions?: ReactNode; className?: string }) {
  return (
    <section className={`card ${className ?? ''}`}>
      <header className="card-head">
        <div>
          <h2>{title}</h2>
          {hint && <p className="muted small">{hint}</p>}
        </div>
        {actions && <div className="card-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

/** Horizontal bars for a small distribution (counts by class or kind). */
export function Bars({ items, testId }: { items: Array<{ key: string; label: string; value: number; tone?: string; href?: string }>; testId?: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ul className="bars" data-testid={testId}>
      {items.map((i) => {
        const body = (
          <>
            <span className="bar-label">{i.label}</span>
            <span className="bar-track">
              <span className={`bar-fill ${i.tone ?? ''}`} style={{ width: `${(i.value / max) * 100}%` }} />
            </span>
            <span className="bar-value">{i.value}</span>
          </>
        );
        return <li key={i.key}>{i.href ? <Link to={i.href} className="bar-row">{body}</Link> : <div className="bar-row">{body}</div>}</li>;
      })}
    </ul>
  );
}

/**
 * Previous / next over a cursor-paged connection. The pages visited are the cursors in the URL
 * (`cursors=a.b.c`), so back goes to the page before without asking the server for a backward cursor.
 */
export function PagerButtons({ cursors, pageInfo, onCursors }: {
  cursors: readonly string[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  onCursors: (cursors: string | null) => void;
}) {
  const { t } = useI18n();
  const next = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  return (
    <div className="pager-buttons">
      <button type="button" className="btn" disabled={cursors.length === 0} onClick={() => onCursors(cursors.slice(0, -1).join('.') || null)} data-testid="page-prev">
        ← {t('fields.prev')}
      </button>
      <button type="button" className="btn" disabled={!next} onClick={() => next && onCursors([...cursors, next].join('.'))} data-testid="page-next">
        {t('fields.next')} →
      </button>
    </div>
  );
}
