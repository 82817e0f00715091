/**
 * Recognising personal data in a case extract, so the import can refuse it at the door. Pure: no I/O. The case
 * register holds codes and dates only; anything that looks like a name, BSN, date of birth, address, postcode
 * with house number, phone number or e-mail address is refused, naming the column and why, without ever
 * repeating the value itself.
 *
 * The value rules aim for few false positives: codes (GM0363, VT-2024-00017), ISO dates and plain numbers must
 * pass, because one false alarm refuses a whole file.
 */
import { isIsoDate } from './cases.domain.ts';

export const PERSONAL_DATA_KINDS = [
  'naam',
  'bsn',
  'geboortedatum',
  'adres',
  'postcode_huisnummer',
  'telefoon',
  'email',
] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  naam: 'Naam',
  bsn: 'BSN',
  geboortedatum: 'Geboortedatum',
  adres: 'Adres',
  postcode_huisnummer: 'Postcode met huisnummer',
  telefoon: 'Telefoonnummer',
  email: 'E-mailadres',
};

// ---------------------------------------------------------------------------------------------------------
// BSN

const BSN_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

/**
 * Whether `text` is a BSN by the elfproef (11-test). Nine digits, or eight (a leading zero lost in a
 * spreadsheet), or nine digits written with dots, spaces or dashes between them (`1234.56.782`). Never all
 * zeros. Eight digits with separators are refused: `2024-03-01` must not count as a BSN.
 */
export function isValidBsn(text: string): boolean {
  const trimmed = text.trim();
  let digits: string;
  if (/^\d{8,9}$/.test(trimmed)) digits = trimmed.padStart(9, '0');
  else if (/^\d[\d.\s-]*\d$/.test(trimmed)) {
    digits = trimmed.replace(/[.\s-]/g, '');
    if (!/^\d{9}$/.test(digits)) return false;
  } else return false;
  if (/^0+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += (BSN_WEIGHTS[index] as number) * Number(digits[index]);
  return sum % 11 === 0;
}

// ---------------------------------------------------------------------------------------------------------
// Column names

/** Lower case, accents dropped, and no spaces, underscores, dashes, dots or brackets: `Geb. datum` → `gebdatum`. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('nl-NL')
    .replace(/[\s_\-.'’()/\\]+/g, '');
}

const NAME_HEADERS = new Set([
  'naam',
  'namen',
  'voornaam',
  'voornamen',
  'achternaam',
  'roepnaam',
  'voorletters',
  'initialen',
  'tussenvoegsel',
  'tussenvoegsels',
  'geslachtsnaam',
  'familienaam',
  'meisjesnaam',
  'volledigenaam',
  'name',
  'names',
  'firstname',
  'lastname',
  'surname',
  'givenname',
  'fullname',
  'middlename',
]);
const NAME_PREFIXES = [
  'voornaam',
  'voornamen',
  'achternaam',
  'roepnaam',
  'voorletters',
  'tussenvoegsel',
  'geslachtsnaam',
  'familienaam',
  'firstname',
  'lastname',
  'surname',
  'givenname',
];
/** "naam" next to one of these is a person's name (`naam_moeder`, `clientnaam`); `gemeentenaam` is not. */
const PERSON_WORDS = [
  'client',
  'moeder',
  'vader',
  'kind',
  'ouder',
  'slachtoffer',
  'pleger',
  'melder',
  'persoon',
  'betrokkene',
  'partner',
  'jongere',
  'verzorger',
  'regisseur',
  'hulpverlener',
  'medewerker',
  'contactpersoon',
  'person',
  'child',
  'parent',
];

/**
 * The kind of personal data a column name announces, or null. Insensitive to case, accents, spaces,
 * underscores and dashes, so `E-mail`, `Geb_datum` and `Telefoon nr` are all recognised.
 */
export function personalDataInHeader(header: string): PersonalDataKind | null {
  const name = normaliseHeader(header);
  if (name === '') return null;
  if (
    /^(bsn|burgerservicenummer|sofinummer|sofinr|sofi)/.test(name) ||
    /(bsn|bsnnummer|bsnnr|burgerservicenummer|sofinummer)$/.test(name)
  )
    return 'bsn';
  if (
    /geboortedatum|geboortedat|geboortedag|dateofbirth|birthdate|birthday|datumgeboorte/.test(name) ||
    /^(dob|geboren|gebdat|gebdatum|gebdt)$/.test(name)
  )
    return 'geboortedatum';
  if (/email|mailadres/.test(name) || name === 'mail') return 'email';
  if (
    /telefoon|phone/.test(name) ||
    /^(tel|telnr|telnummer|gsm|gsmnummer|mobiel|mobielnr|mobielnummer|mobile|mob)$/.test(name)
  )
    return 'telefoon';
  if (/postcode|postalcode|zipcode/.test(name) || /^(zip|pc6)$/.test(name)) return 'postcode_huisnummer';
  if (
    /adres|address|straat|woonplaats/.test(name) ||
    /^(huisnummer|huisnr|huisletter|street|city)/.test(name)
  )
    return 'adres';
  if (NAME_HEADERS.has(name) || NAME_PREFIXES.some((prefix) => name.startsWith(prefix))) return 'naam';
  if (/naam|name/.test(name) && PERSON_WORDS.some((word) => name.includes(word))) return 'naam';
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Values

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
/** Whole value: a Dutch number (+31 / 0031 / 0, then 9 digits not starting with 0), with usual separators. */
const PHONE_CHARACTERS = /^\+?[\d\s().-]+$/;
const PHONE_DIGITS = /^(?:\+31|0031|0)[1-9]\d{8}$/;
/** Postcode, a separator, and a house number: `1234 AB 12`, `1234AB 12a`, `1234ab-12`, `1234 AB, 12`. */
const POSTCODE_WITH_NUMBER = /(?<![\p{L}\d])[1-9]\d{3} ?[A-Za-z]{2}(?:\s*[,-]\s*|\s+)\d{1,5}(?!\d)/u;
/** Run together (`1234AB12`), only as the whole value; CBS period codes (2024KW03, 2024MM11) are not postcodes. */
const POSTCODE_NUMBER_JOINED = /^[1-9]\d{3}([A-Za-z]{2})\d{1,5}[A-Za-z]?$/;
const PERIOD_LETTERS = new Set(['JJ', 'HJ', 'KW', 'MM']);
/** A word ending in a street suffix (or being one: `Laan van …`), maybe more words, then a house number. */
const STREET_ADDRESS =
  /(?<![\p{L}\d])[\p{L}'’.-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|dreef|steeg)(?:\s+[\p{L}'’.-]+)*\s+\d{1,5}(?!\d)/iu;

const TUSSENVOEGSELS = new Set([
  'de',
  'den',
  'der',
  'van',
  'het',
  "'t",
  '’t',
  'ter',
  'ten',
  'te',
  'in',
  'op',
  'la',
  'le',
  'du',
  'da',
  'di',
  'von',
  'vd',
  'v.d.',
  'v/d',
]);
const CAPITALISED_WORD = /^\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}'’]*)*$/u;
const INITIALS = /^(?:\p{Lu}\.)+$/u;

/**
 * Two or more capitalised words of letters (initials and tussenvoegsels allowed between them): `Jan Jansen`,
 * `M. de Vries`. Only meaningful for columns that should hold an identifier or code.
 */
export function looksLikePersonName(text: string): boolean {
  const tokens = text
    .trim()
    .split(/\s+/)
    .map((token) => token.replace(/,$/, ''))
    .filter((token) => token !== '');
  if (tokens.length < 2) return false;
  let words = 0;
  let initials = 0;
  for (const token of tokens) {
    if (CAPITALISED_WORD.test(token)) words++;
    else if (INITIALS.test(token)) initials++;
    else if (!TUSSENVOEGSELS.has(token.toLowerCase())) return false;
  }
  return words >= 1 && words + initials >= 2;
}

export type PersonalDataValueOptions = {
  /** Also flag person-name-like values: only for columns that should hold an identifier or code. */
  nameLike?: boolean;
};

/**
 * The kind of personal data a cell's value looks like, or null. A nine-digit number counts as a BSN only when
 * it passes the elfproef; a postcode alone is not personal data, a postcode with a house number is. Dates of
 * birth cannot be told from other dates by value: those are found by their column name only.
 */
export function personalDataInValue(
  text: string,
  options: PersonalDataValueOptions = {},
): PersonalDataKind | null {
  const value = text.trim();
  if (value === '') return null;
  // Every value rule but the name needs a digit or an @: most codes leave here.
  const hasDigitOrAt = /[\d@]/.test(value);
  if (!hasDigitOrAt) return options.nameLike && looksLikePersonName(value) ? 'naam' : null;

  if (value.includes('@') && EMAIL.test(value)) return 'email';
  if (PHONE_CHARACTERS.test(value)) {
    const digits = value.replace(/^(\+31|0031)\s*\(0\)/, '$1').replace(/[\s().-]/g, '');
    if (PHONE_DIGITS.test(digits)) return 'telefoon';
    if (isValidBsn(value) && !isCompactDate(value)) return 'bsn';
  }
  if (POSTCODE_WITH_NUMBER.test(value)) return 'postcode_huisnummer';
  const joined = POSTCODE_NUMBER_JOINED.exec(value);
  if (joined && !PERIOD_LETTERS.has((joined[1] as string).toUpperCase())) return 'postcode_huisnummer';
  if (STREET_ADDRESS.test(value)) return 'adres';
  if (options.nameLike && looksLikePersonName(value)) return 'naam';
  return null;
}

/** `20240301`: eight digits that read as a date are a date, not a BSN that lost its leading zero. */
function isCompactDate(value: string): boolean {
  if (!/^(19|20)\d{6}$/.test(value)) return false;
  return isIsoDate(`${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`);
}

// ---------------------------------------------------------------------------------------------------------
// Messages

/** What was found, as the middle of a sentence: "bevat {found}". */
const FOUND: Record<PersonalDataKind, string> = {
  naam: 'iets dat op een naam lijkt (woorden met een hoofdletter)',
  bsn: 'een BSN (het nummer voldoet aan de elfproef)',
  geboortedatum: 'een geboortedatum',
  adres: 'een adres (straat met huisnummer)',
  postcode_huisnummer: 'een postcode met huisnummer',
  telefoon: 'een telefoonnummer',
  email: 'een e-mailadres',
};

/** "Het casusregister neemt geen {plural} op". */
const NONE_OF: Record<PersonalDataKind, string> = {
  naam: 'namen',
  bsn: 'BSN',
  geboortedatum: 'geboortedata',
  adres: 'adressen',
  postcode_huisnummer: 'postcodes met huisnummer',
  telefoon: 'telefoonnummers',
  email: 'e-mailadressen',
};

/** How to fix a value in a column of the extract. */
function fixFor(column: string): string {
  switch (column) {
    case 'casus_id':
      return 'lever het eigen casusnummer van uw systeem aan';
    case 'huishouden_id':
      return 'lever een eigen huishoudnummer van uw systeem aan';
    case 'team':
      return 'vul het nummer of de precieze naam van een organisatie in Ketenzicht in, nooit de naam van een persoon';
    case 'gebeurtenis':
    case 'datum':
    case 'gemeente':
    case 'melder':
    case 'aard_geweld':
    case 'veiligheid':
    case 'besluit':
    case 'interventie':
    case 'primair':
    case 'bron':
    case 'geweld':
    case 'veiligheidsstatus':
    case 'voorwaarden':
    case 'reden':
      return 'vul in deze kolom alleen de code of datum in die erbij hoort';
    default:
      return 'haal deze kolom uit het bestand';
  }
}

export type PersonalDataValueFinding = {
  kind: PersonalDataKind;
  column: string;
  /** Row as a spreadsheet shows it (header is row 1). */
  firstRow: number;
  /** Rows in this column with this kind of value. */
  count: number;
};

/**
 * Dutch message for personal data found in the values of a column: what, where, and how to fix it. Never
 * contains the value.
 */
export function personalDataValueMessage({
  kind,
  column,
  firstRow,
  count,
}: PersonalDataValueFinding): string {
  const where =
    count > 1 ? `rij ${firstRow} en nog ${count - 1} ${count === 2 ? 'rij' : 'rijen'}` : `rij ${firstRow}`;
  let message = `Kolom "${column}" (${where}) bevat ${FOUND[kind]}. Het casusregister neemt geen ${NONE_OF[kind]} op: ${fixFor(column)}.`;
  if (kind === 'bsn' && (column === 'casus_id' || column === 'huishouden_id'))
    message +=
      ' Is het een eigen nummer dat toevallig de elfproef haalt? Zet er dan een vast voorvoegsel voor, bijvoorbeeld "HH".';
  return message;
}

/** Dutch message for a column whose name announces personal data. */
export function personalDataHeaderMessage(kind: PersonalDataKind, header: string): string {
  const extra =
    kind === 'bsn'
      ? ' Een eigen huishoudnummer van uw systeem hoort in kolom huishouden_id.'
      : kind === 'postcode_huisnummer' || kind === 'adres'
        ? ' De woongemeente hoort als CBS-code (bijvoorbeeld GM0363) in kolom gemeente.'
        : '';
  const label = kind === 'bsn' ? 'BSN' : PERSONAL_DATA_LABELS[kind].toLowerCase();
  return `Kolom "${header}" is een kolom met persoonsgegevens (${label}). Het casusregister neemt geen ${NONE_OF[kind]} op: haal deze kolom uit het bestand.${extra}`;
}
