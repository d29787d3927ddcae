import { describe, expect, it } from 'vitest';
import { detectFileDelimiter, isVersionLine, readHeaderText } from './header-text';

describe('reading a vendor header cell', () => {
  it.each([
    ['Email Address [Required]', { label: 'Email Address', property: null, required: true, readOnly: false, uploadOnly: false, key: 'emailaddress' }],
    ['Status [READ ONLY]', { label: 'Status', property: null, required: false, readOnly: true, key: 'status' }],
    ['New Status [UPLOAD ONLY]', { label: 'New Status', uploadOnly: true, key: 'newstatus' }],
    ['New Licenses [Upload Only]', { label: 'New Licenses', uploadOnly: true, key: 'newlicenses' }],
    ['Recovery Phone [MUST BE IN THE E.164 FORMAT]', { label: 'Recovery Phone', notes: ['MUST BE IN THE E.164 FORMAT'], key: 'recoveryphone' }],
    ['Change Password at Next Sign-In', { label: 'Change Password at Next Sign-In', property: null, notes: [], key: 'changepasswordatnextsignin' }],
    ['Name [displayName] Required', { label: 'Name', property: 'displayName', required: true, key: 'displayname' }],
    ['Block sign in (Yes/No) [accountEnabled] Required', { label: 'Block sign in', property: 'accountEnabled', notes: ['YES/NO', 'REQUIRED'], required: true, key: 'accountenabled' }],
    ['Send invitation message (true or false) [sendEmail]', { label: 'Send invitation message', property: 'sendEmail', required: false, key: 'sendemail' }],
    ['First name [givenName]', { label: 'First name', property: 'givenName', required: false, key: 'givenname' }],
    ['userPrincipalName', { label: 'userPrincipalName', property: null, required: false, key: 'userprincipalname' }],
    ['\uFEFF  Name[displayName]Required ', { label: 'Name', property: 'displayName', required: true, key: 'displayname' }],
    ['2sv Enrolled [READ ONLY]', { readOnly: true, key: '2svenrolled' }],
    ['first_name', { label: 'first_name', required: false, key: 'firstname' }]
  ])('%j', (raw, expected) => {
    expect(readHeaderText(raw)).toMatchObject(expected);
  });

  it('a bracketed single word is a property unless it is a note', () => {
    expect(readHeaderText('Password [Required]')).toMatchObject({ property: null, required: true, key: 'password' });
    expect(readHeaderText('Password [REQUIRED]')).toMatchObject({ property: null, required: true });
    expect(readHeaderText('Email Usage [READONLY]')).toMatchObject({ property: null, readOnly: true, key: 'emailusage' });
    expect(readHeaderText('Job title [jobTitle]').property).toBe('jobTitle');
  });

  it('"Required" alone is a header, not a marker', () => {
    expect(readHeaderText('Required')).toMatchObject({ label: 'Required', required: false, key: 'required' });
  });
});

describe('Entra’s version line', () => {
  it.each([
    [['version:v1.0'], true],
    [['version:v1.0', '', '', ''], true],
    [['\uFEFFversion:v1.0'], true],
    [[' Version: v1.0 '], true],
    [['version:v2'], true],
    [['version:v1.0', 'Name'], false],
    [['email'], false],
    [['version'], false],
    [[], false]
  ])('%j → %s', (cells, expected) => {
    expect(isVersionLine(cells)).toBe(expected);
  });

  it('the delimiter is read from the header, past a bare version line', () => {
    expect(detectFileDelimiter('version:v1.0\r\na;b;c\r\n1;2;3\r\n')).toBe(';');
    expect(detectFileDelimiter('\uFEFFversion:v1.0\nx\ty\n')).toBe('\t');
    expect(detectFileDelimiter('version:v1.0;;\r\na;b;c\r\n')).toBe(';');
    expect(detectFileDelimiter('version:v1.0\r\nUser name [userPrincipalName] Required\r\n')).toBe(',');
    expect(detectFileDelimiter('email;first_name\r\n')).toBe(';');
    expect(detectFileDelimiter('a,b\n')).toBe(',');
  });
});
