import { describe, expect, it } from 'vitest';
import { directoryHref, recallDirectory, rememberDirectory } from './directory-memory';

describe('the directory as it was left', () => {
  it('is given back once, for the same filter and sort only', () => {
    rememberDirectory({ key: 'status=active', ids: [4, 9], anchor: 1, scrollTop: 1320 });
    expect(directoryHref()).toBe('#/?status=active');
    expect(recallDirectory('status=inactive')).toBeNull();
    expect(recallDirectory('status=active')).toEqual({ key: 'status=active', ids: [4, 9], anchor: 1, scrollTop: 1320 });
    expect(recallDirectory('status=active')).toBeNull();
    expect(directoryHref()).toBe('#/');
  });

  it('outlives a reload of the page in this tab (session storage)', () => {
    rememberDirectory({ key: '', ids: [1], anchor: null, scrollTop: 0 });
    expect(JSON.parse(sessionStorage.getItem('muster.directory')!)).toMatchObject({ ids: [1] });
    expect(recallDirectory('')).toMatchObject({ ids: [1] });
    expect(sessionStorage.getItem('muster.directory')).toBeNull();
  });
});
