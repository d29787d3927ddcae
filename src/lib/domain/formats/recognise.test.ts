import { describe, expect, it } from 'vitest';
import { OKTA_HEADERS } from './okta';
import { recogniseHeader } from './recognise';

describe('recognising a header row', () => {
  it('Okta’s login is the email only when there is no email column', () => {
    const header = [...OKTA_HEADERS];
    const withEmail = recogniseHeader([header]);
    expect(withEmail.columns[header.indexOf('login')]).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/email column/) });
    const noEmail = recogniseHeader([header.filter((h) => h !== 'email')]);
    expect(noEmail.format).toBe('okta');
    expect(noEmail.columns[0]).toEqual({ kind: 'field', header: 'email' });
    expect(noEmail.error).toBeNull();
  });

  it('displayName is ignored, saying why', () => {
    const download = recogniseHeader([['userPrincipalName', 'displayName', 'givenName', 'surname']]);
    expect(download.columns[1]).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/First name and Last name/) });
    const alone = recogniseHeader([['userPrincipalName', 'displayName', 'mail']]);
    expect(alone.columns[1]).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/cannot split/) });
  });

  it('columns a directory file does not have are read when they name a Muster column, else ignored', () => {
    const h = recogniseHeader([['Email Address [Required]', 'Org Unit Path [Required]', 'time_zone', 'Custom [READ ONLY]', 'Favourite colour', '']]);
    expect(h.format).toBe('google');
    expect(h.columns.slice(2)).toEqual([
      { kind: 'field', header: 'time_zone' },
      { kind: 'ignored', reason: 'Read only in Google Workspace: Muster has no such field.' },
      { kind: 'ignored', reason: 'Not a column of the Google Workspace users file, and Muster has no field by that name.', unrecognised: true },
      { kind: 'ignored', reason: 'The column has no header.' }
    ]);
  });

  it('a directory file without its email column says so', () => {
    const h = recogniseHeader([['First Name [Required]', 'Last Name [Required]', 'Org Unit Path [Required]']]);
    expect(h.format).toBe('google');
    expect(h.error).toMatch(/no email column/);
  });

  it('a lone userPrincipalName column is a delete file only in the template’s form', () => {
    expect(recogniseHeader([['version:v1.0'], ['User name [userPrincipalName] Required']]).format).toBe('entra-delete');
    expect(recogniseHeader([['User name [userPrincipalName] Required']]).format).toBe('entra-delete');
    expect(recogniseHeader([['userPrincipalName']]).format).toBe('entra-download');
  });

  it('empty input is an empty Muster file', () => {
    expect(recogniseHeader([])).toMatchObject({ format: 'muster', headerIndex: 0, headers: [], columns: [] });
    expect(recogniseHeader([['version:v1.0']])).toMatchObject({ headerIndex: 1, headers: [], columns: [] });
  });
});
