// Repository addresses as a profile writes them (`sources[].git`): which are remote, which carry a
// secret, and how one is shown in a message. Content is public, and so are the logs of its CI: an
// address with a token in it is refused, and every address is shown without what could hold one.

/** A URL with a scheme (`https://…`, `ssh://…`, `file://…`). */
const SCHEME_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Whether `git` names a remote (a URL with a scheme, or scp-like `user@host:path`). */
export function isRemote(git: string): boolean {
  return SCHEME_URL.test(git) || /^[^/\s:@]+@[^/\s:]+:/.test(git);
}

/**
 * What in `git` looks like a secret, as a phrase for "expected an address without …", or undefined.
 * A password (`user:secret@`), a user name on any scheme but ssh (GitHub's `https://TOKEN@host`, and
 * `ftps://TOKEN@…`), and a query string (`?private_token=…`, `?access_token=…`): a repository's address
 * needs none of them, and a token in it would be written in the content and in git's config.
 */
export function secretInAddress(git: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(git);
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  const authority = m[2]!;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const user = authority.slice(0, at);
    if (user.includes(':')) return 'a password in it';
    if (scheme !== 'ssh' && scheme !== 'git+ssh') return 'a user name or token before "@"';
  }
  if (git.slice(m[0].length).includes('?')) return 'a query string (a token there would be published)';
  return undefined;
}

/** An address as a message shows it: without user name, password, query or fragment. */
export function shownAddress(git: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)/i.exec(git);
  if (!m) return git;
  const authority = m[2]!.slice(m[2]!.lastIndexOf('@') + 1);
  const cut = git.length > m[0].length ? '…' : '';
  return `${m[1]}${authority}${m[3]}${cut}`;
}

/** `text` (a line git said, say) with every URL in it shown as `shownAddress` shows it. */
export function withAddressesShown(text: string): string {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>]+/gi, (url) => shownAddress(url));
}
