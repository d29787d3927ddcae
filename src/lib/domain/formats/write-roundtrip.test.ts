import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demoContext } from '../../../../tests/demo-context';
import { RowChecker } from '../csv/check-rows';
import { decodeCsvBytes } from '../csv/decode';
import { parseCsv } from '../csv/parse';
import { unneutralise } from '../csv/sanitize';
import { setValue, type RowValues } from '../csv/validate';
import { activate, deactivate } from '../actions/status';
import { cancelForcePasswordChange, forcePasswordChange } from '../actions/security';
import type { ActionContext, ActionDef } from '../actions/types';
import type { User } from '../user';
import { detectFileDelimiter } from './header-text';
import { recogniseHeader } from './recognise';
import { musterCells, musterColumns, rowStates } from './rows';
import type { StateAction } from './state';
import type { FormatId } from './types';
import { writeEntraUsers } from './write-entra';
import { writeGoogleUsers } from './write-google';
import { writeOktaUsers } from './write-okta';

const { ws, ctx, names } = demoContext();

type Field = keyof RowValues;
const WRITERS: { name: string; write: (users: User[], n: typeof names) => string; format: FormatId; carries: Field[]; cannot: Field[] }[] = [
  {
    name: 'Google Workspace update file',
    write: writeGoogleUsers,
    format: 'google',
    carries: ['firstName', 'lastName', 'title', 'department', 'organization'],
    cannot: ['company', 'accountExecutive', 'timeZone', 'userType', 'roles', 'accessExpiresAt']
  },
  {
    name: 'Entra ID bulk create file',
    write: writeEntraUsers,
    format: 'entra-create',
    carries: ['firstName', 'lastName', 'title', 'department'],
    cannot: ['company', 'organization', 'accountExecutive', 'timeZone', 'userType', 'roles', 'accessExpiresAt']
  },
  {
    name: 'Okta import file',
    write: writeOktaUsers,
    format: 'okta',
    carries: ['firstName', 'lastName', 'title', 'department', 'organization', 'timeZone'],
    cannot: ['company', 'accountExecutive', 'userType', 'roles', 'accessExpiresAt']
  }
];

/** A written file read back as an upload reads it: decoded, parsed, recognised, cells converted. */
function readBack(text: string) {
  const decoded = decodeCsvBytes(new TextEncoder().encode(text));
  if (!decoded.ok) throw new Error(decoded.error);
  const parsed = parseCsv(decoded.text, detectFileDelimiter(decoded.text));
  if (!parsed.ok) throw new Error(parsed.error);
  const records = parsed.rows.map((r) => r.cells);
  const header = recogniseHeader(records.slice(0, 2));
  return { header, records, rows: records.slice(header.headerIndex + 1) };
}

/** The values Muster's row parsing (`setValue`) reads from one row. */
function rowValues(text: ReturnType<typeof readBack>, cells: string[]): { email: string; values: RowValues } {
  const columns = musterColumns(text.header);
  const converted = musterCells(text.header, cells);
  const values: RowValues = {};
  let email = '';
  columns.forEach((col, i) => {
    const v = unneutralise(converted[i] ?? '').trim();
    if (!col || v === '') return;
    if (col.field === 'email') email = v;
    else expect(setValue(col, v, values, ctx), `${col.header} ${v}`).toBeUndefined();
  });
  return { email, values };
}

const expected = (u: User, fields: Field[]): RowValues =>
  Object.fromEntries(fields.flatMap((f) => (u[f] === null || u[f] === '' ? [] : [[f, u[f]]]))) as RowValues;

/** Every RowValues field, so each writer's lists say what it carries and what it cannot. */
const ALL_FIELDS: Record<Field, true> = {
  firstName: true,
  lastName: true,
  title: true,
  department: true,
  company: true,
  organization: true,
  accountExecutive: true,
  timeZone: true,
  userType: true,
  roles: true,
  accessExpiresAt: true
};

const ACTION_DEFS: Record<StateAction, ActionDef<never>> = {
  activate: activate as ActionDef<never>,
  deactivate: deactivate as ActionDef<never>,
  force_password_change: forcePasswordChange as ActionDef<never>,
  cancel_force_password_change: cancelForcePasswordChange as ActionDef<never>
};
const actionCtx = {} as ActionContext;
const users = fc.subarray(ws.users, { minLength: 1, maxLength: 30 });

describe.each(WRITERS)('$name', ({ write, format, carries, cannot }) => {
  it('is recognised as its format, and every field it carries reads back the same', () => {
    expect([...carries, ...cannot].sort()).toEqual(Object.keys(ALL_FIELDS).sort());
    fc.assert(
      fc.property(users, (chosen) => {
        const text = readBack(write(chosen, names));
        expect(text.header).toMatchObject({ format, error: null });
        expect(text.rows).toHaveLength(chosen.length);
        text.rows.forEach((cells, i) => {
          const { email, values } = rowValues(text, cells);
          expect(email).toBe(chosen[i].email);
          expect(values).toEqual(expected(chosen[i], carries));
        });
      }),
      { numRuns: 25 }
    );
  });

  it('uploads back into Muster changing nothing, and its state cells would change nothing', () => {
    fc.assert(
      fc.property(users, (chosen) => {
        const text = readBack(write(chosen, names));
        const checker = new RowChecker(musterColumns(text.header), ctx, text.header.headers);
        text.rows.forEach((cells, i) => checker.add(musterCells(text.header, cells), i + 2 + text.header.headerIndex));
        expect(checker.diff.errors).toEqual([]);
        expect(checker.diff.updated).toEqual([]);
        expect(checker.diff.created).toEqual([]);
        expect(checker.diff.unchanged.rows.length + checker.diff.deleted.length).toBe(chosen.length);
        text.rows.forEach((cells, i) => {
          for (const s of rowStates(text.header, cells)) {
            if ('error' in s.outcome || s.outcome.action === null) throw new Error(`${s.header}: ${s.value}`);
            // The action the cell stands for is skipped for this user: nothing would change.
            expect(ACTION_DEFS[s.outcome.action].skipReason(chosen[i], {} as never, actionCtx), `${s.header} ${s.value} ${chosen[i].status}`).not.toBeNull();
          }
        });
      }),
      { numRuns: 25 }
    );
  });
});
