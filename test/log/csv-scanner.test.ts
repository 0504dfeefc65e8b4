import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CsvScanner,
  emptyCsvRecord,
  endOf,
  FIELD_INTS,
  FULL_RECORD,
  isEscaped,
  MAX_FIELDS,
  PLAIN_STRIDE,
  recordTexts,
  startOf,
} from "../../src/io/log/csv-scanner.js";
import { ScanRows } from "../../src/io/log/scan-rows.js";

interface Scanned {
  records: string[][];
  lines: number[];
  malformed: { line: number; reason: string }[];
}

function scan(chunks: readonly Buffer[], maxFields = MAX_FIELDS): Scanned {
  const result: Scanned = { records: [], lines: [], malformed: [] };
  const scanner = new CsvScanner(
    {
      record: (record) => {
        result.records.push(recordTexts(record));
        result.lines.push(record.line);
      },
      malformed: (line, reason) => result.malformed.push({ line, reason }),
    },
    maxFields,
  );
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return result;
}

/**
 * The scan thread's scanner (plain records split in bulk by WebAssembly, see scan-rows.ts): its
 * bulk records are read in their compact layout, in order with the others.
 */
function scanInBulk(
  chunks: readonly Buffer[],
  isJoined = false,
  maxFields = MAX_FIELDS,
): Scanned & { bulk: number; full: number } {
  const result = {
    records: [] as string[][],
    lines: [] as number[],
    malformed: [] as Scanned["malformed"],
    bulk: 0,
    full: 0,
  };
  const rows = ScanRows.create(16);
  const plain = emptyCsvRecord(PLAIN_STRIDE);
  const scanner = new CsvScanner(
    {
      record: (record) => {
        result.records.push(recordTexts(record));
        result.lines.push(record.line);
      },
      records: (buffer, ints, length) => {
        plain.buffer = buffer;
        plain.fields = ints;
        for (let at = 0; at < length; ) {
          // A plain record is compact (none of its fields escaped); one with a quoted field, in full.
          const isFull = (ints[at + 1] as number) >= FULL_RECORD;
          plain.line = ints[at] as number;
          plain.count = (ints[at + 1] as number) - (isFull ? FULL_RECORD : 0);
          plain.at = at + 2;
          plain.stride = isFull ? FIELD_INTS : PLAIN_STRIDE;
          result.records.push(recordTexts(plain));
          result.lines.push(plain.line);
          if (!isFull) {
            const escaped = Array.from({ length: plain.count }, (_, field) => isEscaped(plain, field));
            expect(escaped).not.toContain(true);
          }
          result.bulk++;
          if (isFull) result.full++;
          at += isFull ? 2 + plain.count * FIELD_INTS : 3 + plain.count;
        }
      },
      malformed: (line, reason) => result.malformed.push({ line, reason }),
    },
    maxFields,
    rows,
  );
  // Joined: each chunk after the cut record's bytes, as the scan thread reads into its batches.
  for (const chunk of chunks) {
    if (isJoined) scanner.pushJoined(Buffer.concat([scanner.tailBytes, chunk]));
    else scanner.push(chunk);
  }
  scanner.end();
  return result;
}

/** The well-kept parser, configured to the same dialect: LF or CRLF records, blank lines skipped. */
function reference(input: Buffer): string[][] {
  return parse(input, {
    bom: true,
    record_delimiter: ["\r\n", "\n"],
    skip_empty_lines: true,
    relax_column_count: true,
  }) as string[][];
}

const fieldChar = fc.constantFrom("a", "b", "Z", "0", " ", ",", '"', "\r", "\n", "é", "🌹", ";");
/** CSV text whose fields are made of `char`s, quoted when they must be or when `forceQuotes`. */
const csvOf = (char: fc.Arbitrary<string>, forceQuotes: fc.Arbitrary<boolean>) =>
  fc.record({
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    records: fc.array(
      fc.record({
        fields: fc.array(
          fc.record({ text: fc.array(char, { maxLength: 6 }).map((chars) => chars.join("")), forceQuotes }),
          { minLength: 1, maxLength: 5 },
        ),
        crlf: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  });
const csvText = csvOf(fieldChar, fc.boolean());
/** Mostly plain records (as logs are), with a quoted or CR-holding field now and then. */
const mostlyPlain = csvOf(
  fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom("a", "7", " ", "é", "🌹") },
    { weight: 1, arbitrary: fieldChar },
  ),
  fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
);

function serialise(input: typeof csvText extends fc.Arbitrary<infer T> ? T : never): Buffer {
  const lines = input.records.map((record, index) => {
    const text = record.fields
      .map(({ text, forceQuotes }) =>
        forceQuotes || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text,
      )
      .join(",");
    const isLast = index === input.records.length - 1;
    return isLast && !input.finalNewline ? text : `${text}${record.crlf ? "\r\n" : "\n"}`;
  });
  return Buffer.from(`${input.bom ? "\uFEFF" : ""}${lines.join("")}`);
}

function splitAt(buffer: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((cut) => cut % (buffer.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(buffer.subarray(from, point));
    from = point;
  }
  chunks.push(buffer.subarray(from));
  return chunks;
}

describe("CSV scanner", () => {
  it("agrees with csv-parse on generated CSV, whole and cut at every position", () => {
    fc.assert(
      fc.property(csvText, (input) => {
        const bytes = serialise(input);
        const expected = reference(bytes);
        const whole = scan([bytes]);
        expect(whole.malformed).toEqual([]);
        expect(whole.records).toEqual(expected);
        for (let cut = 0; cut <= bytes.length; cut++) {
          expect(scan([bytes.subarray(0, cut), bytes.subarray(cut)]).records).toEqual(expected);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("agrees with csv-parse when fed in many small chunks", () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(), { maxLength: 12 }), (input, cuts) => {
        const bytes = serialise(input);
        expect(scan(splitAt(bytes, cuts)).records).toEqual(reference(bytes));
        // Line numbers too: a chunk's first line is joined to the last chunk's tail on its own.
        expect(scan(splitAt(bytes, cuts))).toEqual(scan([bytes]));
      }),
      { numRuns: 400 },
    );
  });

  it("reads the same in the scan thread, plain records split in bulk, whatever the chunks", () => {
    let bulk = 0;
    let full = 0;
    fc.assert(
      fc.property(fc.oneof(csvText, mostlyPlain), fc.array(fc.nat(), { maxLength: 12 }), (input, cuts) => {
        const bytes = serialise(input);
        const { bulk: split, full: quoted, ...read } = scanInBulk(splitAt(bytes, cuts));
        full += quoted;
        expect(read).toEqual(scan([bytes]));
        const { bulk: _, full: __, ...joined } = scanInBulk(splitAt(bytes, cuts), true);
        expect(joined).toEqual(read);
        bulk += split;
      }),
      { numRuns: 400 },
    );
    expect(bulk).toBeGreaterThan(200);
    expect(full).toBeGreaterThan(100);
  });

  it("reads a record of more fields than allowed as malformed, in bulk too", () => {
    // Fields of up to 15 bytes: sixteen-byte blocks of commas alone, which are split at once.
    const line = fc.array(fc.stringMatching(/^[a-z0-9]{0,15}$/), { minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (lines, maxFields, cuts) => {
          const bytes = Buffer.from(`${lines.map((fields) => fields.join(",")).join("\n")}\n`);
          const { bulk: _, full: __, ...inBulk } = scanInBulk(splitAt(bytes, cuts), false, maxFields);
          expect(inBulk).toEqual(scan([bytes], maxFields));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("splits in bulk a quoted field that starts the block after a block of commas alone", () => {
    // Bytes 0-15 hold two fields and their commas; the quote is byte 16.
    const bytes = Buffer.from('aaaaaaa,bbbbbbb,"q, ""x"""\n');
    const read = scanInBulk([bytes]);
    expect(read.records).toEqual([["aaaaaaa", "bbbbbbb", 'q, "x"']]);
    expect(read.full).toBe(1);
  });

  it("reads malformed input the same (records, lines, problems) whatever the chunks", () => {
    const messy = fc
      .array(fc.constantFrom("a", "1", ",", '"', "\r", "\n", "\n", "é"), { maxLength: 60 })
      .map((chars) => Buffer.from(chars.join("")));
    fc.assert(
      fc.property(messy, fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
        expect(scan(splitAt(bytes, cuts))).toEqual(scan([bytes]));
        const { bulk: _, full: _full, ...inBulk } = scanInBulk(splitAt(bytes, cuts));
        expect(inBulk).toEqual(scan([bytes]));
        const { bulk: __, full: __full, ...joined } = scanInBulk(splitAt(bytes, cuts), true);
        expect(joined).toEqual(scan([bytes]));
      }),
      { numRuns: 600 },
    );
  });

  it("reports an over-long record (unclosed quote) at the same line whatever the chunks", () => {
    const lines = Array.from({ length: 40_000 }, (_, index) => `line ${index} of a long quoted field`);
    const bytes = Buffer.from(`a,b\n1,2\n"${lines.join("\n")}\n3,4\n`);
    const whole = scan([bytes]);
    expect(whole.malformed).toHaveLength(1);
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 65_536) chunks.push(bytes.subarray(at, at + 65_536));
    expect(scan(chunks)).toEqual(whole);
    const { bulk: _, full: __, ...inBulk } = scanInBulk(chunks);
    expect(inBulk).toEqual(whole);
  });

  it("agrees byte by byte", () => {
    fc.assert(
      fc.property(csvText, (input) => {
        const bytes = serialise(input);
        const chunks = [...bytes].map((byte) => Buffer.from([byte]));
        expect(scan(chunks).records).toEqual(reference(bytes));
        expect(scanInBulk(chunks).records).toEqual(reference(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it("numbers records by their physical first line, counting newlines inside quotes", () => {
    const result = scan([Buffer.from('a,b\n"x\ny",1\n\n"z",2\r\nlast,3')]);
    expect(result.records).toEqual([
      ["a", "b"],
      ["x\ny", "1"],
      ["z", "2"],
      ["last", "3"],
    ]);
    expect(result.lines).toEqual([1, 2, 5, 6]);
  });

  it("reports malformed records with their line and carries on", () => {
    const result = scan([Buffer.from('a,b\nbad"quote,1\n"closed"x,2\nok,3\n"never closed,4\n')]);
    expect(result.records).toEqual([
      ["a", "b"],
      ["ok", "3"],
    ]);
    expect(result.malformed.map((problem) => problem.line)).toEqual([2, 3, 5]);
  });

  it("marks a field escaped only when it has doubled quotes, also after one that had them", () => {
    fc.assert(
      fc.property(csvText, (input) => {
        const bytes = serialise(input);
        const scanner = new CsvScanner({
          record: (record) => {
            for (let field = 0; field < record.count; field++) {
              const raw = record.buffer.toString("utf8", startOf(record, field), endOf(record, field));
              expect(isEscaped(record, field)).toBe(raw.includes('""'));
            }
          },
          malformed: () => {},
        });
        scanner.push(bytes);
        scanner.end();
      }),
      { numRuns: 300 },
    );
  });
});
