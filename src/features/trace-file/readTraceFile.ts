import { parseTraceDetail } from '../../api/parse';
import type { TraceDetail } from '../../api/schemas';

/** What `readTraceFile` needs of a File: its name and its text. */
export interface TextFile {
  name: string;
  text: () => Promise<string>;
}

/**
 * Reads a trace saved as JSON (by "Download JSON", or any GET /traces/{id} answer) with the same
 * validation as a server's answer: a file that is not JSON says so; one that is JSON but not a
 * trace gets the SchemaError naming the first wrong path (`$.tree[0].start_time`).
 */
export async function readTraceFile(file: TextFile): Promise<TraceDetail> {
  const text = await file.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(
      text.trim() === ''
        ? `“${file.name}” is empty: a trace file is the JSON of one trace, as “Download JSON” saves it.`
        : `“${file.name}” is not JSON (${error instanceof Error ? error.message : 'it does not parse'}). A trace file is the JSON of one trace, as “Download JSON” saves it.`,
      { cause: error },
    );
  }
  return parseTraceDetail(json);
}
