/**
 * 上传书面报告: a unit attaches the written report a task asks for (24小时内书面报告, 调查报告…) — a file it
 * chooses, or the report's text typed here (sent as text/plain and kept as a .txt file) — with an optional
 * note and 「报告完成」 when the report completes the task. Loaded on demand from the inbox's task card.
 *
 * The bytes go to POST /api/tasks/:taskId/attachments (server/http/attachments.ts) with the browser's own
 * cookie; XMLHttpRequest rather than fetch, because only it reports how much of the body has been sent
 * (fetch cannot follow an upload over HTTP/1.1), so a slow county link shows its progress. The request id
 * and the file name it was sent under are kept until the upload succeeds or the report changes: sending again
 * after a lost answer stores nothing twice. The answer's facts are folded at once, so the task shows the
 * attachment as a download link.
 */
import { type FormEvent, useRef, useState } from 'react';
import type { Lang } from '../../../shared/engine/text.ts';
import type { Answers } from '../../../shared/protocol/contract.ts';
import { ATTACHMENTS } from '../../../shared/protocol/limits.ts';
import { useLang } from '../i18n.ts';
import { newRequestId } from '../live/call.ts';
import { applyReply } from '../live/fold.ts';
import { requestFailed, requestSucceeded } from '../live/online.ts';
import { consoleStore } from '../store/index.ts';
import { sizeText } from './AttachmentLink.tsx';
import { ErrorText, ProgressBar } from './common.tsx';
import { type AttachT, useAttachT } from '../words/attachments.ts';

/** The header the server asks of an upload (no cross-site form can send it). */
const UPLOAD_HEADER = 'x-console-upload';
/** The server's bound on the note sent with a file (it travels in the address). */
const NOTE_MAX = 1_000;
/** The longest title of a typed report, which becomes its file name with ".txt". */
const TITLE_MAX = 100;

/** Each accepted extension and the type it is sent as (ATTACHMENTS.types, and .jpeg as a JPEG). */
const TYPE_OF: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(ATTACHMENTS.types).map(([type, ext]) => [ext, type])),
  jpeg: 'image/jpeg',
};
const ACCEPT = Object.keys(TYPE_OF)
  .map((e) => `.${e}`)
  .join(',');
const TYPES_IN_WORDS = [...new Set(Object.values(ATTACHMENTS.types))].map((e) => e.toUpperCase()).join(' ');

const count = (n: number, lang: Lang) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');

/** The Shanghai wall time as "20261124-1405", for the name of a typed report. */
const stamp = (ms: number) =>
  new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

/** A typed title as a file name: one line, no path separators or control characters. */
/**
 * A typed report's title as a file name the server keeps: no controls, separators, format characters
 * (zero-width, BOM, bidi) or noncharacters, one space between words, and never a program's extension at the
 * end (the server refuses `报告.js.txt`).
 */
const asFileName = (title: string) =>
  title
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029/\\]+/g, ' ')
    .replace(/[\p{Cf}\uFDD0-\uFDEF\uFFFE\uFFFF]+/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/\.(?:exe|dll|com|bat|cmd|js|vbs|ps1|scr|msi|jar)$/i, '');

/** A message in the language chosen when it is shown. */
type Said = (t: AttachT, lang: Lang) => string;

interface Sent {
  status: number;
  json: unknown;
}

/** One upload with its progress; status 0 when no answer came (offline, or the server is restarting). */
function send(
  url: string,
  body: Blob,
  type: string,
  onProgress: (sent: number, total: number) => void,
): Promise<Sent> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true; // same origin: the session cookie goes with it anyway
    xhr.setRequestHeader('content-type', type);
    xhr.setRequestHeader(UPLOAD_HEADER, '1');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.onload = () => {
      let json: unknown;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        json = null; // a proxy's error page
      }
      resolve({ status: xhr.status, json });
    };
    xhr.onerror = () => resolve({ status: 0, json: null });
    xhr.ontimeout = () => resolve({ status: 0, json: null });
    xhr.send(body);
  });
}

const serverMessage = (json: unknown, lang: Lang): string | null => {
  const m = (json as { error?: { message?: Record<Lang, unknown> } } | null)?.error?.message?.[lang];
  return typeof m === 'string' ? m : null;
};

export default function AttachReport({
  taskId,
  onUploaded,
  onCancel,
}: {
  taskId: string;
  /** the upload is committed and its facts folded: the task now shows the file */
  onUploaded: (name: string) => void;
  onCancel: () => void;
}) {
  const t = useAttachT();
  const lang = useLang();
  const [mode, setMode] = useState<'file' | 'text'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  // what went wrong, said again in whichever language is chosen later
  const [error, setError] = useState<Said | null>(null);
  // one request id per report: kept across a retry after a lost answer, renewed when the report changes.
  // The file name is fixed with it: the server's idempotency fingerprint includes the name, and a typed
  // report without a title is named by the minute and the language, so naming it anew on a retry would make
  // the same request id a different command (409 "requestId already used…" on every retry).
  const sending = useRef<{ requestId: string; name: string } | null>(null);
  const changed = () => {
    sending.current = null;
    setError(null);
  };
  const max = sizeText(ATTACHMENTS.maxBytes, t);
  const types = TYPES_IN_WORDS;

  /** What would be sent, or why it cannot be. */
  const prepare = (): { body: Blob; name: string; type: string } | { problem: Said } => {
    if (mode === 'file') {
      if (!file) return { problem: (t) => t('at_noFile') };
      const ext = file.name.includes('.')
        ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase()
        : '';
      const type = TYPE_OF[ext];
      if (!type) return { problem: (t) => t('at_badType', { name: file.name, types }) };
      if (file.size === 0) return { problem: (t) => t('at_empty') };
      if (file.size > ATTACHMENTS.maxBytes)
        return {
          problem: (t) =>
            t('at_tooLarge', { size: sizeText(file.size, t), max: sizeText(ATTACHMENTS.maxBytes, t) }),
        };
      return { body: file, name: file.name, type };
    }
    const body = text.trim();
    if (body === '') return { problem: (t) => t('at_noText') };
    if (body.length > ATTACHMENTS.maxTextChars)
      return {
        problem: (t, lang) =>
          t('at_tooLong', { n: count(body.length, lang), max: count(ATTACHMENTS.maxTextChars, lang) }),
      };
    const base = asFileName(title) || `${t('at_defaultName')}-${stamp(Date.now())}`;
    return {
      body: new Blob([body], { type: 'text/plain;charset=utf-8' }),
      name: `${base}.txt`,
      type: 'text/plain; charset=utf-8',
    };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (progress) return;
    setError(null);
    const prepared = prepare();
    if ('problem' in prepared) return setError(() => prepared.problem);
    const { requestId, name } = (sending.current ??= { requestId: newRequestId(), name: prepared.name });
    const query = new URLSearchParams({
      name,
      requestId,
      done: String(done),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setProgress({ sent: 0, total: prepared.body.size });
    const answer = await send(
      `/api/tasks/${encodeURIComponent(taskId)}/attachments?${query}`,
      prepared.body,
      prepared.type,
      (sent, total) => setProgress({ sent, total }),
    );
    setProgress(null);
    // a gateway or a restarting server answers without our error shape: as good as no answer
    const reached =
      answer.status !== 0 && !(answer.status >= 502 && serverMessage(answer.json, lang) === null);
    if (reached) requestSucceeded();
    else requestFailed();
    const offline: Said = (t) => t('at_offline');
    if (!reached) return setError(() => offline);
    const failed: Said = (t, lang) =>
      t('at_failed', { message: serverMessage(answer.json, lang) ?? `HTTP ${answer.status}` });
    if (answer.status !== 200) return setError(() => failed);
    applyReply(consoleStore, (answer.json as Answers['attach']).facts ?? []);
    sending.current = null;
    onUploaded(name);
  };

  const busy = progress !== null;
  const pct = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <form className="attach-report" onSubmit={(e) => void submit(e)} aria-label={t('at_attach')}>
      <fieldset disabled={busy}>
        <legend>{t('at_attach')}</legend>
        <div className="row" role="radiogroup">
          <label className="inline">
            <input
              type="radio"
              name={`attach-mode-${taskId}`}
              checked={mode === 'file'}
              onChange={() => {
                setMode('file');
                changed();
              }}
            />{' '}
            {t('at_modeFile')}
          </label>
          <label className="inline">
            <input
              type="radio"
              name={`attach-mode-${taskId}`}
              checked={mode === 'text'}
              onChange={() => {
                setMode('text');
                changed();
              }}
            />{' '}
            {t('at_modeText')}
          </label>
        </div>
        {mode === 'file' ? (
          <label>
            {t('at_file')}
            <input
              type="file"
              accept={ACCEPT}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                changed();
              }}
            />
          </label>
        ) : (
          <>
            <label>
              {t('at_textTitle')}
              <input
                value={title}
                maxLength={TITLE_MAX}
                placeholder={t('at_defaultName')}
                onChange={(e) => {
                  setTitle(e.target.value);
                  changed();
                }}
              />
            </label>
            <label>
              {t('at_text')}
              <textarea
                value={text}
                rows={8}
                maxLength={ATTACHMENTS.maxTextChars}
                onChange={(e) => {
                  setText(e.target.value);
                  changed();
                }}
              />
            </label>
            <span className="muted">
              {t('at_textCount', { n: count(text.length, lang), max: count(ATTACHMENTS.maxTextChars, lang) })}
            </span>
          </>
        )}
        <label>
          {t('at_note')}
          <input
            value={note}
            maxLength={NOTE_MAX}
            onChange={(e) => {
              setNote(e.target.value);
              changed();
            }}
          />
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={done}
            onChange={(e) => {
              setDone(e.target.checked);
              changed();
            }}
          />{' '}
          {t('at_done')}
        </label>
        <p className="muted">
          {t('at_limits', {
            max,
            perTask: ATTACHMENTS.perTask,
            daily: sizeText(ATTACHMENTS.bytesPerAccountPerDay, t),
            chars: count(ATTACHMENTS.maxTextChars, lang),
            types,
          })}
        </p>
        <div className="row">
          <button type="submit">{t('at_upload')}</button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </fieldset>
      {progress &&
        (progress.sent < progress.total ? (
          <ProgressBar
            done={pct}
            total={100}
            label={t('at_uploading', {
              sent: sizeText(progress.sent, t),
              total: sizeText(progress.total, t),
            })}
          />
        ) : (
          <p role="status">{t('at_saving')}</p>
        ))}
      <ErrorText error={error ? error(t, lang) : null} />
    </form>
  );
}
