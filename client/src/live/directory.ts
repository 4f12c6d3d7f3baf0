/** The duty directory: loaded when a screen needs it, saved by an administrator. */
import type { DirectoryBody, DirectoryUnit } from '../../../shared/protocol/directory.ts';
import { call } from './page.ts';
import { useConsole } from '../store/index.ts';

export async function loadDirectory(): Promise<void> {
  const { units } = await call('directory', {});
  useConsole.getState().setDirectory(units);
}

export async function saveDirectoryUnit(unitId: string, body: DirectoryBody): Promise<DirectoryUnit> {
  const unit = await call('saveDirectoryUnit', { ...body, unitId });
  useConsole.getState().setDirectoryUnit(unit);
  return unit;
}

/** The body that keeps a unit's entry as it is, with some part changed. */
export const entryOf = (u: DirectoryUnit): DirectoryBody => ({
  contacts: u.contacts,
  position: u.position && u.position.source === 'admin' ? { lat: u.position.lat, lng: u.position.lng } : null,
});
