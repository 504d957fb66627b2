// Repository addresses: which carry a secret (secretInAddress, for addresses from the environment, and
// the content schema's UNCREDENTIALED regex, for sources[].git, are one rule), and how one is shown.
import { describe, expect, it } from 'vitest';
import { UNCREDENTIALED } from '../../src/lib/content-schema.ts';
import { isRemote, secretInAddress, shownAddress, withAddressesShown } from '../../src/lib/git/remote-url.ts';

const ADDRESSES: [string, string | undefined][] = [
  ['https://github.com/acme/widgets.git', undefined],
  ['https://ghp_abc@github.com/acme/widgets', 'a user name or token before "@"'],
  ['HTTPS://TOKEN@GITHUB.COM/acme/widgets', 'a user name or token before "@"'],
  ['https://sam:secret@host.example/x.git', 'a password in it'],
  ['ftps://TOKEN@host.example/x.git', 'a user name or token before "@"'],
  ['ssh://git@host.example/x.git', undefined],
  ['git+ssh://git@host.example/x.git', undefined],
  ['ssh://sam:secret@host.example/x.git', 'a password in it'],
  ['https://gitlab.example/x.git?private_token=abc', 'a query string (a token there would be published)'],
  ['https://host.example:8443/x.git', undefined],
  ['https://host.example/a@b.git', undefined],
  ['https://host.example/x.git#main', undefined],
  ['git@github.com:acme/widgets.git', undefined],
  ['file:///srv/git/x.git', undefined],
  ['../tools', undefined],
  ['/srv/git/x?.git', undefined],
];

describe('an address with a secret in it', () => {
  for (const [address, secret] of ADDRESSES) {
    it(`${address}: ${secret ?? 'none'}`, () => {
      expect(secretInAddress(address)).toBe(secret);
      expect(UNCREDENTIALED.test(address)).toBe(secret === undefined);
    });
  }
});

describe('an address as a message shows it', () => {
  it('has no user, password, query or fragment', () => {
    expect(shownAddress('https://sam:secret@host.example/x.git?private_token=abc')).toBe('https://host.example/x.git…');
    expect(shownAddress('git@github.com:acme/widgets.git')).toBe('git@github.com:acme/widgets.git');
    expect(withAddressesShown("fatal: unable to access 'https://TOKEN@github.com/a/b/': 403")).toBe("fatal: unable to access 'https://github.com/a/b/': 403");
  });
  it('is remote when it has a scheme or is scp-like', () => {
    expect(['https://h/x', 'git@h:x', 'file:///x', '../x', '/x'].map(isRemote)).toEqual([true, true, true, false, false]);
  });
});
