;; The hot loop of the CSV scanner: where are the commas, line feeds and quotes of a buffer? Sixteen
;; bytes at a time with SIMD compares, so finding them costs a fraction of a byte-by-byte JavaScript
;; loop (the scanner then reads fields between these positions and touches few other bytes).
;; Assembled by scripts/build-wasm.js into src/io/log/special-bytes-wasm.ts; see special-bytes.ts.
(module
  (memory (export "memory") 1)

  ;; Write the offset of every comma (44), line feed (10) and quote (34) in memory[start, end) as
  ;; consecutive i32s from `out`, in order, and return how many there are. Memory up to end + 15 is
  ;; read (the caller leaves room there); bits for bytes at or past `end` are cleared.
  (func (export "index") (param $start i32) (param $end i32) (param $out i32) (result i32)
    (local $at i32)
    (local $write i32)
    (local $bytes v128)
    (local $mask i32)
    (local.set $at (local.get $start))
    (local.set $write (local.get $out))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $bytes (v128.load (local.get $at)))
        (local.set $mask
          (i8x16.bitmask
            (v128.or
              (v128.or
                (i8x16.eq (local.get $bytes) (i8x16.splat (i32.const 44)))
                (i8x16.eq (local.get $bytes) (i8x16.splat (i32.const 10))))
              (i8x16.eq (local.get $bytes) (i8x16.splat (i32.const 34))))))
        ;; The last block may run past `end`: keep only the bits of bytes before it.
        (if (i32.lt_u (i32.sub (local.get $end) (local.get $at)) (i32.const 16))
          (then
            (local.set $mask
              (i32.and
                (local.get $mask)
                (i32.sub
                  (i32.shl (i32.const 1) (i32.sub (local.get $end) (local.get $at)))
                  (i32.const 1))))))
        ;; One position per set bit, lowest first.
        (block $empty
          (loop $bit
            (br_if $empty (i32.eqz (local.get $mask)))
            (i32.store (local.get $write) (i32.add (local.get $at) (i32.ctz (local.get $mask))))
            (local.set $write (i32.add (local.get $write) (i32.const 4)))
            (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
            (br $bit)))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $block)))
    (i32.shr_u (i32.sub (local.get $write) (local.get $out)) (i32.const 2)))
)
