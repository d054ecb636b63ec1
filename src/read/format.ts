/** The input formats the readers know, plus `skip` for files that are clearly not text and `unknown` for files to sniff. */
export type Format = 'text' | 'jsonl' | 'jsonl-gz' | 'html' | 'feed' | 'warc' | 'warc-gz' | 'skip' | 'unknown';

const BY_SUFFIX: [string, Format][] = [
  ['.warc.gz', 'warc-gz'], ['.warc', 'warc'],
  ['.jsonl.gz', 'jsonl-gz'], ['.ndjson.gz', 'jsonl-gz'], ['.jsonl', 'jsonl'], ['.ndjson', 'jsonl'],
  ['.html', 'html'], ['.htm', 'html'], ['.xhtml', 'html'],
  ['.xml', 'feed'], ['.rss', 'feed'], ['.atom', 'feed'],
  ['.txt', 'text'], ['.text', 'text'], ['.md', 'text'],
];

const NOT_TEXT = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'ico', 'tif', 'tiff', 'svg', 'avif', 'heic', 'psd',
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'epub',
  'zip', 'gz', 'tgz', 'bz2', 'xz', 'zst', '7z', 'rar', 'tar',
  'mp3', 'mp4', 'm4a', 'wav', 'ogg', 'flac', 'webm', 'mov', 'avi', 'mkv',
  'woff', 'woff2', 'ttf', 'otf', 'eot', 'exe', 'dll', 'so', 'dylib', 'bin', 'o', 'a', 'class', 'jar', 'pyc', 'wasm',
  'db', 'sqlite', 'sqlite3', 'parquet', 'arrow', 'npy', 'pkl',
]);

/** Chooses a format from the file name alone. */
export function formatFromName(file: string): Format {
  const name = file.toLowerCase();
  for (const [suffix, format] of BY_SUFFIX) if (name.endsWith(suffix)) return format;
  const dot = name.lastIndexOf('.');
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  return dot > slash && NOT_TEXT.has(name.slice(dot + 1)) ? 'skip' : 'unknown';
}

/** Chooses a format from the start of decoded content: JSON Lines, a feed, an HTML page, or text. */
export function sniffFormat(head: string): 'jsonl' | 'feed' | 'html' | 'text' {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'jsonl';
  if (start.startsWith('<')) {
    const prefix = start.slice(0, 4096);
    if (/<(rss|feed|rdf:RDF)[\s>]/.test(prefix)) return 'feed';
    if (/<(!doctype html|html|head|body)[\s>]/i.test(prefix)) return 'html';
  }
  return 'text';
}

/** The file name without its directory and its format extension(s), used as the article id. */
export function fileStem(file: string): string {
  const base = file.replace(/^.*[\\/]/, '');
  const lower = base.toLowerCase();
  for (const [suffix] of BY_SUFFIX) if (lower.endsWith(suffix)) return base.slice(0, -suffix.length) || base;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
