;; The scan thread's hot loops, over the bytes of a slice of a CSV log held in this module's
;; memory: splitting records into fields, sixteen bytes at a time, reading their numbers, and
;; numbering the senders of rows by the bytes of their ids. None needs JavaScript's warm-up, and
;; each costs a fraction of it: the scan thread then has time for the work the main thread spent
;; most of its time on.
;; Assembled by scripts/build-wasm.js into src/io/log/scan-rows-wasm.ts; see scan-rows.ts.
;;
;; Memory: the sender table's regions from 0 (below), the catalog's gifts and the groups' last
;; frames (see `follow`), then what scan-rows.ts lays out from `free` (the records written by
;; `split`, the numbers `rows` reads, then the slice's bytes).
(module
  (memory (export "memory") 454)

  ;; Two regions of 2^19 slots (i32: a sender's number + 1, 0 for none), used in turn as the
  ;; table grows; then 2^18 entries of 32 bytes; then the bytes of ids and names.
  (global $SLOTS_A i32 (i32.const 0x0000000))
  (global $SLOTS_B i32 (i32.const 0x0200000))
  (global $ENTRIES i32 (i32.const 0x0400000))
  (global $ARENA i32 (i32.const 0x0C00000))
  (global $ARENA_END i32 (i32.const 0x1C00000))
  ;; 2^16 i32s, by gift id: 0 for a gift the catalog does not have, else its coins × 4 + 2, + 1
  ;; when it streaks (see `gift`); then 2^12 entries of 32 bytes (see `follow`): streaks in
  ;; progress at once are far fewer.
  (global $GIFTS i32 (i32.const 0x1C00000))
  (global $GROUPS i32 (i32.const 0x1C40000))
  (global $free (export "free") i32 (i32.const 0x1C60000))
  ;; Most senders numbered; past them `sender` answers -1 (as the reader's own table does).
  (global $LIMIT i32 (i32.const 0x40000))

  (global $slots (mut i32) (i32.const 0x0000000))
  (global $mask (mut i32) (i32.const 4095))
  (global $senders (mut i32) (i32.const 0))
  (global $arenaUsed (mut i32) (i32.const 0x0C00000))

  ;; After `split`: the line of the next record, and the end of the records written.
  (global $line (export "line") (mut i32) (i32.const 1))
  (global $written (export "written") (mut i32) (i32.const 0))

  ;; Split the records of memory[start, end) into fields, from `out`, as i32s. A plain record (no
  ;; quotes) is compact: its line, its field count, where it starts minus one, then where each
  ;; field ends (relative to `base`; the last before a CR that precedes its LF); a field starts one
  ;; past the end of the one before (a plain record's fields are split by single commas): the
  ;; compact layout of CsvRecord. A record with a quoted field is in full: its line, its field
  ;; count plus FULL (2^27), then per field its start, end and 1 when it has doubled quotes to
  ;; undo (the layout of CsvRecord, stride 3). Blank lines (LF) are skipped. Stops at the start of
  ;; the first record it cannot split alone (a CR first, a quote inside an unquoted field, anything
  ;; but a comma or a line end after a closing quote, no line end before `end`, more than
  ;; `maxFields` fields, or no room for it before `outEnd`) and returns that start; `line` and
  ;; `written` tell where it got. Reads up to 15 bytes past `end`.
  (global $FULL i32 (i32.const 0x8000000))
  ;; After $closingQuote: whether the quoted field had doubled quotes, and the line feeds in it.
  (global $escaped (mut i32) (i32.const 0))
  (global $innerLines (mut i32) (i32.const 0))

  ;; The closing quote of a quoted field whose content starts at `at`: its position, or -1 when it
  ;; is not known before `end` (it may be doubled by the byte after).
  (func $closingQuote (param $at i32) (param $end i32) (result i32)
    (local $byte i32)
    (global.set $escaped (i32.const 0))
    (global.set $innerLines (i32.const 0))
    (block $none
      (loop $each
        (br_if $none (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $byte (i32.load8_u (local.get $at)))
        (if (i32.eq (local.get $byte) (i32.const 10))
          (then (global.set $innerLines (i32.add (global.get $innerLines) (i32.const 1)))))
        (if (i32.eq (local.get $byte) (i32.const 34))
          (then
            (br_if $none (i32.ge_u (i32.add (local.get $at) (i32.const 1)) (local.get $end)))
            (if (i32.ne (i32.load8_u offset=1 (local.get $at)) (i32.const 34)) (then (return (local.get $at))))
            (global.set $escaped (i32.const 1))
            (local.set $at (i32.add (local.get $at) (i32.const 1)))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $each)))
    (i32.const -1))

  (func (export "split")
    (param $base i32) (param $start i32) (param $end i32) (param $out i32) (param $outEnd i32)
    (param $maxFields i32) (param $firstLine i32)
    (result i32)
    (local $record i32) (local $field i32) (local $count i32) (local $header i32) (local $write i32)
    (local $at i32) (local $mask i32) (local $position i32) (local $byte i32) (local $fieldEnd i32)
    (local $line i32) (local $room i32) (local $full i32) (local $lines i32) (local $close i32)
    (local $next i32) (local $k i32) (local $fields i32) (local $bytes v128) (local $commas i32)
    (local.set $line (local.get $firstLine))
    (local.set $record (local.get $start))
    (local.set $field (local.get $start))
    (local.set $header (local.get $out))
    (local.set $write (i32.add (local.get $out) (i32.const 12)))
    ;; The most bytes one record's i32s take (in full).
    (local.set $room (i32.add (i32.const 12) (i32.mul (local.get $maxFields) (i32.const 12))))
    (local.set $at (local.get $start))
    (block $stop
      (br_if $stop (i32.gt_u (i32.add (local.get $header) (local.get $room)) (local.get $outEnd)))
      (br_if $stop
        (i32.and
          (i32.lt_u (local.get $record) (local.get $end))
          (i32.eq (i32.load8_u (local.get $record)) (i32.const 13))))
      (loop $block
        (br_if $stop (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $bytes (v128.load (local.get $at)))
        (local.set $commas (i8x16.bitmask (i8x16.eq (local.get $bytes) (i8x16.splat (i32.const 44)))))
        (local.set $mask
          (i8x16.bitmask
            (v128.or
              (i8x16.eq (local.get $bytes) (i8x16.splat (i32.const 10)))
              (i8x16.eq (local.get $bytes) (i8x16.splat (i32.const 34))))))
        ;; The last block may run past `end`: keep only the bits of bytes before it.
        (if (i32.lt_u (i32.sub (local.get $end) (local.get $at)) (i32.const 16))
          (then
            (local.set $k
              (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $end) (local.get $at))) (i32.const 1)))
            (local.set $commas (i32.and (local.get $commas) (local.get $k)))
            (local.set $mask (i32.and (local.get $mask) (local.get $k)))))
        ;; Most blocks: commas alone, inside a plain record that has room for them. Each ends a
        ;; field where it is; the next field starts after the last one.
        (if (i32.and
              (i32.and (i32.eqz (local.get $mask)) (i32.eqz (local.get $full)))
              (i32.le_u (i32.add (local.get $count) (i32.popcnt (local.get $commas))) (local.get $maxFields)))
          (then
            (if (local.get $commas)
              (then
                (local.set $count (i32.add (local.get $count) (i32.popcnt (local.get $commas))))
                (local.set $field
                  (i32.add (local.get $at) (i32.sub (i32.const 32) (i32.clz (local.get $commas)))))
                (loop $comma
                  (i32.store (local.get $write)
                    (i32.sub (i32.add (local.get $at) (i32.ctz (local.get $commas))) (local.get $base)))
                  (local.set $write (i32.add (local.get $write) (i32.const 4)))
                  (local.set $commas (i32.and (local.get $commas) (i32.sub (local.get $commas) (i32.const 1))))
                  (br_if $comma (local.get $commas)))))
            (local.set $at (i32.add (local.get $at) (i32.const 16)))
            (br $block)))
        (local.set $mask (i32.or (local.get $mask) (local.get $commas)))
        (block $blockDone
          (loop $bit
            (br_if $blockDone (i32.eqz (local.get $mask)))
            (local.set $position (i32.add (local.get $at) (i32.ctz (local.get $mask))))
            (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
            (local.set $byte (i32.load8_u (local.get $position)))
            (br_if $stop (i32.eq (local.get $count) (local.get $maxFields)))
            (if (i32.eq (local.get $byte) (i32.const 44))
              (then
                (if (local.get $full)
                  (then
                    (i32.store (local.get $write) (i32.sub (local.get $field) (local.get $base)))
                    (i32.store offset=4 (local.get $write) (i32.sub (local.get $position) (local.get $base)))
                    (i32.store offset=8 (local.get $write) (i32.const 0))
                    (local.set $write (i32.add (local.get $write) (i32.const 12))))
                  (else
                    (i32.store (local.get $write) (i32.sub (local.get $position) (local.get $base)))
                    (local.set $write (i32.add (local.get $write) (i32.const 4)))))
                (local.set $count (i32.add (local.get $count) (i32.const 1)))
                (local.set $field (i32.add (local.get $position) (i32.const 1)))
                (br $bit)))
            (if (i32.eq (local.get $byte) (i32.const 34))
              (then
                ;; A quote: only at a field's start (the reader reports one inside a field).
                (br_if $stop (i32.ne (local.get $position) (local.get $field)))
                (local.set $close
                  (call $closingQuote (i32.add (local.get $position) (i32.const 1)) (local.get $end)))
                (br_if $stop (i32.lt_s (local.get $close) (i32.const 0)))
                ;; After the closing quote: a comma, a line feed, or CR LF (anything else, or the
                ;; end of the bytes, is for the reader).
                (local.set $next (i32.add (local.get $close) (i32.const 1)))
                (br_if $stop (i32.ge_u (local.get $next) (local.get $end)))
                (local.set $byte (i32.load8_u (local.get $next)))
                (if (i32.eq (local.get $byte) (i32.const 13))
                  (then
                    (br_if $stop (i32.ge_u (i32.add (local.get $next) (i32.const 1)) (local.get $end)))
                    (br_if $stop (i32.ne (i32.load8_u offset=1 (local.get $next)) (i32.const 10)))
                    (local.set $next (i32.add (local.get $next) (i32.const 1)))
                    (local.set $byte (i32.const 10))))
                (br_if $stop
                  (i32.and (i32.ne (local.get $byte) (i32.const 44)) (i32.ne (local.get $byte) (i32.const 10))))
                ;; The record goes in full from here: its compact fields so far are laid out again,
                ;; last first (each goes no lower than where it was read from).
                (if (i32.eqz (local.get $full))
                  (then
                    (local.set $full (i32.const 1))
                    (local.set $fields (i32.add (local.get $header) (i32.const 8)))
                    (local.set $k (local.get $count))
                    (block $laidOut
                      (loop $back
                        (br_if $laidOut (i32.eqz (local.get $k)))
                        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
                        (local.set $fieldEnd
                          (i32.load (i32.add (local.get $header) (i32.add (i32.const 12) (i32.shl (local.get $k) (i32.const 2))))))
                        (i32.store offset=4
                          (i32.add (local.get $fields) (i32.mul (local.get $k) (i32.const 12)))
                          (local.get $fieldEnd))
                        (i32.store offset=8
                          (i32.add (local.get $fields) (i32.mul (local.get $k) (i32.const 12)))
                          (i32.const 0))
                        (i32.store
                          (i32.add (local.get $fields) (i32.mul (local.get $k) (i32.const 12)))
                          (if (result i32) (i32.eqz (local.get $k))
                            (then (i32.sub (local.get $record) (local.get $base)))
                            (else
                              (i32.add
                                (i32.load (i32.add (local.get $header) (i32.add (i32.const 8) (i32.shl (local.get $k) (i32.const 2)))))
                                (i32.const 1)))))
                        (br $back)))
                    (local.set $write (i32.add (local.get $fields) (i32.mul (local.get $count) (i32.const 12))))))
                (i32.store (local.get $write) (i32.sub (i32.add (local.get $position) (i32.const 1)) (local.get $base)))
                (i32.store offset=4 (local.get $write) (i32.sub (local.get $close) (local.get $base)))
                (i32.store offset=8 (local.get $write) (global.get $escaped))
                (local.set $write (i32.add (local.get $write) (i32.const 12)))
                (local.set $count (i32.add (local.get $count) (i32.const 1)))
                (local.set $lines (i32.add (local.get $lines) (global.get $innerLines)))
                (local.set $field (i32.add (local.get $next) (i32.const 1)))
                (if (i32.eq (local.get $byte) (i32.const 10))
                  (then
                    ;; The record ends at this line feed.
                    (i32.store (local.get $header) (local.get $line))
                    (i32.store offset=4 (local.get $header) (i32.add (local.get $count) (global.get $FULL)))
                    (local.set $line (i32.add (local.get $line) (i32.add (local.get $lines) (i32.const 1))))
                    (local.set $lines (i32.const 0))
                    (local.set $count (i32.const 0))
                    (local.set $full (i32.const 0))
                    (local.set $record (local.get $field))
                    (local.set $header (local.get $write))
                    (local.set $write (i32.add (local.get $write) (i32.const 12)))
                    (br_if $stop (i32.gt_u (i32.add (local.get $header) (local.get $room)) (local.get $outEnd)))
                    (br_if $stop
                      (i32.and
                        (i32.lt_u (local.get $record) (local.get $end))
                        (i32.eq (i32.load8_u (local.get $record)) (i32.const 13))))))
                ;; Go on from the byte after the delimiter, in a new block.
                (local.set $at (i32.sub (local.get $field) (i32.const 16)))
                (br $blockDone)))
            ;; A line feed: a blank line, or the end of the record (before a CR that precedes it).
            (if (i32.and
                  (i32.eqz (local.get $count))
                  (i32.eq (local.get $position) (local.get $record)))
              (then
                (local.set $line (i32.add (local.get $line) (i32.const 1)))
                (local.set $record (i32.add (local.get $position) (i32.const 1)))
                (local.set $field (local.get $record))
                (br_if $stop
                  (i32.and
                    (i32.lt_u (local.get $record) (local.get $end))
                    (i32.eq (i32.load8_u (local.get $record)) (i32.const 13))))
                (br $bit)))
            (local.set $fieldEnd (local.get $position))
            (if (i32.gt_u (local.get $position) (local.get $field))
              (then
                (if (i32.eq (i32.load8_u (i32.sub (local.get $position) (i32.const 1))) (i32.const 13))
                  (then (local.set $fieldEnd (i32.sub (local.get $position) (i32.const 1)))))))
            (i32.store (local.get $header) (local.get $line))
            (if (local.get $full)
              (then
                (i32.store (local.get $write) (i32.sub (local.get $field) (local.get $base)))
                (i32.store offset=4 (local.get $write) (i32.sub (local.get $fieldEnd) (local.get $base)))
                (i32.store offset=8 (local.get $write) (i32.const 0))
                (local.set $write (i32.add (local.get $write) (i32.const 12)))
                (i32.store offset=4 (local.get $header)
                  (i32.add (i32.add (local.get $count) (i32.const 1)) (global.get $FULL))))
              (else
                (i32.store (local.get $write) (i32.sub (local.get $fieldEnd) (local.get $base)))
                (local.set $write (i32.add (local.get $write) (i32.const 4)))
                (i32.store offset=4 (local.get $header) (i32.add (local.get $count) (i32.const 1)))
                (i32.store offset=8 (local.get $header)
                  (i32.sub (i32.sub (local.get $record) (local.get $base)) (i32.const 1)))))
            (local.set $line (i32.add (local.get $line) (i32.add (local.get $lines) (i32.const 1))))
            (local.set $lines (i32.const 0))
            (local.set $count (i32.const 0))
            (local.set $full (i32.const 0))
            (local.set $record (i32.add (local.get $position) (i32.const 1)))
            (local.set $field (local.get $record))
            (local.set $header (local.get $write))
            (local.set $write (i32.add (local.get $write) (i32.const 12)))
            (br_if $stop (i32.gt_u (i32.add (local.get $header) (local.get $room)) (local.get $outEnd)))
            (br_if $stop
              (i32.and
                (i32.lt_u (local.get $record) (local.get $end))
                (i32.eq (i32.load8_u (local.get $record)) (i32.const 13))))
            (br $bit)))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $block)))
    (global.set $line (local.get $line))
    (global.set $written (local.get $header))
    (local.get $record))

  ;; Do memory[a, a + length) and memory[b, b + length) hold the same bytes? Eight at a time; the
  ;; last few in one word, the bytes past them masked off (memory goes on 15 bytes at least past
  ;; both: the arena, and the slice's bytes).
  (func $same (param $a i32) (param $b i32) (param $length i32) (result i32)
    (local $i i32)
    (block $words
      (loop $word
        (br_if $words (i32.lt_u (i32.sub (local.get $length) (local.get $i)) (i32.const 8)))
        (if (i64.ne
              (i64.load (i32.add (local.get $a) (local.get $i)))
              (i64.load (i32.add (local.get $b) (local.get $i))))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $word)))
    (if (i32.eq (local.get $i) (local.get $length)) (then (return (i32.const 1))))
    (i64.eqz
      (i64.and
        (i64.xor
          (i64.load (i32.add (local.get $a) (local.get $i)))
          (i64.load (i32.add (local.get $b) (local.get $i))))
        (i64.sub
          (i64.shl (i64.const 1) (i64.extend_i32_u (i32.shl (i32.sub (local.get $length) (local.get $i)) (i32.const 3))))
          (i64.const 1)))))

  ;; Keep memory[from, from + length) in the arena; its offset, or -1 when the arena is full.
  (func $keep (param $from i32) (param $length i32) (result i32)
    (local $at i32)
    (if (i32.gt_u (i32.add (global.get $arenaUsed) (local.get $length)) (global.get $ARENA_END))
      (then (return (i32.const -1))))
    (local.set $at (global.get $arenaUsed))
    (memory.copy (local.get $at) (local.get $from) (local.get $length))
    (global.set $arenaUsed (i32.add (local.get $at) (local.get $length)))
    (local.get $at))

  ;; Twice the slots, in the other region: every sender goes in again by its hash.
  (func $grow
    (local $to i32) (local $mask i32) (local $index i32) (local $slot i32)
    (local.set $to
      (select (global.get $SLOTS_B) (global.get $SLOTS_A)
        (i32.eq (global.get $slots) (global.get $SLOTS_A))))
    (local.set $mask (i32.add (i32.shl (global.get $mask) (i32.const 1)) (i32.const 1)))
    (memory.fill (local.get $to) (i32.const 0) (i32.shl (i32.add (local.get $mask) (i32.const 1)) (i32.const 2)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $index) (global.get $senders)))
        (local.set $slot
          (i32.and
            (i32.load (i32.add (global.get $ENTRIES) (i32.shl (local.get $index) (i32.const 5))))
            (local.get $mask)))
        (block $placed
          (loop $probe
            (br_if $placed
              (i32.eqz (i32.load (i32.add (local.get $to) (i32.shl (local.get $slot) (i32.const 2))))))
            (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (local.get $mask)))
            (br $probe)))
        (i32.store
          (i32.add (local.get $to) (i32.shl (local.get $slot) (i32.const 2)))
          (i32.add (local.get $index) (i32.const 1)))
        (local.set $index (i32.add (local.get $index) (i32.const 1)))
        (br $each)))
    (global.set $slots (local.get $to))
    (global.set $mask (local.get $mask)))

  ;; The number of the sender whose id is memory[idStart, idEnd) (not empty), named
  ;; memory[nameStart, nameEnd) on this row (empty: no name), times 4, plus 1 when the sender is new
  ;; (numbered in the order they first come, from 0), 2 when its name is not the one of its last
  ;; row, 0 when it is. -1 when the sender has no number (past the limit, or no room for its bytes).
  ;; An entry: the id's hash, the id's offset and length, the name's offset, length and room.
  (func $sender (export "sender")
    (param $idStart i32) (param $idEnd i32) (param $nameStart i32) (param $nameEnd i32)
    (result i32)
    (local $hash i32) (local $i i32) (local $slot i32) (local $number i32) (local $entry i32)
    (local $idLength i32) (local $nameLength i32) (local $idAt i32) (local $nameAt i32)
    (local.set $idLength (i32.sub (local.get $idEnd) (local.get $idStart)))
    (local.set $nameLength (i32.sub (local.get $nameEnd) (local.get $nameStart)))
    ;; FNV-1a over the id's bytes.
    (local.set $hash (i32.const 0x811c9dc5))
    (local.set $i (local.get $idStart))
    (block $hashed
      (loop $byte
        (br_if $hashed (i32.ge_u (local.get $i) (local.get $idEnd)))
        (local.set $hash
          (i32.mul (i32.xor (local.get $hash) (i32.load8_u (local.get $i))) (i32.const 0x01000193)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $byte)))
    (local.set $slot (i32.and (local.get $hash) (global.get $mask)))
    (block $new
      (loop $probe
        (local.set $number
          (i32.load (i32.add (global.get $slots) (i32.shl (local.get $slot) (i32.const 2)))))
        (br_if $new (i32.eqz (local.get $number)))
        (local.set $number (i32.sub (local.get $number) (i32.const 1)))
        (local.set $entry (i32.add (global.get $ENTRIES) (i32.shl (local.get $number) (i32.const 5))))
        (if (i32.and
              (i32.and
                (i32.eq (i32.load (local.get $entry)) (local.get $hash))
                (i32.eq (i32.load offset=8 (local.get $entry)) (local.get $idLength)))
              (call $same (i32.load offset=4 (local.get $entry)) (local.get $idStart) (local.get $idLength)))
          (then
            (if (i32.and
                  (i32.eq (i32.load offset=16 (local.get $entry)) (local.get $nameLength))
                  (call $same (i32.load offset=12 (local.get $entry)) (local.get $nameStart) (local.get $nameLength)))
              (then (return (i32.shl (local.get $number) (i32.const 2)))))
            ;; Renamed: the new name is kept where the old one was when it fits. When the arena is
            ;; full, the old one stays, and the sender's next row is a renaming again (still true).
            (if (i32.le_u (local.get $nameLength) (i32.load offset=20 (local.get $entry)))
              (then
                (memory.copy (i32.load offset=12 (local.get $entry)) (local.get $nameStart) (local.get $nameLength))
                (i32.store offset=16 (local.get $entry) (local.get $nameLength)))
              (else
                (local.set $nameAt (call $keep (local.get $nameStart) (local.get $nameLength)))
                (if (i32.ge_s (local.get $nameAt) (i32.const 0))
                  (then
                    (i32.store offset=12 (local.get $entry) (local.get $nameAt))
                    (i32.store offset=16 (local.get $entry) (local.get $nameLength))
                    (i32.store offset=20 (local.get $entry) (local.get $nameLength))))))
            (return (i32.add (i32.shl (local.get $number) (i32.const 2)) (i32.const 2)))))
        (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (global.get $mask)))
        (br $probe)))
    ;; A new sender: numbered, unless past the limit or out of room.
    (if (i32.ge_u (global.get $senders) (global.get $LIMIT)) (then (return (i32.const -1))))
    (if (i32.gt_u
          (i32.add (i32.add (global.get $arenaUsed) (local.get $idLength)) (local.get $nameLength))
          (global.get $ARENA_END))
      (then (return (i32.const -1))))
    (local.set $idAt (call $keep (local.get $idStart) (local.get $idLength)))
    (local.set $nameAt (call $keep (local.get $nameStart) (local.get $nameLength)))
    (local.set $number (global.get $senders))
    (local.set $entry (i32.add (global.get $ENTRIES) (i32.shl (local.get $number) (i32.const 5))))
    (i32.store (local.get $entry) (local.get $hash))
    (i32.store offset=4 (local.get $entry) (local.get $idAt))
    (i32.store offset=8 (local.get $entry) (local.get $idLength))
    (i32.store offset=12 (local.get $entry) (local.get $nameAt))
    (i32.store offset=16 (local.get $entry) (local.get $nameLength))
    (i32.store offset=20 (local.get $entry) (local.get $nameLength))
    (i32.store
      (i32.add (global.get $slots) (i32.shl (local.get $slot) (i32.const 2)))
      (i32.add (local.get $number) (i32.const 1)))
    (global.set $senders (i32.add (local.get $number) (i32.const 1)))
    ;; At most half full, up to the region's 2^19 slots (half full at the limit).
    (if (i32.and
          (i32.gt_u (i32.shl (global.get $senders) (i32.const 1)) (global.get $mask))
          (i32.lt_u (global.get $mask) (i32.const 0x7ffff)))
      (then (call $grow)))
    (i32.add (i32.shl (local.get $number) (i32.const 2)) (i32.const 1)))

  ;; ---- Reading a record's numbers: what row-values.ts `decodeValues` does, but for the
  ;; timestamp (the caller reads it). The columns, set by `plan`, -1 for none.
  (global $giftId (mut i32) (i32.const -1))
  (global $unitCoins (mut i32) (i32.const -1))
  (global $count (mut i32) (i32.const -1))
  (global $totalCoins (mut i32) (i32.const -1))
  (global $isStreakable (mut i32) (i32.const -1))
  (global $isStreakEnd (mut i32) (i32.const -1))
  (global $groupId (mut i32) (i32.const -1))
  (global $messageId (mut i32) (i32.const -1))
  ;; How each flag is read: 0 a boolean, 1 a gift type (1 is streakable), 2 an inverted boolean.
  (global $streakableKind (mut i32) (i32.const 0))
  (global $streakEndKind (mut i32) (i32.const 0))
  (func (export "plan")
    (param $g i32) (param $u i32) (param $c i32) (param $t i32) (param $s i32) (param $e i32)
    (param $gr i32) (param $m i32) (param $sk i32) (param $ek i32)
    (global.set $giftId (local.get $g))
    (global.set $unitCoins (local.get $u))
    (global.set $count (local.get $c))
    (global.set $totalCoins (local.get $t))
    (global.set $isStreakable (local.get $s))
    (global.set $isStreakEnd (local.get $e))
    (global.set $groupId (local.get $gr))
    (global.set $messageId (local.get $m))
    (global.set $streakableKind (local.get $sk))
    (global.set $streakEndKind (local.get $ek)))

  ;; The whole number memory[start, end) spells: -1 blank, -2 not a whole number (or 2^53 or more).
  (func $whole (param $start i32) (param $end i32) (result f64)
    (local $digit i32) (local $value i64)
    (if (i32.eq (local.get $start) (local.get $end)) (then (return (f64.const -1))))
    (block $done
      (loop $digits
        (br_if $done (i32.ge_u (local.get $start) (local.get $end)))
        (local.set $digit (i32.sub (i32.load8_u (local.get $start)) (i32.const 48)))
        (if (i32.gt_u (local.get $digit) (i32.const 9)) (then (return (f64.const -2))))
        ;; Past 2^53 it stays past (leading zeros are fine).
        (if (i64.le_u (local.get $value) (i64.const 0x20000000000000))
          (then
            (local.set $value
              (i64.add (i64.mul (local.get $value) (i64.const 10)) (i64.extend_i32_u (local.get $digit))))))
        (local.set $start (i32.add (local.get $start) (i32.const 1)))
        (br $digits)))
    (if (i64.gt_u (local.get $value) (i64.const 0x1fffffffffffff)) (then (return (f64.const -2))))
    (f64.convert_i64_u (local.get $value)))

  ;; Does memory[start, end) spell the lower-case word whose bytes are in `word` (first lowest,
  ;; `length` of them), ignoring ASCII case?
  (func $spells (param $start i32) (param $end i32) (param $word i64) (param $length i32) (result i32)
    (local $i i32)
    (if (i32.ne (i32.sub (local.get $end) (local.get $start)) (local.get $length)) (then (return (i32.const 0))))
    (block $done
      (loop $bytes
        (br_if $done (i32.ge_u (local.get $i) (local.get $length)))
        (if (i64.ne
              (i64.extend_i32_u (i32.or (i32.load8_u (i32.add (local.get $start) (local.get $i))) (i32.const 0x20)))
              (i64.and (i64.shr_u (local.get $word) (i64.extend_i32_u (i32.shl (local.get $i) (i32.const 3)))) (i64.const 0xff)))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $bytes)))
    (i32.const 1))

  ;; A boolean: 1, 0, -1 blank, -2 not a boolean (true/false, yes/no in any case, 1/0, t/f, y/n).
  (func $truth (param $start i32) (param $end i32) (result f64)
    (local $length i32) (local $first i32)
    (local.set $length (i32.sub (local.get $end) (local.get $start)))
    (if (i32.eqz (local.get $length)) (then (return (f64.const -1))))
    ;; Lower-case `true` and `false` (every row of a canonical log) first, a word at a time.
    (if (i32.eq (local.get $length) (i32.const 4))
      (then (if (i32.eq (i32.load (local.get $start)) (i32.const 0x65757274)) (then (return (f64.const 1))))))
    (if (i32.eq (local.get $length) (i32.const 5))
      (then
        (if (i32.and
              (i32.eq (i32.load (local.get $start)) (i32.const 0x736c6166))
              (i32.eq (i32.load8_u offset=4 (local.get $start)) (i32.const 0x65)))
          (then (return (f64.const 0))))))
    (local.set $first (i32.or (i32.load8_u (local.get $start)) (i32.const 0x20)))
    (if (i32.eq (local.get $length) (i32.const 1))
      (then
        (if (i32.or (i32.or (i32.eq (local.get $first) (i32.const 0x31)) (i32.eq (local.get $first) (i32.const 0x74)))
                    (i32.eq (local.get $first) (i32.const 0x79)))
          (then (return (f64.const 1))))
        (if (i32.or (i32.or (i32.eq (local.get $first) (i32.const 0x30)) (i32.eq (local.get $first) (i32.const 0x66)))
                    (i32.eq (local.get $first) (i32.const 0x6e)))
          (then (return (f64.const 0))))
        (return (f64.const -2))))
    ;; "true", "yes", "false", "no", their bytes lowest first.
    (if (i32.or
          (call $spells (local.get $start) (local.get $end) (i64.const 0x65757274) (i32.const 4))
          (call $spells (local.get $start) (local.get $end) (i64.const 0x736579) (i32.const 3)))
      (then (return (f64.const 1))))
    (if (i32.or
          (call $spells (local.get $start) (local.get $end) (i64.const 0x65736c6166) (i32.const 5))
          (call $spells (local.get $start) (local.get $end) (i64.const 0x6f6e) (i32.const 2)))
      (then (return (f64.const 0))))
    (f64.const -2))

  ;; A flag read as `kind` says: 1, 0, -1 blank, -2 unreadable.
  (func $flag (param $start i32) (param $end i32) (param $kind i32) (result f64)
    (local $value f64)
    (if (i32.eq (local.get $kind) (i32.const 1))
      (then
        (local.set $value (call $whole (local.get $start) (local.get $end)))
        (if (f64.lt (local.get $value) (f64.const 0)) (then (return (local.get $value))))
        (return (select (f64.const 1) (f64.const 0) (f64.eq (local.get $value) (f64.const 1))))))
    (local.set $value (call $truth (local.get $start) (local.get $end)))
    (if (f64.lt (local.get $value) (f64.const 0)) (then (return (local.get $value))))
    (if (i32.eq (local.get $kind) (i32.const 2)) (then (return (f64.sub (f64.const 1) (local.get $value)))))
    (local.get $value))

  ;; An id: its whole number when up to 15 digits, -1 (NO_ID) blank, -2 (TEXT_ID) anything else.
  (func $id (param $start i32) (param $end i32) (result f64)
    (local $digit i32) (local $value i64) (local $last i64)
    (if (i32.eq (local.get $start) (local.get $end)) (then (return (f64.const -1))))
    (if (i32.gt_u (i32.sub (local.get $end) (local.get $start)) (i32.const 15)) (then (return (f64.const -2))))
    ;; Eight digits or more (a TikTok group id has 13): the last eight at once.
    (local.set $last (i64.const -1))
    (if (i32.ge_u (i32.sub (local.get $end) (local.get $start)) (i32.const 8))
      (then
        (local.set $last (call $eightDigits (i32.sub (local.get $end) (i32.const 8))))
        (if (i64.lt_s (local.get $last) (i64.const 0)) (then (return (f64.const -2))))
        (local.set $end (i32.sub (local.get $end) (i32.const 8)))))
    (block $done
      (loop $digits
        (br_if $done (i32.ge_u (local.get $start) (local.get $end)))
        (local.set $digit (i32.sub (i32.load8_u (local.get $start)) (i32.const 48)))
        (if (i32.gt_u (local.get $digit) (i32.const 9)) (then (return (f64.const -2))))
        (local.set $value
          (i64.add (i64.mul (local.get $value) (i64.const 10)) (i64.extend_i32_u (local.get $digit))))
        (local.set $start (i32.add (local.get $start) (i32.const 1)))
        (br $digits)))
    (if (i64.ge_s (local.get $last) (i64.const 0))
      (then (local.set $value (i64.add (i64.mul (local.get $value) (i64.const 100000000)) (local.get $last)))))
    (f64.convert_i64_u (local.get $value)))

  ;; The number the eight bytes from `at` spell when all are digits (the first the most
  ;; significant), else -1: all eight at once, in one i64 (each byte's digit, then pairs, fours,
  ;; eight).
  (func $eightDigits (param $at i32) (result i64)
    (local $word i64)
    (local.set $word (i64.load (local.get $at)))
    ;; A digit is 0x30 to 0x39: its high half is 3, and still 3 with 6 added.
    (if (i32.or
          (i64.ne (i64.and (local.get $word) (i64.const 0xF0F0F0F0F0F0F0F0)) (i64.const 0x3030303030303030))
          (i64.ne
            (i64.and (i64.add (local.get $word) (i64.const 0x0606060606060606)) (i64.const 0xF0F0F0F0F0F0F0F0))
            (i64.const 0x3030303030303030)))
      (then (return (i64.const -1))))
    (local.set $word
      (i64.shr_u (i64.mul (i64.and (local.get $word) (i64.const 0x0F0F0F0F0F0F0F0F)) (i64.const 2561)) (i64.const 8)))
    (local.set $word
      (i64.shr_u (i64.mul (i64.and (local.get $word) (i64.const 0x00FF00FF00FF00FF)) (i64.const 6553601)) (i64.const 16)))
    (i64.shr_u (i64.mul (i64.and (local.get $word) (i64.const 0x0000FFFF0000FFFF)) (i64.const 42949672960001)) (i64.const 32)))

  ;; Read the numbers of the record at `fields` (relative to `base`) into the f64s at `out`
  ;; (in row-values.ts V order: gift id, unit price, count, total, the two flags, the group and
  ;; message ids), as `decodeValues` does but for the timestamp. Returns -1 when all are read, else
  ;; the canonical field (row-values.ts F) of the first that is not: 0, 2, 3, 4, 5 or 6. A field's
  ;; bounds: `base` + the number at `fields` + `stride` × its column, + `shift`; and `base` + the
  ;; next number (a compact record: stride 4, shift 1; one in full: stride 12, shift 0).
  (func $decode
    (param $base i32) (param $fields i32) (param $out i32) (param $stride i32) (param $shift i32)
    (result i32)
    (local $at i32) (local $value f64)
    (local.set $value (f64.const -1))
    (if (i32.ge_s (global.get $giftId) (i32.const 0))
      (then
        (local.set $at (i32.add (local.get $fields) (i32.mul (global.get $giftId) (local.get $stride))))
        (local.set $value
          (call $whole
            (i32.add (local.get $base) (i32.add (i32.load (local.get $at)) (local.get $shift)))
            (i32.add (local.get $base) (i32.load offset=4 (local.get $at)))))))
    (if (f64.eq (local.get $value) (f64.const -2)) (then (return (i32.const 0))))
    (f64.store (local.get $out) (local.get $value))
    (local.set $value (f64.const -1))
    (if (i32.ge_s (global.get $unitCoins) (i32.const 0))
      (then
        (local.set $at (i32.add (local.get $fields) (i32.mul (global.get $unitCoins) (local.get $stride))))
        (local.set $value
          (call $whole
            (i32.add (local.get $base) (i32.add (i32.load (local.get $at)) (local.get $shift)))
            (i32.add (local.get $base) (i32.load offset=4 (local.get $at)))))))
    (if (f64.eq (local.get $value) (f64.const -2)) (then (return (i32.const 2))))
    (f64.store offset=8 (local.get $out) (local.get $value))
    (local.set $value (f64.const -1))
    (if (i32.ge_s (global.get $count) (i32.const 0))
      (then
        (local.set $at (i32.add (local.get $fields) (i32.mul (global.get $count) (local.get $stride))))
        (local.set $value
          (call $whole
            (i32.add (local.get $base) (i32.add (i32.load (local.get $at)) (local.get $shift)))
            (i32.add (local.get $base) (i32.load offset=4 (local.get $at)))))))
    (if (f64.eq (local.get $value) (f64.const -2)) (then (return (i32.const 3))))
    (f64.store offset=16 (local.get $out) (local.get $value))
    (local.set $value (f64.const -1))
    (if (i32.ge_s (global.get $totalCoins) (i32.const 0))
      (then
        (local.set $at (i32.add (local.get $fields) (i32.mul (global.get $totalCoins) (local.get $stride))))
        (local.set $value
          (call $whole
            (i32.add (local.get $base) (i32.add (i32.load (local.get $at)) (local.get $shift)))
            (i32.add (local.get $base) (i32.load offset=4 (local.get $at)))))))
    (if (f64.eq (local.get $value) (f64.const -2)) (then (return (i32.const 4))))
    (f64.store offset=24 (local.get $out) (local.get $value))
    (local.set $value (f64.const -1))
    (if (i32.ge_s (global.get $isStreakable) (i32.const 0))
      (then
        (local.set $at (i32.add (local.get $fields) (i32.mul (global.get $isStreakable) (local.get $stride))))
        (local.set $value
          (call $flag
            (i32.add (local.get $base) (i32.add (i32.load (local.get $at)) (local.get $shift)))
            (i32.add (local.get $base) (i32.load offset=4 (local.get $at)))
            (global.get $streakableKind)))))
    (if (f64.eq (local.get $value) (f64.const -2)) (then (return (i32.const 5))))
    (f64.store offset=32 (local.get $out) (local.get $value))
    (local.set $value (f64.const -1))
    (if (i32.ge_s (global.get $isStreakEnd) (i32.const 0))
      (then
        (local.set $at (i32.add (local.get $fields) (i32.mul (global.get $isStreakEnd) (local.get $stride))))
        (local.set $value
          (call $flag
            (i32.add (local.get $base) (i32.add (i32.load (local.get $at)) (local.get $shift)))
            (i32.add (local.get $base) (i32.load offset=4 (local.get $at)))
            (global.get $streakEndKind)))))
    (if (f64.eq (local.get $value) (f64.const -2)) (then (return (i32.const 6))))
    (f64.store offset=40 (local.get $out) (local.get $value))
    (local.set $value (f64.const -1))
    (if (i32.ge_s (global.get $groupId) (i32.const 0))
      (then
        (local.set $at (i32.add (local.get $fields) (i32.mul (global.get $groupId) (local.get $stride))))
        (local.set $value
          (call $id
            (i32.add (local.get $base) (i32.add (i32.load (local.get $at)) (local.get $shift)))
            (i32.add (local.get $base) (i32.load offset=4 (local.get $at)))))))
    (f64.store offset=48 (local.get $out) (local.get $value))
    (local.set $value (f64.const -1))
    (if (i32.ge_s (global.get $messageId) (i32.const 0))
      (then
        (local.set $at (i32.add (local.get $fields) (i32.mul (global.get $messageId) (local.get $stride))))
        (local.set $value
          (call $id
            (i32.add (local.get $base) (i32.add (i32.load (local.get $at)) (local.get $shift)))
            (i32.add (local.get $base) (i32.load offset=4 (local.get $at)))))))
    (f64.store offset=56 (local.get $out) (local.get $value))
    (i32.const -1))

  ;; ---- A run of records at once: their numbers, their senders' numbers and their kinds.
  ;; The header's field count, the sender's columns and the timestamp's (-1 for none), set by
  ;; `planRows`.
  (global $fieldCount (mut i32) (i32.const -1))
  (global $senderId (mut i32) (i32.const -1))
  (global $senderName (mut i32) (i32.const -1))
  (global $timestamp (mut i32) (i32.const -1))

  (func (export "planRows")
    (param $count i32) (param $id i32) (param $name i32) (param $timestamp i32) (param $receiver i32)
    (global.set $fieldCount (local.get $count))
    (global.set $opensStreaks (i32.lt_s (local.get $receiver) (i32.const 0)))
    (global.set $senderId (local.get $id))
    (global.set $senderName (local.get $name))
    (global.set $timestamp (local.get $timestamp)))

  ;; The number `count` digits from `at` spell, -1 when one is not a digit.
  (func $digits (param $at i32) (param $count i32) (result i32)
    (local $value i32) (local $digit i32) (local $end i32)
    (local.set $end (i32.add (local.get $at) (local.get $count)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $digit (i32.sub (i32.load8_u (local.get $at)) (i32.const 48)))
        (if (i32.gt_u (local.get $digit) (i32.const 9)) (then (return (i32.const -1))))
        (local.set $value (i32.add (i32.mul (local.get $value) (i32.const 10)) (local.get $digit)))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $each)))
    (local.get $value))

  ;; Days since 1970-01-01 of a civil date (proleptic Gregorian), as row-values.ts `daysFromCivil`.
  (func $daysFromCivil (param $year i32) (param $month i32) (param $day i32) (result i64)
    (local $y i32) (local $era i32) (local $yearOfEra i32) (local $dayOfYear i32) (local $dayOfEra i32)
    (local.set $y (select (i32.sub (local.get $year) (i32.const 1)) (local.get $year)
      (i32.le_s (local.get $month) (i32.const 2))))
    ;; Division rounding down, for the year before year 0.
    (local.set $era
      (i32.div_s
        (select (local.get $y) (i32.sub (local.get $y) (i32.const 399)) (i32.ge_s (local.get $y) (i32.const 0)))
        (i32.const 400)))
    (local.set $yearOfEra (i32.sub (local.get $y) (i32.mul (local.get $era) (i32.const 400))))
    (local.set $dayOfYear
      (i32.add
        (i32.div_s
          (i32.add
            (i32.mul (i32.const 153)
              (i32.add (local.get $month)
                (select (i32.const -3) (i32.const 9) (i32.gt_s (local.get $month) (i32.const 2)))))
            (i32.const 2))
          (i32.const 5))
        (i32.sub (local.get $day) (i32.const 1))))
    (local.set $dayOfEra
      (i32.add
        (i32.sub
          (i32.add (i32.mul (local.get $yearOfEra) (i32.const 365)) (i32.div_s (local.get $yearOfEra) (i32.const 4)))
          (i32.div_s (local.get $yearOfEra) (i32.const 100)))
        (local.get $dayOfYear)))
    (i64.sub
      (i64.add
        (i64.mul (i64.extend_i32_s (local.get $era)) (i64.const 146097))
        (i64.extend_i32_s (local.get $dayOfEra)))
      (i64.const 719468)))

  ;; `YYYY-MM-DDTHH:MM:SS[.mmm]Z` in memory[start, end): epoch milliseconds, -1 for anything else
  ;; (as row-values.ts `isoUtcFromBytes`).
  (func $isoUtc (param $start i32) (param $end i32) (result f64)
    (local $length i32) (local $year i32) (local $month i32) (local $day i32) (local $hour i32)
    (local $minute i32) (local $second i32) (local $millis i32)
    (local.set $length (i32.sub (local.get $end) (local.get $start)))
    (if (i32.and (i32.ne (local.get $length) (i32.const 20)) (i32.ne (local.get $length) (i32.const 24)))
      (then (return (f64.const -1))))
    (if (i32.ne (i32.load8_u (i32.sub (local.get $end) (i32.const 1))) (i32.const 0x5a)) (then (return (f64.const -1))))
    (if (i32.or
          (i32.or
            (i32.ne (i32.load8_u offset=4 (local.get $start)) (i32.const 0x2d))
            (i32.ne (i32.load8_u offset=7 (local.get $start)) (i32.const 0x2d)))
          (i32.or
            (i32.ne (i32.load8_u offset=10 (local.get $start)) (i32.const 0x54))
            (i32.or
              (i32.ne (i32.load8_u offset=13 (local.get $start)) (i32.const 0x3a))
              (i32.ne (i32.load8_u offset=16 (local.get $start)) (i32.const 0x3a)))))
      (then (return (f64.const -1))))
    (local.set $year (call $digits (local.get $start) (i32.const 4)))
    (local.set $month (call $digits (i32.add (local.get $start) (i32.const 5)) (i32.const 2)))
    (local.set $day (call $digits (i32.add (local.get $start) (i32.const 8)) (i32.const 2)))
    (local.set $hour (call $digits (i32.add (local.get $start) (i32.const 11)) (i32.const 2)))
    (local.set $minute (call $digits (i32.add (local.get $start) (i32.const 14)) (i32.const 2)))
    (local.set $second (call $digits (i32.add (local.get $start) (i32.const 17)) (i32.const 2)))
    (if (i32.eq (local.get $length) (i32.const 24))
      (then
        (if (i32.ne (i32.load8_u offset=19 (local.get $start)) (i32.const 0x2e)) (then (return (f64.const -1))))
        (local.set $millis (call $digits (i32.add (local.get $start) (i32.const 20)) (i32.const 3)))))
    (if (i32.or
          (i32.or
            (i32.or (i32.lt_s (local.get $year) (i32.const 0)) (i32.lt_s (local.get $month) (i32.const 1)))
            (i32.or (i32.gt_s (local.get $month) (i32.const 12)) (i32.lt_s (local.get $day) (i32.const 1))))
          (i32.or
            (i32.or (i32.gt_s (local.get $day) (i32.const 31)) (i32.gt_s (local.get $hour) (i32.const 23)))
            (i32.or (i32.gt_s (local.get $minute) (i32.const 59)) (i32.gt_s (local.get $second) (i32.const 60)))))
      (then (return (f64.const -1))))
    (if (i32.or
          (i32.or (i32.lt_s (local.get $hour) (i32.const 0)) (i32.lt_s (local.get $minute) (i32.const 0)))
          (i32.or (i32.lt_s (local.get $second) (i32.const 0)) (i32.lt_s (local.get $millis) (i32.const 0))))
      (then (return (f64.const -1))))
    (f64.convert_i64_s
      (i64.add
        (i64.mul
          (i64.add
            (i64.mul
              (i64.add
                (i64.mul
                  (i64.add
                    (i64.mul (call $daysFromCivil (local.get $year) (local.get $month) (local.get $day)) (i64.const 24))
                    (i64.extend_i32_s (local.get $hour)))
                  (i64.const 60))
                (i64.extend_i32_s (local.get $minute)))
              (i64.const 60))
            (i64.extend_i32_s (local.get $second)))
          (i64.const 1000))
        (i64.extend_i32_s (local.get $millis)))))

  ;; The timestamp of the compact record at `fields`, as row-values.ts `timestampInto` reads it:
  ;; NaN for none, epoch milliseconds (an epoch in seconds is multiplied), or a negative number for
  ;; a form only the reader reads (it needs the zone), as `timestampInto` leaves to it.
  (func $rowTimestamp (param $base i32) (param $fields i32) (param $stride i32) (param $shift i32) (result f64)
    (local $at i32) (local $start i32) (local $end i32) (local $whole f64)
    (if (i32.lt_s (global.get $timestamp) (i32.const 0)) (then (return (f64.const nan))))
    (local.set $at (i32.add (local.get $fields) (i32.mul (global.get $timestamp) (local.get $stride))))
    (local.set $start (i32.add (local.get $base) (i32.add (i32.load (local.get $at)) (local.get $shift))))
    (local.set $end (i32.add (local.get $base) (i32.load offset=4 (local.get $at))))
    (local.set $whole (call $whole (local.get $start) (local.get $end)))
    (if (f64.eq (local.get $whole) (f64.const -1)) (then (return (f64.const nan))))
    (if (f64.ge (local.get $whole) (f64.const 0))
      (then
        (return
          (select (f64.mul (local.get $whole) (f64.const 1000)) (local.get $whole)
            (f64.lt (local.get $whole) (f64.const 1e11))))))
    (call $isoUtc (local.get $start) (local.get $end)))

  ;; The number of the sender of the compact record at `fields` (see `sender`), -1 for a blank id.
  (func $rowSender (param $base i32) (param $fields i32) (param $stride i32) (param $shift i32) (result i32)
    (local $at i32) (local $idStart i32) (local $idEnd i32) (local $nameStart i32) (local $nameEnd i32)
    (if (i32.lt_s (global.get $senderId) (i32.const 0)) (then (return (i32.const -1))))
    (local.set $at (i32.add (local.get $fields) (i32.mul (global.get $senderId) (local.get $stride))))
    (local.set $idStart (i32.add (local.get $base) (i32.add (i32.load (local.get $at)) (local.get $shift))))
    (local.set $idEnd (i32.add (local.get $base) (i32.load offset=4 (local.get $at))))
    (if (i32.eq (local.get $idStart) (local.get $idEnd)) (then (return (i32.const -1))))
    (if (i32.ge_s (global.get $senderName) (i32.const 0))
      (then
        (local.set $at (i32.add (local.get $fields) (i32.mul (global.get $senderName) (local.get $stride))))
        (local.set $nameStart (i32.add (local.get $base) (i32.add (i32.load (local.get $at)) (local.get $shift))))
        (local.set $nameEnd (i32.add (local.get $base) (i32.load offset=4 (local.get $at))))))
    (call $sender (local.get $idStart) (local.get $idEnd) (local.get $nameStart) (local.get $nameEnd)))

;; ---- Streak frames superseded by the next frame of their streak. A frame of a streak in
  ;; progress that the streak's next frame follows (the same group id, sender and gift, no fewer
  ;; gifts) does nothing but add to the rows held: the counter keeps the streak's highest frame, and
  ;; the next one takes its place. Such a row is marked in the records (`numbered` added to its
  ;; count, besides `decoded`) and taken out of them at the end of `rows` (`withoutHeld`): the
  ;; main thread only counts it. It is one when the counter would do exactly that with it:
  ;; - the frame follows one itself (so its streak is open: it opens none), or it opens its streak
  ;;   with a group id higher than any row's before it (so no streak of that id is open, and the
  ;;   next frame opens it, as this one would have: what this one leaves, its receiver, is not
  ;;   read, `opensStreaks`); and its sender is as on an earlier row (the main thread's sender
  ;;   table has nothing to learn from it);
  ;; - its gift is one the catalog prices (`gift`) and it streaks (the row's flag, or the catalog's
  ;;   when the row has none); it is not an end frame; its own prices, if any, are the catalog's;
  ;; - every row between it and the next frame of its group was read here (`rows` decoded it), so
  ;;   the counter saw no other row of the group meanwhile; and the log has no message ids (a
  ;;   duplicate would leave the next frame uncounted).
  ;; The counter's other rules (a receiver to keep) are the caller's to rule out: `supersede` is
  ;; called only when there are none.
  (global $supersedes (mut i32) (i32.const 0))
  ;; Entries of another epoch are forgotten: the epoch moves on at every row not decoded here.
  (global $epoch (mut i32) (i32.const 1))
  ;; A frame is marked only while its record is in memory: during the `rows` call that read it.
  (global $run (mut i32) (i32.const 0))
  ;; The highest whole-number group id of the rows so far (see `forget`); infinity once a row went
  ;; by whose group id is not known here. -1 before the first.
  (global $highestGroup (mut f64) (f64.const -1))
  ;; The rows' receivers are not read (`planRows`): a streak's first frame may be superseded.
  (global $opensStreaks (mut i32) (i32.const 0))
  ;; The frames the last `rows` found superseded (and took out of its records).
  (global $held (export "held") (mut i32) (i32.const 0))

  ;; A gift of the catalog: its id, its coins and whether it streaks. Ids from 2^16 and prices from
  ;; 2^29 are left out (their rows are counted as usual).
  (func (export "gift") (param $id i32) (param $coins i32) (param $streakable i32)
    (if (i32.and (i32.lt_u (local.get $id) (i32.const 0x10000)) (i32.lt_u (local.get $coins) (i32.const 0x20000000)))
      (then
        (i32.store (i32.add (global.get $GIFTS) (i32.shl (local.get $id) (i32.const 2)))
          (i32.or (i32.shl (local.get $coins) (i32.const 2))
            (i32.or (i32.const 2) (i32.ne (local.get $streakable) (i32.const 0))))))))

  ;; Look for superseded frames from now on (see above).
  (func (export "supersede") (global.set $supersedes (i32.const 1)))

  ;; No group's last frame is known any more.
  (func $breakChains (global.set $epoch (i32.add (global.get $epoch) (i32.const 1))))

  ;; A row whose group id is `group` (its key: -1 for none, -2 for text, infinity when not known)
  ;; went by unread here (the caller read it): it breaks every chain, and counts among the rows
  ;; before any first frame.
  (func $forget (export "forget") (param $group f64)
    (call $breakChains)
    (if (f64.gt (local.get $group) (global.get $highestGroup)) (then (global.set $highestGroup (local.get $group)))))

  ;; After a decoded row whose f64s are at `out`, its count at `word`, its sender `number` (see
  ;; `sender`): mark the frame of its group it follows, when that one is superseded (`mark` added
  ;; to its count), and keep it as its group's last frame when it is one that may be (else forget
  ;; the group). An entry: the group id (f64), the frame's gifts, the epoch, the sender's number,
  ;; the gift's id, the frame's `word` (0 when it may not be superseded) and the run.
  (func $follow (param $out i32) (param $word i32) (param $number i32) (param $mark i32)
    (local $group f64) (local $key i64) (local $entry i32) (local $isOwn i32) (local $gift f64)
    (local $giftId i32) (local $info i32) (local $flag f64) (local $count f64) (local $frames i32)
    (local $isNext i32) (local $at i32) (local $coins f64) (local $price f64)
    (local.set $group (f64.load offset=48 (local.get $out)))
    (if (f64.lt (local.get $group) (f64.const 0))
      (then
        ;; A group id that is not a whole number keys its streaks apart from these: the next
        ;; frame of one of them may find its streak another way, so all are forgotten.
        (if (f64.eq (local.get $group) (f64.const -2)) (then (call $breakChains)))
        (return)))
    (local.set $key (i64.trunc_f64_u (local.get $group)))
    (local.set $entry
      (i32.add (global.get $GROUPS)
        (i32.shl
          (i32.shr_u
            (i32.mul
              (i32.xor (i32.wrap_i64 (local.get $key)) (i32.wrap_i64 (i64.shr_u (local.get $key) (i64.const 32))))
              (i32.const 0x9E3779B1))
            (i32.const 20))
          (i32.const 5))))
    (local.set $isOwn
      (i32.and (f64.eq (f64.load (local.get $entry)) (local.get $group))
        (i32.eq (i32.load offset=12 (local.get $entry)) (global.get $epoch))))
    (block $notFrame
      ;; A gift the catalog prices, streaking, sent by a numbered sender, with a count (not 0).
      (local.set $gift (f64.load (local.get $out)))
      (br_if $notFrame
        (i32.or (f64.lt (local.get $gift) (f64.const 0)) (f64.ge (local.get $gift) (f64.const 65536))))
      (local.set $giftId (i32.trunc_f64_u (local.get $gift)))
      (local.set $info (i32.load (i32.add (global.get $GIFTS) (i32.shl (local.get $giftId) (i32.const 2)))))
      (br_if $notFrame (i32.eqz (local.get $info)))
      (local.set $flag (f64.load offset=32 (local.get $out)))
      (br_if $notFrame
        (i32.eqz
          (select (i32.and (local.get $info) (i32.const 1)) (f64.eq (local.get $flag) (f64.const 1))
            (f64.eq (local.get $flag) (f64.const -1)))))
      (br_if $notFrame (i32.lt_s (local.get $number) (i32.const 0)))
      (local.set $count (f64.load offset=16 (local.get $out)))
      (if (f64.eq (local.get $count) (f64.const -1)) (then (local.set $count (f64.const 1))))
      (br_if $notFrame
        (i32.or (f64.lt (local.get $count) (f64.const 1)) (f64.ge (local.get $count) (f64.const 2147483648))))
      (local.set $frames (i32.trunc_f64_u (local.get $count)))
      ;; Does it follow its group's last frame? Then that one, when it may be, is superseded.
      (local.set $isNext
        (i32.and (local.get $isOwn)
          (i32.and
            (i32.eq (i32.load offset=16 (local.get $entry)) (i32.shr_u (local.get $number) (i32.const 2)))
            (i32.and
              (i32.eq (i32.load offset=20 (local.get $entry)) (local.get $giftId))
              (i32.ge_u (local.get $frames) (i32.load offset=8 (local.get $entry)))))))
      (if (i32.and (local.get $isNext) (i32.eq (i32.load offset=28 (local.get $entry)) (global.get $run)))
        (then
          (local.set $at (i32.load offset=24 (local.get $entry)))
          (if (local.get $at)
            (then
              (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (local.get $mark)))
              (global.set $held (i32.add (global.get $held) (i32.const 1)))))))
      ;; Is it a frame of a streak in progress, priced as the catalog prices it?
      (br_if $notFrame (f64.ne (f64.load offset=40 (local.get $out)) (f64.const 0)))
      (local.set $coins (f64.convert_i32_u (i32.shr_u (local.get $info) (i32.const 2))))
      (local.set $price (f64.load offset=8 (local.get $out)))
      (br_if $notFrame
        (i32.and (f64.ne (local.get $price) (f64.const -1)) (f64.ne (local.get $price) (local.get $coins))))
      (local.set $price (f64.load offset=24 (local.get $out)))
      (br_if $notFrame
        (i32.and (f64.ne (local.get $price) (f64.const -1))
          (f64.ne (local.get $price) (f64.mul (local.get $coins) (local.get $count)))))
      (f64.store (local.get $entry) (local.get $group))
      (i32.store offset=8 (local.get $entry) (local.get $frames))
      (i32.store offset=12 (local.get $entry) (global.get $epoch))
      (i32.store offset=16 (local.get $entry) (i32.shr_u (local.get $number) (i32.const 2)))
      (i32.store offset=20 (local.get $entry) (local.get $giftId))
      (i32.store offset=24 (local.get $entry)
        (select (local.get $word) (i32.const 0)
          (i32.and
            (i32.or (local.get $isNext)
              (i32.and (global.get $opensStreaks) (f64.gt (local.get $group) (global.get $highestGroup))))
            (i32.eqz (i32.and (local.get $number) (i32.const 3))))))
      (i32.store offset=28 (local.get $entry) (global.get $run))
      (return))
    ;; Not a frame the group's streak goes on from.
    (if (local.get $isOwn) (then (i32.store offset=12 (local.get $entry) (i32.const 0)))))

  ;; For each record of memory[from, to) (as `split` writes them), relative to `base`: a row with
  ;; the header's field count gets its sender numbered and, when `decodes`, its numbers read (as
  ;; `decode` does, and its timestamp), into ten f64s from `out` (row-values.ts V order: the eight
  ;; of `decode`, the timestamp, the sender's number). Each record's count gets what a scan batch
  ;; says of it (scan-batch.ts): `plain` added for a compact one (FULL taken off one in full), and
  ;; `decoded` or `numbered` for a row with its f64s; a row whose numbers are not all readable (a
  ;; timestamp in a form only the reader reads included), or with another field count, gets
  ;; neither (the reader reads it). Once `supersede` is called, each decoded row goes to `follow`,
  ;; and the held frames it finds are taken out (`held` says how many; `written` is the records'
  ;; new end). Returns the end of the f64s written.
  (func (export "rows")
    (param $base i32) (param $from i32) (param $to i32) (param $out i32) (param $decodes i32)
    (param $plain i32) (param $decoded i32) (param $numbered i32)
    (result i32)
    (local $count i32) (local $fields i32) (local $kind i32) (local $timestamp f64)
    (local $stride i32) (local $shift i32) (local $layout i32) (local $next i32) (local $number i32)
    (local $follows i32) (local $start i32) (local $values i32) (local $group f64)
    (local.set $start (local.get $from))
    (local.set $values (local.get $out))
    (global.set $held (i32.const 0))
    (global.set $run (i32.add (global.get $run) (i32.const 1)))
    ;; Superseded frames are looked for in decoded rows of a log without message ids (see `follow`).
    (local.set $follows
      (i32.and (i32.and (global.get $supersedes) (local.get $decodes))
        (i32.lt_s (global.get $messageId) (i32.const 0))))
    ;; Rows whose numbers are not read here: their group ids are not known.
    (if (i32.eqz (local.get $decodes)) (then (call $forget (f64.const inf))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $from) (local.get $to)))
        (local.set $count (i32.load offset=4 (local.get $from)))
        (local.set $fields (i32.add (local.get $from) (i32.const 8)))
        ;; A compact record, or one in full (see `split`).
        (if (i32.ge_u (local.get $count) (global.get $FULL))
          (then
            (local.set $count (i32.sub (local.get $count) (global.get $FULL)))
            (local.set $stride (i32.const 12))
            (local.set $shift (i32.const 0))
            (local.set $layout (i32.const 0))
            (local.set $next (i32.add (local.get $fields) (i32.mul (local.get $count) (i32.const 12)))))
          (else
            (local.set $stride (i32.const 4))
            (local.set $shift (i32.const 1))
            (local.set $layout (local.get $plain))
            (local.set $next (i32.add (local.get $fields) (i32.shl (i32.add (local.get $count) (i32.const 1)) (i32.const 2))))))
        (local.set $kind (i32.const 0))
        (if (i32.eq (local.get $count) (global.get $fieldCount))
          (then
            (local.set $kind (select (local.get $decoded) (local.get $numbered) (local.get $decodes)))
            (local.set $timestamp (f64.const nan))
            (if (local.get $decodes)
              (then
                (if (i32.ne
                      (call $decode (local.get $base) (local.get $fields) (local.get $out) (local.get $stride) (local.get $shift))
                      (i32.const -1))
                  (then (local.set $kind (i32.const 0)))
                  (else
                    (local.set $timestamp
                      (call $rowTimestamp (local.get $base) (local.get $fields) (local.get $stride) (local.get $shift)))
                    ;; Before 1970, as in a form only the reader reads: the reader reads it.
                    (if (f64.lt (local.get $timestamp) (f64.const 0)) (then (local.set $kind (i32.const 0))))))))
            (if (local.get $kind)
              (then
                (local.set $number
                  (call $rowSender (local.get $base) (local.get $fields) (local.get $stride) (local.get $shift)))
                (f64.store offset=64 (local.get $out) (local.get $timestamp))
                (f64.store offset=72 (local.get $out) (f64.convert_i32_s (local.get $number)))
                (local.set $out (i32.add (local.get $out) (i32.const 80)))))))
        (i32.store offset=4 (local.get $from)
          (i32.add (local.get $count) (i32.add (local.get $layout) (local.get $kind))))
        ;; A row the reader reads: one of another field count it rejects (it has no group).
        (if (i32.eqz (local.get $kind))
          (then
            (call $forget
              (select (f64.const inf) (f64.const -1) (i32.eq (local.get $count) (global.get $fieldCount)))))
          (else
            (if (local.get $follows)
              (then
                (call $follow (i32.sub (local.get $out) (i32.const 80)) (i32.add (local.get $from) (i32.const 4))
                  (local.get $number) (local.get $numbered))))
            (if (local.get $decodes)
              (then
                (local.set $group (f64.load offset=48 (i32.sub (local.get $out) (i32.const 80))))
                (if (f64.gt (local.get $group) (global.get $highestGroup))
                  (then (global.set $highestGroup (local.get $group))))))))
        (local.set $from (local.get $next))
        (br $each)))
    (if (result i32) (global.get $held)
      (then
        (call $withoutHeld (local.get $start) (local.get $to) (local.get $values) (local.get $plain)
          (local.get $decoded) (local.get $numbered)))
      (else (local.get $out))))

  ;; Take the records marked held (`decoded` and `numbered` both in their counts) out of the
  ;; records of memory[from, to) and out of their f64s (from `values`), moving the others up.
  ;; `written` is then the records' new end; returns the f64s' new end. The kinds and `plain` are
  ;; bits above any field count (2^28 and up, see scan-batch.ts).
  (func $withoutHeld
    (param $from i32) (param $to i32) (param $values i32) (param $plain i32) (param $decoded i32)
    (param $numbered i32) (result i32)
    (local $write i32) (local $valuesWrite i32) (local $word i32) (local $count i32) (local $size i32)
    (local $hasValues i32) (local $at i32)
    (local.set $write (local.get $from))
    (local.set $valuesWrite (local.get $values))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $from) (local.get $to)))
        (local.set $word (i32.load offset=4 (local.get $from)))
        (local.set $count (i32.and (local.get $word) (i32.const 0x7ffffff)))
        (local.set $size
          (select
            (i32.shl (i32.add (local.get $count) (i32.const 3)) (i32.const 2))
            (i32.shl (i32.add (i32.mul (local.get $count) (i32.const 3)) (i32.const 2)) (i32.const 2))
            (i32.and (local.get $word) (local.get $plain))))
        (local.set $hasValues (i32.and (local.get $word) (i32.or (local.get $decoded) (local.get $numbered))))
        (if (i32.eqz
              (i32.and (i32.ne (i32.and (local.get $word) (local.get $decoded)) (i32.const 0))
                (i32.ne (i32.and (local.get $word) (local.get $numbered)) (i32.const 0))))
          (then
            ;; Sixteen bytes at a time, from the start: what is written lies below what is still to
            ;; read, as the records taken out (16 bytes each at least) are in between; and what is
            ;; written past the record's end is overwritten by the next one, or past the new end.
            (if (i32.ne (local.get $write) (local.get $from))
              (then
                (local.set $at (i32.const 0))
                (loop $copy
                  (v128.store (i32.add (local.get $write) (local.get $at))
                    (v128.load (i32.add (local.get $from) (local.get $at))))
                  (local.set $at (i32.add (local.get $at) (i32.const 16)))
                  (br_if $copy (i32.lt_u (local.get $at) (local.get $size))))))
            (local.set $write (i32.add (local.get $write) (local.get $size)))
            (if (local.get $hasValues)
              (then
                (if (i32.ne (local.get $valuesWrite) (local.get $values))
                  (then
                    (v128.store (local.get $valuesWrite) (v128.load (local.get $values)))
                    (v128.store offset=16 (local.get $valuesWrite) (v128.load offset=16 (local.get $values)))
                    (v128.store offset=32 (local.get $valuesWrite) (v128.load offset=32 (local.get $values)))
                    (v128.store offset=48 (local.get $valuesWrite) (v128.load offset=48 (local.get $values)))
                    (v128.store offset=64 (local.get $valuesWrite) (v128.load offset=64 (local.get $values)))))
                (local.set $valuesWrite (i32.add (local.get $valuesWrite) (i32.const 80)))))))
        (if (local.get $hasValues) (then (local.set $values (i32.add (local.get $values) (i32.const 80)))))
        (local.set $from (i32.add (local.get $from) (local.get $size)))
        (br $each)))
    (global.set $written (local.get $write))
    (local.get $valuesWrite))
)
