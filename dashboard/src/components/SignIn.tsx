/**
 * Signing in: the panel that asks for an API key or SSO token when the API answers 401, and the
 * header's "who is signed in" with sign-out. The key is checked against the API before it is
 * kept; it is never shown again, logged or put into a URL.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { GraphQLRequestError, requestWith } from '../api';
import { describeToken, signIn, signOut, useAuth } from '../auth';
import { AuthCheckDocument } from '../generated/graphql';
import { useI18n } from '../i18n';

/** `text in backticks` as code. */
function withCode(text: string): ReactNode[] {
  return text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));
}

/** What people paste: the bare key, or a whole header value. */
function cleanToken(raw: string): string {
  return raw.trim().replace(/^authorization:\s*/i, '').replace(/^bearer\s+/i, '').trim();
}

export function SignInPanel({ onCancel }: { onCancel?: () => void }) {
  const { t } = useI18n();
  const auth = useAuth();
  const [value, setValue] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refused = error ?? (auth.refused ? t('auth.refused', { reason: auth.refused }) : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const token = cleanToken(value);
    if (!token) return;
    setChecking(true);
    setError(null);
    try {
      await requestWith(token, AuthCheckDocument);
      setValue('');
      signIn(token);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      setError(err instanceof GraphQLRequestError && err.unauthenticated ? t('auth.refused', { reason }) : reason);
    } finally {
      setChecking(false);
    }
  };

  return (
    <div className="signin-wrap">
      <form className="card signin" onSubmit={(e) => void submit(e)} data-testid="sign-in-panel" aria-labelledby="signin-title">
        <svg className="signin-icon" viewBox="0 0 24 24" width="30" height="30" aria-hidden="true">
          <rect x="4.5" y="10.5" width="15" height="10" rx="2" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <circle cx="12" cy="15.5" r="1.6" fill="currentColor" />
        </svg>
        <h1 id="signin-title">{t('auth.title')}</h1>
        <p className="muted">{t('auth.body')}</p>
        {refused && (
          <div className="banner banner-warning" role="alert" data-testid="sign-in-error">
            <span className="banner-icon" aria-hidden="true">⚠</span>
            <span>{refused}</span>
          </div>
        )}
        <label className="signin-field">
          <span>{t('auth.label')}</span>
          <input
            type="password"
            name="fieldtrail-token"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder={t('auth.placeholder')}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            autoFocus
            data-testid="sign-in-token"
          />
        </label>
        <div className="signin-actions">
          {onCancel && (
            <button type="button" className="btn btn-ghost" onClick={onCancel}>
              {t('auth.cancel')}
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={checking || !cleanToken(value)} data-testid="sign-in-submit">
            {checking ? t('auth.checking') : t('auth.submit')}
          </button>
        </div>
        <p className="muted small">{withCode(t('auth.keyHint'))}</p>
        <p className="muted small">{t('auth.storage')}</p>
      </form>
    </div>
  );
}

/** The header's part: who is signed in and sign-out, or a way to sign in. */
export function AuthStatus({ onSignIn }: { onSignIn: () => void }) {
  const { t, lang } = useI18n();
  const auth = useAuth();
  if (!auth.token) {
    if (auth.required) return null;
    return (
      <button type="button" className="nav-link subtle link-button" onClick={onSignIn} data-testid="sign-in-open">
        {t('auth.signIn')}
      </button>
    );
  }
  const who = describeToken(auth.token);
  const label =
    who.kind === 'api-key' ? t('auth.apiKey', { id: who.id }) : who.kind === 'sso' ? (who.subject ? t('auth.sso', { subject: who.subject }) : t('auth.ssoUnnamed')) : t('auth.token');
  const until =
    who.kind === 'sso' && who.expiresAt ? t('auth.until', { time: who.expiresAt.toLocaleTimeString(lang === 'ZH' ? 'zh-CN' : 'en', { hour: '2-digit', minute: '2-digit' }) }) : null;
  return (
    <span className="user" title={t('auth.roleNote')}>
      <span className="user-pill" data-testid="signed-in-as">
        <span className="user-dot" aria-hidden="true" />
        {label}
        {until && <span className="user-until">· {until}</span>}
      </span>
      <button type="button" className="nav-link subtle link-button" onClick={signOut} data-testid="sign-out">
        {t('auth.signOut')}
      </button>
    </span>
  );
}
