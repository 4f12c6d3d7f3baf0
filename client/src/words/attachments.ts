/**
 * The words of attaching a written report to a task (issue 14), loaded with the inbox rather than with the
 * console's first screen. The same rules as the main catalog (client/src/i18n.ts); its tests read these too.
 */
import { type Catalog, usePageT } from '../i18n.ts';

export const ATTACH_WORDS = {
  at_attach: { zh: '上传书面报告', en: 'Attach written report' },
  at_modeFile: { zh: '上传文件', en: 'Upload a file' },
  at_modeText: { zh: '直接输入报告', en: 'Type the report' },
  at_file: { zh: '报告文件', en: 'Report file' },
  at_text: { zh: '报告正文', en: 'Report text' },
  at_textCount: { zh: '{n} / {max} 字', en: '{n} of {max} characters' },
  at_textTitle: { zh: '报告标题（作为文件名）', en: 'Title (used as the file name)' },
  at_defaultName: { zh: '书面报告', en: 'Written report' },
  at_note: { zh: '说明（选填）', en: 'Note (optional)' },
  at_done: { zh: '报告完成', en: 'Report complete (the task is done)' },
  at_limits: {
    zh: '单个文件不超过 {max}；每项任务最多 {perTask} 个附件；每个账号每天最多上传 {daily}；直接输入的报告不超过 {chars} 字。可上传：{types}',
    en: 'One file up to {max}; at most {perTask} attachments a task; {daily} a day per account; a typed report up to {chars} characters. Accepted: {types}',
  },
  at_upload: { zh: '上传', en: 'Upload' },
  at_uploading: { zh: '正在上传 {sent} / {total}', en: 'Uploading {sent} of {total}' },
  at_saving: { zh: '已上传，正在保存…', en: 'Uploaded; saving…' },
  at_uploaded: { zh: '已上传：{name}', en: 'Uploaded: {name}' },
  at_tooLarge: {
    zh: '文件过大：{size}，单个文件不超过 {max}，请压缩或分成几份',
    en: 'The file is too large: {size}; one file may be at most {max}. Compress it or split it',
  },
  at_badType: {
    zh: '不接受该类型的文件（{name}）；可上传：{types}',
    en: 'Files like {name} are not accepted; accepted: {types}',
  },
  at_empty: { zh: '文件为空', en: 'The file is empty' },
  at_noFile: { zh: '请选择文件', en: 'Choose a file' },
  at_noText: { zh: '请输入报告内容', en: 'Type the report' },
  at_tooLong: {
    zh: '报告过长：{n} 字，上限 {max} 字',
    en: 'The report is too long: {n} characters, at most {max}',
  },
  at_failed: { zh: '上传失败：{message}', en: 'Upload failed: {message}' },
  at_offline: {
    zh: '无法连接服务器，文件未上传；恢复连接后再点“上传”即可（不会重复保存）',
    en: 'Cannot reach the server, so nothing was uploaded; press Upload again once connected (it is never stored twice)',
  },
  at_attachments: { zh: '附件', en: 'Attachments' },
  at_download: { zh: '下载 {name}（{size}）', en: 'Download {name} ({size})' },
  at_bytes: { zh: '{n} 字节', en: '{n} {n|byte|bytes}' },
} as const satisfies Catalog;

export type AttachKey = keyof typeof ATTACH_WORDS;
export const useAttachT = () => usePageT(ATTACH_WORDS);
export type AttachT = ReturnType<typeof useAttachT>;
