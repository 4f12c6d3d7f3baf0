/** The duty directory, the basemap and the map's configuration. Only an administrator edits the directory. */
import { apiPath } from '../../shared/protocol/contract.ts';
import { Router } from 'express';
import { DirectoryBody } from '../../shared/protocol/directory.ts';
import type { Directory } from '../directory.ts';
import { divisions } from '../divisions.ts';
import type { Gate } from '../live/gate.ts';
import { BASEMAP_SOURCE, basemapJson } from '../map/basemap.ts';
import { requireUser } from './auth.ts';
import { HttpError } from './errors.ts';
import { sendReply } from './reply.ts';
import { parseBody, pathParam } from './validate.ts';

export interface MapConfig {
  /** a tile server on the intranet, or 天地图 with its key; null keeps the offline vector basemap */
  tileUrl: string | null;
  tileAttribution: string | null;
}

export function directoryRoutes(directory: Directory, map: MapConfig, gate: Gate, now: () => number): Router {
  const r = Router();
  r.get(apiPath('directory'), async (req, res) => {
    requireUser(req);
    res.json({ units: await directory.list() });
  });
  r.put(apiPath('saveDirectoryUnit'), async (req, res) => {
    const user = requireUser(req);
    if (user.role !== 'admin')
      throw new HttpError(
        'FORBIDDEN',
        '只有管理员可以修改通讯录和位置',
        'Only an administrator edits the directory',
      );
    const limited = await gate.command(user.id);
    if (limited) return sendReply(res, limited);
    const unitId = pathParam(req, 'unitId');
    if (!directory.has(unitId))
      throw new HttpError('NOT_FOUND', `没有单位“${unitId}”`, `No unit "${unitId}"`);
    res.json(await directory.save(unitId, parseBody(DirectoryBody, req.body), user.id, now()));
  });
  /** 博山区's official towns and villages, for binding 相关村（社区） (server/divisions.ts) */
  r.get(apiPath('divisions'), (req, res) => {
    requireUser(req);
    res.setHeader('Cache-Control', 'private, max-age=86400');
    res.json(divisions());
  });
  r.get(apiPath('mapConfig'), (_req, res) => {
    res.json({ ...map, basemapSource: BASEMAP_SOURCE });
  });
  r.get(apiPath('basemap'), (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type('application/geo+json').send(basemapJson());
  });
  return r;
}
