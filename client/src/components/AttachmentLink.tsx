/**
 * A file attached to a task's report, as a download link with its name and size: the inbox's task card,
 * the incident page's latest report and the report history all show a file the same way. The server sends
 * GET /api/attachments/:fileId as a download (server/http/attachments.ts).
 */
import type { Attachment } from '../../../shared/engine/incident.ts';
import { type AttachT, useAttachT } from '../words/attachments.ts';

/** "8 MB", "350 KB", "120 字节": a size in words, in the user's language. */
export function sizeText(bytes: number, t: AttachT): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return t('at_bytes', { n: bytes });
}

/** Where an attached file is downloaded from. */
export const attachmentHref = (fileId: string) => `/api/attachments/${encodeURIComponent(fileId)}`;

/** The file's name as its download link, then its size in brackets. */
export function AttachmentLink({ file }: { file: Attachment }) {
  const t = useAttachT();
  const size = sizeText(file.size, t);
  return (
    <>
      <a
        href={attachmentHref(file.fileId)}
        download={file.name}
        data-file={file.fileId}
        title={t('at_download', { name: file.name, size })}
      >
        {file.name}
      </a>{' '}
      <span className="muted">{t('paren', { text: size })}</span>
    </>
  );
}
