/** One line of the timeline for one fact, in the user's language, with the plan's own names. */
import type { IncidentEvent } from '../../../shared/engine/incident.ts';
import { translate } from '../i18n.ts';
import type { Lang, PlanSummary } from '../types.ts';

/** The unit part of a task id ("action@unit[@day]"). */
export const taskUnit = (taskId: string) => taskId.split('@')[1] ?? '';

export function describeFact(e: IncidentEvent, plan: PlanSummary | undefined, lang: Lang): string {
  const level = (id: string | null) => {
    const l = plan?.levels.find((x) => x.id === id);
    return l ? l.name[lang] : (id ?? '');
  };
  const unit = (id: string) => {
    const u = plan?.units.find((x) => x.id === id);
    return u ? (lang === 'zh' ? u.name : u.en) : id;
  };
  const signer = (s: 'director' | 'commander') => translate(lang, `signer_${s}`);
  switch (e.type) {
    case 'IncidentOpened':
      return translate(lang, 'fact_IncidentOpened', { title: e.title });
    case 'LevelProposed':
      return translate(lang, 'fact_LevelProposed', {
        by: e.by,
        level: level(e.levelId),
        signer: signer(e.signer),
      });
    case 'TerminationProposed':
      return translate(lang, 'fact_TerminationProposed', { by: e.by, signer: signer(e.signer) });
    case 'ProposalRejected':
      return translate(lang, 'fact_ProposalRejected', { by: e.by, reason: e.reason });
    case 'LevelSet':
      return translate(lang, 'fact_LevelSet', { level: level(e.levelId), by: e.signedBy ?? e.by });
    case 'Terminated':
      return translate(lang, 'fact_Terminated', { by: e.signedBy ?? e.by });
    case 'MilestoneRecorded':
      return translate(lang, 'fact_MilestoneRecorded', { milestone: translate(lang, `ms_${e.milestone}`) });
    case 'TasksAssigned':
      return translate(lang, 'fact_TasksAssigned', { n: e.tasks.length });
    case 'TasksStoodDown':
      return translate(lang, 'fact_TasksStoodDown', { n: e.taskIds.length });
    case 'TaskAcknowledged':
      return translate(lang, 'fact_TaskAcknowledged', { unit: unit(taskUnit(e.taskId)) });
    case 'TaskReported':
      return translate(lang, 'fact_TaskReported', { unit: unit(taskUnit(e.taskId)), note: e.note });
    case 'TaskOverdue':
      return translate(lang, 'fact_TaskOverdue', { unit: unit(taskUnit(e.taskId)) });
  }
}
