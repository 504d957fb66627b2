// Content files as the importers write them: a profile's hand-written frontmatter is edited in place.
import { describe, expect, it } from 'vitest';
import { editedMarkdownFile } from '../../src/lib/content-files.ts';

const HAND_WRITTEN = `# Ada's profile: the sources are read by the weekly update
name: Ada Lovelace # as on her papers
sources:
  # work, under its alias
  - git: env:ADA_WORK
    authors: [ada@work.example] # and her old address, below
    alias: Client work
skills:
  languages: [Go]
  # these are mine
  technical: [Compilers]
repositories:
  - name: acme/widgets # the first one
    from: 2024-01
    to: 2024-02
  - name: acme/tools
    from: 2023-01
    to: 2023-05
`;

describe('editedMarkdownFile', () => {
  it('writes only the fields that changed, and keeps every comment', () => {
    const data = {
      name: 'Ada Lovelace',
      sources: [{ git: 'env:ADA_WORK', authors: ['ada@work.example'], alias: 'Client work' }],
      skills: { languages: ['Go', 'Python'], technical: ['Compilers'] },
      repositories: [
        { name: 'acme/widgets', from: '2024-01', to: '2024-03' },
        { name: 'acme/tools', from: '2023-01', to: '2023-05' },
      ],
      generated: { fingerprint: '0123456789abcdef' },
    };
    expect(editedMarkdownFile(HAND_WRITTEN, data, '')).toBe(`---
# Ada's profile: the sources are read by the weekly update
name: Ada Lovelace # as on her papers
sources:
  # work, under its alias
  - git: env:ADA_WORK
    authors: [ada@work.example] # and her old address, below
    alias: Client work
skills:
  languages: [Go, Python]
  # these are mine
  technical: [Compilers]
repositories:
  - name: acme/widgets # the first one
    from: 2024-01
    to: 2024-03
  - name: acme/tools
    from: 2023-01
    to: 2023-05
generated:
  fingerprint: 0123456789abcdef
---
`);
  });
  it('removes a field the data no longer has, and leaves the rest as written', () => {
    const text = editedMarkdownFile('name: Ada # me\ngenerated:\n  fingerprint: 0123456789abcdef\nlinks: []\n', { name: 'Ada', links: [] }, 'Hello.');
    expect(text).toBe('---\nname: Ada # me\nlinks: []\n---\n\nHello.\n');
  });
});
