const EXTENSION_OF = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png"
};
const PDF_MAGIC = Buffer.from("%PDF-", "latin1");
const PNG_MAGIC = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const PNG_IEND = Buffer.from([73, 69, 78, 68, 174, 66, 96, 130]);
const JPEG_SOI = Buffer.from([255, 216, 255]);
const FOREIGN_SIGNATURES = [
  { name: "ZIP/JAR/DOCX", bytes: Buffer.from([80, 75, 3, 4]) },
  { name: "RAR", bytes: Buffer.from("Rar!\x07", "latin1") },
  { name: "execut\xE1vel Windows", bytes: Buffer.from("MZ\x90\0", "latin1") },
  { name: "ELF", bytes: Buffer.from([127, 69, 76, 70]) },
  { name: "HTML", bytes: Buffer.from("<html", "latin1") },
  { name: "HTML", bytes: Buffer.from("<script", "latin1") },
  { name: "SVG", bytes: Buffer.from("<svg", "latin1") },
  { name: "PHP", bytes: Buffer.from("<?php", "latin1") }
];
const reject = (reason, message) => ({
  ok: false,
  rejection: { reason, message }
});
function detectFileType(buf) {
  if (buf.length === 0) return reject("empty", "Arquivo vazio (0 bytes).");
  let type = null;
  if (buf.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) type = "application/pdf";
  else if (buf.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) type = "image/png";
  else if (buf.subarray(0, JPEG_SOI.length).equals(JPEG_SOI)) type = "image/jpeg";
  if (type === null) {
    return reject(
      "unknown_type",
      "Tipo de arquivo n\xE3o aceito: envie PDF, JPEG ou PNG (o conte\xFAdo n\xE3o corresponde a nenhum deles)."
    );
  }
  const tail = trimTrailingWhitespace(buf);
  if (type === "image/png") {
    if (buf.length < 33 || buf.toString("latin1", 12, 16) !== "IHDR")
      return reject("malformed", "PNG inv\xE1lido (sem cabe\xE7alho IHDR).");
    const iend = buf.lastIndexOf(PNG_IEND);
    if (iend < 0) return reject("malformed", "PNG incompleto (sem o bloco IEND).");
    if (iend + PNG_IEND.length !== buf.length) {
      return reject("polyglot", "PNG com dados ap\xF3s o fim da imagem (poss\xEDvel arquivo poliglota).");
    }
  } else if (type === "image/jpeg") {
    if (!(tail.length >= 4 && tail[tail.length - 2] === 255 && tail[tail.length - 1] === 217)) {
      return reject(
        "polyglot",
        "JPEG com dados ap\xF3s o marcador de fim de imagem ou incompleto (poss\xEDvel arquivo poliglota)."
      );
    }
  } else {
    const eof = buf.lastIndexOf(Buffer.from("%%EOF", "latin1"));
    if (eof < 0) return reject("malformed", "PDF incompleto (sem %%EOF).");
    if (eof + 5 < tail.length)
      return reject("polyglot", "PDF com dados ap\xF3s %%EOF (poss\xEDvel arquivo poliglota).");
    const text = buf.toString("latin1");
    const ACTIVE = [
      ["/JavaScript", /\/JavaScript(?![A-Za-z])/],
      ["/JS", /\/JS\s*(?:\(|<|\d+\s+\d+\s+R)/],
      ["/Launch", /\/Launch(?![A-Za-z])/],
      ["/EmbeddedFile", /\/EmbeddedFiles?(?![A-Za-z])/],
      ["/RichMedia", /\/RichMedia(?![A-Za-z])/]
    ];
    for (const [key, re] of ACTIVE) {
      if (re.test(text)) return reject("active_content", `PDF com conte\xFAdo ativo (${key}) n\xE3o \xE9 aceito.`);
    }
  }
  if (type !== "application/pdf" && buf.subarray(0, 1024).indexOf(PDF_MAGIC) >= 0) {
    return reject("polyglot", "Imagem que tamb\xE9m \xE9 um PDF (arquivo poliglota).");
  }
  const head = Buffer.from(buf.subarray(0, 4096).toString("latin1").toLowerCase(), "latin1");
  for (const sig of FOREIGN_SIGNATURES) {
    const needle = Buffer.from(sig.bytes.toString("latin1").toLowerCase(), "latin1");
    if (head.indexOf(needle) >= 0)
      return reject("polyglot", `Arquivo cont\xE9m outro formato embutido (${sig.name}).`);
  }
  for (const marker of ["<script", "<?php"]) {
    if (buf.indexOf(marker, 0, "latin1") >= 0) return reject("polyglot", "Arquivo cont\xE9m c\xF3digo embutido.");
  }
  return { ok: true, type };
}
function trimTrailingWhitespace(buf) {
  let end = buf.length;
  while (end > 0 && (buf[end - 1] === 10 || buf[end - 1] === 13 || buf[end - 1] === 32 || buf[end - 1] === 9 || buf[end - 1] === 0))
    end--;
  return buf.subarray(0, end);
}
const MAX_FILE_NAME_BYTES = 120;
function sanitizeFileName(raw, type) {
  let name = raw.normalize("NFC");
  name = name.split(/[/\\]/).pop() ?? "";
  name = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "").replace(/[<>:"|?*]/g, "_").replace(/\s+/g, " ").trim().replace(/^[.\s]+/, "");
  const dot = name.lastIndexOf(".");
  let stem = dot > 0 ? name.slice(0, dot) : name;
  stem = stem.replace(/\.+/g, ".").replace(/[.\s]+$/, "");
  if (stem === "" || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem)) stem = "documento";
  const ext = `.${EXTENSION_OF[type]}`;
  const budget = MAX_FILE_NAME_BYTES - Buffer.byteLength(ext);
  while (Buffer.byteLength(stem) > budget) stem = Array.from(stem).slice(0, -1).join("");
  return `${stem}${ext}`;
}
const DOCUMENT_CATEGORIES = [
  "identity",
  // documento de identificação
  "birth_certificate",
  // certidão de nascimento
  "marriage_certificate",
  // certidão de casamento / união estável
  "death_certificate",
  // certidão de óbito
  "work_booklet",
  // carteira de trabalho (CTPS)
  "medical_report",
  // laudo / atestado médico
  "proof_of_address",
  // comprovante de residência
  "prison_certificate",
  // certidão de recolhimento prisional
  "ppp",
  // perfil profissiográfico previdenciário
  "income_proof",
  // comprovante de renda familiar
  "representation_term",
  // termo de representação (ACT)
  "appeal",
  // razões de recurso
  "other"
  // outros
];
export {
  DOCUMENT_CATEGORIES,
  EXTENSION_OF,
  MAX_FILE_NAME_BYTES,
  detectFileType,
  sanitizeFileName
};
