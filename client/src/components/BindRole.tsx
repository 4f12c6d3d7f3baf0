/**
 * Who holds each role the plan names for this incident (事故发生地区县政府, 相关村（社区）, 事故发生单位…), and a
 * form to bind it: to a member unit the plan lists, or to an outside party by name and phone (a village only
 * from 博山区's official list). Until a role is bound its tasks reach no one, and the page says so.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { call } from '../live/page.ts';
import { errorText } from '../live/call.ts';
import { type T, useLang, useT } from '../i18n.ts';
import type { Lang } from '../../../shared/engine/text.ts';
import type { Answers, Inputs, RoleView } from '../../../shared/protocol/contract.ts';
import { ErrorText } from './common.tsx';

type Divisions = Answers['divisions'];
/** A binding as the contract takes it: a member unit, or an outside party */
type BindTo = Inputs['bind']['to'];

let divisionsLoad: Promise<Divisions> | null = null;
/** The official list, fetched once per page load and only when a village is being bound. */
const loadDivisions = () => {
  divisionsLoad ??= call('divisions', {}).catch((e: unknown) => {
    divisionsLoad = null;
    throw e;
  });
  return divisionsLoad;
};

function holderText(role: RoleView, lang: Lang, t: T): string | null {
  const h = role.holder;
  if (!h) return null;
  return 'unitId' in h
    ? lang === 'zh'
      ? h.name
      : h.en
    : `${h.party.name}${t('paren', { text: h.party.phone })}`;
}

function BindForm({ role, onBind }: { role: RoleView; onBind: (to: BindTo) => Promise<void> }) {
  const t = useT();
  const lang = useLang();
  const [mode, setMode] = useState<'member' | 'party'>(role.bindsTo.length > 0 ? 'member' : 'party');
  const [unitId, setUnitId] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [divisions, setDivisions] = useState<Divisions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const village = role.party === 'village';
  useEffect(() => {
    if (village && mode === 'party')
      loadDivisions().then(setDivisions, (e: unknown) => setError(errorText(e, lang)));
  }, [village, mode, lang]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const kind = role.party;
      await onBind(
        mode === 'member' || !kind
          ? { unitId }
          : {
              party: {
                kind,
                name: village ? name || code : name,
                phone,
                ...(code ? { code } : {}),
              },
            },
      );
      setUnitId('');
      setName('');
      setPhone('');
      setCode('');
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  const ready =
    mode === 'member' ? unitId !== '' : phone.trim() !== '' && (village ? code !== '' : name.trim() !== '');
  return (
    <form
      className="bind-form"
      onSubmit={(e) => void submit(e)}
      aria-label={`${t('bind')} ${lang === 'zh' ? role.name : role.en}`}
    >
      {role.bindsTo.length > 0 && role.party && (
        <div className="row">
          <label className="inline">
            <input type="radio" checked={mode === 'member'} onChange={() => setMode('member')} />{' '}
            {t('bindMember')}
          </label>
          <label className="inline">
            <input type="radio" checked={mode === 'party'} onChange={() => setMode('party')} />{' '}
            {t('bindParty')}
            {t('paren', { text: t(`party_${role.party}`) })}
          </label>
        </div>
      )}
      {mode === 'member' ? (
        <select name="unitId" value={unitId} onChange={(e) => setUnitId(e.target.value)} required>
          <option value="">{t('chooseUnit')}</option>
          {role.bindsTo.map((u) => (
            <option key={u.id} value={u.id}>
              {lang === 'zh' ? u.name : u.en}
            </option>
          ))}
        </select>
      ) : (
        <>
          {village ? (
            <label>
              {t('chooseVillage')}
              <select name="village" value={code} onChange={(e) => setCode(e.target.value)} required>
                <option value="">{t('chooseVillage')}</option>
                {divisions?.towns.map((town) => (
                  <optgroup key={town.code} label={town.name}>
                    {divisions.villages
                      .filter((v) => v.town === town.code)
                      .map((v) => (
                        <option key={v.code} value={v.code}>
                          {v.name}
                          {t('paren', { text: v.code })}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </label>
          ) : (
            <label>
              {t('partyName')}
              {t('paren', { text: t(`party_${role.party ?? 'enterprise'}`) })}
              <input
                name="partyName"
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={100}
                required
              />
            </label>
          )}
          <label>
            {t('partyPhone')}
            <input
              name="partyPhone"
              inputMode="tel"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              maxLength={30}
              required
            />
          </label>
        </>
      )}
      {role.holder && role.openTasks > 0 && <p className="muted">{t('bindMoves', { n: role.openTasks })}</p>}
      <ErrorText error={error} />
      <button type="submit" className="secondary small" disabled={busy || !ready}>
        {role.holder ? t('rebind') : t('bind')}
      </button>
    </form>
  );
}

export function RoleBindings({
  roles,
  canBind,
  onBind,
}: {
  roles: RoleView[];
  canBind: boolean;
  onBind: (roleId: string, to: BindTo) => Promise<void>;
}) {
  const t = useT();
  const lang = useLang();
  if (roles.length === 0) return null;
  return (
    <ul className="roles">
      {roles.map((r) => {
        const holder = holderText(r, lang, t);
        return (
          <li key={r.id} data-role={r.id} data-bound={holder ? 'yes' : 'no'}>
            <strong>{t('colon', { label: lang === 'zh' ? r.name : r.en })}</strong>
            {holder ? (
              <>
                {holder} <span className="muted">{t('roleHeld', { n: r.openTasks })}</span>
              </>
            ) : (
              <span className={r.openTasks > 0 ? 'tag danger' : 'muted'}>
                {t('roleUnbound', { n: r.openTasks })}
              </span>
            )}
            {canBind && (
              // open where tasks wait for a holder; elsewhere one click away, so the page stays short
              <details open={!holder && r.openTasks > 0}>
                <summary>{holder ? t('rebind') : t('bind')}</summary>
                <BindForm role={r} onBind={(to) => onBind(r.id, to)} />
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
