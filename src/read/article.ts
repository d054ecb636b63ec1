/** One dated news article as read from a source, before analysis. `text` is the body the analysis offsets refer to. */
export interface Article {
  id: string;
  /** Publication date as known: "YYYY-MM" or "YYYY-MM-DD", or null when unknown. */
  date: string | null;
  text: string;
  url?: string;
  lang?: string;
  title?: string;
  /** Where the article came from: a file path (and line or record number inside it). */
  origin?: { file: string; line?: number; record?: number };
}
