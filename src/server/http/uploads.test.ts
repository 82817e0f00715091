import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTextUpload, UploadError } from './uploads.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeTextUpload', () => {
  it('reads UTF-8 with and without BOM, and Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeTextUpload(utf8('naam\nSúdwest-Fryslân\n'), 'a.csv')).toEqual({
      text: 'naam\nSúdwest-Fryslân\n',
      encoding: 'utf-8',
    });
    const withBom = decodeTextUpload(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('naam')]), 'a.csv');
    expect(withBom).toEqual({ text: 'naam', encoding: 'utf-8 met BOM' });
    // "Súdwest" as Excel on Windows writes it: ú is 0xFA, which is not valid UTF-8 on its own.
    const windows = decodeTextUpload(bytes(0x53, 0xfa, 0x64, 0x77, 0x65, 0x73, 0x74, 0x3b, 0x80), 'a.csv');
    expect(windows).toEqual({ text: 'Súdwest;€', encoding: 'windows-1252' });
    const quotes = decodeTextUpload(bytes(0x93, 0x61, 0x94, 0x85, 0x9f, 0xe9), 'a.csv');
    expect(quotes.text).toBe('“a”…Ÿé');
  });

  it.each([
    [
      'an XLSX file',
      [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00],
      /Excel- of zipbestand, geen CSV-bestand\. Sla het werkblad op als CSV/,
    ],
    ['an old XLS file', [0xd0, 0xcf, 0x11, 0xe0, 0xa1], /oud Excel/],
    ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d], /een PDF/],
    ['a PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d], /afbeelding/],
    ['UTF-16', [0xff, 0xfe, 0x6e, 0x00], /UTF-16/],
    ['binary data', [0x6e, 0x61, 0x00, 0x6d], /binaire gegevens/],
  ])('refuses %s by its content, whatever its name', (_what, content, message) => {
    expect(() => decodeTextUpload(bytes(...content), 'herindelingen.csv')).toThrow(message);
    expect(() => decodeTextUpload(bytes(...content), 'herindelingen.csv')).toThrow(UploadError);
  });

  it('refuses an empty file with a 400', () => {
    expect(() => decodeTextUpload(bytes(), 'leeg.csv')).toThrow(/leeg\.csv is leeg/);
  });

  it('round-trips any text written as UTF-8', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'grapheme', minLength: 1 })
          .filter((text) => !text.includes('\u0000') && !text.startsWith('\uFEFF')),
        (text) => {
          const decoded = decodeTextUpload(utf8(text), 'x.csv');
          return decoded.text === text && decoded.encoding === 'utf-8';
        },
      ),
    );
  });

  it('never throws anything but an UploadError, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (content) => {
        try {
          decodeTextUpload(content, 'x.csv');
          return true;
        } catch (error) {
          return error instanceof UploadError;
        }
      }),
    );
  });
});
