/**
 * The shell: header with navigation, who is signed in and the language switch, and the page for
 * the route — or the sign-in panel when the API wants credentials (HTTP 401).
 * Pages are listed once in NAV; a new one is one entry here, one route in router.tsx and one
 * pattern in src/dashboard.ts (DASHBOARD_ROUTES).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useQuery } from './api';
import { useAuth } from './auth';
import { AuthStatus, SignInPanel } from './components/SignIn';
import { DashboardOverviewDocument } from './generated/graphql';
import { useI18n, type MessageKey } from './i18n';
import { FieldPage } from './pages/FieldPage';
import { FieldsPage } from './pages/FieldsPage';
import { FindingsPage } from './pages/FindingsPage';
import { OverviewPage } from './pages/OverviewPage';
import { PartiesPage } from './pages/PartiesPage';
import { ReportsPage } from './pages/ReportsPage';
import { Link, parseRoute, useLocation, type Route } from './router';

// The query editor is large (CodeMirror, graphql-js): its own chunk, loaded when opened.
const GraphiQLPage = lazy(() => import('./pages/GraphiQLPage'));

const NAV: Array<{ to: string; label: MessageKey; active: (r: Route) => boolean }> = [
  { to: '/', label: 'nav.overview', active: (r) => r.name === 'overview' },
  { to: '/fields', label: 'nav.fields', active: (r) => r.name === 'fields' || r.name === 'field' },
  { to: '/parties', label: 'nav.parties', active: (r) => r.name === 'parties' },
  { to: '/findings', label: 'nav.findings', active: (r) => r.name === 'findings' },
  { to: '/reports', label: 'nav.reports', active: (r) => r.name === 'reports' },
];

export function App() {
  const { t, lang, setLang } = useI18n();
  const location = useLocation();
  const route = parseRoute(location.pathname);
  const auth = useAuth();
  // Asked for by the user (anonymous reads still work), or needed (the API answered 401).
  const [askSignIn, setAskSignIn] = useState(false);
  useEffect(() => setAskSignIn(false), [auth.epoch]);
  const signingIn = auth.required || askSignIn;
  // The header names the policy the inventory models (shared with the overview's query).
  const overview = useQuery(DashboardOverviewDocument);
  const doc = overview.data?.policyDocuments[0];

  useEffect(() => {
    const page = NAV.find((n) => n.active(route));
    document.title = page ? `${t(page.label)} · FieldTrail` : 'FieldTrail';
  }, [route, t]);

  return (
    <div className="app">
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand" aria-label="FieldTrail">
            <img src="/favicon.svg" alt="" width={26} height={26} />
            <span className="brand-name">FieldTrail</span>
          </Link>
          <span className="brand-tagline">{t('app.tagline')}</span>
          <nav className="nav" aria-label="Main">
            {NAV.map((n) => (
              <Link key={n.to} to={n.to} className={`nav-link${n.active(route) ? ' active' : ''}`} aria-current={n.active(route) ? 'page' : undefined}>
                {t(n.label)}
              </Link>
            ))}
          </nav>
          <div className="topbar-right">
            {doc && (
              <span className="policy-pill" title={doc.titleEn ?? doc.title}>
                {lang === 'EN' && doc.titleEn ? doc.titleEn : doc.title} · {doc.updatedAt}
              </span>
            )}
            <Link to="/graphiql" className={`nav-link subtle${route.name === 'graphiql' ? ' active' : ''}`} aria-current={route.name === 'graphiql' ? 'page' : undefined}>
              {t('nav.api')}
            </Link>
            <AuthStatus onSignIn={() => setAskSignIn(true)} />
            <button
              type="button"
              className="lang-switch"
              data-testid="lang-switch"
              title={t('lang.switchTitle')}
              onClick={() => setLang(lang === 'ZH' ? 'EN' : 'ZH')}
            >
              {t('lang.switch')}
            </button>
          </div>
        </div>
      </header>
      <main className={`main${(route.name === 'field' || route.name === 'graphiql') && !signingIn ? ' main-wide' : ''}`}>
        {signingIn && <SignInPanel onCancel={auth.required ? undefined : () => setAskSignIn(false)} />}
        {!signingIn && route.name === 'overview' && <OverviewPage />}
        {!signingIn && route.name === 'fields' && <FieldsPage />}
        {!signingIn && route.name === 'field' && <FieldPage fieldKey={route.key} />}
        {!signingIn && route.name === 'parties' && <PartiesPage />}
        {!signingIn && route.name === 'findings' && <FindingsPage />}
        {!signingIn && route.name === 'reports' && <ReportsPage />}
        {!signingIn && route.name === 'graphiql' && (
          <Suspense fallback={<div className="card">GraphiQL…</div>}>
            <GraphiQLPage />
          </Suspense>
        )}
        {!signingIn && route.name === 'not-found' && (
          <div className="card empty-page">
            <h1>{t('notFound.title')}</h1>
            <p>{t('notFound.body')}</p>
            <Link to="/" className="btn">{t('notFound.back')}</Link>
          </div>
        )}
      </main>
      <footer className="footer">
        FieldTrail · <a href="/graphql">/graphql</a>
      </footer>
    </div>
  );
}
