// Splits list items that a profile export glued together ("AssemblyBPFCMarkdown…") back into items,
// by dynamic programming over segmentations, using known words, natural word boundaries and, for the
// top-level lists, the fact that the export sorts them in code-point order.

/** One glued list as it appears in an export. */
export interface GluedList {
  /** Human name of the list, used in warnings (e.g. `Skills & Technologies › Technical Skills`). */
  name: string;
  /** The glued text, one line of the export. */
  text: string;
  /** Which known words apply: language names or engineering skills. */
  kind: 'languages' | 'skills';
  /** True when the export sorts this list in code-point order. */
  sorted: boolean;
}

/** One piece of a segmentation. */
interface Segment {
  text: string;
  /** In the known words (vocabulary or items found elsewhere in the export). */
  known: boolean;
  /** For an unknown piece: bounded by natural word boundaries and title-cased, so not a guess. */
  confident: boolean;
}

export interface SplitResult {
  items: string[];
  segments: Segment[];
  /** Pieces that are guesses (unknown and not confident). */
  guesses: string[];
  /** Another segmentation scored exactly as well. */
  ambiguous: boolean;
  /** No segmentation respected the sort order, so the order constraint was dropped. */
  unsortedFallback: boolean;
  /** No segmentation was possible at all; `items` holds the text cut at natural boundaries. */
  failed: boolean;
}

/** Known words, matched by `knownKey` so `Kernel Development` and `kernel development` are one word. */
export type KnownWords = ReadonlySet<string>;

const MAX_UNKNOWN = 80;

/** Returns the key a known word is matched by: title-cased words (3+ letters) lowercased, acronyms kept. */
export function knownKey(item: string): string {
  return item
    .trim()
    .split(/\s+/)
    .map((w) => (/^\p{Lu}\p{Ll}{2,}$/u.test(w) ? w.toLowerCase() : w))
    .join(' ');
}

/** Returns a set of `knownKey`s for the given words. */
export function knownWords(words: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words) if (w.trim()) out.add(knownKey(w));
  return out;
}

/** Compares two strings by Unicode code point (not UTF-16 unit): negative, zero or positive. */
export function compareCodePoints(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return (x.done ? 0 : 1) - (y.done ? 0 : 1);
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

const isUpper = (c: string | undefined): boolean => c !== undefined && /\p{Lu}/u.test(c);
const isLower = (c: string | undefined): boolean => c !== undefined && /\p{Ll}/u.test(c);
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);

/** True where an item boundary is visible in the text itself: `aB`, the end of an acronym (`BPFBit`), the ends. */
function strongBoundaries(s: string): boolean[] {
  const out: boolean[] = [];
  for (let i = 0; i <= s.length; i++) {
    out.push(i === 0 || i === s.length || (isLower(s[i - 1]) && isUpper(s[i])) || (isUpper(s[i - 1]) && isUpper(s[i]) && isLower(s[i + 1])));
  }
  return out;
}

type Cost = [unknown: number, negKnownChars: number, segments: number];

function compareCost(a: Cost, b: Cost): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

interface State {
  start: number;
  end: number;
  known: boolean;
  cost: Cost;
  back: State | undefined;
  ambiguous: boolean;
}

/** Splits one glued string into items; returns undefined when no segmentation satisfies the rules. */
function segment(s: string, known: KnownWords, sorted: boolean): { segments: Segment[]; ambiguous: boolean } | undefined {
  const n = s.length;
  if (n === 0) return { segments: [], ambiguous: false };
  const strong = strongBoundaries(s);
  let maxKnown = 0;
  for (const k of known) maxKnown = Math.max(maxKnown, k.length);
  // A piece next to a known word may also start or end where a new word visibly begins (an
  // uppercase letter) or where two lowercase words meet; never inside `Upper→lower`.
  const softOk = (i: number): boolean => isUpper(s[i]) || (isLower(s[i - 1]) && isLower(s[i]));
  const cleanEdge = (i: number, j: number): boolean => !isSpace(s[i]) && !isSpace(s[j - 1]);

  const states: Map<number, State>[] = Array.from({ length: n + 1 }, () => new Map());
  const root: State = { start: -1, end: 0, known: true, cost: [0, 0, 0], back: undefined, ambiguous: false };
  const offer = (st: State): void => {
    const bucket = states[st.end]!;
    const key = st.start * 2 + (st.known ? 1 : 0);
    const old = bucket.get(key);
    if (!old) return void bucket.set(key, st);
    const c = compareCost(st.cost, old.cost);
    if (c < 0) bucket.set(key, st);
    else if (c === 0) old.ambiguous = true;
  };
  states[0]!.set(-1, root);

  for (let j = 0; j < n; j++) {
    for (const prev of states[j]!.values()) {
      if (isSpace(s[j])) continue;
      const prevText = prev.back === undefined && prev.start < 0 ? undefined : s.slice(prev.start, prev.end);
      const prevUnknownSoftEnd = !prev.known && !strong[j];
      const fits = (text: string): boolean => !sorted || prevText === undefined || compareCodePoints(prevText, text) <= 0;
      // Known words may start and end anywhere.
      for (let m = j + 1; m <= Math.min(n, j + maxKnown); m++) {
        if (!cleanEdge(j, m)) continue;
        const text = s.slice(j, m);
        if (!known.has(knownKey(text))) continue;
        if (prevUnknownSoftEnd && !softOk(j)) continue;
        if (!fits(text)) continue;
        offer({
          start: j,
          end: m,
          known: true,
          cost: [prev.cost[0], prev.cost[1] - text.length, prev.cost[2] + 1],
          back: prev,
          ambiguous: prev.ambiguous,
        });
      }
      // Unknown pieces start at a strong boundary, or at a soft one right after a known word.
      if (prevUnknownSoftEnd) continue;
      const startOk = strong[j] || (prev.known && prev.start >= 0 && softOk(j));
      if (!startOk) continue;
      for (let m = j + 1; m <= Math.min(n, j + MAX_UNKNOWN); m++) {
        if (m > j + 1 && strong[m - 1] && m - 1 !== j) break; // never swallow a visible boundary
        if (!cleanEdge(j, m)) continue;
        const text = s.slice(j, m);
        if (known.has(knownKey(text))) continue;
        // The end is checked when the next piece is chosen (it must be strong, or the next piece known).
        if (!strong[m] && !softOk(m)) continue;
        if (!fits(text)) continue;
        offer({
          start: j,
          end: m,
          known: false,
          cost: [prev.cost[0] + 1, prev.cost[1], prev.cost[2] + 1],
          back: prev,
          ambiguous: prev.ambiguous,
        });
      }
    }
  }

  let best: State | undefined;
  let tie = false;
  for (const st of states[n]!.values()) {
    if (!best) best = st;
    else {
      const c = compareCost(st.cost, best.cost);
      if (c < 0) {
        best = st;
        tie = false;
      } else if (c === 0) tie = true;
    }
  }
  if (!best) return undefined;
  const chain: State[] = [];
  for (let st: State | undefined = best; st && st.start >= 0; st = st.back) chain.unshift(st);
  const segments = chain.map((st): Segment => {
    const text = s.slice(st.start, st.end);
    if (st.known) return { text, known: true, confident: true };
    const titled = text
      .split(/\s+/)
      .slice(1)
      .every((w) => !isLower(w[0]));
    return { text, known: false, confident: strong[st.start]! && strong[st.end]! && titled };
  });
  return { segments, ambiguous: tie || best.ambiguous };
}

/** Splits one glued list with the given known words (see `splitGluedLists` for the whole export). */
export function splitGlued(text: string, known: KnownWords, sorted: boolean): SplitResult {
  const s = text.trim();
  let unsortedFallback = false;
  let found = segment(s, known, sorted);
  if (!found && sorted) {
    unsortedFallback = true;
    found = segment(s, known, false);
  }
  if (!found) {
    const strong = strongBoundaries(s);
    const items: string[] = [];
    let from = 0;
    for (let i = 1; i <= s.length; i++) {
      if (strong[i]) {
        const piece = s.slice(from, i).trim();
        if (piece) items.push(piece);
        from = i;
      }
    }
    return {
      items,
      segments: items.map((t) => ({ text: t, known: false, confident: false })),
      guesses: items,
      ambiguous: false,
      unsortedFallback,
      failed: true,
    };
  }
  const guesses = found.segments.filter((x) => !x.known && !x.confident).map((x) => x.text);
  return {
    items: found.segments.map((x) => x.text),
    segments: found.segments,
    guesses,
    ambiguous: found.ambiguous,
    unsortedFallback,
    failed: false,
  };
}

/** Known words per kind of list. */
export interface Vocabulary {
  languages: KnownWords;
  skills: KnownWords;
}

const MAX_PASSES = 5;

/**
 * Returns the split of every glued list of one export. Pass one uses the vocabulary; each later pass
 * also knows the confident items of every list, and pieces that two different lists agree on.
 */
export function splitGluedLists(lists: readonly GluedList[], vocabulary: Vocabulary): SplitResult[] {
  const learned = new Set<string>();
  let results: SplitResult[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    results = lists.map((list) => {
      const base = list.kind === 'languages' ? vocabulary.languages : vocabulary.skills;
      const known = new Set([...base, ...learned]);
      return splitGlued(list.text, known, list.sorted);
    });
    const fresh = new Set<string>();
    const guessedIn = new Map<string, Set<number>>();
    results.forEach((r, idx) => {
      if (r.failed) return;
      for (const seg of r.segments) {
        const key = knownKey(seg.text);
        if (seg.known || seg.confident) fresh.add(key);
        else guessedIn.set(key, (guessedIn.get(key) ?? new Set()).add(idx));
      }
    });
    for (const [key, where] of guessedIn) if (where.size >= 2) fresh.add(key);
    const before = learned.size;
    for (const key of fresh) learned.add(key);
    if (learned.size === before) break;
  }
  return results;
}
