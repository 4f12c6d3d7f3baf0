/** Login; the demo banner says which accounts exist when the server runs in demo mode. */
import { type FormEvent, useState } from 'react';
import { call } from '../live/page.ts';
import { errorText } from '../live/call.ts';
import { DemoBanner, LangToggle } from '../components/Chrome.tsx';
import { ErrorText } from '../components/common.tsx';
import { useLang, useT } from '../i18n.ts';
import { useConsole } from '../store/index.ts';

export function Login() {
  const t = useT();
  const lang = useLang();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ended = useConsole((s) => s.ended);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await call('login', { username, password });
      useConsole.getState().setSession(r.user, r.demo);
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="login-page">
      <DemoBanner />
      <form className="login" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title">{t('appTitle')}</h1>
        {ended && ended !== 'logout' && (
          <p className="notice" role="status">
            {t(`ended_${ended}`)}
          </p>
        )}
        <label>
          {t('username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            autoFocus
          />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <ErrorText error={error} />
        <button type="submit" disabled={busy}>
          {t('loginButton')}
        </button>
        <LangToggle />
      </form>
    </div>
  );
}
