import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_CSV_COLUMNS } from '../../../shared/cases.ts';
import {
  isValidBsn,
  looksLikePersonName,
  PERSONAL_DATA_KINDS,
  PERSONAL_DATA_LABELS,
  type PersonalDataKind,
  personalDataHeaderMessage,
  personalDataInHeader,
  personalDataInValue,
  personalDataValueMessage,
} from './cases.privacy.ts';

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1];

/** Eight random digits completed to a valid BSN (the ninth digit is the weighted sum mod 11, when below 10). */
const validBsn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((digits) => {
    const sum = digits.reduce((total, digit, index) => total + digit * (WEIGHTS[index] as number), 0);
    return [...digits, sum % 11];
  })
  .filter((digits) => (digits[8] as number) <= 9 && digits.some((digit) => digit !== 0))
  .map((digits) => digits.join(''));

describe('BSN elfproef', () => {
  it('accepts known valid test numbers', () => {
    // 9+8+7+12+10+8+9+6-3 = 66 = 6*11
    expect(isValidBsn('111222333')).toBe(true);
    // 9+16+21+24+25+24+21+16-2 = 154 = 14*11
    expect(isValidBsn('123456782')).toBe(true);
  });

  it('refuses numbers that fail the test, and the wrong lengths', () => {
    // 9+16+21+24+25+24+21+16-9 = 147 = 13*11 + 4
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('00000000')).toBe(false);
    expect(isValidBsn('1234567820')).toBe(false);
    expect(isValidBsn('1234567')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
    expect(isValidBsn('')).toBe(false);
  });

  it('accepts eight digits as a BSN that lost its leading zero', () => {
    // 012345672: 0+8+14+18+20+20+18+14-2 = 110 = 10*11
    expect(isValidBsn('012345672')).toBe(true);
    expect(isValidBsn('12345672')).toBe(true);
    // 012345678: 116, not a multiple of 11
    expect(isValidBsn('12345678')).toBe(false);
  });

  it('accepts separators when nine digits remain', () => {
    expect(isValidBsn('1234.56.782')).toBe(true);
    expect(isValidBsn('123 456 782')).toBe(true);
    expect(isValidBsn('123-456-782')).toBe(true);
    expect(isValidBsn(' 111 222 333 ')).toBe(true);
    // Eight digits with separators: a date, not a BSN.
    expect(isValidBsn('1234-56-72')).toBe(false);
    expect(isValidBsn('1234.56.789')).toBe(false);
  });

  it('generated numbers pass, and changing any one digit makes them fail', () => {
    fc.assert(
      fc.property(
        validBsn,
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (bsn, position, shift) => {
          expect(isValidBsn(bsn)).toBe(true);
          const digit = (Number(bsn[position]) + shift) % 10;
          const changed = `${bsn.slice(0, position)}${digit}${bsn.slice(position + 1)}`;
          expect(isValidBsn(changed)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('every single-digit change of 123456782 fails (all 81 of them)', () => {
    const bsn = '123456782';
    let checked = 0;
    for (let position = 0; position < 9; position++)
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === bsn[position]) continue;
        const changed = `${bsn.slice(0, position)}${digit}${bsn.slice(position + 1)}`;
        expect(isValidBsn(changed), changed).toBe(false);
        checked++;
      }
    expect(checked).toBe(81);
  });
});

describe('personal data in column names', () => {
  const cases: Record<PersonalDataKind, string[]> = {
    naam: [
      'naam',
      'Voornaam',
      'achternaam',
      'Roepnaam',
      'voorletters',
      'tussenvoegsel',
      'name',
      'FirstName',
      'last_name',
      'naam_moeder',
      'Cliëntnaam',
    ],
    bsn: [
      'bsn',
      'BSN',
      'burgerservicenummer',
      'Burger service nummer',
      'sofinummer',
      'bsn_client',
      'client_bsn',
    ],
    geboortedatum: [
      'geboortedatum',
      'Geb_datum',
      'geb. datum',
      'geboren',
      'DOB',
      'date_of_birth',
      'Date of birth',
    ],
    adres: ['adres', 'Straat', 'straatnaam', 'huisnummer', 'woonplaats', 'address', 'woon-adres'],
    postcode_huisnummer: ['postcode', 'Postcode', 'zip', 'zip_code'],
    telefoon: ['telefoon', 'Telefoonnummer', 'tel', 'Tel.', 'mobiel', 'GSM', 'phone', 'telefoon nr'],
    email: ['email', 'E-mail', 'e_mail', 'mail', 'emailadres', 'E-mailadres'],
  };
  for (const kind of PERSONAL_DATA_KINDS)
    it(`recognises ${kind}`, () => {
      for (const header of cases[kind]) expect(personalDataInHeader(header), header).toBe(kind);
    });

  it('leaves the extract columns and harmless names alone', () => {
    for (const header of [
      ...CASE_CSV_COLUMNS,
      'gemeentenaam',
      'teamnaam',
      'interventienaam',
      'opmerking',
      'status',
      'jaar',
      'regio',
      '',
    ])
      expect(personalDataInHeader(header), header).toBeNull();
  });
});

describe('personal data in values', () => {
  const cases: Array<[string, PersonalDataKind]> = [
    ['123456782', 'bsn'],
    ['111222333', 'bsn'],
    ['1234.56.782', 'bsn'],
    ['123 456 782', 'bsn'],
    ['12345672', 'bsn'],
    ['j.jansen@example.nl', 'email'],
    ['Mail: piet@voorbeeld.com', 'email'],
    ['06-12345678', 'telefoon'],
    ['0612345678', 'telefoon'],
    ['+31 6 1234 5678', 'telefoon'],
    ['+31 (0)6 12345678', 'telefoon'],
    ['0031612345678', 'telefoon'],
    ['010-1234567', 'telefoon'],
    ['020 123 4567', 'telefoon'],
    ['1234 AB 12', 'postcode_huisnummer'],
    ['1234AB 12a', 'postcode_huisnummer'],
    ['1234ab-12', 'postcode_huisnummer'],
    ['3511AB12', 'postcode_huisnummer'],
    ['Kerkstraat 12', 'adres'],
    ['Laan van Meerdervoort 100-B', 'adres'],
    ['Oudegracht 5bis', 'adres'],
    ['Van Nelleweg 1', 'adres'],
    ['kerkplein 3', 'adres'],
  ];
  it.each(cases)('%s is %s', (value, kind) => {
    expect(personalDataInValue(value)).toBe(kind);
    expect(personalDataInValue(value, { nameLike: true })).toBe(kind);
  });

  it('finds name-like values only where the caller asks for it', () => {
    for (const name of ['Jan Jansen', 'M. de Vries', 'Anna van den Berg', 'J.P. Balkenende', 'Jansen, Jan']) {
      expect(personalDataInValue(name, { nameLike: true }), name).toBe('naam');
      expect(personalDataInValue(name), name).toBeNull();
    }
    expect(looksLikePersonName('Jansen')).toBe(false);
    expect(looksLikePersonName('de Vries')).toBe(false);
    expect(looksLikePersonName('VT NOORD')).toBe(false);
    expect(looksLikePersonName('Signs of Safety')).toBe(false);
  });

  it('does not flag dates, codes and plain numbers', () => {
    const clean = [
      '2024-03-01',
      '01-03-2024',
      '1-3-2024',
      '20240301',
      'GM0363',
      'overdracht',
      'voorwaarden_vervolg',
      'politie_justitie',
      'VT-2024-00017',
      'C-000123',
      'HH123456782',
      '12345',
      '123456789',
      '1234 AB',
      '1234AB',
      '2024KW03',
      '2024MM11',
      '2024JJ00',
      'ja',
      'nee',
      '0',
      '1',
      '42',
      'kindermishandeling|partnergeweld',
      'mda_plus',
      'thv',
      'hh:2024/17',
      'a.b-c_d',
    ];
    for (const value of clean) {
      expect(personalDataInValue(value), value).toBeNull();
      expect(personalDataInValue(value, { nameLike: true }), value).toBeNull();
    }
    expect(personalDataInValue('')).toBeNull();
  });
});

describe('messages', () => {
  it('says what, where and how to fix, without the value', () => {
    expect(personalDataValueMessage({ kind: 'bsn', column: 'huishouden_id', firstRow: 5, count: 1 })).toBe(
      'Kolom "huishouden_id" (rij 5) bevat een BSN (het nummer voldoet aan de elfproef). Het casusregister neemt geen BSN op: lever een eigen huishoudnummer van uw systeem aan. Is het een eigen nummer dat toevallig de elfproef haalt? Zet er dan een vast voorvoegsel voor, bijvoorbeeld "HH".',
    );
    expect(personalDataValueMessage({ kind: 'email', column: 'melder', firstRow: 3, count: 4 })).toBe(
      'Kolom "melder" (rij 3 en nog 3 rijen) bevat een e-mailadres. Het casusregister neemt geen e-mailadressen op: vul in deze kolom alleen de code of datum in die erbij hoort.',
    );
    expect(personalDataValueMessage({ kind: 'naam', column: 'team', firstRow: 2, count: 2 })).toContain(
      '(rij 2 en nog 1 rij)',
    );
  });

  it('has a label and a message for every kind', () => {
    for (const kind of PERSONAL_DATA_KINDS) {
      expect(PERSONAL_DATA_LABELS[kind]).not.toBe('');
      const header = personalDataHeaderMessage(kind, 'X');
      expect(header).toMatch(/^Kolom "X" is een kolom met persoonsgegevens/);
      expect(header).toContain('haal deze kolom uit het bestand');
      expect(personalDataValueMessage({ kind, column: 'X', firstRow: 2, count: 1 })).toMatch(
        /^Kolom "X" \(rij 2\) bevat .+ Het casusregister neemt geen .+ op: haal deze kolom uit het bestand\.$/,
      );
    }
    expect(personalDataHeaderMessage('bsn', 'BSN')).toContain('(BSN)');
  });
});
