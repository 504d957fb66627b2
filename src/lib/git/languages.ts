// Maps a file path to its language with GitHub Linguist's data (the `linguist-languages` package), and
// tells vendored, generated and lock files apart the way Linguist does, so they count toward no language,
// area or line total.
import * as linguist from 'linguist-languages';

interface LinguistLanguage {
  name: string;
  type: 'programming' | 'markup' | 'data' | 'prose' | 'nil';
  extensions?: readonly string[];
  filenames?: readonly string[];
}

// Linguist's own language statistics count only these types (data and prose are left out by default).
const COUNTED_TYPES = new Set(['programming', 'markup']);

/**
 * Ported from Linguist's lib/linguist/vendor.yml (the patterns that matter for ordinary repositories):
 * third-party code checked into a repository.
 */
const VENDORED_PATTERNS: readonly string[] = [
  '(^|/)cache/',
  '^[Dd]ependencies/',
  '(^|/)dist/',
  '^deps/',
  '(^|/)configure$',
  '(^|/)config\\.guess$',
  '(^|/)config\\.sub$',
  '(^|/)node_modules/',
  '(^|/)bower_components/',
  '(^|/)jspm_packages/',
  '(^|/)[Vv]endors?/',
  '(^|/)_vendor/',
  '(^|/)third[-_]?party/',
  '(^|/)3rd[-_]?party/',
  '(^|/)extern(al)?/',
  '(^|/)Godeps/_workspace/',
  '(^|/)Pods/',
  '(^|/)Carthage/',
  '(^|/)\\.yarn/(releases|plugins|sdks|versions)/',
  '(^|/)gradlew(\\.bat)?$',
  '(^|/)mvnw(\\.cmd)?$',
  '(^|/)\\.mvn/wrapper/',
  '(^|/)gradle/wrapper/',
  '(^|/)jquery([^.]*)\\.js$',
  '(^|/)jquery-\\d\\.\\d+(\\.\\d+)?(\\.min)?\\.js$',
  '(^|/)bootstrap([^/.]*)(\\..*)?\\.(js|css|less|scss|styl)$',
  '(^|/)modernizr\\.',
  '(^|/)normalize\\.(css|less|scss|styl)$',
  '(^|/)fontawesome(.*?)\\.',
  '(^|/)\\.git/',
  '(^|/)\\.venv/',
  '(^|/)site-packages/',
];

/**
 * Ported from the path rules of Linguist's lib/linguist/generated.rb: lock files, minified and compiled
 * output, source maps and protocol-buffer stubs.
 */
const GENERATED_PATTERNS: readonly string[] = [
  '(^|/)package-lock\\.json$',
  '(^|/)npm-shrinkwrap\\.json$',
  '(^|/)yarn\\.lock$',
  '(^|/)pnpm-lock\\.yaml$',
  '(^|/)bun\\.lockb?$',
  '(^|/)deno\\.lock$',
  '(^|/)composer\\.lock$',
  '(^|/)Gemfile\\.lock$',
  '(^|/)Cargo\\.lock$',
  '(^|/)poetry\\.lock$',
  '(^|/)Pipfile\\.lock$',
  '(^|/)uv\\.lock$',
  '(^|/)pdm\\.lock$',
  '(^|/)pixi\\.lock$',
  '(^|/)go\\.sum$',
  '(^|/)(Gopkg|glide)\\.lock$',
  '(^|/)flake\\.lock$',
  '(^|/)mix\\.lock$',
  '(^|/)pubspec\\.lock$',
  '(^|/)Package\\.resolved$',
  '(^|/)packages\\.lock\\.json$',
  '(^|/)paket\\.lock$',
  '(^|/)gradle\\.lockfile$',
  '(^|/)MODULE\\.bazel\\.lock$',
  '(^|/)\\.terraform\\.lock\\.hcl$',
  '(^|/)esy\\.lock/',
  '\\.min\\.(js|css)$',
  '-min\\.js$',
  '\\.(js|css)\\.map$',
  '\\.pb\\.(go|cc|h|swift)$',
  '_pb2(_grpc)?\\.pyi?$',
  '_pb\\.(js|d\\.ts)$',
  '_grpc_pb\\.js$',
  '\\.designer\\.(cs|vb)$',
  '\\.g\\.dart$',
  '\\.freezed\\.dart$',
  '(^|/)__generated__/',
  '\\.nib$',
  '\\.xcworkspacedata$',
  '\\.xcuserstate$',
];

const EXCLUDED = new RegExp(`(?:${[...VENDORED_PATTERNS, ...GENERATED_PATTERNS].join(')|(?:')})`);

/** True when Linguist would treat the path as vendored or generated (lock files included). */
export function isExcludedPath(path: string): boolean {
  return EXCLUDED.test(path);
}

let byExtension: Map<string, LinguistLanguage> | undefined;
let byFilename: Map<string, LinguistLanguage> | undefined;

/**
 * Where Linguist lists an extension under several languages it decides with heuristics.yml by reading the
 * contents. We read no contents, so for the common ambiguous extensions we take the language Linguist's
 * heuristics fall back to for ordinary files (ported as data):
 */
const AMBIGUOUS_EXTENSION_DEFAULTS: Readonly<Record<string, string>> = {
  '.md': 'Markdown',
  '.h': 'C',
  '.m': 'Objective-C',
  '.pl': 'Perl',
  '.pm': 'Perl',
  '.t': 'Perl',
  '.ts': 'TypeScript',
  '.tsx': 'TSX',
  '.rs': 'Rust',
  '.sql': 'SQL',
  '.inc': 'PHP',
  '.r': 'R',
  '.d': 'D',
  '.fs': 'F#',
  '.v': 'Verilog',
  '.cs': 'C#',
  '.html': 'HTML',
  '.json': 'JSON',
  '.yml': 'YAML',
  '.yaml': 'YAML',
  '.txt': 'Text',
  '.xml': 'XML',
  '.cls': 'Apex',
  '.mod': 'Modula-2',
  '.pro': 'Prolog',
  '.l': 'Lex',
  '.re': 'Reason',
  '.ex': 'Elixir',
  '.sc': 'Scala',
  '.s': 'Assembly',
  '.asm': 'Assembly',
  '.bb': 'BitBake',
  '.cake': 'C#',
  '.props': 'XML',
  '.php': 'PHP',
  '.cgi': 'Perl',
  '.sh': 'Shell',
};

// Linguist's popular.yml: on any other tie a popular language wins.
const POPULAR = new Set([
  'C',
  'C#',
  'C++',
  'CoffeeScript',
  'CSS',
  'Dart',
  'DM',
  'Elixir',
  'Go',
  'Groovy',
  'HTML',
  'Java',
  'JavaScript',
  'Objective-C',
  'OCaml',
  'Perl',
  'PHP',
  'PowerShell',
  'Python',
  'Ruby',
  'Rust',
  'Scala',
  'Shell',
  'Swift',
  'TypeScript',
]);

/** For an extension without a listed default: a popular language, then the language whose primary (first) extension it is, then programming/markup over data/prose, then the first name alphabetically. */
function better(a: LinguistLanguage, b: LinguistLanguage, ext: string): LinguistLanguage {
  const wanted = AMBIGUOUS_EXTENSION_DEFAULTS[ext.toLowerCase()];
  if (wanted !== undefined && (a.name === wanted) !== (b.name === wanted)) return a.name === wanted ? a : b;
  const popA = POPULAR.has(a.name);
  const popB = POPULAR.has(b.name);
  if (popA !== popB) return popA ? a : b;
  const pa = a.extensions?.[0] === ext;
  const pb = b.extensions?.[0] === ext;
  if (pa !== pb) return pa ? a : b;
  const ca = COUNTED_TYPES.has(a.type);
  const cb = COUNTED_TYPES.has(b.type);
  if (ca !== cb) return ca ? a : b;
  return a.name <= b.name ? a : b;
}

function tables(): { ext: Map<string, LinguistLanguage>; file: Map<string, LinguistLanguage> } {
  if (!byExtension || !byFilename) {
    const ext = new Map<string, LinguistLanguage>();
    const file = new Map<string, LinguistLanguage>();
    const all = Object.values(linguist as unknown as Record<string, LinguistLanguage>).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const lang of all) {
      for (const e of lang.extensions ?? []) {
        const key = e.toLowerCase();
        const seen = ext.get(key);
        ext.set(key, seen ? better(seen, lang, e) : lang);
      }
      for (const f of lang.filenames ?? []) if (!file.has(f)) file.set(f, lang);
    }
    byExtension = ext;
    byFilename = file;
  }
  return { ext: byExtension, file: byFilename };
}

/** Returns the Linguist language of a path (by file name, then longest extension), or undefined. */
export function linguistLanguageOf(path: string): { name: string; type: string } | undefined {
  const { ext, file } = tables();
  const slash = path.lastIndexOf('/');
  const base = slash < 0 ? path : path.slice(slash + 1);
  const named = file.get(base);
  if (named) return named;
  const lower = base.toLowerCase();
  // Longest extension first: "x.d.ts" tries ".d.ts" then ".ts" (Linguist does the same).
  for (let dot = lower.indexOf('.', 1); dot >= 0; dot = lower.indexOf('.', dot + 1)) {
    const lang = ext.get(lower.slice(dot));
    if (lang) return lang;
  }
  return undefined;
}

/** Returns the language a path counts toward in a profile (programming or markup, not vendored/generated), or undefined. */
export function languageOf(path: string): string | undefined {
  if (isExcludedPath(path)) return undefined;
  const lang = linguistLanguageOf(path);
  return lang && COUNTED_TYPES.has(lang.type) ? lang.name : undefined;
}

let colors: Map<string, string> | undefined;

/** Linguist's colour of a language (`#3178c6` for TypeScript), or undefined when it has none. */
export function languageColor(name: string): string | undefined {
  if (!colors) {
    colors = new Map();
    for (const lang of Object.values(linguist as unknown as Record<string, LinguistLanguage & { color?: string }>)) {
      if (lang.color) colors.set(lang.name, lang.color);
    }
  }
  return colors.get(name);
}
