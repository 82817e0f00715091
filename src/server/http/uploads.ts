/**
 * Uploaded files are judged by their content, not their name: a spreadsheet, PDF, program or image renamed to
 * .csv is refused with what it is and what to do instead; text is decoded as UTF-8 (with or without BOM) or, when
 * that fails, as Windows-1252 (what Excel on Windows writes as "CSV"), and the encoding used is reported.
 * Pure functions on bytes, no I/O.
 */
export class UploadError extends Error {
  readonly statusCode: number;
  constructor(message: string, statusCode = 415) {
    super(message);
    this.statusCode = statusCode;
  }
}

export type TextEncoding = 'utf-8' | 'utf-8 met BOM' | 'windows-1252';

const SIGNATURES: { bytes: number[]; what: string; advice: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: 'een Excel- of zipbestand',
    advice: 'Sla het werkblad op als CSV (UTF-8).',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    what: 'een oud Excel- of Word-bestand',
    advice: 'Sla het werkblad op als CSV (UTF-8).',
  },
  {
    bytes: [0x25, 0x50, 0x44, 0x46],
    what: 'een PDF',
    advice: 'Gebruik het CSV-bestand waaruit de PDF is gemaakt.',
  },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'een programma', advice: 'Kies het CSV-bestand.' },
  { bytes: [0x4d, 0x5a], what: 'een programma', advice: 'Kies het CSV-bestand.' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'een afbeelding (PNG)', advice: 'Kies het CSV-bestand.' },
  { bytes: [0xff, 0xd8, 0xff], what: 'een afbeelding (JPEG)', advice: 'Kies het CSV-bestand.' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'een afbeelding (GIF)', advice: 'Kies het CSV-bestand.' },
  { bytes: [0x1f, 0x8b], what: 'een gzip-archief', advice: 'Pak het eerst uit en kies het CSV-bestand.' },
];

const startsWith = (bytes: Uint8Array, prefix: number[]) =>
  prefix.every((byte, index) => bytes[index] === byte);

/** Decodes an uploaded text (CSV) file or refuses it with a Dutch message naming the file and what to do. */
export function decodeTextUpload(
  bytes: Uint8Array,
  fileName: string,
): { text: string; encoding: TextEncoding } {
  if (bytes.length === 0)
    throw new UploadError(`${fileName} is leeg. Kies een CSV-bestand met een kopregel.`, 400);
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes))
      throw new UploadError(`${fileName} is ${signature.what}, geen CSV-bestand. ${signature.advice}`);
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    throw new UploadError(`${fileName} is als UTF-16 opgeslagen. Sla het op als CSV (UTF-8).`);
  const head = bytes.subarray(0, 8192);
  if (head.includes(0))
    throw new UploadError(
      `${fileName} is geen tekstbestand (het bevat binaire gegevens). Kies een CSV-bestand.`,
    );
  const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: hasBom ? 'utf-8 met BOM' : 'utf-8' };
  } catch {
    // Not valid UTF-8: a Windows export. Every byte is a character in Windows-1252, so this cannot fail.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** 0x80–0x9F in Windows-1252 (€, ‚, ƒ, „, …); undefined positions stay as their Latin-1 control character. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

// Node 20's TextDecoder('windows-1252') decodes as Latin-1 (0x80 becomes U+0080, not €), so map that range here.
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return text;
}
