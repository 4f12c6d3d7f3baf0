/**
 * The duty directory by plan and unit: the plans' own contacts (with clause and date, so an old name reads
 * as old), those an administrator added, `tel:` links, and a flag where no duty phone is known. An
 * administrator edits contacts and positions here; nothing is filled in that no one gave.
 */
import { type FormEvent, useEffect, useState } from 'react';
import type { DirectoryUnit } from '../../../shared/protocol/directory.ts';
import { errorText } from '../live/call.ts';
import { VirtualList } from '../components/VirtualList.tsx';
import { ErrorText } from '../components/common.tsx';
import { useLang, useT } from '../i18n.ts';
import { loadDirectory, saveDirectoryUnit } from '../live/directory.ts';
import { useConsole } from '../store/index.ts';

export const hasPhone = (u: DirectoryUnit) =>
  u.planContacts.some((c) => c.phone) || u.contacts.some((c) => c.phone);

export function Phone({ phone }: { phone: string }) {
  return <a href={`tel:${phone.replace(/[^0-9+]/g, '')}`}>{phone}</a>;
}

function EditUnit({ unit, onDone }: { unit: DirectoryUnit; onDone: () => void }) {
  const t = useT();
  const lang = useLang();
  const [contacts, setContacts] = useState(
    unit.contacts.map((c) => ({ label: c.label, phone: c.phone ?? '', person: c.person ?? '' })),
  );
  const admin = unit.position?.source === 'admin' ? unit.position : null;
  const [lat, setLat] = useState(admin ? String(admin.lat) : '');
  const [lng, setLng] = useState(admin ? String(admin.lng) : '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await saveDirectoryUnit(unit.unitId, {
        contacts: contacts.map((c) => ({
          label: c.label.trim(),
          ...(c.phone.trim() ? { phone: c.phone.trim() } : {}),
          ...(c.person.trim() ? { person: c.person.trim() } : {}),
        })),
        position: lat.trim() && lng.trim() ? { lat: Number(lat), lng: Number(lng) } : null,
      });
      onDone();
    } catch (err) {
      setError(errorText(err, lang));
    }
  };
  const set = (i: number, k: 'label' | 'phone' | 'person', v: string) =>
    setContacts((cs) => cs.map((c, j) => (j === i ? { ...c, [k]: v } : c)));
  return (
    <form className="edit-unit" onSubmit={(e) => void submit(e)}>
      {contacts.map((c, i) => (
        <div className="row" key={i}>
          <label>
            {t('label')}
            <input
              value={c.label}
              onChange={(e) => set(i, 'label', e.target.value)}
              required
              maxLength={100}
            />
          </label>
          <label>
            {t('phone')}
            <input
              value={c.phone}
              onChange={(e) => set(i, 'phone', e.target.value)}
              inputMode="tel"
              maxLength={30}
            />
          </label>
          <label>
            {t('person')}
            <input value={c.person} onChange={(e) => set(i, 'person', e.target.value)} maxLength={50} />
          </label>
          <button
            type="button"
            className="secondary"
            onClick={() => setContacts((cs) => cs.filter((_, j) => j !== i))}
          >
            {t('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => setContacts((cs) => [...cs, { label: '', phone: '', person: '' }])}
      >
        {t('addContact')}
      </button>
      <div className="row">
        <label>
          {t('latitude')}
          <input value={lat} onChange={(e) => setLat(e.target.value)} inputMode="decimal" />
        </label>
        <label>
          {t('longitude')}
          <input value={lng} onChange={(e) => setLng(e.target.value)} inputMode="decimal" />
        </label>
      </div>
      <ErrorText error={error} />
      <button type="submit">{t('save')}</button>
      <button type="button" className="secondary" onClick={onDone}>
        {t('cancel')}
      </button>
    </form>
  );
}

export function ContactLines({ unit }: { unit: DirectoryUnit }) {
  const t = useT();
  return (
    <ul className="contacts">
      {unit.planContacts.map((c, i) => (
        <li key={`p${i}`}>
          {c.label}
          {c.person ? ` ${c.person}` : ''}
          {c.post ? t('paren', { text: c.post }) : ''} {c.phone && <Phone phone={c.phone} />}{' '}
          <span className="muted">{t('planContact', { clause: c.clause, asOf: c.asOf })}</span>
        </li>
      ))}
      {unit.contacts.map((c, i) => (
        <li key={`a${i}`}>
          {c.label}
          {c.person ? ` ${c.person}` : ''} {c.phone && <Phone phone={c.phone} />}{' '}
          <span className="muted">{t('adminContact')}</span>
        </li>
      ))}
      {!hasPhone(unit) && <li className="flag">{t('noPhone')}</li>}
    </ul>
  );
}

export default function Contacts() {
  const t = useT();
  const lang = useLang();
  const plans = useConsole((s) => s.plans);
  const units = useConsole((s) => s.directory);
  const isAdmin = useConsole((s) => s.user?.role === 'admin');
  const [planId, setPlanId] = useState('');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadDirectory().catch((e) => setError(errorText(e, lang)));
  }, [lang]);
  const q = query.trim().toLowerCase();
  const shown = (units ?? []).filter(
    (u) =>
      (!planId || u.plans.some((p) => p.planId === planId)) &&
      (!q || u.name.toLowerCase().includes(q) || u.en.toLowerCase().includes(q) || u.unitId.includes(q)),
  );
  return (
    <section aria-labelledby="contacts-title">
      <h1 id="contacts-title">{t('navContacts')}</h1>
      <div className="toolbar">
        <label>
          {t('plan')}
          <select value={planId} onChange={(e) => setPlanId(e.target.value)}>
            <option value="">{t('allPlans')}</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title[lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('search')}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
      </div>
      <ErrorText error={error} />
      {units === null ? (
        <p>{t('loading')}</p>
      ) : (
        <VirtualList
          items={shown}
          estimate={110}
          label={t('navContacts')}
          rowKey={(u) => u.unitId}
          render={(u) => (
            <div className="dir-row" data-unit={u.unitId}>
              <div>
                <strong>{lang === 'zh' ? u.name : u.en}</strong>{' '}
                <span className="muted">
                  {u.plans
                    .map((p) => plans.find((x) => x.id === p.planId)?.title[lang] ?? p.planId)
                    .join(t('partSep'))}
                </span>
              </div>
              <ContactLines unit={u} />
              <p className="muted">
                {t('colon', { label: t('position') })}
                {u.position
                  ? `${u.position.lat.toFixed(4)}, ${u.position.lng.toFixed(4)}${u.position.approximate ? t('paren', { text: t('approximate') }) : ''}`
                  : t('noPosition')}
              </p>
              {isAdmin &&
                (editing === u.unitId ? (
                  <EditUnit unit={u} onDone={() => setEditing(null)} />
                ) : (
                  <button type="button" className="secondary small" onClick={() => setEditing(u.unitId)}>
                    {t('edit')}
                  </button>
                ))}
            </div>
          )}
        />
      )}
    </section>
  );
}
