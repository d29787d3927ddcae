import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { csvDocument, neutralise, unneutralise } from './sanitize';

describe('CSV cell sanitiser', () => {
  it('neutralises formulas, including after a line break', () => {
    expect(neutralise('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(neutralise('+1')).toBe("'+1");
    expect(neutralise('-2')).toBe("'-2");
    expect(neutralise('@cmd')).toBe("'@cmd");
    expect(neutralise('\t=1')).toBe("'\t=1");
    expect(neutralise('ok\n=HYPERLINK("x")')).toBe('\'ok\n=HYPERLINK("x")');
    expect(neutralise('Ada Lovelace')).toBe('Ada Lovelace');
  });

  it('no written cell can start a formula, and every value survives the round trip as text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 10 }), (rows) => {
        const doc = csvDocument(['a', 'b'], rows);
        const parsed = Papa.parse<string[]>(doc.slice(1), { header: false, delimiter: ',', newline: '\r\n' }).data;
        const body = parsed.slice(1, rows.length + 1);
        for (let i = 0; i < rows.length; i++)
          for (let j = 0; j < 2; j++) {
            const cell = body[i][j];
            expect(/^[=+\-@\t\r\n]/.test(cell)).toBe(false);
            for (const line of cell.split(/\r\n|\r|\n/).slice(1)) expect(/^[=+\-@]/.test(line)).toBe(false);
            expect(cell === rows[i][j] || cell === `'${rows[i][j]}`).toBe(true);
            expect(unneutralise(cell)).toBe(rows[i][j]);
          }
      })
    );
  });
});
