import { localPath } from './local-path';

describe('localPath', () => {
  it.each([
    ['/belajar?x=1', '/belajar?x=1'],
    ['https://jahat.example/curi?a=1', '/curi?a=1'],
    ['//jahat.example/x', '/x'],
    ['/\\jahat.example', '/'],
    ['javascript:alert(1)', '/'],
    ['', '/'],
  ])('%j stays on this site as %j', (target, expected) => {
    expect(localPath(target)).toBe(expected);
  });
});
