/** Contracts shared by every module's routes. */
import { z } from 'zod';

export const errorResponse = z.object({
  message: z.string(),
  parameter: z.string().optional().describe('The request parameter that was wrong, for 400 answers'),
  problems: z
    .array(z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string() }))
    .optional()
    .describe('For a refused file: every problem with its row (header = 1), column and the value seen'),
});

/** Free text typed by a person: no control characters, bounded length. */
export function plainText(field: string, max: number) {
  return (
    z
      .string()
      .trim()
      .min(1, `Vul ${field} in`)
      .max(max, `${field} mag hoogstens ${max} tekens zijn`)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
      .regex(/^[^\u0000-\u001f\u007f]*$/, `${field} mag geen stuurtekens bevatten`)
      // U+FFFD is what a wrongly decoded byte becomes (e.g. Windows-1252 sent as UTF-8): refuse rather than store it.
      .regex(
        /^[^\uFFFD]*$/,
        `${field} bevat tekens die niet als UTF-8 te lezen zijn; stuur de tekst als UTF-8`,
      )
      // Names never need markup; refusing it keeps stored text harmless wherever it is shown later.
      .regex(/^[^<>]*$/, `${field} mag geen < of > bevatten`)
  );
}
