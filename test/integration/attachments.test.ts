/**
 * Attached reports over the real server and a real SQLite file: a unit attaches its written report (a PDF,
 * or text it typed) to a task, the record carries it (the task's notes, the incident's log), the unit and
 * staff download the same bytes, everyone else is told it does not exist, and it is still there after a
 * restart. A retry stores one file; every refusal stores none: too large, a type not accepted, a renamed
 * program, a sixth file on one task, a response task after termination, the daily quota, a bad name, a
 * foreign page; the socket's `report` cannot carry an attachment.
 */
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/main.ts';
import { DB_FILE } from '../../server/store/sqlite.ts';
import { ATTACHMENTS } from '../../shared/protocol/limits.ts';
import type { SocketCommand } from '../../shared/protocol/live.ts';
import { boot, Client, rid, tempDir } from './live.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A real, if tiny, PDF with binary bytes in it (a round trip that changed one byte would show). */
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n', 'latin1'),
  Buffer.from('2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R>>endobj\n'),
  Buffer.from('4 0 obj<</Length 40000>>stream\n'),
  randomBytes(40_000),
  Buffer.from('\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
]);
/** What a Windows program starts with: "MZ", the DOS stub, NULs. */
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), randomBytes(4000)]);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** a PNG's last chunk: no data, "IEND", its CRC */
const IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const PNG = Buffer.concat([PNG_SIGNATURE, randomBytes(300), IEND]);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  randomBytes(500),
  Buffer.from([0xff, 0xd9]),
]);
/** A PDF of `n` bytes as the size tests need it: `%PDF-` first, `%%EOF` last, random bytes between. */
const pdfOf = (n: number) =>
  Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(n - 15), Buffer.from('%%EOF\n')]);
const TEXT =
  '博山区扫雪除冰工作书面报告\n\n一、11月24日20时起全区出动铲雪车12台、人员300余人次。\n二、主干道已全部通行。';
const PDF_NAME = '池上镇24小时书面报告（第1期）.pdf';

interface Upload {
  name: string;
  type: string;
  done?: boolean;
  note?: string;
  requestId?: string;
  headers?: Record<string, string>;
}

async function upload(c: Client, taskId: string, data: Buffer | string, o: Upload) {
  const query = new URLSearchParams({
    name: o.name,
    requestId: o.requestId ?? rid('att'),
    ...(o.done === undefined ? {} : { done: String(o.done) }),
    ...(o.note === undefined ? {} : { note: o.note }),
  });
  const res = await fetch(`${c.base}/api/tasks/${encodeURIComponent(taskId)}/attachments?${query}`, {
    method: 'POST',
    headers: { cookie: c.cookie, 'content-type': o.type, 'x-console-upload': '1', ...o.headers },
    body: typeof data === 'string' ? data : new Uint8Array(data),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
}

async function download(c: Client, fileId: string) {
  const res = await fetch(`${c.base}/api/attachments/${encodeURIComponent(fileId)}`, {
    headers: { cookie: c.cookie },
  });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

/** What the files table holds, read beside the running server (WAL lets a reader in). */
function fileRows(
  dir: string,
): { id: string; incident_id: string; task_id: string; size: number; by: string }[] {
  const db = new Database(join(dir, DB_FILE), { readonly: true });
  try {
    return db.prepare('SELECT id, incident_id, task_id, size, by FROM files ORDER BY at, id').all() as never;
  } finally {
    db.close();
  }
}

const words = (b: { error: { message: { zh: string; en: string } } }) =>
  `${b.error.message.zh}\n${b.error.message.en}`;

let dir: string;
let server: RunningServer;
let duty: Client;
let police: Client;
let sanitation: Client;
let cityPolice: Client;

async function declare(title: string): Promise<string> {
  const declared = await duty.post('/api/incidents', {
    planId: 'snow-ice',
    levelId: 'III',
    title,
    requestId: rid('decl'),
  });
  expect(declared.status).toBe(201);
  return declared.body.incident.id;
}

async function loginAll() {
  duty = await Client.login(server.url, 'duty');
  police = await Client.login(server.url, 'police');
  sanitation = await Client.login(server.url, 'sanitation');
  cityPolice = await Client.login(server.url, 'city-police');
}

beforeAll(async () => {
  dir = tempDir();
  server = await boot(dir);
  await loginAll();
});
afterAll(async () => {
  await server.close();
});

describe('a unit attaches its written report', () => {
  let incidentId: string;
  let taskId: string;
  let pdfId: string;
  let textId: string;

  beforeAll(async () => {
    incidentId = await declare('11月24日暴雪（附件）');
    taskId = `${incidentId}:on-duty@police`;
  });

  it('a PDF: the answer carries the task with the attachment on its note, and the fact names it', async () => {
    const res = await upload(police, taskId, PDF, { name: PDF_NAME, type: 'application/pdf' });
    expect(res.status).toBe(200);
    const attachment = res.body.task.lastNote.attachment;
    expect(attachment).toMatchObject({
      name: PDF_NAME,
      type: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
    });
    expect(attachment.fileId).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    // the file is the report: no words are made up for it (the views name the file)
    expect(res.body.task.lastNote.text).toBe('');
    expect(res.body.task.status).not.toBe('done');
    const fact = res.body.facts.find((f: { event: { type: string } }) => f.event.type === 'TaskReported');
    expect(fact.event.attachment).toEqual(attachment);
    pdfId = attachment.fileId;
  });

  it('typed text, sent as text/plain, is kept as a .txt file with its note, and done completes the task', async () => {
    const res = await upload(police, taskId, TEXT, {
      name: '书面报告.txt',
      type: 'text/plain; charset=utf-8',
      note: '书面报告见附件',
      done: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.task.status).toBe('done');
    expect(res.body.task.lastNote).toMatchObject({
      text: '书面报告见附件',
      attachment: { name: '书面报告.txt', type: 'text/plain', size: Buffer.byteLength(TEXT) },
    });
    textId = res.body.task.lastNote.attachment.fileId;
  });

  it('the task’s notes, its view and the incident’s log name both files', async () => {
    const notes = await police.get(`/api/tasks/${encodeURIComponent(taskId)}/notes`);
    expect(notes.status).toBe(200);
    expect(notes.body.notes.map((n: { attachment?: { fileId: string } }) => n.attachment?.fileId)).toEqual([
      textId,
      pdfId,
    ]);
    for (const who of [duty, police]) {
      const view = await who.get(`/api/incidents/${incidentId}`);
      const task = view.body.tasks.find((t: { id: string }) => t.id === taskId);
      expect(task.notes.map((n: { attachment?: { name: string } }) => n.attachment?.name)).toEqual([
        PDF_NAME,
        '书面报告.txt',
      ]);
    }
    const facts = await duty.allFacts(incidentId);
    const named = facts.flatMap((f) =>
      f.event.type === 'TaskReported' && f.event.attachment ? [f.event.attachment.fileId] : [],
    );
    expect(named).toEqual([pdfId, textId]);
    expect(fileRows(dir).map((r) => r.id)).toEqual([pdfId, textId]);
  });

  it('the unit and staff download the same bytes, as a download, never sniffed', async () => {
    for (const who of [police, duty]) {
      const pdf = await download(who, pdfId);
      expect(pdf.status).toBe(200);
      expect(sha256(pdf.bytes)).toBe(sha256(PDF));
      expect(pdf.bytes.equals(PDF)).toBe(true);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const disposition = pdf.headers.get('content-disposition')!;
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"; /);
      expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(PDF_NAME)}`);
      expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');
      expect(pdf.headers.get('content-security-policy')).toBe('sandbox');
      expect(pdf.headers.get('repr-digest')).toBe(
        `sha-256=:${createHash('sha256').update(PDF).digest('base64')}:`,
      );
      const text = await download(who, textId);
      expect(text.status).toBe(200);
      expect(text.bytes.toString('utf8')).toBe(TEXT);
      expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(text.headers.get('content-disposition')).toMatch(/^attachment;/);
    }
  });

  it('another unit of the plan, a unit of another plan and nobody get 404, as for a file that does not exist', async () => {
    const made = await download(duty, 'AAAAAAAAAAAAAAAAAAAAAA');
    expect(made.status).toBe(404);
    for (const who of [sanitation, cityPolice]) {
      const res = await download(who, pdfId);
      expect(res.status, who.username).toBe(404);
      expect(res.bytes.length).toBeLessThan(1000);
      const body = JSON.parse(res.bytes.toString());
      expect(body.error.code).toBe('NOT_FOUND');
      expect(body.error.message.en).toBe(`No attachment ${pdfId}`);
    }
    const anonymous = await fetch(`${server.url}/api/attachments/${pdfId}`);
    expect(anonymous.status).toBe(401);
  });

  it('a restart on the same data keeps the file and its fact', async () => {
    await server.close();
    server = await boot(dir);
    await loginAll();
    const again = await download(police, pdfId);
    expect(again.status).toBe(200);
    expect(again.bytes.equals(PDF)).toBe(true);
    const view = await duty.get(`/api/incidents/${incidentId}`);
    const task = view.body.tasks.find((t: { id: string }) => t.id === taskId);
    expect(task.notes.at(-1).attachment.fileId).toBe(textId);
  });
});

describe('the plans’ written reports: 24小时内书面报告', () => {
  it('the county attaches its own; staff attach the plant’s for it; both stay owed, and attachable, after 结案', async () => {
    const zichuan = await Client.login(server.url, 'zichuan');
    const opened = await duty.post('/api/incidents', {
      planId: 'power-plant',
      title: '电厂事故（书面报告）',
      assignees: { 'incident-county': 'zichuan' },
      requestId: rid('open'),
    });
    expect(opened.status).toBe(201);
    const id = opened.body.incident.id as string;
    const bound = await duty.post(`/api/incidents/${id}/bind`, {
      role: 'plant',
      to: { party: { kind: 'enterprise', name: '某发电有限公司', phone: '0533-1234567' } },
      requestId: rid('bind'),
    });
    expect(bound.status).toBe(200);
    const plantTask = `${id}:written-accident-24h@plant`;
    const countyTask = `${id}:written-accident-24h@zichuan`;

    // staff for the outside party: the fact records on whose behalf
    const forPlant = await upload(duty, plantTask, PDF, {
      name: '事故书面报告（企业）.pdf',
      type: 'application/pdf',
    });
    expect(forPlant.status).toBe(200);
    const fact = forPlant.body.facts.find(
      (f: { event: { type: string } }) => f.event.type === 'TaskReported',
    );
    expect(fact.event).toMatchObject({
      by: 'duty',
      onBehalfOf: '某发电有限公司',
      attachment: { name: '事故书面报告（企业）.pdf' },
    });
    // a member unit may not attach for the plant
    expect((await upload(zichuan, plantTask, PDF, { name: 'x.pdf', type: 'application/pdf' })).status).toBe(
      404,
    );

    // 结案 of the incident never graded: the reports owed from the occurrence stay owed
    const view = await duty.get(`/api/incidents/${id}`);
    const closed = await duty.post(`/api/incidents/${id}/terminate`, {
      expectedVersion: view.body.incident.version,
      reason: '误报，结案',
      requestId: rid('close'),
    });
    expect(closed.status).toBe(200);
    const own = await upload(zichuan, countyTask, TEXT, {
      name: '区县书面报告.txt',
      type: 'text/plain',
      done: true,
    });
    expect(own.status).toBe(200);
    expect(own.body.task.status).toBe('done');

    // the county reads its own file and not the plant's; staff read both
    const ownId = own.body.task.lastNote.attachment.fileId as string;
    const plantId = fact.event.attachment.fileId as string;
    expect((await download(zichuan, ownId)).status).toBe(200);
    expect((await download(zichuan, plantId)).status).toBe(404);
    expect((await download(duty, plantId)).bytes.equals(PDF)).toBe(true);
    expect((await download(duty, ownId)).bytes.toString()).toBe(TEXT);
  });
});

describe('one file per request, and none for a refusal', () => {
  let incidentId: string;
  let taskId: string;
  const files = () => fileRows(dir).filter((r) => `${r.incident_id}:${r.task_id}` === taskId).length;

  beforeAll(async () => {
    incidentId = await declare('附件拒绝');
    taskId = `${incidentId}:on-duty@police`;
  });

  it('a retry with the same requestId gets the first answer and stores one file', async () => {
    const requestId = rid('same');
    const first = await upload(police, taskId, PNG, { name: '现场照片.png', type: 'image/png', requestId });
    expect(first.status).toBe(200);
    const second = await upload(police, taskId, PNG, { name: '现场照片.png', type: 'image/png', requestId });
    expect(second.status).toBe(200);
    expect(second.body.task).toEqual(first.body.task);
    expect(files()).toBe(1);
    // the same requestId for other content is a different command
    const other = await upload(police, taskId, PDF, { name: 'x.pdf', type: 'application/pdf', requestId });
    expect(other.status).toBe(409);
    expect(files()).toBe(1);
  });

  it('a file over 8 MB: 413 with the limit in words', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(ATTACHMENTS.maxBytes)]);
    const res = await upload(police, taskId, big, { name: '大文件.pdf', type: 'application/pdf' });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('TOO_LARGE');
    expect(res.body.error.message.zh).toContain('8 MB');
    expect(res.body.error.message.en).toContain('at most 8 MB');
    expect(files()).toBe(1);
    // the limit itself is accepted
    const exact = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(ATTACHMENTS.maxBytes - 15),
      Buffer.from('%%EOF\n'),
    ]);
    const ok = await upload(police, taskId, exact, { name: '刚好8MB.pdf', type: 'application/pdf' });
    expect(ok.status).toBe(200);
    expect(files()).toBe(2);
  });

  it.each([
    ['a program', EXE, 'report.exe', 'application/x-msdownload', '不接受该类型'],
    ['a web page', '<script>alert(1)</script>', 'a.html', 'text/html', 'not accepted'],
    ['an SVG picture', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'a.svg', 'image/svg+xml', 'not accepted'],
    ['no type at all', PDF, 'a.pdf', '', 'none given'],
    ['a program renamed .pdf', EXE, '报告.pdf', 'application/pdf', '不是 PDF'],
    ['a program renamed .docx', EXE, '报告.docx', ATTACHMENTS_TYPE('docx'), 'not a Word document'],
    ['a program renamed .png', EXE, '照片.png', 'image/png', 'PNG'],
    ['a program renamed .txt', EXE, '报告.txt', 'text/plain', 'UTF-8'],
    ['text with NUL bytes', 'MZ\u0000\u0000', '报告.txt', 'text/plain', '不是文本'],
    ['text in another charset', 'abc', 'a.txt', 'text/plain; charset=gbk', 'UTF-8'],
    ['a PDF named .docx', PDF, '报告.docx', 'application/pdf', '.docx'],
    ['a PDF without an extension', PDF, '报告', 'application/pdf', 'extension'],
    ['an empty file', Buffer.alloc(0), 'a.pdf', 'application/pdf', '文件为空'],
  ])('%s is refused, and nothing is stored', async (_what, data, name, type, said) => {
    const before = files();
    const res = await upload(police, taskId, data, { name, type });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID');
    expect(words(res.body)).toContain(said);
    expect(files()).toBe(before);
  });

  it.each([
    ['a path', '../../etc/passwd.txt', '路径分隔符'],
    ['a Windows path', '..\\报告.txt', 'path separator'],
    ['a line break', '报告\n.txt', '控制字符'],
    ['a bell', '报告\u0007.txt', 'control characters'],
    ['a right-to-left override', '报告\u202Etxt.exe.txt', 'control characters'],
    ['201 characters', `${'报'.repeat(197)}.txt`, '200'],
    ['nothing but spaces', '   ', 'name'],
    ['nothing but ideographic spaces', '\u3000\u3000', '请给出文件名'],
    ['zero-width characters and a byte order mark', 'a\u200Bb\u2060c\uFEFF.txt', 'invisible format'],
    ['a soft hyphen', '报\u00ADtxt.txt', '不可见的格式字符'],
    ['U+FFFE', '报告\uFFFE.txt', 'noncharacter'],
    ['U+FFFF', '报告\uFFFF.txt', '非字符'],
    ['U+FDD0', '报告\uFDD0.txt', 'noncharacter'],
    ['a plane-16 noncharacter', '报告\u{10FFFF}.txt', 'noncharacter'],
    ['ideographic spaces hiding .exe', 'evil.exe\u3000\u3000\u3000\u3000.txt', 'program’s extension'],
    ['a space hiding .exe', 'x.exe .txt', '程序的扩展名'],
    ['spaces and dots hiding .SCR', 'x.SCR . \u00A0 .pdf', 'program’s extension'],
    ['a double extension', 'report.js.txt', 'program’s extension'],
  ])('a name with %s is refused', async (_what, name, said) => {
    const before = files();
    const res = await upload(police, taskId, TEXT, { name, type: 'text/plain' });
    expect(res.status).toBe(400);
    expect(words(res.body)).toContain(said);
    expect(files()).toBe(before);
  });

  it('a typed report over 50,000 characters is refused', async () => {
    const long = '雪'.repeat(ATTACHMENTS.maxTextChars + 1);
    const res = await upload(police, taskId, long, { name: '长报告.txt', type: 'text/plain' });
    expect(res.status).toBe(400);
    expect(res.body.error.message.zh).toContain(`${ATTACHMENTS.maxTextChars}`);
    const fits = await upload(police, taskId, '雪'.repeat(ATTACHMENTS.maxTextChars), {
      name: '长报告.txt',
      type: 'text/plain',
    });
    expect(fits.status).toBe(200);
  });

  it('a real .docx is accepted as a Word document', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('书面报告')] }] }),
    );
    const res = await upload(police, taskId, docx, { name: '书面报告.docx', type: ATTACHMENTS_TYPE('docx') });
    expect(res.status).toBe(200);
    expect(res.body.task.lastNote.attachment.type).toBe(ATTACHMENTS_TYPE('docx'));
    expect(files()).toBe(4);
  });

  it('a sixth file on one task is refused by the engine, and not stored', async () => {
    const fifth = await upload(police, taskId, PNG, { name: '第五个.png', type: 'image/png' });
    expect(fifth.status).toBe(200);
    expect(files()).toBe(ATTACHMENTS.perTask);
    const res = await upload(police, taskId, PNG, { name: '第六个.png', type: 'image/png' });
    expect(res.status).toBe(409);
    expect(res.body.error.message.zh).toContain(`已有 ${ATTACHMENTS.perTask} 个附件`);
    expect(files()).toBe(ATTACHMENTS.perTask);
  });

  it('another unit’s task answers as one that does not exist; staff may not report for a member unit', async () => {
    const before = fileRows(dir).length;
    const other = await upload(sanitation, taskId, PNG, { name: 'a.png', type: 'image/png' });
    expect(other.status).toBe(404);
    expect(other.body.error.message.en).toBe(`No task ${taskId}`);
    const made = await upload(police, `${incidentId}:nothing@police`, PNG, {
      name: 'a.png',
      type: 'image/png',
    });
    expect(made.status).toBe(404);
    const staff = await upload(duty, taskId, PNG, { name: 'a.png', type: 'image/png' });
    expect(staff.status).toBe(403);
    expect(fileRows(dir).length).toBe(before);
  });

  it('a response task after termination is refused, and nothing is stored', async () => {
    const id = await declare('终止后附件');
    const task = `${id}:on-duty@police`;
    const view = await duty.get(`/api/incidents/${id}`);
    const ended = await duty.post(`/api/incidents/${id}/terminate`, {
      expectedVersion: view.body.incident.version,
      reason: '降雪结束',
      requestId: rid('term'),
    });
    expect(ended.status).toBe(200);
    const before = fileRows(dir).length;
    const res = await upload(police, task, PDF, { name: PDF_NAME, type: 'application/pdf' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PLAN_RULE');
    expect(fileRows(dir).length).toBe(before);
  });

  it('a foreign page, or a request without the upload header, is refused before anything is read', async () => {
    const before = fileRows(dir).length;
    const foreign = await upload(police, taskId, PNG, {
      name: 'a.png',
      type: 'image/png',
      headers: { origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const res = await fetch(
      `${server.url}/api/tasks/${encodeURIComponent(taskId)}/attachments?name=a.png&requestId=${rid()}`,
      {
        method: 'POST',
        headers: { cookie: police.cookie, 'content-type': 'image/png' },
        body: new Uint8Array(PNG),
      },
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: { en: string } } }).error.message.en).toContain(
      'x-console-upload',
    );
    const anonymous = await fetch(
      `${server.url}/api/tasks/${encodeURIComponent(taskId)}/attachments?name=a.png&requestId=${rid()}`,
      {
        method: 'POST',
        headers: { 'content-type': 'image/png', 'x-console-upload': '1' },
        body: new Uint8Array(PNG),
      },
    );
    expect(anonymous.status).toBe(401);
    expect(fileRows(dir).length).toBe(before);
  });

  it('an unknown query field is refused', async () => {
    const res = await fetch(
      `${server.url}/api/tasks/${encodeURIComponent(taskId)}/attachments?name=a.png&requestId=${rid()}&attachment=x`,
      {
        method: 'POST',
        headers: { cookie: police.cookie, 'content-type': 'image/png', 'x-console-upload': '1' },
        body: new Uint8Array(PNG),
      },
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('attachment');
  });
});

describe('the socket cannot smuggle an attachment', () => {
  it('a report with an attachment field is refused as an unknown field, and nothing is recorded', async () => {
    const id = await declare('套接字附件');
    const task = `${id}:on-duty@police`;
    const live = await police.live();
    try {
      const reply = await live.command({
        type: 'report',
        taskId: task,
        note: '附件',
        done: false,
        requestId: rid('sock'),
        attachment: {
          fileId: 'AAAAAAAAAAAAAAAAAAAAAA',
          name: 'a.pdf',
          type: 'application/pdf',
          size: 1,
          sha256: 'x',
        },
      } as unknown as SocketCommand);
      expect(reply.ok).toBe(false);
      expect(reply.status).toBe(400);
      expect(JSON.stringify(reply.body)).toContain('attachment');
      // the same report without it goes through: the refusal was the field
      const plain = await live.command({
        type: 'report',
        taskId: task,
        note: '进展',
        done: false,
        requestId: rid(),
      });
      expect(plain.status).toBe(200);
    } finally {
      live.close();
    }
    const facts = await duty.allFacts(id);
    expect(facts.filter((f) => f.event.type === 'TaskReported').map((f) => 'attachment' in f.event)).toEqual([
      false,
    ]);
  });
});

describe('the daily quota per account', () => {
  let qdir: string;
  let small: RunningServer;
  const QUOTA = 100_000;

  beforeAll(async () => {
    qdir = tempDir();
    small = await boot(qdir, { limits: { attachments: { bytesPerAccountPerDay: QUOTA } } });
  });
  afterAll(async () => {
    await small.close();
  });

  it('past the quota: 429, nothing stored, and the answer says when it frees up', async () => {
    const d = await Client.login(small.url, 'duty');
    const p = await Client.login(small.url, 'police');
    const declared = await d.post('/api/incidents', {
      planId: 'snow-ice',
      levelId: 'III',
      title: '限额',
      requestId: rid('decl'),
    });
    const task = `${declared.body.incident.id}:on-duty@police`;
    const pdf = pdfOf;
    const started = Date.now();
    const first = await upload(p, task, pdf(60_000), { name: '一.pdf', type: 'application/pdf' });
    expect(first.status).toBe(200);
    const second = await upload(p, task, pdf(30_000), { name: '二.pdf', type: 'application/pdf' });
    expect(second.status).toBe(200);
    const over = await upload(p, task, pdf(20_000), { name: '三.pdf', type: 'application/pdf' });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('RATE_LIMITED');
    // the first upload leaves the window 24 hours after it was stored
    const freesAt = over.body.error.details.freesAt as number;
    expect(freesAt).toBeGreaterThanOrEqual(started + 24 * 3600_000);
    expect(freesAt).toBeLessThan(Date.now() + 24 * 3600_000);
    const retryAfter = Number(over.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(24 * 3600 - 60);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    expect(over.body.error.message.zh).toContain('北京时间');
    expect(over.body.error.message.en).toContain('it can be uploaded after');
    expect(over.body.error.message.zh).toContain('本文件 20 KB');
    expect(fileRows(qdir).length).toBe(2);
    // a smaller file that fits what is left still goes through
    const fits = await upload(p, task, pdf(9_000), { name: '四.pdf', type: 'application/pdf' });
    expect(fits.status).toBe(200);
    // the quota is the account's: another unit is not held by it
    const sanitationTask = `${declared.body.incident.id}:on-duty@sanitation`;
    const s = await Client.login(small.url, 'sanitation');
    const other = await upload(s, sanitationTask, pdf(20_000), { name: '五.pdf', type: 'application/pdf' });
    expect(other.status).toBe(200);
    expect(fileRows(qdir).map((r) => r.by)).toEqual(['police', 'police', 'police', 'sanitation']);
  });
});

// ── what a file is, by more than its first bytes ─────────────────────────────────────────────────────────

interface ZipPart {
  name: string;
  data: Buffer | string;
  /** deflated, as Word and Excel store their XML, rather than stored */
  deflate?: boolean;
  /** the extra field, in the local header and in the central directory */
  extra?: Buffer;
  /** a local header and its data that the central directory leaves out */
  hidden?: boolean;
  /** sizes and CRC after the data (a data descriptor), as a writer that streams puts them */
  descriptor?: boolean;
}

/** A zip as APPNOTE.TXT lays it out: each entry's local header and data, the central directory, its end. */
function zip(parts: ZipPart[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = Buffer.from(p.data);
    const body = p.deflate ? deflateRawSync(raw) : raw;
    const name = Buffer.from(p.name, 'utf8');
    const extra = p.extra ?? Buffer.alloc(0);
    // the name is UTF-8; the sizes may follow the data
    const flags = 0x800 | (p.descriptor ? 0x8 : 0);
    const sizes = Buffer.alloc(12);
    sizes.writeUInt32LE(crc32(raw), 0);
    sizes.writeUInt32LE(body.length, 4);
    sizes.writeUInt32LE(raw.length, 8);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(p.deflate ? 8 : 0, 8);
    if (!p.descriptor) sizes.copy(local, 14);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const descriptor = p.descriptor ? [Buffer.from([0x50, 0x4b, 0x07, 0x08]), sizes] : [];
    out.push(local, name, extra, body, ...descriptor);
    if (!p.hidden) {
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt16LE(20, 4);
      entry.writeUInt16LE(20, 6);
      entry.writeUInt16LE(flags, 8);
      entry.writeUInt16LE(p.deflate ? 8 : 0, 10);
      sizes.copy(entry, 16);
      entry.writeUInt16LE(name.length, 28);
      entry.writeUInt16LE(extra.length, 30);
      entry.writeUInt32LE(offset, 42);
      central.push(entry, name, extra);
    }
    offset += 30 + name.length + extra.length + body.length + (p.descriptor ? 16 : 0);
  }
  const directory = Buffer.concat(central);
  const count = parts.filter((p) => !p.hidden).length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, directory, end]);
}

/** The Info-ZIP Unicode Path extra field: the UTF-8 name some tools show instead of the entry's own. */
function unicodePath(own: string, shown: string): Buffer {
  const name = Buffer.from(shown, 'utf8');
  const field = Buffer.alloc(9);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + name.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(Buffer.from(own, 'utf8')), 5);
  return Buffer.concat([field, name]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const DOCUMENT_XML =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>书面报告</w:t></w:r></w:p></w:body></w:document>';
/** The parts every Word document has, and `more`. */
const word = (...more: ZipPart[]) =>
  zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES, deflate: true },
    { name: 'word/document.xml', data: DOCUMENT_XML, deflate: true },
    ...more,
  ]);
const DOCX = (): string => ATTACHMENTS_TYPE('docx');
const XLSX = (): string => ATTACHMENTS_TYPE('xlsx');

/** what is refused: the file, its name and its type */
const NOT_WHAT_IT_SAYS: [string, () => Buffer | string, string, () => string, string][] = [
  [
    'a zip that only mentions word/, carrying evil.exe',
    () =>
      zip([
        { name: 'word/readme.txt', data: 'x' },
        { name: 'evil.exe', data: EXE },
      ]),
    'a.docx',
    DOCX,
    'not a Word document',
  ],
  [
    'a Word document carrying evil.exe',
    () => word({ name: 'evil.exe', data: EXE }),
    'a.docx',
    DOCX,
    'carries a program',
  ],
  [
    'a Word document carrying a deflated script',
    () => word({ name: 'word/media/run.JS', data: 'new ActiveXObject("WScript.Shell")', deflate: true }),
    'a.docx',
    DOCX,
    '夹带了程序',
  ],
  [
    'a program whose name ends in a dot',
    () => word({ name: 'word/evil.exe.', data: 'x' }),
    'a.docx',
    DOCX,
    'carries a program',
  ],
  [
    'a program whose name a NUL cuts short',
    () => word({ name: 'word/evil.exe\u0000.xml', data: 'x' }),
    'a.docx',
    DOCX,
    'carries a program',
  ],
  [
    'a program stored under a picture’s name',
    () => word({ name: 'word/media/image1.png', data: EXE }),
    'a.docx',
    DOCX,
    'carries a program',
  ],
  [
    'a program deflated under a picture’s name',
    () => word({ name: 'word/media/image1.png', data: EXE, deflate: true }),
    'a.docx',
    DOCX,
    'carries a program',
  ],
  [
    'a program named in a Unicode Path field',
    () =>
      word({
        name: 'word/media/image2.png',
        data: PNG,
        extra: unicodePath('word/media/image2.png', 'evil.exe'),
      }),
    'a.docx',
    DOCX,
    'carries a program',
  ],
  [
    'an entry the central directory leaves out',
    () =>
      word(
        { name: 'evil.exe', data: EXE, hidden: true },
        { name: 'word/styles.xml', data: '<w:styles/>', deflate: true },
      ),
    'a.docx',
    DOCX,
    'not a Word document',
  ],
  [
    'an entry hidden behind a data descriptor',
    () =>
      word(
        { name: 'word/styles.xml', data: '<w:styles/>', deflate: true, descriptor: true },
        { name: 'evil.exe', data: EXE, hidden: true },
        { name: 'word/settings.xml', data: '<w:settings/>', deflate: true },
      ),
    'a.docx',
    DOCX,
    'not a Word document',
  ],
  [
    'a zip of more than 10,000 entries',
    () => word(...Array.from({ length: 10_000 }, (_, i) => ({ name: `word/${i}.xml`, data: '<x/>' }))),
    'a.docx',
    DOCX,
    'not a Word document',
  ],
  [
    'a zip without its central directory',
    () => word().subarray(0, -22),
    'a.docx',
    DOCX,
    'not a Word document',
  ],
  [
    'a package without word/document.xml',
    () =>
      zip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'word/other.xml', data: DOCUMENT_XML },
      ]),
    'a.docx',
    DOCX,
    'not a Word document',
  ],
  [
    'a package without xl/workbook.xml',
    () =>
      zip([
        { name: '[Content_Types].xml', data: CONTENT_TYPES },
        { name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>' },
      ]),
    'a.xlsx',
    XLSX,
    'not an Excel workbook',
  ],
  ['a Word document as .xlsx', () => word(), 'a.xlsx', XLSX, '不是 Excel 表格'],
  [
    'a PNG header followed by a script',
    () => Buffer.concat([PNG_SIGNATURE, Buffer.from('<script>alert(1)</script>')]),
    'a.png',
    () => 'image/png',
    'not a PNG picture',
  ],
  ['a PNG without its IEND chunk', () => PNG.subarray(0, -12), 'a.png', () => 'image/png', 'PNG'],
  ['a JPEG without its end', () => JPEG.subarray(0, -2), 'a.jpg', () => 'image/jpeg', 'not a JPEG picture'],
  [
    'a JPEG header followed by a page',
    () => Buffer.from('\xff\xd8\xff<html><script>alert(1)</script></html>', 'latin1'),
    'a.jpg',
    () => 'image/jpeg',
    'JPEG',
  ],
  [
    'a web page with %PDF- inside',
    () => '<html><script>alert(1)</script>%PDF-1.4\n%%EOF\n</html>',
    'a.pdf',
    () => 'application/pdf',
    'not a PDF document',
  ],
  ['a PDF without %%EOF', () => PDF.subarray(0, -6), 'a.pdf', () => 'application/pdf', '不是 PDF'],
  [
    'a PDF with a page after its %%EOF',
    () => Buffer.concat([PDF, Buffer.from('<script>alert(1)</script>'.repeat(50))]),
    'a.pdf',
    () => 'application/pdf',
    'not a PDF document',
  ],
];

describe('what a file is, by more than its first bytes', () => {
  let incidentId: string;
  let policeTask: string;
  let sanitationTask: string;
  const files = () => fileRows(dir).filter((r) => r.incident_id === incidentId).length;

  beforeAll(async () => {
    incidentId = await declare('附件内容检查');
    policeTask = `${incidentId}:on-duty@police`;
    sanitationTask = `${incidentId}:on-duty@sanitation`;
  });

  it.each(NOT_WHAT_IT_SAYS)('%s is refused, and nothing is stored', async (_what, data, name, type, said) => {
    const before = files();
    const res = await upload(police, policeTask, data(), { name, type: type() });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID');
    expect(words(res.body)).toContain(said);
    expect(files()).toBe(before);
  });

  it('a Word document made here, a real workbook and a whole JPEG are accepted', async () => {
    // the same zip as the refused ones, without what made them so: the refusals were that, not the zip
    const built = word(
      { name: 'word/media/image1.png', data: PNG },
      { name: 'word/styles.xml', data: '<w:styles/>', deflate: true, descriptor: true },
      { name: 'docProps/app.xml', data: '<Properties/>', descriptor: true },
    );
    const doc = await upload(police, policeTask, built, { name: '书面报告.docx', type: DOCX() });
    expect(doc.status).toBe(200);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('台账').addRow(['单位', '任务']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const sheet = await upload(police, policeTask, xlsx, { name: '统计表.xlsx', type: XLSX() });
    expect(sheet.status).toBe(200);
    const photo = await upload(police, policeTask, JPEG, { name: '现场.jpeg', type: 'image/jpeg' });
    expect(photo.status).toBe(200);
    expect(files()).toBe(3);
  });

  it('runs of spaces, ideographic ones too, are one space and the ends are trimmed', async () => {
    const res = await upload(sanitation, sanitationTask, TEXT, {
      name: '\u3000 池上镇\u3000\u3000书面   报告.txt\u3000',
      type: 'text/plain',
    });
    expect(res.status).toBe(200);
    const attachment = res.body.task.lastNote.attachment;
    expect(attachment.name).toBe('池上镇 书面 报告.txt');
    const got = await download(sanitation, attachment.fileId);
    expect(got.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('池上镇 书面 报告.txt')}`,
    );
  });

  it('quotes, brackets and a bang in a name are percent-encoded in filename* (RFC 8187)', async () => {
    const res = await upload(sanitation, sanitationTask, TEXT, { name: "it's (1)!.txt", type: 'text/plain' });
    expect(res.status).toBe(200);
    const got = await download(sanitation, res.body.task.lastNote.attachment.fileId);
    expect(got.status).toBe(200);
    const disposition = got.headers.get('content-disposition')!;
    expect(disposition).toBe(
      `attachment; filename="it's (1)!.txt"; filename*=UTF-8''it%27s%20%281%29%21.txt`,
    );
  });
});

// ── refusals that need no body ───────────────────────────────────────────────────────────────────────────

/**
 * An upload that says 4 MB follow and sends 64 KB of them, and no more: an answer that comes at all was
 * given before the body was read. Status 0 when none came within three seconds.
 */
function unread(
  c: Client,
  taskId: string,
  o: { name: string; type: string; requestId?: string },
): Promise<{ status: number; body: Record<string, any> }> {
  const query = new URLSearchParams({ name: o.name, requestId: o.requestId ?? rid('unread') });
  const url = new URL(`${c.base}/api/tasks/${encodeURIComponent(taskId)}/attachments?${query}`);
  return new Promise((resolve) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        cookie: c.cookie,
        'content-type': o.type,
        'x-console-upload': '1',
        'content-length': String(4 * 1024 * 1024),
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ status: 0, body: {} });
    }, 3000);
    req.on('error', () => {});
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} });
      });
    });
    req.write(Buffer.concat([PNG_SIGNATURE, randomBytes(64 * 1024)]));
  });
}

/** The refusals of `attach` on the audit record, read beside the running server. */
function auditRows(at: string): { user_id: string; code: string; message: string }[] {
  const db = new Database(join(dir, DB_FILE), { readonly: true });
  try {
    return db
      .prepare("SELECT user_id, code, message FROM audit WHERE command = 'attach' AND target = ? ORDER BY id")
      .all(at) as never;
  } finally {
    db.close();
  }
}

describe('a refusal that needs no file comes before the body is read', () => {
  let incidentId: string;
  let taskId: string;

  beforeAll(async () => {
    incidentId = await declare('读取前拒绝');
    taskId = `${incidentId}:on-duty@police`;
  });

  it('a leader, an administrator, a duty officer on a member unit’s task: 403 in words, and on the audit record', async () => {
    const before = fileRows(dir).length;
    for (const username of ['leader', 'admin', 'duty']) {
      const who = await Client.login(server.url, username);
      const res = await unread(who, taskId, { name: '报告.png', type: 'image/png' });
      expect(res.status, username).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      expect(res.body.error.message).toEqual({
        zh: '只有承担该任务的单位可以上传书面报告',
        en: 'Only the unit that owes this task may attach its report',
      });
    }
    expect(auditRows(taskId).map((r) => [r.user_id, r.code])).toEqual([
      ['leader', 'FORBIDDEN'],
      ['admin', 'FORBIDDEN'],
      ['duty', 'FORBIDDEN'],
    ]);
    expect(auditRows(taskId)[0]!.message).toContain('Only the unit that owes this task');
    expect(fileRows(dir).length).toBe(before);
  });

  it('a task that holds five files: 409 in the engine’s words; a retry of the fifth still gets its first answer', async () => {
    let fifth: Awaited<ReturnType<typeof upload>> | null = null;
    const fifthId = rid('fifth');
    for (let i = 1; i <= ATTACHMENTS.perTask; i += 1) {
      fifth = await upload(police, taskId, PNG, {
        name: `照片${i}.png`,
        type: 'image/png',
        ...(i === ATTACHMENTS.perTask ? { requestId: fifthId } : {}),
      });
      expect(fifth.status).toBe(200);
    }
    const sixth = await unread(police, taskId, { name: '照片6.png', type: 'image/png' });
    expect(sixth.status).toBe(409);
    expect(sixth.body.error.code).toBe('CONFLICT');
    expect(sixth.body.error.message).toEqual({
      zh: `该任务已有 ${ATTACHMENTS.perTask} 个附件，已达上限`,
      en: `This task already holds ${ATTACHMENTS.perTask} attachments, the most it keeps`,
    });
    const retry = await upload(police, taskId, PNG, {
      name: `照片${ATTACHMENTS.perTask}.png`,
      type: 'image/png',
      requestId: fifthId,
    });
    expect(retry.status).toBe(200);
    expect(retry.body.task).toEqual(fifth!.body.task);
    expect(fileRows(dir).filter((r) => r.incident_id === incidentId).length).toBe(ATTACHMENTS.perTask);
  });

  it('a task already reported done: 409 before the body is read; the report’s retry gets its first answer', async () => {
    const task = `${incidentId}:on-duty@sanitation`;
    const requestId = rid('done');
    const done = await upload(sanitation, task, TEXT, {
      name: '报告.txt',
      type: 'text/plain',
      done: true,
      requestId,
    });
    expect(done.status).toBe(200);
    const again = await unread(sanitation, task, { name: '补充.png', type: 'image/png' });
    expect(again.status).toBe(409);
    expect(again.body.error.message.en).toBe('This task is already reported done');
    const retry = await upload(sanitation, task, TEXT, {
      name: '报告.txt',
      type: 'text/plain',
      done: true,
      requestId,
    });
    expect(retry.status).toBe(200);
    expect(retry.body.task).toEqual(done.body.task);
  });
});

function ATTACHMENTS_TYPE(ext: string): string {
  return Object.entries(ATTACHMENTS.types).find(([, e]) => e === ext)![0];
}
