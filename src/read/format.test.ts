import { describe, expect, it } from 'vitest';
import { fileStem, formatFromName, sniffFormat } from './format.js';

describe('format detection', () => {
  it('chooses a format from compound extensions', () => {
    expect(formatFromName('a/b/news.jsonl.gz')).toBe('jsonl-gz');
    expect(formatFromName('crawl.WARC.GZ')).toBe('warc-gz');
    expect(formatFromName('feed.atom')).toBe('feed');
    expect(formatFromName('photo.jpeg')).toBe('skip');
    expect(formatFromName('README')).toBe('unknown');
  });

  it('sniffs JSON Lines, feeds, HTML and text', () => {
    expect(sniffFormat('  {"id": 1}\n')).toBe('jsonl');
    expect(sniffFormat('<?xml version="1.0"?>\n<rss version="2.0">')).toBe('feed');
    expect(sniffFormat('<!DOCTYPE html><html lang="en">')).toBe('html');
    expect(sniffFormat(' date 2023-04 Tekst')).toBe('text');
  });

  it('strips format extensions for the id', () => {
    expect(fileStem('/x/y/nl-001.txt')).toBe('nl-001');
    expect(fileStem('dump.ndjson.gz')).toBe('dump');
    expect(fileStem('notes')).toBe('notes');
  });
});
