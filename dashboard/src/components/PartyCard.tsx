/**
 * One party's card on the parties page: who it is, its SDK packages, and every flow it receives
 * (from whom, which fields, why, under which consent and legal basis). A row opens the flow.
 */
import { ConsentBadge, FieldChip, PartyChip, PartyKindBadge } from './ui';
import type { PartyCardDataFragment } from '../generated/graphql';
import { useI18n } from '../i18n';

type Party = PartyCardDataFragment;

export function PartyCard({ party, onFlow, selectedFlow, linked = false }: { party: Party; onFlow: (key: string) => void; selectedFlow: string | null; linked?: boolean }) {
  const i = useI18n();
  const { t } = i;
  const fields = new Map<string, Party['inbound'][number]['carriedFields'][number]>();
  for (const f of party.inbound) for (const c of f.carriedFields) fields.set(c.key, c);
  const sensitiveCount = [...fields.values()].filter((f) => f.sensitive).length;
  const sep = i.lang === 'ZH' ? '、' : ', ';
  return (
    <article className={`card party-card party-${party.kind}${linked ? ' party-linked' : ''}`} id={`party-${party.key}`} data-testid={`party-${party.key}`} tabIndex={linked ? -1 : undefined}>
      <header className="party-head">
        <div>
          <h2>{i.name(party)}</h2>
          <div className="muted small">
            <span className="mono">{party.key}</span>
            {i.altName(party) && <> · {i.altName(party)}</>}
            {party.country && <> · {party.country}</>}
          </div>
        </div>
        <PartyKindBadge kind={party.kind} />
      </header>
      {party.sdkPackages.length > 0 && (
        <div className="party-sdk">
          <span className="muted small">{t('common.sdk')}:</span>
          {party.sdkPackages.map((s) => <code key={s} className="chip chip-code">{s}</code>)}
        </div>
      )}
      {party.contact && (
        <p className="small"><span className="muted">{t('common.contact')}:</span> <span lang="zh-CN">{party.contact}</span></p>
      )}
      <p className="party-summary">
        {party.inbound.length ? t('parties.summary', { f: fields.size, s: sensitiveCount, n: party.inbound.length }) : <span className="muted">{t('parties.receivesNothing')}</span>}
      </p>
      {party.inbound.length > 0 && (
        <table className="table table-hover compact fixed">
          <colgroup>
            <col style={{ width: '19%' }} />
            <col style={{ width: '39%' }} />
            <col style={{ width: '18%' }} />
            <col style={{ width: '11%' }} />
            <col style={{ width: '13%' }} />
          </colgroup>
          <thead>
            <tr>
              <th>{t('parties.colFrom')}</th>
              <th>{t('parties.colFields')}</th>
              <th>{t('parties.colPurposes')}</th>
              <th>{t('parties.colConsent')}</th>
              <th>{t('parties.colBasis')}</th>
            </tr>
          </thead>
          <tbody>
            {party.inbound.map((f) => (
              <tr key={f.key} className={f.key === selectedFlow ? 'selected' : ''} onClick={() => onFlow(f.key)} data-testid={`inbound-${f.key}`}>
                <td><PartyChip party={f.from} /></td>
                <td>
                  <div className="chips">
                    {f.carriedFields.map((c) => <FieldChip key={c.key} field={c} />)}
                  </div>
                </td>
                <td className="small">{f.purposes.map((p) => i.name(p)).join(sep) || <span className="warn-text">{t('flow.noPurpose')}</span>}</td>
                <td><ConsentBadge consent={f.consent} optional={f.optional} /></td>
                <td className="small">
                  {f.legalBases.length ? f.legalBases.map((b) => <div key={b.key} className="article" title={i.name(b)}>{b.article}</div>) : <span className="warn-text">{t('flow.noLegalBasis')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
