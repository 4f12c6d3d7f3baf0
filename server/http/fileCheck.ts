/**
 * What an attached file is, judged before it is kept: its name (one line, no format characters, no program
 * hiding behind a second extension) and its bytes (a PDF, picture, Word or Excel file or plain text is what
 * its type and name say, and a Word or Excel file carries no program). Pure: Buffer in, a problem in words
 * out; the upload route (http/attachments.ts) decides what to answer.
 */
import { inflateRawSync, constants as zlibConstants } from 'node:zlib';
import { ATTACHMENTS } from '../../shared/protocol/limits.ts';

/** characters of a file's name */
export const NAME_MAX = 200;

// ── what is checked before the engine sees anything ──────────────────────────────────────────────────────

/** Controls (tab and line breaks too), bidi controls, the line and paragraph separators, lone surrogates. */
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Unicode format characters: zero-width spaces and joiners, the word joiner, the byte order mark… */
const FORMAT = /\p{Cf}/u;
/** U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE…): never characters. */
const isNoncharacter = (cp: number) => (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;

/**
 * The extensions of what Windows runs when it is opened. A name whose stem ends in one ("x.exe .txt", "x.exe"
 * padded with ideographic spaces before ".txt", "report.js.txt") is refused, and so is a Word or Excel file
 * that carries an entry so named.
 */
export const PROGRAM_EXTENSIONS = [
  'exe',
  'dll',
  'com',
  'bat',
  'cmd',
  'js',
  'vbs',
  'ps1',
  'scr',
  'msi',
  'jar',
] as const;
const PROGRAM = new RegExp(`\\.(?:${PROGRAM_EXTENSIONS.join('|')})$`, 'i');
/** Whether a name ends in a program's extension, once the spaces and dots Windows drops are gone. */
const isProgramName = (name: string) => PROGRAM.test(name.replace(/[\s.]+$/u, ''));

/** The extensions each accepted type may carry (ATTACHMENTS.types, and .jpeg beside .jpg). */
export const extensionsOf = (type: string): string[] => {
  const ext = ATTACHMENTS.types[type];
  if (!ext) return [];
  return type === 'image/jpeg' ? [ext, 'jpeg'] : [ext];
};

/** The accepted kinds, in words, for a refusal: ".pdf、.docx…" */
export const ACCEPTED = [...new Set(Object.values(ATTACHMENTS.types))].map((e) => `.${e}`);

/**
 * A file name as the record keeps it: one line, no path, nothing invisible; runs of spaces (ASCII, the
 * ideographic U+3000 and the other Unicode spaces) are one ASCII space and the ends are trimmed, so no
 * padding can push a second extension out of sight. Chinese stays as it is.
 */
export function fileName(raw: string): { name: string } | { problem: [string, string] } {
  const refused = (zh: string, en: string) => ({ problem: [zh, en] as [string, string] });
  if (UNPRINTABLE.test(raw))
    return refused(
      '文件名不能含有控制字符或换行',
      'The file name may not contain control characters or line breaks',
    );
  if (FORMAT.test(raw))
    return refused(
      '文件名不能含有不可见的格式字符（如零宽空格、字节顺序标记）',
      'The file name may not contain invisible format characters (such as a zero-width space or a byte order mark)',
    );
  for (const ch of raw)
    if (isNoncharacter(ch.codePointAt(0)!))
      return refused(
        '文件名含有无效字符（Unicode 非字符，如 U+FFFE）',
        'The file name contains an invalid character (a Unicode noncharacter such as U+FFFE)',
      );
  if (/[/\\]/.test(raw))
    return refused(
      '文件名不能含有路径分隔符（/ 或 \\）',
      'The file name may not contain a path separator (/ or \\)',
    );
  const name = raw.replace(/\s+/gu, ' ').trim();
  if (name.length === 0) return refused('请给出文件名', 'Give the file a name');
  if (name.length > NAME_MAX)
    return refused(
      `文件名不能超过 ${NAME_MAX} 个字符`,
      `The file name may be at most ${NAME_MAX} characters`,
    );
  if (!/^[^.].*\.[A-Za-z0-9]+$/.test(name))
    return refused(
      `文件名须带扩展名（${ACCEPTED.join('、')}）`,
      `The file name needs an extension (${ACCEPTED.join(', ')})`,
    );
  if (isProgramName(name.slice(0, name.lastIndexOf('.'))))
    return refused(
      '文件名在扩展名前又带有程序的扩展名（如 “报告.exe .txt”），未保存',
      'The file name carries a program’s extension before its own (like “report.exe .txt”); nothing was stored',
    );
  return { name };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** a PNG's last chunk: no data, "IEND", and its CRC (always the same) */
const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
/** a JPEG's end-of-image marker */
const JPEG_END = Buffer.from([0xff, 0xd9]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** the OLE2 compound file of .doc, .xls and .wps */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

// ── the entries of a .docx or .xlsx (a zip: APPNOTE.TXT, sections 4.3.7, 4.3.12, 4.3.16) ──────────────

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** the most a data descriptor may take after an entry's data: signature, CRC and two 8-byte sizes */
const DESCRIPTOR_MAX = 24;
/**
 * The most entries a document may have: a report with a thousand pictures has about a thousand; each is
 * looked into (its first bytes inflated), so tens of thousands would hold the server for a moment each time.
 */
const ENTRIES_MAX = 10_000;
/** the Info-ZIP Unicode Path extra field: a UTF-8 name that some tools show instead of the entry's own */
const UNICODE_PATH = 0x7075;

interface ZipEntry {
  /** the entry's name, and any other name a tool may give it (the Unicode Path extra field) */
  names: string[];
  flags: number;
  method: number;
  /** where its (compressed) data starts and ends */
  start: number;
  end: number;
}

/** The names an entry goes by: its own, and the Unicode Path of its extra field if it has one. */
function namesOf(name: Buffer, flags: number, extra: Buffer): string[] {
  const names = [name.toString(flags & 0x800 ? 'utf8' : 'latin1')];
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === UNICODE_PATH && size > 5) names.push(extra.toString('utf8', p + 9, p + 4 + size));
    p += 4 + size;
  }
  return names;
}

/**
 * The entries of a zip, as its central directory lists them (what Word, Excel and unzip read), each checked
 * against its local header (what a reader that walks the file reads): the same name at the offset the
 * directory gives, the data inside the file, and nothing between one entry and the next but a data
 * descriptor, so no entry hides from either kind of reader. Null when the file is no such zip; a zip64 one
 * is none either (8 MB needs no zip64).
 */
function zipEntries(data: Buffer): ZipEntry[] | null {
  if (data.length < 22 || !data.subarray(0, 4).equals(ZIP)) return null;
  // the end of the central directory: its 22 bytes and a comment of up to 65,535 end the file
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i -= 1)
    if (data.readUInt32LE(i) === END_OF_CENTRAL && i + 22 + data.readUInt16LE(i + 20) === data.length) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = data.readUInt16LE(eocd + 10);
  if (count > ENTRIES_MAX) return null;
  const dirSize = data.readUInt32LE(eocd + 12);
  const dirStart = data.readUInt32LE(eocd + 16);
  const dirEnd = dirStart + dirSize;
  if (dirEnd > eocd) return null;
  const entries: (ZipEntry & { at: number })[] = [];
  let p = dirStart;
  for (let k = 0; k < count; k += 1) {
    if (p + 46 > dirEnd || data.readUInt32LE(p) !== CENTRAL_HEADER) return null;
    const flags = data.readUInt16LE(p + 8);
    const method = data.readUInt16LE(p + 10);
    const compressed = data.readUInt32LE(p + 20);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    const at = data.readUInt32LE(p + 42);
    const name = data.subarray(p + 46, p + 46 + nameLength);
    const extra = data.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (p > dirEnd) return null;
    // its local header: the same name, and its data before the central directory
    if (at + 30 > dirStart || data.readUInt32LE(at) !== LOCAL_HEADER) return null;
    const localName = data.readUInt16LE(at + 26);
    const localExtra = data.readUInt16LE(at + 28);
    if (!data.subarray(at + 30, at + 30 + localName).equals(name)) return null;
    const start = at + 30 + localName + localExtra;
    const end = start + compressed;
    if (end > dirStart) return null;
    const names = [
      ...namesOf(name, flags, extra),
      ...namesOf(name, flags, data.subarray(at + 30 + localName, start)).slice(1),
    ];
    entries.push({ names, flags, method, start, end, at });
  }
  if (p !== dirEnd || entries.length === 0) return null;
  // from the first byte to the central directory, entry after entry with nothing hidden between them
  entries.sort((a, b) => a.at - b.at);
  let next = 0;
  let descriptor = false;
  for (const e of entries) {
    const gap = e.at - next;
    if (gap < 0 || gap > (descriptor ? DESCRIPTOR_MAX : 0)) return null;
    next = e.end;
    descriptor = (e.flags & 0x8) !== 0;
  }
  const tail = dirStart - next;
  return tail >= 0 && tail <= (descriptor ? DESCRIPTOR_MAX : 0) ? entries : null;
}

/** "MZ": what a Windows program starts with */
const MZ = Buffer.from('MZ');
/** Inflated bytes one document's content check may make in all: a zip bomb is refused, not unpacked. */
const INFLATE_BUDGET = 8 * 1024 * 1024;

/**
 * The first bytes of an entry's content: stored ones as they are, deflated ones by inflating only the start
 * of their data (16 bytes, then 32… up to 1 KB, until two bytes come out). Null for what Office cannot
 * read either: another compression method, encryption, a broken stream.
 */
function headOf(data: Buffer, e: ZipEntry, budget: { left: number }): Buffer | null {
  if (e.flags & 0x1) return null;
  const raw = data.subarray(e.start, e.end);
  if (e.method === 0) return raw.subarray(0, MZ.length);
  if (e.method !== 8) return null;
  for (let n = 16; ; n *= 2) {
    let out: Buffer;
    try {
      out = inflateRawSync(raw.subarray(0, n), {
        finishFlush: zlibConstants.Z_SYNC_FLUSH,
        maxOutputLength: Math.max(1, budget.left),
      });
    } catch {
      return null;
    }
    budget.left -= out.length;
    if (out.length >= MZ.length || n >= raw.length || n >= 1024) return out.subarray(0, MZ.length);
  }
}

/**
 * What is wrong with a .docx or .xlsx: not a whole zip; without `[Content_Types].xml` and the part every
 * Word document (`word/document.xml`) or Excel workbook (`xl/workbook.xml`) has; or carrying a program: an
 * entry named like one (.exe, .js…), or whose content starts as a Windows program does ("MZ").
 */
function officeProblem(data: Buffer, main: string): 'not' | 'program' | null {
  const entries = zipEntries(data);
  if (!entries) return 'not';
  const names = new Set(entries.map((e) => e.names[0]));
  if (!names.has('[Content_Types].xml') || !names.has(main)) return 'not';
  const budget = { left: INFLATE_BUDGET };
  for (const e of entries) {
    // a NUL ends the name for some tools: "evil.exe\0.xml" is evil.exe to them
    if (e.names.some((n) => isProgramName(n) || isProgramName(n.split('\0')[0]!))) return 'program';
    if (e.end === e.start) continue;
    const head = headOf(data, e, budget);
    if (!head || budget.left <= 0) return 'not';
    if (head.equals(MZ)) return 'program';
  }
  return null;
}

/**
 * Whether the bytes are what the type says. A PDF starts with `%PDF-` and ends with `%%EOF` (in its last
 * kilobyte); a PNG starts with its signature and ends with its IEND chunk; a JPEG starts with FF D8 FF and
 * ends with FF D9; a .docx or .xlsx is a whole zip with the parts of one and no program in it (above); text
 * is UTF-8 text. A .doc, .xls or .wps (OLE2) is checked by its signature only: reading its streams would
 * take a compound-file parser, and none is here.
 */
export function contentProblem(type: string, data: Buffer, maxTextChars: number): [string, string] | null {
  const starts = (magic: Buffer) => data.subarray(0, magic.length).equals(magic);
  const framed = (first: Buffer, last: Buffer) =>
    data.length >= first.length + last.length && starts(first) && data.subarray(-last.length).equals(last);
  const notA = (zh: string, en: string): [string, string] => [
    `文件内容不是${zh}（可能是改了扩展名的其他文件），未保存`,
    `The file’s content is not ${en} (another kind of file renamed?); nothing was stored`,
  ];
  const office = (main: string, zh: string, en: string): [string, string] | null => {
    const problem = officeProblem(data, main);
    if (problem === 'program')
      return [
        `文件中夹带了程序（.exe、.js 等），不是正常的${zh}，未保存`,
        `The file carries a program inside it (an .exe, .js…), which ${en} does not; nothing was stored`,
      ];
    return problem ? notA(zh, en) : null;
  };
  switch (ATTACHMENTS.types[type]) {
    case 'pdf':
      return starts(Buffer.from('%PDF-')) && data.subarray(-1024).includes('%%EOF')
        ? null
        : notA(' PDF 文档', 'a PDF document');
    case 'png':
      return framed(PNG, PNG_END) ? null : notA(' PNG 图片', 'a PNG picture');
    case 'jpg':
      return framed(JPEG, JPEG_END) ? null : notA(' JPEG 图片', 'a JPEG picture');
    case 'docx':
      return office('word/document.xml', ' Word 文档（.docx）', 'a Word document (.docx)');
    case 'xlsx':
      return office('xl/workbook.xml', ' Excel 表格（.xlsx）', 'an Excel workbook (.xlsx)');
    case 'doc':
    case 'xls':
    case 'wps':
      // the signature only: see above
      return starts(OLE2) ? null : notA(' Office 文档', 'an Office document');
    case 'txt': {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(data);
      } catch {
        return ['文本须为 UTF-8 编码', 'The text must be UTF-8'];
      }
      if (text.includes('\u0000')) return notA('文本', 'text');
      const body = text.replace(/^\uFEFF/, '');
      if (body.trim().length === 0) return ['报告内容为空', 'The report is empty'];
      if (body.length > maxTextChars)
        return [
          `文本报告不能超过 ${maxTextChars} 字（本报告 ${body.length} 字），请精简或作为文件上传`,
          `A typed report may be at most ${maxTextChars} characters (this one has ${body.length}); shorten it or upload it as a file`,
        ];
      return null;
    }
    default:
      return notA('可接受的类型', 'an accepted kind');
  }
}

/** The type from a Content-Type header (lower case, without parameters); text must be UTF-8 if it says. */
export function typeOf(header: string | undefined): string {
  const [type = '', ...params] = (header ?? '').split(';').map((p) => p.trim().toLowerCase());
  if (type === 'text/plain') {
    const charset = params
      .find((p) => p.startsWith('charset='))
      ?.slice(8)
      .replace(/"/g, '');
    if (charset && charset !== 'utf-8' && charset !== 'utf8') return 'text/plain;unsupported-charset';
  }
  return type;
}

/** The query of an upload: strict, since a command's every part is checked. */
