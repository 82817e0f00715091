/** Request and response contracts of the geography API; also the source of its OpenAPI description. */
import { z } from 'zod';
import { AREA_CODE_PATTERNS, AREA_LEVELS } from '../../../shared/geography.ts';

const ANY_AREA_CODE = new RegExp(
  Object.values(AREA_CODE_PATTERNS)
    .map((pattern) => pattern.source)
    .join('|'),
);

const areaLevel = z.enum(AREA_LEVELS).describe('Niveau: land, provincie, veiligthuisregio of gemeente');
const areaCode = z
  .string()
  .regex(ANY_AREA_CODE, 'Gebruik een CBS-code zoals GM0363, VT01, PV27 of NL01')
  .describe('CBS area code, leading zeros kept (GM0363, VT01, PV27, NL01)');
const year = z
  .string()
  .regex(/^(19|20)\d{2}$|^2100$/, 'Geef een jaar van vier cijfers tussen 1900 en 2100, bijvoorbeeld 2026')
  .transform(Number)
  .describe('Division and population on 1 January of this year; default: today and the latest population');

export const listAreasQuery = z.object({
  level: areaLevel.default('gemeente'),
  /** Only members of this provincie or Veilig Thuis-regio. */
  parent: areaCode.optional().describe('Only gemeenten belonging to this provincie or Veilig Thuis-regio'),
  year: year.optional(),
  /** Part of the name; case and diacritics are ignored ("sudwest" finds Súdwest-Fryslân). */
  q: z
    .string()
    .max(100, 'De zoekterm mag hoogstens 100 tekens zijn')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'De zoekterm mag geen stuurtekens bevatten')
    .optional()
    .describe('Part of the name; case and diacritics are ignored'),
});

export const areaCodeParams = z.object({ code: areaCode });
export const areaDetailQuery = z.object({ year: year.optional() });

export const areaSummary = z.object({
  code: z.string(),
  name: z.string().describe('Name as CBS writes it'),
  level: areaLevel,
  population: z
    .number()
    .int()
    .nullable()
    .describe('Inhabitants on the reference date; sums of gemeenten above that level'),
  populationReferenceDate: z.string().nullable().describe('1 January the population refers to'),
});

export const areaList = z.object({ items: z.array(areaSummary) });

const mergerLink = z.object({
  code: z.string(),
  name: z.string(),
  effectiveDate: z.string().describe('Date the merger took effect'),
  populationShare: z.number().nullable().describe('Share of the old gemeente’s inhabitants; null if unknown'),
});

export const areaDetail = z.object({
  code: z.string(),
  name: z.string(),
  level: areaLevel,
  validFrom: z.string().describe('First day the area exists (as far as the reference data claims)'),
  validTo: z.string().nullable().describe('First day the area no longer exists; null while it exists'),
  parents: z.array(z.object({ code: z.string(), name: z.string(), level: areaLevel })),
  children: z.array(areaSummary).describe('Gemeenten of a region, province or the Netherlands'),
  population: z.array(z.object({ referenceDate: z.string(), inhabitants: z.number().int() })),
  successors: z
    .array(mergerLink)
    .describe('Gemeenten this one merged into (herindeling), with the share of its inhabitants'),
  predecessors: z.array(mergerLink).describe('Gemeenten that merged into this one'),
});

export const boundaryParams = z.object({
  level: z.enum(['gemeente', 'veiligthuisregio', 'provincie']).describe('Level of the boundaries'),
});

export const mergerList = z.object({
  items: z.array(
    z.object({
      oldCode: z.string(),
      oldName: z.string(),
      newCode: z.string(),
      newName: z.string(),
      effectiveDate: z.string(),
      populationShare: z
        .number()
        .nullable()
        .describe('Share of the old gemeente going to the new; null if unknown'),
      isNewCodeCreated: z.boolean(),
      source: z.string(),
    }),
  ),
});

export { errorResponse } from '../../http/common.schemas.ts';

export const mergerImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'], 'Gebruik true of false')
    .default('false')
    .transform((value) => value === 'true')
    .describe('true: validate and report only, change nothing'),
  fileName: z
    .string()
    .max(200, 'De bestandsnaam mag hoogstens 200 tekens zijn')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    .regex(/^[^\u0000-\u001f\u007f<>]*$/, 'De bestandsnaam bevat tekens die niet mogen')
    .default('upload.csv')
    .describe('Name of the file, used in messages and the audit log'),
});

export const mergerImportResult = z.object({
  fileName: z.string(),
  rows: z.number().int(),
  dryRun: z.boolean(),
  encoding: z.enum(['utf-8', 'utf-8 met BOM', 'windows-1252']).describe('How the file was decoded'),
});
