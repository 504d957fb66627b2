import { describe, expect, it } from 'vitest';
import { compareCodePoints, knownKey, knownWords, splitGlued, splitGluedLists, type GluedList } from '../../src/lib/export/split-glued.ts';
import { defaultVocabulary } from '../../src/lib/export/vocabulary.ts';

const vocab = defaultVocabulary();

describe('splitGlued with the shipped vocabulary', () => {
  const cases: { text: string; kind: 'languages' | 'skills'; sorted: boolean; items: string[]; guesses?: string[] }[] = [
    { text: 'GoJavaScriptPythonTypeScript', kind: 'languages', sorted: true, items: ['Go', 'JavaScript', 'Python', 'TypeScript'] },
    { text: 'HaskellOCamlRuby', kind: 'languages', sorted: true, items: ['Haskell', 'OCaml', 'Ruby'] },
    { text: 'C++CSSGoHTML', kind: 'languages', sorted: true, items: ['C++', 'CSS', 'Go', 'HTML'] },
    { text: 'TypeScriptGoRust', kind: 'languages', sorted: false, items: ['TypeScript', 'Go', 'Rust'] },
    { text: 'DockerKubernetesTerraform', kind: 'skills', sorted: true, items: ['Docker', 'Kubernetes', 'Terraform'] },
    // lowercase glued to lowercase: only known words can split it
    { text: 'unit testingcode reviewdistributed systems', kind: 'skills', sorted: false, items: ['unit testing', 'code review', 'distributed systems'] },
    // an acronym glued to a capitalised word (`AWSCloud`): the acronym ends before the last capital
    { text: 'AWSCloud Cost Tuning', kind: 'skills', sorted: true, items: ['AWS', 'Cloud Cost Tuning'] },
    // unknown title-cased items between visible boundaries are confident, not guesses
    { text: 'Quantum WidgetsZebra Tuning', kind: 'skills', sorted: true, items: ['Quantum Widgets', 'Zebra Tuning'] },
    // unknown lowercase text cannot be split with certainty: imported as one item, flagged as a guess
    { text: 'widget polishinggizmo tuning', kind: 'skills', sorted: false, items: ['widget polishinggizmo tuning'], guesses: ['widget polishinggizmo tuning'] },
    // known word then an unknown lowercase item: split after the known word, flagged
    { text: 'Debuggingwidget polishing', kind: 'skills', sorted: false, items: ['Debugging', 'widget polishing'], guesses: ['widget polishing'] },
    // names in other scripts
    { text: 'ÉtudesÜbungen', kind: 'skills', sorted: true, items: ['Études', 'Übungen'] },
    { text: '', kind: 'skills', sorted: true, items: [] },
  ];
  it.each(cases)('$text', ({ text, kind, sorted, items, guesses = [] }) => {
    const r = splitGlued(text, kind === 'languages' ? vocab.languages : vocab.skills, sorted);
    expect(r.items).toEqual(items);
    expect(r.guesses).toEqual(guesses);
  });

  it('never cuts a word after a capital-lowercase start (no "C" + "ompilers")', () => {
    const r = splitGlued('CompilersRust', knownWords(['C', 'Rust']), false);
    expect(r.items).toEqual(['Compilers', 'Rust']);
  });
});

describe('the code-point order of top-level lists', () => {
  it('picks the sorted split when the unsorted best would not be sorted', () => {
    const known = knownWords(['B', 'C', 'Markdown']);
    expect(splitGlued('BPFCMarkdown', known, false).items).toEqual(['B', 'PF', 'C', 'Markdown']);
    expect(splitGlued('BPFCMarkdown', known, true).items).toEqual(['BPF', 'C', 'Markdown']);
  });
  it('falls back to an unsorted split, and says so, when no sorted split exists', () => {
    const r = splitGlued('RustGo', knownWords(['Rust', 'Go']), true);
    expect(r.items).toEqual(['Rust', 'Go']);
    expect(r.unsortedFallback).toBe(true);
  });
  it('compares by code point, not UTF-16 unit', () => {
    expect(compareCodePoints('\uFFFF', '\u{1F600}')).toBeLessThan(0);
    expect('\uFFFF' < '\u{1F600}').toBe(false); // what plain string comparison would get wrong
    expect(compareCodePoints('C', 'C Programming')).toBeLessThan(0);
    expect(compareCodePoints('C programming', 'CI/CD')).toBeLessThan(0);
    expect(compareCodePoints('abc', 'abc')).toBe(0);
  });
});

describe('known-word keys', () => {
  it('treats title-cased and lowercase words alike, but keeps acronyms and short words exact', () => {
    expect(knownKey('Kernel Development')).toBe(knownKey('kernel development'));
    expect(knownKey('C Programming')).toBe(knownKey('C programming'));
    expect(knownKey('C')).not.toBe(knownKey('c'));
    expect(knownKey('BPF')).not.toBe(knownKey('bpf'));
    expect(knownKey('Go')).not.toBe(knownKey('go'));
  });
});

describe('splitGluedLists learns from the whole export', () => {
  it('uses items of one list to split another', () => {
    const lists: GluedList[] = [
      { name: 'top', kind: 'skills', sorted: true, text: 'Flux CapacitorsWarp Drives' },
      { name: 'repo', kind: 'skills', sorted: false, text: 'warp drivesflux capacitors' },
    ];
    const [top, repo] = splitGluedLists(lists, vocab);
    expect(top!.items).toEqual(['Flux Capacitors', 'Warp Drives']);
    expect(repo!.items).toEqual(['warp drives', 'flux capacitors']);
    expect(repo!.guesses).toEqual([]);
  });
  it('without the other list, the same text is a guess', () => {
    const [repo] = splitGluedLists([{ name: 'repo', kind: 'skills', sorted: false, text: 'warp drivesflux capacitors' }], vocab);
    expect(repo!.guesses.length).toBeGreaterThan(0);
  });
  it('splits every list of the seed export with no guesses', () => {
    const lists: GluedList[] = [
      { name: 'l', kind: 'languages', sorted: true, text: 'AssemblyBPFCMarkdownPythonRustShellTOML' },
      {
        name: 't',
        kind: 'skills',
        sorted: true,
        text: 'API DesignAPI RefactoringBPFBPF programmingBit ManipulationBuild SystemBuild System ConfigurationBuild System ManagementBuild SystemsCC ProgrammingC programmingCI/CDCLI DevelopmentCPU Scheduling',
      },
      { name: 'r', kind: 'skills', sorted: false, text: 'BPF programmingkernel developmentmemory managementtask schedulingBPFBit Manipulation' },
    ];
    const results = splitGluedLists(lists, vocab);
    expect(results.flatMap((r) => r.guesses)).toEqual([]);
    expect(results[0]!.items).toEqual(['Assembly', 'BPF', 'C', 'Markdown', 'Python', 'Rust', 'Shell', 'TOML']);
    expect(results[2]!.items).toEqual(['BPF programming', 'kernel development', 'memory management', 'task scheduling', 'BPF', 'Bit Manipulation']);
  });
});
