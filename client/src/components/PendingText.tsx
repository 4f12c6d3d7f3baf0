/** What waits for a signature, in one sentence: the level (by the plan's name), the signer, who asked and why. */
import type { Pending } from '../../../shared/engine/incident.ts';
import { useLang, useT } from '../i18n.ts';
import { usePeople } from '../live/people.ts';
import { personLabel } from '../logic/facts.ts';
import { useConsole } from '../store/index.ts';

export function PendingText({ pending, planId }: { pending: Pending; planId: string }) {
  const t = useT();
  const lang = useLang();
  const level = useConsole((s) =>
    s.plans.find((p) => p.id === planId)?.levels.find((l) => l.id === pending.levelId),
  );
  const people = usePeople();
  const signer = t(`signer_${pending.signer}`);
  const by = personLabel(pending.by, people, lang);
  // a proposal at the recommended level carries no reason: say nothing rather than "提出：）"
  const reason = pending.reason ? t('pendingReason', { reason: pending.reason }) : '';
  return pending.kind === 'terminate'
    ? t('pendingTerminate', { signer, by, reason })
    : t('pendingBanner', {
        level: level?.name[lang] ?? pending.levelId ?? '',
        signer,
        by,
        reason,
      });
}
