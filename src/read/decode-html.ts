/** Decodes HTML bytes: UTF-8 when valid, else the charset from the HTTP header or a <meta> tag, else windows-1252. */
export function decodeHtml(bytes: Uint8Array, headerCharset: string | null = null): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
    const declared = headerCharset ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'windows-1252';
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
}
