/**
 * One line of the timeline for one fact, in the user's language, with the plan's own names: people by name
 * and post (职务), tasks by their title, outside parties by name. What is not known is shown as it is (the
 * account id, the task's id) or said to be missing; nothing is made up.
 */
import type { IncidentEvent } from '../../../shared/engine/incident.ts';
import { parseTaskId } from '../../../shared/engine/taskId.ts';
import type { Person } from '../../../shared/protocol/people.ts';
import { translate } from '../i18n.ts';
import { formatDateTime } from './time.ts';
import type { Lang } from '../../../shared/engine/text.ts';
import type { PlanSummary } from '../../../shared/protocol/contract.ts';

/** The accounts' names and posts by account id (GET /api/people). */
export type People = ReadonlyMap<string, Person>;

/** The plan summary with the titles of its actions and clocks by id (GET /api/plans). */

/** The unit part of a task id ("action@unit[@day]"). */
export const taskUnit = (id: string) => parseTaskId(id).unitId;
/** The action or clock part of a task id ("action@unit[@day]"). */
export const taskSource = (id: string) => parseTaskId(id).source;

/**
 * A person as the record names them: "姓名（职务）" / "Name (post)". A missing name or post is said to be
 * missing (the account id stands in for a missing name); an account the list does not hold shows its id.
 * A demo account's name already holds its post ("值班员（演示账号）"): the post is not said twice.
 */
export function personLabel(id: string, people: People | undefined, lang: Lang): string {
  const p = people?.get(id);
  if (!p) return id;
  const { name, post } = p;
  if (name && post) return name.includes(post) ? name : translate(lang, 'person_full', { name, post });
  if (name) return translate(lang, 'person_noPost', { name });
  if (post) return translate(lang, 'person_noName', { id, post });
  return translate(lang, 'person_none', { id });
}

export function describeFact(
  e: IncidentEvent,
  plan: PlanSummary | undefined,
  lang: Lang,
  people?: People,
): string {
  const titles = plan?.taskTitles;
  const level = (id: string | null) => {
    const l = plan?.levels.find((x) => x.id === id);
    return l ? l.name[lang] : (id ?? '');
  };
  const unit = (id: string) => {
    const u = plan?.units.find((x) => x.id === id);
    return u ? (lang === 'zh' ? u.name : u.en) : id;
  };
  const who = (id: string) => personLabel(id, people, lang);
  const task = (taskId: string) => {
    const source = taskSource(taskId);
    return titles?.[source]?.[lang] ?? source;
  };
  const signer = (s: 'director' | 'commander') => translate(lang, `signer_${s}`);
  /**
   * Who did something to a task: its unit, then the person, unless the person is the unit's own account
   * under the unit's name (a demo unit account); for an outside party, the staff member who recorded it for
   * the party ("值班员 X 代 某某村").
   */
  const taskActor = (taskId: string, by: string, onBehalfOf: string | undefined) => {
    if (onBehalfOf !== undefined) return translate(lang, 'tl_onBehalfOf', { by: who(by), party: onBehalfOf });
    const ownerId = taskUnit(taskId);
    const person = people?.get(by);
    const planName = plan?.units.find((x) => x.id === ownerId)?.name;
    const self = person ? person.unitId === ownerId && person.name === planName : by === ownerId;
    return self ? unit(ownerId) : translate(lang, 'tl_unitBy', { unit: unit(ownerId), by: who(by) });
  };
  switch (e.type) {
    case 'IncidentOpened':
      return translate(lang, 'fact_IncidentOpened', { title: e.title });
    case 'LevelProposed':
      return translate(lang, 'fact_LevelProposed', {
        by: who(e.by),
        level: level(e.levelId),
        signer: signer(e.signer),
      });
    case 'TerminationProposed':
      return translate(lang, 'fact_TerminationProposed', { by: who(e.by), signer: signer(e.signer) });
    case 'ProposalRejected':
      return translate(lang, 'fact_ProposalRejected', { by: who(e.by), reason: e.reason });
    case 'LevelSet':
      return translate(lang, 'fact_LevelSet', { level: level(e.levelId), by: who(e.signedBy ?? e.by) });
    case 'Terminated':
      return translate(lang, 'fact_Terminated', { by: who(e.signedBy ?? e.by) });
    case 'MilestoneRecorded': {
      // the milestone's own time when it is not the line's (05:10 on a line of 06:21); one nobody gave is
      // said to be missing, not passed off as known
      const milestone = translate(lang, `ms_${e.milestone}`);
      if (e.assumed || e.learnt)
        return translate(lang, e.assumed ? 'fact_MilestoneAssumed' : 'fact_MilestoneLearnt', {
          milestone,
          time: formatDateTime(e.time, lang),
        });
      const sameMinute = Math.floor(e.time / 60_000) === Math.floor(e.at / 60_000);
      return translate(lang, 'fact_MilestoneRecorded', {
        milestone,
        time: sameMinute ? '' : formatDateTime(e.time, lang),
      }).trimEnd();
    }
    case 'TasksAssigned':
      return translate(lang, 'fact_TasksAssigned', { n: e.tasks.length });
    case 'TasksStoodDown':
      return translate(lang, 'fact_TasksStoodDown', { n: e.taskIds.length });
    case 'TaskAcknowledged':
      return translate(lang, 'tl_TaskAcknowledged', {
        who: taskActor(e.taskId, e.by, e.onBehalfOf),
        task: task(e.taskId),
      });
    case 'TaskReported': {
      // a report may be only a file (its note is empty): the file is named, after the note when there is one
      const actor = taskActor(e.taskId, e.by, e.onBehalfOf);
      const file = e.attachment?.name;
      if (file !== undefined && e.note.trim() === '')
        return translate(lang, e.done ? 'tl_TaskDoneFile' : 'tl_TaskReportedFile', {
          who: actor,
          task: task(e.taskId),
          name: file,
        });
      return translate(lang, e.done ? 'tl_TaskDone' : 'tl_TaskReported', {
        who: actor,
        task: task(e.taskId),
        note: file === undefined ? e.note : e.note + translate(lang, 'tl_attached', { name: file }),
      });
    }
    case 'ReviewWritten':
      return translate(lang, 'tl_ReviewWritten', {
        by: who(e.by),
        section: translate(lang, `review_${e.section}`),
      });
    case 'ReviewSigned':
      return translate(lang, 'tl_ReviewSigned', { by: who(e.by) });
    case 'TaskOverdue':
      return translate(lang, 'tl_TaskOverdue', { unit: unit(taskUnit(e.taskId)), task: task(e.taskId) });
    case 'ReadingsAssessed':
      return e.recommended === null
        ? translate(lang, 'tl_ReadingsAssessedNone')
        : translate(lang, 'tl_ReadingsAssessed', { level: level(e.recommended) });
    case 'ProposalWithdrawn':
      return e.reason.trim()
        ? translate(lang, 'tl_ProposalWithdrawnWhy', { by: who(e.by), reason: e.reason.trim() })
        : translate(lang, 'fact_ProposalWithdrawn', { by: who(e.by) });
    case 'RoleBound':
      return translate(lang, 'fact_RoleBound', {
        role: unit(e.role),
        holder:
          'unitId' in e.to
            ? unit(e.to.unitId)
            : translate(lang, 'tl_party', {
                name: e.to.party.name,
                kind: translate(lang, `party_${e.to.party.kind}`),
              }),
        by: who(e.by),
      });
    case 'TasksMoved': {
      const holders = [...new Set(e.moves.map((m) => unit(m.to.unitId)))];
      return holders.length === 0
        ? translate(lang, 'fact_TasksMoved', { n: 0 })
        : translate(lang, 'tl_TasksMoved', {
            n: e.moves.length,
            holder: holders.join(translate(lang, 'tl_listSep')),
          });
    }
  }
}
