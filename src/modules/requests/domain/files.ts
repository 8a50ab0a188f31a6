/**
 * Uploaded documents: the type is decided by the content (magic bytes), never by the name or the
 * declared Content-Type, and files that are valid as one type while carrying another format
 * (polyglots) or active content are refused. File names are sanitized before they are stored or
 * shown. Pure functions over bytes.
 */

export type DetectedType = 'application/pdf' | 'image/jpeg' | 'image/png';

export const EXTENSION_OF: Record<DetectedType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

export type FileRejection =
  | { reason: 'empty'; message: string }
  | { reason: 'unknown_type'; message: string }
  | { reason: 'malformed'; message: string }
  | { reason: 'polyglot'; message: string }
  | { reason: 'active_content'; message: string };

export type FileCheck = { ok: true; type: DetectedType } | { ok: false; rejection: FileRejection };

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_IEND = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const JPEG_SOI = Buffer.from([0xff, 0xd8, 0xff]);

/** Signatures of other formats that must not hide inside an accepted file. */
const FOREIGN_SIGNATURES: { name: string; bytes: Buffer }[] = [
  { name: 'ZIP/JAR/DOCX', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04]) },
  { name: 'RAR', bytes: Buffer.from('Rar!\x1a\x07', 'latin1') },
  { name: 'executável Windows', bytes: Buffer.from('MZ\x90\x00', 'latin1') },
  { name: 'ELF', bytes: Buffer.from([0x7f, 0x45, 0x4c, 0x46]) },
  { name: 'HTML', bytes: Buffer.from('<html', 'latin1') },
  { name: 'HTML', bytes: Buffer.from('<script', 'latin1') },
  { name: 'SVG', bytes: Buffer.from('<svg', 'latin1') },
  { name: 'PHP', bytes: Buffer.from('<?php', 'latin1') },
];

const reject = (reason: FileRejection['reason'], message: string): FileCheck => ({
  ok: false,
  rejection: { reason, message } as FileRejection,
});

export function detectFileType(buf: Buffer): FileCheck {
  if (buf.length === 0) return reject('empty', 'Arquivo vazio (0 bytes).');
  let type: DetectedType | null = null;
  if (buf.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) type = 'application/pdf';
  else if (buf.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) type = 'image/png';
  else if (buf.subarray(0, JPEG_SOI.length).equals(JPEG_SOI)) type = 'image/jpeg';
  if (type === null) {
    return reject(
      'unknown_type',
      'Tipo de arquivo não aceito: envie PDF, JPEG ou PNG (o conteúdo não corresponde a nenhum deles).',
    );
  }

  // Structure: each format must also end where it says it ends; bytes appended after the end
  // are the classic way to build a polyglot (e.g. a ZIP appended to a JPEG).
  const tail = trimTrailingWhitespace(buf);
  if (type === 'image/png') {
    if (buf.length < 33 || buf.toString('latin1', 12, 16) !== 'IHDR')
      return reject('malformed', 'PNG inválido (sem cabeçalho IHDR).');
    const iend = buf.lastIndexOf(PNG_IEND);
    if (iend < 0) return reject('malformed', 'PNG incompleto (sem o bloco IEND).');
    if (iend + PNG_IEND.length !== buf.length) {
      return reject('polyglot', 'PNG com dados após o fim da imagem (possível arquivo poliglota).');
    }
  } else if (type === 'image/jpeg') {
    if (!(tail.length >= 4 && tail[tail.length - 2] === 0xff && tail[tail.length - 1] === 0xd9)) {
      return reject(
        'polyglot',
        'JPEG com dados após o marcador de fim de imagem ou incompleto (possível arquivo poliglota).',
      );
    }
  } else {
    const eof = buf.lastIndexOf(Buffer.from('%%EOF', 'latin1'));
    if (eof < 0) return reject('malformed', 'PDF incompleto (sem %%EOF).');
    if (eof + 5 < tail.length)
      return reject('polyglot', 'PDF com dados após %%EOF (possível arquivo poliglota).');
    // Active content in a PDF a civil servant will open: scripts, launch actions, attachments.
    const text = buf.toString('latin1');
    // The names are long enough not to occur by chance in compressed streams; the short "/JS" key
    // only counts when a value follows it (a string, hex string or indirect reference).
    const ACTIVE: [string, RegExp][] = [
      ['/JavaScript', /\/JavaScript(?![A-Za-z])/],
      ['/JS', /\/JS\s*(?:\(|<|\d+\s+\d+\s+R)/],
      ['/Launch', /\/Launch(?![A-Za-z])/],
      ['/EmbeddedFile', /\/EmbeddedFiles?(?![A-Za-z])/],
      ['/RichMedia', /\/RichMedia(?![A-Za-z])/],
    ];
    for (const [key, re] of ACTIVE) {
      if (re.test(text)) return reject('active_content', `PDF com conteúdo ativo (${key}) não é aceito.`);
    }
  }

  // Foreign formats hidden in the body. PDF readers accept "%PDF-" anywhere in the first 1024
  // bytes, so an image that contains it there is a PDF polyglot.
  if (type !== 'application/pdf' && buf.subarray(0, 1024).indexOf(PDF_MAGIC) >= 0) {
    return reject('polyglot', 'Imagem que também é um PDF (arquivo poliglota).');
  }
  // Other formats hidden in the first 4 KiB (where headers and metadata live; ZIP and HTML
  // polyglots put their marker there or after the end, which is checked above). Scanning the whole
  // compressed body would reject genuine photos on chance byte sequences.
  const head = Buffer.from(buf.subarray(0, 4096).toString('latin1').toLowerCase(), 'latin1');
  for (const sig of FOREIGN_SIGNATURES) {
    const needle = Buffer.from(sig.bytes.toString('latin1').toLowerCase(), 'latin1');
    if (head.indexOf(needle) >= 0)
      return reject('polyglot', `Arquivo contém outro formato embutido (${sig.name}).`);
  }
  // Script markers are long enough to search everywhere without false positives.
  for (const marker of ['<script', '<?php']) {
    if (buf.indexOf(marker, 0, 'latin1') >= 0) return reject('polyglot', 'Arquivo contém código embutido.');
  }
  return { ok: true, type };
}

function trimTrailingWhitespace(buf: Buffer): Buffer {
  let end = buf.length;
  while (
    end > 0 &&
    (buf[end - 1] === 0x0a ||
      buf[end - 1] === 0x0d ||
      buf[end - 1] === 0x20 ||
      buf[end - 1] === 0x09 ||
      buf[end - 1] === 0x00)
  )
    end--;
  return buf.subarray(0, end);
}

export const MAX_FILE_NAME_BYTES = 120;

/**
 * A file name safe to store and show: no directories (path traversal), no control or bidi
 * characters (spoofed extensions like "fotogpj.exe" with U+202E), no reserved characters, no
 * leading dots, at most 120 UTF-8 bytes, and the extension of the detected type.
 */
export function sanitizeFileName(raw: string, type: DetectedType): string {
  let name = raw.normalize('NFC');
  // Only the last path segment survives ("../../etc/passwd" → "passwd", "C:\\x\\y.pdf" → "y.pdf").
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  // Drop the declared extension: the real one comes from the content.
  const dot = name.lastIndexOf('.');
  let stem = dot > 0 ? name.slice(0, dot) : name;
  stem = stem.replace(/\.+/g, '.').replace(/[.\s]+$/, '');
  if (stem === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem)) stem = 'documento';
  const ext = `.${EXTENSION_OF[type]}`;
  const budget = MAX_FILE_NAME_BYTES - Buffer.byteLength(ext);
  while (Buffer.byteLength(stem) > budget) stem = Array.from(stem).slice(0, -1).join('');
  return `${stem}${ext}`;
}

export const DOCUMENT_CATEGORIES = [
  'identity', // documento de identificação
  'birth_certificate', // certidão de nascimento
  'marriage_certificate', // certidão de casamento / união estável
  'death_certificate', // certidão de óbito
  'work_booklet', // carteira de trabalho (CTPS)
  'medical_report', // laudo / atestado médico
  'proof_of_address', // comprovante de residência
  'prison_certificate', // certidão de recolhimento prisional
  'ppp', // perfil profissiográfico previdenciário
  'income_proof', // comprovante de renda familiar
  'representation_term', // termo de representação (ACT)
  'appeal', // razões de recurso
  'other', // outros
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];
