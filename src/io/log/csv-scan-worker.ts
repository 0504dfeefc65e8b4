/**
 * The scan thread: reads a CSV log file, splits its records, reads each row's numbers and numbers
 * its sender (all in WebAssembly, scan-rows.ts), while the main thread counts the rows of the
 * slices already done. Batches go to the main thread in file order; at most a few are in flight,
 * so memory stays flat whatever the file. A row whose numbers are not all read here (an
 * unreadable value, a timestamp that needs the zone) goes as it was scanned: the main thread
 * reads it, and rejects it. Once the main thread sends the catalog's gifts (HeldFrames), held
 * streak frames are taken out of the batches, and only their number goes.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { CsvScanner, MAX_FIELDS } from "./csv-scanner.js";
import { ScanBatchWriter, scanThreadHandler } from "./scan-batch.js";
import { ScanRows } from "./scan-rows.js";
import type { ScanThreadReply, ScanThreadRequest } from "./scan-thread.js";

/**
 * Bytes read per batch: small batches keep the memory in flight small (~1.5 MiB each with their
 * fields and numbers), large ones cost fewer messages between the threads.
 */
const CHUNK_BYTES = 1 << 19;
const FIRST_CHUNK_BYTES = 1 << 15;
/** Batches sent and not yet given back; the thread waits for one when this many are out. */
const IN_FLIGHT = 8;
/**
 * As many at the start, while the main thread is still loading the catalog (the thread, started
 * first, waited 40–70 ms a run with 8 out); one less with each batch given back, down to IN_FLIGHT,
 * so the thread need not wait while the main thread works through the first ones.
 */
const IN_FLIGHT_AT_START = 24;
/**
 * With this many batches out after a send, the main thread is behind: the next batch's rows go with
 * all their numbers, read here. With fewer, this thread is the one behind, and leaves them to the
 * main thread (their senders are numbered here either way). The two threads' work so evens out.
 * While held frames are taken out (and until the main thread says whether they are), every row's
 * numbers are read here: they tell the held frames, and each one taken out saves the main thread
 * several times what reading the numbers costs here.
 */
const BEHIND = 2;

async function scanFile(port: NonNullable<typeof parentPort>, request: ScanThreadRequest): Promise<void> {
  const writer = new ScanBatchWriter();
  const rows = ScanRows.create(CHUNK_BYTES);
  let inFlight = 0;
  let mostInFlight = IN_FLIGHT_AT_START;
  /** Held frames are taken out (the main thread sent the gifts). */
  let marksHeld = false;
  /**
   * The main thread said whether it counts held frames. Until then every row's numbers are read
   * here: a streak's first frame is taken out only when every row before it was read here (see
   * ScanRows.forget).
   */
  let isHeldKnown = false;
  let wake: (() => void) | undefined;
  const givenBack = (message: ScanThreadReply) => {
    if (message.type === "heldFrames") {
      if (message.gifts !== null) rows?.supersede(message.gifts);
      marksHeld = rows !== undefined && message.gifts !== null;
      isHeldKnown = true;
      return;
    }
    writer.giveBack(message.bytes, message.ints, message.values);
    inFlight--;
    if (mostInFlight > IN_FLIGHT) mostInFlight--;
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  port.on("message", givenBack);
  let fileBytes = 0;
  const send = () => {
    if (writer.isEmpty) return;
    const batch = writer.take(fileBytes);
    port.postMessage({ type: "batch", batch }, [batch.bytes, batch.ints, batch.values]);
    inFlight++;
    // The batches given back so far (this thread does not wait on its event loop between slices).
    for (let reply = receiveMessageOnPort(port); reply !== undefined; reply = receiveMessageOnPort(port)) {
      givenBack(reply.message as ScanThreadReply);
    }
    handler.decodesValues = !isHeldKnown || marksHeld || inFlight >= BEHIND;
  };
  /** Wait until the main thread has given a batch back, when the most of them are out. */
  const room = async () => {
    while (inFlight >= mostInFlight) await new Promise<void>((done) => (wake = done));
  };
  const handler = scanThreadHandler(writer, request.columns, rows, send);
  const scanner = new CsvScanner(handler, MAX_FIELDS, rows);
  const fd = openSync(request.path, "r");
  try {
    // The first batch small: the main thread, waiting for it, starts (and warms up) sooner.
    let want = FIRST_CHUNK_BYTES;
    for (;;) {
      // Read straight into the next batch's bytes, after the record the last slice cut.
      const tail = scanner.tailBytes;
      const bytes = writer.fillable(tail.length + want);
      bytes.set(tail, 0);
      const read = readSync(fd, bytes, tail.length, want, null);
      // At the end, the batch's bytes are the tail alone, as the final scan (`end`) has them.
      if (read === 0) break;
      fileBytes += read;
      scanner.pushJoined(Buffer.from(bytes.buffer, bytes.byteOffset, tail.length + read));
      want = CHUNK_BYTES;
      await room();
    }
    scanner.end();
  } finally {
    closeSync(fd);
  }
  port.postMessage({ type: "end" });
}

if (parentPort !== null) {
  const port = parentPort;
  scanFile(port, workerData as ScanThreadRequest).then(
    () => port.close(),
    (error: NodeJS.ErrnoException) => {
      const code = typeof error.code === "string" && error.syscall !== undefined ? error.code : undefined;
      port.postMessage({ type: "failed", code, message: String(error.message), stack: error.stack });
      port.close();
    },
  );
}
