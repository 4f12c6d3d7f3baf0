/**
 * A report that is only a file is seen by staff: the incident page's latest report and the report history
 * show the file as its download link, with its name and size, like the inbox does.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../shared/engine/incident.ts';
import type { TaskView } from '../../shared/protocol/contract.ts';
import { AttachmentLink, sizeText } from '../../client/src/components/AttachmentLink.tsx';
import { LatestNote } from '../../client/src/pages/IncidentPage.tsx';
import { fill, type Lang } from '../../client/src/i18n.ts';
import { ATTACH_WORDS, type AttachT } from '../../client/src/words/attachments.ts';

const file: Attachment = {
  fileId: 'f/1 2',
  name: '24小时书面报告.pdf',
  type: 'application/pdf',
  size: 350 * 1024,
  sha256: '0'.repeat(64),
};

const latest = (notes: TaskView['notes']) =>
  renderToStaticMarkup(
    createElement(LatestNote, {
      task: { notes, noteCount: notes.length } as unknown as TaskView,
      onOpen: () => {},
    }),
  );

describe('AttachmentLink', () => {
  it('links the download by the file id, with the name and the size', () => {
    const html = renderToStaticMarkup(createElement(AttachmentLink, { file }));
    expect(html).toContain('href="/api/attachments/f%2F1%202"');
    expect(html).toContain('download="24小时书面报告.pdf"');
    expect(html).toContain('>24小时书面报告.pdf</a>');
    expect(html).toContain('（350 KB）');
    expect(html).toContain('title="下载 24小时书面报告.pdf（350 KB）"');
  });

  it('says sizes in bytes, KB and MB, in either language', () => {
    const t = (lang: Lang) =>
      ((key: 'at_bytes', vars?: Record<string, string | number>) =>
        fill(ATTACH_WORDS[key][lang], vars)) as unknown as AttachT;
    expect(sizeText(120, t('zh'))).toBe('120 字节');
    expect(sizeText(120, t('en'))).toBe('120 bytes');
    expect(sizeText(1, t('en'))).toBe('1 byte');
    expect(sizeText(1025, t('en'))).toBe('2 KB');
    expect(sizeText(8 * 1024 * 1024, t('en'))).toBe('8 MB');
  });
});

describe('the latest report on the incident page', () => {
  it('shows a report that is only a file as its download link', () => {
    const html = latest([{ at: 1, by: 'weather', text: '', attachment: file }]);
    expect(html).toContain('href="/api/attachments/f%2F1%202"');
    expect(html).toContain('24小时书面报告.pdf');
    // no empty note beside it
    expect(html).not.toContain('class="note"');
  });

  it('shows the text, then the file, when the report has both', () => {
    const html = latest([{ at: 1, by: 'weather', text: '已到岗，详见附件', attachment: file }]);
    expect(html.indexOf('已到岗，详见附件')).toBeGreaterThan(-1);
    expect(html.indexOf('已到岗，详见附件')).toBeLessThan(html.indexOf('/api/attachments/'));
  });

  it('shows a report without a file as before, with no link', () => {
    const html = latest([{ at: 1, by: 'weather', text: '已到岗' }]);
    expect(html).toContain('已到岗');
    expect(html).not.toContain('/api/attachments/');
  });
});
