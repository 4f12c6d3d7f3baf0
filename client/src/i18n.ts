/** Every string the UI shows, Chinese first. */
import { create } from 'zustand';

export type Lang = 'zh' | 'en';

const CATALOG = {
  appTitle: { zh: '应急预案指挥调度台', en: 'Emergency-Plan Operations Console' },
  plans: { zh: '预案', en: 'Plans' },
  docNumber: { zh: '文号', en: 'Document' },
  issuer: { zh: '发布机关', en: 'Issued by' },
  levels: { zh: '级别（由低到高）', en: 'Levels (lowest first)' },
  noColour: { zh: '预案未规定颜色', en: 'no colour in the plan' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  loadFailed: { zh: '加载失败', en: 'Could not load' },
  toggle: { zh: 'English', en: '中文' },
  demoBanner: {
    zh: '演示模式：账号 admin、duty、director、commander、leader 及各成员单位编号，密码均为 demo；数据仅供演练',
    en: 'Demo mode: accounts admin, duty, director, commander, leader and each member unit’s id, all with the password demo; for drills only',
  },
} as const;

export type MessageKey = keyof typeof CATALOG;

interface LangState {
  lang: Lang;
  toggle: () => void;
}

export const useLang = create<LangState>((set) => ({
  lang: 'zh',
  toggle: () => set((s) => ({ lang: s.lang === 'zh' ? 'en' : 'zh' })),
}));

export function useT() {
  const lang = useLang((s) => s.lang);
  return (key: MessageKey) => CATALOG[key][lang];
}
