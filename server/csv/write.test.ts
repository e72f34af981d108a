import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, inertText } from './write';

describe('the CSV writer', () => {
  it('neutralizes every cell a spreadsheet would run as a formula', () => {
    for (const formula of ['=1+2', '=HYPERLINK("http://evil.test","clic")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(inertText(formula), formula).toBe(`'${formula}`);
    }
    expect(csvCell('=HYPERLINK("http://evil.test","clic")')).toBe(`"'=HYPERLINK(""http://evil.test"",""clic"")"`);
  });

  it('leaves signed numbers, phone numbers and plain text as they are', () => {
    for (const data of ['+33 6 12 34 56 78', '+33612345678', '-1.5', '-3,25', 'Martin', 'a=b', '']) expect(inertText(data)).toBe(data);
    expect(csvCell(-2)).toBe('-2');
  });

  it('quotes the separator, quotes and line breaks, and ends lines with CRLF', () => {
    expect(csvLine(['Martin; fils', 'a "b"', 'x\ny', null, 3])).toBe('"Martin; fils";"a ""b""";"x\ny";;3\r\n');
    expect(csvLine(['a,b', 'c'], ',')).toBe('"a,b",c\r\n');
  });
});
