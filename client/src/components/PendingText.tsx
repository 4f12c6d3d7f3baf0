/** What waits for a signature, in one sentence: the level (by the plan's name), the signer, who asked and why. */
import type { Pending } from '../../../shared/engine/incident.ts';
import { useLang, useT } from '../i18n.ts';
import { useConsole } from '../store/index.ts';

export function PendingText({ pending, planId }: { pending: Pending; planId: string }) {
  const t = useT();
  const lang = useLang();
  const level = useConsole((s) =>
    s.plans.find((p) => p.id === planId)?.levels.find((l) => l.id === pending.levelId),
  );
  const signer = t(`signer_${pending.signer}`);
  return pending.kind === 'terminate'
    ? t('pendingTerminate', { signer, by: pending.by, reason: pending.reason })
    : t('pendingBanner', {
        level: level?.name[lang] ?? pending.levelId ?? '',
        signer,
        by: pending.by,
        reason: pending.reason,
      });
}
