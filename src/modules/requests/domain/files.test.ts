import { describe, expect, it } from 'vitest';
import { detectFileType, MAX_FILE_NAME_BYTES, sanitizeFileName } from './files';
import { tinyJpeg, tinyPdf, tinyPng } from './testing-files';

const reason = (b: Buffer) => {
  const r = detectFileType(b);
  return r.ok ? `ok:${r.type}` : r.rejection.reason;
};

describe('file type by magic bytes', () => {
  it('accepts genuine PDF, JPEG and PNG whatever they are called', () => {
    expect(reason(tinyPdf())).toBe('ok:application/pdf');
    expect(reason(tinyJpeg())).toBe('ok:image/jpeg');
    expect(reason(tinyPng())).toBe('ok:image/png');
  });

  it('rejects zero-byte and unknown content (an .exe renamed .pdf, plain text, GIF)', () => {
    expect(reason(Buffer.alloc(0))).toBe('empty');
    expect(reason(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBe('unknown_type');
    expect(reason(Buffer.from('isto não é um pdf'))).toBe('unknown_type');
    expect(reason(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBe('unknown_type');
    expect(reason(Buffer.from(' %PDF-1.4 leading space', 'latin1'))).toBe('unknown_type');
  });

  it('rejects polyglots: data after the end, PDF inside an image, archives and markup in the header', () => {
    const zip = Buffer.from('PK\x03\x04\x14\x00\x00\x00payload', 'latin1');
    expect(reason(Buffer.concat([tinyJpeg(), zip]))).toBe('polyglot');
    expect(reason(Buffer.concat([tinyPng(), zip]))).toBe('polyglot');
    expect(reason(Buffer.concat([tinyPdf(), zip]))).toBe('polyglot');
    // JPEG whose comment carries a PDF header (read as PDF by viewers).
    const jpegPdf = tinyJpeg();
    const withPdf = Buffer.concat([
      jpegPdf.subarray(0, 20),
      Buffer.from('%PDF-1.4 ', 'latin1'),
      jpegPdf.subarray(20),
    ]);
    expect(reason(withPdf)).toBe('polyglot');
    const jpegHtml = Buffer.concat([
      tinyJpeg().subarray(0, 20),
      Buffer.from('<HTML><body>', 'latin1'),
      tinyJpeg().subarray(20),
    ]);
    expect(reason(jpegHtml)).toBe('polyglot');
    expect(
      reason(
        Buffer.concat([
          tinyPng().subarray(0, 33),
          Buffer.from('<script>alert(1)</script>'),
          tinyPng().subarray(33),
        ]),
      ),
    ).toBe('polyglot');
  });

  it('rejects PDFs with active content and truncated files', () => {
    expect(reason(tinyPdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'))).toBe('active_content');
    expect(reason(tinyPdf('/AA << /O << /S /Launch /F (cmd.exe) >> >>'))).toBe('active_content');
    expect(reason(tinyPdf('/OpenAction 5 0 R /Names << /JS 7 0 R >>'))).toBe('active_content');
    // "/JS" as bytes inside a (compressed) stream, with no value after it, is not a script.
    expect(reason(tinyPdf('/Filter /FlateDecode >> stream\n\x01/JS\x9c\x02 endstream'))).toBe(
      'ok:application/pdf',
    );
    expect(reason(tinyPdf().subarray(0, 30))).toBe('malformed');
    expect(reason(tinyPng().subarray(0, 40))).toBe('malformed');
    expect(reason(tinyJpeg().subarray(0, 10))).toBe('polyglot');
  });
});

describe('file name sanitization', () => {
  it('keeps only the last path segment (path traversal)', () => {
    expect(sanitizeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(sanitizeFileName('..\\..\\windows\\system32\\laudo.pdf', 'application/pdf')).toBe('laudo.pdf');
    expect(sanitizeFileName('/var/lib/../..', 'image/png')).toBe('documento.png');
  });

  it('removes control and bidi characters and forces the real extension', () => {
    expect(sanitizeFileName('foto\u202Egpj.exe', 'image/jpeg')).toBe('fotogpj.jpg');
    expect(sanitizeFileName('rg\u0000\u0007\n.pdf', 'application/pdf')).toBe('rg.pdf');
    expect(sanitizeFileName('laudo.pdf.exe', 'application/pdf')).toBe('laudo.pdf.pdf');
    expect(sanitizeFileName('.htaccess', 'image/png')).toBe('htaccess.png');
    expect(sanitizeFileName('a<b>:c|d?.png', 'image/png')).toBe('a_b__c_d_.png');
    expect(sanitizeFileName('CON.pdf', 'application/pdf')).toBe('documento.pdf');
    expect(sanitizeFileName('Certidão de Nascimento.PDF', 'application/pdf')).toBe(
      'Certidão de Nascimento.pdf',
    );
  });

  it('limits the length in UTF-8 bytes without cutting a character', () => {
    const out = sanitizeFileName(`${'ç'.repeat(300)}.pdf`, 'application/pdf');
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(out.endsWith('ç.pdf')).toBe(true);
  });
});
