/**
 * What the login screen shares with the console's frame: the demo banner and the language button. Apart
 * from Layout, so that the login screen loads nothing of the console.
 */
import { useT } from '../i18n.ts';
import { useConsole } from '../store/index.ts';

export function DemoBanner() {
  const t = useT();
  const demo = useConsole((s) => s.demo);
  // a phone shows the short form (styles.css), so the banner takes a line or two, not a quarter of the screen
  return demo ? (
    <div role="note" className="demo-banner">
      <span className="demo-long">{t('demoBanner')}</span>
      <span className="demo-short">{t('demoBannerShort')}</span>
    </div>
  ) : null;
}

export function LangToggle() {
  const t = useT();
  const toggle = useConsole((s) => s.toggleLang);
  return (
    <button
      type="button"
      className="secondary"
      onClick={toggle}
      lang={t('toggle') === 'English' ? 'en' : 'zh-CN'}
    >
      {t('toggle')}
    </button>
  );
}
