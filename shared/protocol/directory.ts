/** The duty directory: what an administrator may set for a unit, validated at the boundary. */
import { z } from 'zod';
import { singleLine } from './text.ts';

/** Labels and names are one line each, control and bidi characters removed (shared/protocol/text.ts). */
const text = singleLine;

export const DirectoryContact = z.strictObject({
  label: text(100),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+()\- ]{3,30}$/, '电话只能含数字、空格和 + ( ) - / digits, spaces and + ( ) - only')
    .optional(),
  person: text(50).optional(),
});

/** Zibo lies near 36–37.5°N, 117.5–118.7°E; a wider box still catches a swapped or mistyped pair. */
export const Position = z.strictObject({
  lat: z.number().min(34).max(39),
  lng: z.number().min(116).max(120),
});

export const DirectoryBody = z.strictObject({
  contacts: z.array(DirectoryContact).max(20),
  position: Position.nullable(),
});
export type DirectoryBody = z.infer<typeof DirectoryBody>;

export interface DirectoryUnit {
  unitId: string;
  name: string;
  en: string;
  kind: string;
  /** the plans that name the unit, with the name each plan gives it */
  plans: { planId: string; name: string }[];
  /** contacts the plans themselves give, each with its clause */
  planContacts: {
    planId: string;
    label: string;
    phone?: string;
    person?: string;
    post?: string;
    asOf: string;
    clause: string;
  }[];
  /** contacts an administrator added */
  contacts: z.infer<typeof DirectoryContact>[];
  /** null: no position is known. `approximate` when derived from the basemap rather than set by an admin */
  position: { lat: number; lng: number; approximate: boolean; source: 'admin' | 'basemap' } | null;
  updatedBy: string | null;
  updatedAt: number | null;
}
