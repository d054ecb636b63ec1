import { NEAR_DUPLICATE_BYTE_PAIRS } from '../../read/dedup.js';

/**
 * SQL filling simhash_bands (band, article_id) from every stored fingerprint, as nearDuplicateBands labels them:
 * byte i of a 16-hex-digit fingerprint is substr(simhash, 2i + 1, 2) in both SQLite and PostgreSQL.
 */
export function byteBandRowsSql(): string {
  return NEAR_DUPLICATE_BYTE_PAIRS.map(([i, j], k) =>
    `INSERT INTO simhash_bands (band, article_id)
SELECT '${k}:' || lower(substr(simhash, ${2 * i + 1}, 2) || substr(simhash, ${2 * j + 1}, 2)), id FROM articles;`).join('\n');
}
