/** The side panels: a flow with the policy clauses it cites, and a party. */
import { useQuery } from '../api';
import { FlowDetailDocument, PartyDetailDocument } from '../generated/graphql';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { ClauseList, ConsentBadge, Drawer, ErrorBox, FieldChip, FlowKindBadge, Loading, PartyChip, PartyKindBadge } from './ui';

export function FlowPanel({ flowKey, currentField, onClose, onParty }: { flowKey: string; currentField?: string; onClose: () => void; onParty?: (key: string) => void }) {
  const i = useI18n();
  const { t } = i;
  const { data, error, loading, reload } = useQuery(FlowDetailDocument, { key: flowKey });
  const flow = data?.dataFlow?.key === flowKey ? data.dataFlow : undefined;
  const title = flow ? `${i.name(flow.from)} → ${i.name(flow.to)}` : t('flow.title');
  const flowName = flow && (flow.name || flow.nameZh) ? i.name({ name: flow.name ?? flow.nameZh ?? flow.key, nameZh: flow.nameZh }) : null;
  return (
    <Drawer title={<><span className="eyebrow">{t('flow.title')}</span><span>{title}</span></>} onClose={onClose} testId="flow-panel">
      {error && <ErrorBox error={error} onRetry={reload} />}
      {!flow && !error && (loading ? <Loading /> : null)}
      {flow && (
        <div className="panel-content">
          {flowName && <p className="flow-name">{flowName}</p>}
          <p className="mono muted small">{flow.key}</p>
          <div className="flow-ends">
            <PartyChip party={flow.from} onClick={onParty && (() => onParty(flow.from.key))} />
            <span className="arrow" aria-hidden="true">→</span>
            <PartyChip party={flow.to} onClick={onParty && (() => onParty(flow.to.key))} />
          </div>
          <dl className="facts">
            <dt>{t('flow.kind')}</dt>
            <dd>
              <FlowKindBadge kind={flow.kind} />
              {flow.crossBorder && <span className="badge badge-sensitive">{t('flow.crossBorder')}</span>}
              {flow.deidentified && <span className="badge badge-outline">{t('flow.deidentified')}</span>}
            </dd>
            <dt>{t('flow.consent')}</dt>
            <dd>
              <ConsentBadge consent={flow.consent} optional={flow.optional} />
              <div className="muted small">{flow.optional ? t('common.optional') : t('common.required')}</div>
            </dd>
            <dt>{t('flow.legalBases')}</dt>
            <dd>
              {flow.legalBases.length === 0 ? (
                <span className="warn-text">{t('flow.noLegalBasis')}</span>
              ) : (
                <ul className="plain">
                  {flow.legalBases.map((b) => (
                    <li key={b.key}>
                      <strong>{b.article}</strong> <span className="muted">{i.name(b)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>{t('flow.purposes')}</dt>
            <dd>
              {flow.purposes.length === 0 ? (
                <span className="warn-text">{t('flow.noPurpose')}</span>
              ) : (
                <ul className="plain">
                  {flow.purposes.map((p) => (
                    <li key={p.key}>
                      {i.name(p)} <span className={`badge ${p.functionType === 'EXTENDED' ? 'badge-outline' : 'badge-muted'}`}>{i.functionType(p.functionType)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            {flow.permissions.length > 0 && (
              <>
                <dt>{t('flow.permissions')}</dt>
                <dd>
                  <ul className="plain">
                    {flow.permissions.map((p) => (
                      <li key={p.key}>
                        {i.name(p)} <span className="mono muted small">{p.key}</span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt>{t('flow.retention')}</dt>
            <dd>
              {flow.retention ? (
                <>
                  <div lang="zh-CN">{flow.retention.description}</div>
                  <div className="muted small">
                    {[flow.retention.minimum && t('flow.retentionMin', { d: flow.retention.minimum }), flow.retention.maximum && t('flow.retentionMax', { d: flow.retention.maximum })].filter(Boolean).join(' · ')}
                  </div>
                </>
              ) : (
                <span className="muted">{t('flow.noRetention')}</span>
              )}
            </dd>
          </dl>
          {flow.scenario && (
            <>
              <h3>{t('flow.scenario')}</h3>
              <p className="policy-words" lang="zh-CN">{flow.scenario}</p>
            </>
          )}
          {flow.description && (
            <>
              <h3>{t('common.description')}</h3>
              <p className="notes">{flow.description}</p>
            </>
          )}
          <h3>{t('flow.carried')}</h3>
          <div className="chips">
            {flow.carriedFields.map((f) => (
              <FieldChip key={f.key} field={f} current={f.key === currentField} />
            ))}
          </div>
          {flow.categories.length > 0 && (
            <p className="muted small">
              {t('flow.categories')}: {flow.categories.map((c) => i.name(c)).join(i.lang === 'ZH' ? '、' : ', ')}
            </p>
          )}
          <h3>{t('common.policyClauses')}</h3>
          <p className="muted small">{t('common.clauseNote')}</p>
          <ClauseList clauses={flow.sources} />
        </div>
      )}
    </Drawer>
  );
}

export function PartyPanel({ partyKey, onClose }: { partyKey: string; onClose: () => void }) {
  const i = useI18n();
  const { t } = i;
  const { data, error, loading, reload } = useQuery(PartyDetailDocument, { key: partyKey });
  const party = data?.party?.key === partyKey ? data.party : undefined;
  return (
    <Drawer title={<><span className="eyebrow">{t('party.title')}</span><span>{party ? i.name(party) : partyKey}</span></>} onClose={onClose} testId="party-panel">
      {error && <ErrorBox error={error} onRetry={reload} />}
      {!party && !error && (loading ? <Loading /> : null)}
      {party && (
        <div className="panel-content">
          <p className="mono muted small">{party.key}</p>
          {i.altName(party) && <p className="muted">{i.altName(party)}</p>}
          <dl className="facts">
            <dt>{t('flow.kind')}</dt>
            <dd><PartyKindBadge kind={party.kind} /></dd>
            {party.country && (<><dt>{t('common.country')}</dt><dd>{party.country}</dd></>)}
            {party.sdkPackages.length > 0 && (
              <>
                <dt>{t('common.sdk')}</dt>
                <dd className="chips">{party.sdkPackages.map((p) => <code key={p} className="chip chip-code">{p}</code>)}</dd>
              </>
            )}
            {party.contact && (<><dt>{t('common.contact')}</dt><dd lang="zh-CN">{party.contact}</dd></>)}
          </dl>
          {party.description && (<><h3>{t('common.description')}</h3><p className="notes">{party.description}</p></>)}
          <p><Link to={`/parties#party-${encodeURIComponent(party.key)}`} className="btn">{t('party.receives')} →</Link></p>
          <h3>{t('common.policyClauses')}</h3>
          <ClauseList clauses={party.sources} />
        </div>
      )}
    </Drawer>
  );
}
