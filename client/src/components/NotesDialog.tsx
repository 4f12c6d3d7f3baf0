/**
 * A task's whole progress history, newest first, a page at a time from GET /api/tasks/:taskId/notes: the
 * task views carry only the latest notes, so that no screen grows with the number of reports. A report's file
 * shows as its download link (a report may be only a file, with no text).
 */
import { useCallback, useEffect, useState } from 'react';
import { call } from '../live/page.ts';
import { errorText } from '../live/call.ts';
import { useLang, useT } from '../i18n.ts';
import { addPage, type NotesHeld, nextOffset } from '../logic/notes.ts';
import { formatDateTime } from '../logic/time.ts';
import type { TaskView } from '../../../shared/protocol/contract.ts';
import { AttachmentLink } from './AttachmentLink.tsx';
import { ErrorText } from './common.tsx';

const PAGE = 20;

export function NotesDialog({ task, onClose }: { task: TaskView; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const [held, setHeld] = useState<NotesHeld | null>(null);
  const [busy, setBusy] = useState(false);
  // kept as thrown and put in words when shown, so switching the language does not reload the history
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    async (offset: number) => {
      setBusy(true);
      setError(null);
      try {
        const page = await call('notes', { taskId: task.id, offset, limit: PAGE });
        setHeld((h) => addPage(offset === 0 ? null : h, page));
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [task.id],
  );
  useEffect(() => {
    void load(0);
  }, [load]);
  // Escape closes it wherever the focus is (the "load more" button that had it goes once all is loaded)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const next = held ? nextOffset(held) : null;
  return (
    <div className="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog notes-dialog" role="dialog" aria-modal="true" aria-labelledby="notes-title">
        <h2 id="notes-title">
          {t('notesTitle', { task: `${task.unit} · ${lang === 'zh' ? task.title : task.titleEn}` })}
        </h2>
        {held && (
          <p className="muted">
            {held.total === 0
              ? t('noNotes')
              : t('notesShown', { total: held.total, shown: held.notes.length })}
          </p>
        )}
        <ol className="notes-list">
          {held?.notes.map((n, i) => (
            <li key={i}>
              <span className="muted">
                {formatDateTime(n.at, lang)} · {n.by}
              </span>
              {n.text && <p>{n.text}</p>}
              {n.attachment && (
                <p className="attachments">
                  <AttachmentLink file={n.attachment} />
                </p>
              )}
            </li>
          ))}
        </ol>
        <ErrorText error={error === null ? null : errorText(error, lang)} />
        <div className="dialog-actions">
          {next !== null && (
            <button type="button" className="secondary" disabled={busy} onClick={() => void load(next)}>
              {t('loadMore')}
            </button>
          )}
          <button type="button" onClick={onClose} autoFocus>
            {t('close')}
          </button>
        </div>
      </div>
    </div>
  );
}
