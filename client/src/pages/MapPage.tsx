/**
 * The map (loaded on demand with Leaflet): Zibo's district boundaries as an offline vector basemap,
 * Boshan highlighted for the Boshan plans, the units of the selected incident coloured by their task
 * status, the incident's place and a legend. A tile server is used only when one is configured. Units
 * without a known position are listed beside the map, never placed at a guess; an administrator places
 * them by clicking the map.
 */
import 'leaflet/dist/leaflet.css';
import type { Feature } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { CircleMarker, GeoJSON, MapContainer, Popup, TileLayer, useMapEvents } from 'react-leaflet';
import { useSearchParams } from 'react-router';
import type { DirectoryUnit } from '../../../shared/protocol/directory.ts';
import { call } from '../live/page.ts';
import { errorText } from '../live/call.ts';
import { ErrorText } from '../components/common.tsx';
import { useLang, useT } from '../i18n.ts';
import { entryOf, loadDirectory, saveDirectoryUnit } from '../live/directory.ts';
import { useIncidentDetail } from '../live/views.ts';
import {
  STATUS_COLOUR,
  tasksByUnit,
  UNIT_STATUSES,
  type UnitStatus,
  unitStatus,
} from '../logic/unitStatus.ts';
import { useConsole } from '../store/index.ts';
import type { MapConfig, TaskView } from '../../../shared/protocol/contract.ts';
import { ContactLines } from './Contacts.tsx';
import { isLive } from './Dashboard.tsx';

const ZIBO_CENTRE: [number, number] = [36.65, 118.05];
/** The district plans (博山区…) are about Boshan: its polygon is drawn stronger for them. */
const BOSHAN_PLANS = new Set(['snow-ice', 'rural-water']);

function PlaceOnClick({ onPlace }: { onPlace: (lat: number, lng: number) => void }) {
  useMapEvents({ click: (e) => onPlace(e.latlng.lat, e.latlng.lng) });
  return null;
}

function Legend() {
  const t = useT();
  return (
    <div className="legend" aria-label={t('legend')}>
      <strong>{t('legend')}</strong>
      {UNIT_STATUSES.map((s) => (
        <span key={s}>
          <span className="dot" style={{ background: STATUS_COLOUR[s] }} aria-hidden="true" />{' '}
          {t(`unit_${s}`)}
        </span>
      ))}
      <span>
        <span className="dot dashed" aria-hidden="true" /> {t('approximate')}
      </span>
    </div>
  );
}

export default function MapPage() {
  const t = useT();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const incidents = useConsole((s) => s.incidents);
  const directory = useConsole((s) => s.directory);
  const isAdmin = useConsole((s) => s.user?.role === 'admin');
  const [config, setConfig] = useState<MapConfig | null>(null);
  const [basemap, setBasemap] = useState<GeoJSON.FeatureCollection | null>(null);
  const [placing, setPlacing] = useState<DirectoryUnit | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choices = Object.values(incidents).sort(
    (a, b) => Number(isLive(b)) - Number(isLive(a)) || b.openedAt - a.openedAt,
  );
  const incidentId = params.get('incident') ?? choices[0]?.id ?? '';
  const incident = incidents[incidentId];
  const [detail] = useIncidentDetail(incidentId);

  useEffect(() => {
    call('mapConfig', {}).then(setConfig, (e: unknown) => setError(errorText(e, lang)));
    call('basemap', {}).then(
      (b) => setBasemap(b as GeoJSON.FeatureCollection),
      (e: unknown) => setError(errorText(e, lang)),
    );
    loadDirectory().catch((e) => setError(errorText(e, lang)));
  }, [lang]);

  const byUnit = useMemo(() => tasksByUnit<TaskView>(detail?.tasks ?? []), [detail]);
  const status = (unitId: string): UnitStatus => unitStatus(byUnit.get(unitId) ?? []);
  const units = (directory ?? []).filter(
    (u) => !incident || u.plans.some((p) => p.planId === incident.planId),
  );
  const placed = units.filter((u) => u.position);
  const unplaced = units.filter((u) => !u.position);
  const boshanPlan = incident ? BOSHAN_PLANS.has(incident.planId) : false;
  const place = incident?.place;
  const placeUnit = place?.kind === 'unit' ? directory?.find((u) => u.unitId === place.unitId) : undefined;

  const styleFeature = (f?: Feature) => {
    const boshan = f?.properties?.name === '博山区';
    return boshanPlan && boshan
      ? { color: '#1e3a8a', weight: 3, fillColor: '#93c5fd', fillOpacity: 0.45 }
      : { color: '#475569', weight: 1.5, fillColor: '#e2e8f0', fillOpacity: boshanPlan ? 0.25 : 0.4 };
  };

  const onPlace = (lat: number, lng: number) => {
    if (!placing) return;
    const unit = placing;
    setPlacing(null);
    saveDirectoryUnit(unit.unitId, {
      ...entryOf(unit),
      position: { lat: Number(lat.toFixed(5)), lng: Number(lng.toFixed(5)) },
    }).catch((e) => setError(errorText(e, lang)));
  };

  return (
    <section aria-labelledby="map-title" className="map-page">
      <div className="toolbar">
        <h1 id="map-title">{t('navMap')}</h1>
        <label>
          {t('chooseIncident')}
          <select
            value={incidentId}
            onChange={(e) => setParams(e.target.value ? { incident: e.target.value } : {})}
          >
            {choices.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
                {t('paren', {
                  text: `${i.levelName?.[lang] ?? t('noLevel')}${t('commaSep')}${t(`status_${i.status}`)}`,
                })}
              </option>
            ))}
          </select>
        </label>
        {place && (
          <span>
            {t('colon', { label: t('incidentPlace') })}
            {place.kind === 'area'
              ? place.name
              : place.kind === 'unit'
                ? ((lang === 'zh' ? placeUnit?.name : placeUnit?.en) ?? place.unitId)
                : (place.label ?? `${place.lat}, ${place.lng}`)}
          </span>
        )}
      </div>
      <ErrorText error={error} />
      {placing && <p role="status">{t('clickMap', { unit: lang === 'zh' ? placing.name : placing.en })}</p>}
      <div className="map-layout">
        <div className="map-box">
          <MapContainer
            center={ZIBO_CENTRE}
            zoom={9}
            className="map"
            attributionControl={Boolean(config?.tileUrl)}
          >
            {config?.tileUrl && <TileLayer url={config.tileUrl} attribution={config.tileAttribution ?? ''} />}
            {basemap && <GeoJSON key={String(boshanPlan)} data={basemap} style={styleFeature} />}
            {placed.map((u) => {
              const s = status(u.unitId);
              const tasks = byUnit.get(u.unitId) ?? [];
              return (
                <CircleMarker
                  key={`${u.unitId}:${s}:${u.position!.lat}:${u.position!.lng}`}
                  center={[u.position!.lat, u.position!.lng]}
                  radius={u.unitId === placeUnit?.unitId ? 13 : 9}
                  pathOptions={{
                    color: '#111827',
                    weight: 2,
                    fillColor: STATUS_COLOUR[s],
                    fillOpacity: 0.9,
                    dashArray: u.position!.approximate ? '4 3' : undefined,
                  }}
                  // a creation option: Leaflet sets the class when it draws the path (the key redraws on change)
                  className={`unit-marker unit-${u.unitId} status-${s}`}
                >
                  <Popup>
                    <strong>{lang === 'zh' ? u.name : u.en}</strong> — {t(`unit_${s}`)}
                    {u.position!.approximate && <p className="muted">{t('approximate')}</p>}
                    <ul>
                      {tasks.map((task) => (
                        <li key={task.id}>
                          {t('colon', { label: lang === 'zh' ? task.title : task.titleEn })}
                          {t(`task_${task.status}`)}
                          {t('paren', { text: task.clause })}
                        </li>
                      ))}
                    </ul>
                    <ContactLines unit={u} />
                  </Popup>
                </CircleMarker>
              );
            })}
            {place?.kind === 'point' && (
              <CircleMarker
                center={[place.lat, place.lng]}
                radius={14}
                pathOptions={{ color: '#000', weight: 4, fillOpacity: 0 }}
                className="incident-place"
              >
                <Popup>{t('incidentPlace')}</Popup>
              </CircleMarker>
            )}
            {isAdmin && <PlaceOnClick onPlace={onPlace} />}
          </MapContainer>
          <Legend />
          <p className="muted">
            {config?.tileUrl
              ? config.tileAttribution
              : `${t('basemapNote')}${t('paren', { text: config?.basemapSource ?? '' })}`}
          </p>
        </div>
        <aside className="map-side" aria-label={t('units')}>
          <h2>{t('units')}</h2>
          <ul className="unit-status-list">
            {units.map((u) => {
              const s = status(u.unitId);
              return (
                <li key={u.unitId} data-unit={u.unitId} data-status={s}>
                  <span className="dot" style={{ background: STATUS_COLOUR[s] }} aria-hidden="true" />{' '}
                  {t('colon', { label: lang === 'zh' ? u.name : u.en })}
                  {t(`unit_${s}`)}
                  {!u.position && <span className="muted">{t('paren', { text: t('noPosition') })}</span>}
                  {u.position?.approximate && (
                    <span className="muted">{t('paren', { text: t('approximate') })}</span>
                  )}
                  {isAdmin && (
                    <button type="button" className="secondary small" onClick={() => setPlacing(u)}>
                      {t('setPosition')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          {unplaced.length > 0 && (
            <p className="muted">
              {t('colon', { label: t('unplaced') })}
              {unplaced.length}
            </p>
          )}
        </aside>
      </div>
    </section>
  );
}
