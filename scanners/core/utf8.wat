;; UTF-8 to UTF-16 for text files (see text-file.ts), compiled by `npm run build:wasm` into utf8-wasm.ts.
;; Node 20 decodes UTF-8 at about 0.27 GB/s (TextDecoder and Buffer alike); most non-ASCII source files are
;; ASCII but for a few characters, and this loop copies those ASCII runs 16 bytes at a time.
(module
  (memory (export "memory") 1)

  ;; Decodes the $length bytes at $src into UTF-16 code units at $dst, skipping a leading byte order mark as
  ;; TextDecoder does. Returns the number of code units, or -1 if the bytes are not UTF-8 as WHATWG's
  ;; decoder reads it with `fatal`: no overlong forms, surrogates, code points past U+10FFFF or cut sequences.
  (func (export "decode") (param $src i32) (param $length i32) (param $dst i32) (result i32)
    (local $i i32) (local $o i32) (local $b i32) (local $c1 i32) (local $c2 i32) (local $c3 i32)
    (local $at i32) (local $chunk v128)
    (local.set $o (local.get $dst))
    (if (i32.ge_u (local.get $length) (i32.const 3))
      (then
        (if (i32.eq (i32.and (i32.load (local.get $src)) (i32.const 0xFFFFFF)) (i32.const 0xBFBBEF))
          (then (local.set $i (i32.const 3))))))
    (block $invalid
      (block $done
        (loop $next
          ;; ASCII, 16 bytes at a time: each byte widened to a code unit.
          (block $slow
            (loop $fast
              (br_if $slow (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $length)))
              (local.set $chunk (v128.load (i32.add (local.get $src) (local.get $i))))
              (br_if $slow (i8x16.bitmask (local.get $chunk)))
              (v128.store (local.get $o) (i16x8.extend_low_i8x16_u (local.get $chunk)))
              (v128.store offset=16 (local.get $o) (i16x8.extend_high_i8x16_u (local.get $chunk)))
              (local.set $i (i32.add (local.get $i) (i32.const 16)))
              (local.set $o (i32.add (local.get $o) (i32.const 32)))
              (br $fast)))
          (br_if $done (i32.ge_u (local.get $i) (local.get $length)))
          (local.set $at (i32.add (local.get $src) (local.get $i)))
          (local.set $b (i32.load8_u (local.get $at)))
          (if (i32.lt_u (local.get $b) (i32.const 0x80))
            (then
              (i32.store16 (local.get $o) (local.get $b))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (local.set $o (i32.add (local.get $o) (i32.const 2)))
              (br $next)))
          ;; Two bytes: C2..DF, then 80..BF.
          (if (i32.lt_u (local.get $b) (i32.const 0xE0))
            (then
              (br_if $invalid (i32.lt_u (local.get $b) (i32.const 0xC2)))
              (br_if $invalid (i32.ge_u (i32.add (local.get $i) (i32.const 1)) (local.get $length)))
              (local.set $c1 (i32.load8_u offset=1 (local.get $at)))
              (br_if $invalid (i32.ne (i32.and (local.get $c1) (i32.const 0xC0)) (i32.const 0x80)))
              (i32.store16 (local.get $o)
                (i32.or (i32.shl (i32.and (local.get $b) (i32.const 0x1F)) (i32.const 6))
                  (i32.and (local.get $c1) (i32.const 0x3F))))
              (local.set $i (i32.add (local.get $i) (i32.const 2)))
              (local.set $o (i32.add (local.get $o) (i32.const 2)))
              (br $next)))
          ;; Three bytes: E0 A0..BF, E1..EC 80..BF, ED 80..9F (no surrogates) or EE..EF 80..BF; then 80..BF.
          (if (i32.lt_u (local.get $b) (i32.const 0xF0))
            (then
              (br_if $invalid (i32.ge_u (i32.add (local.get $i) (i32.const 2)) (local.get $length)))
              (local.set $c1 (i32.load8_u offset=1 (local.get $at)))
              (local.set $c2 (i32.load8_u offset=2 (local.get $at)))
              (br_if $invalid
                (i32.lt_u (local.get $c1)
                  (select (i32.const 0xA0) (i32.const 0x80) (i32.eq (local.get $b) (i32.const 0xE0)))))
              (br_if $invalid
                (i32.gt_u (local.get $c1)
                  (select (i32.const 0x9F) (i32.const 0xBF) (i32.eq (local.get $b) (i32.const 0xED)))))
              (br_if $invalid (i32.ne (i32.and (local.get $c2) (i32.const 0xC0)) (i32.const 0x80)))
              (i32.store16 (local.get $o)
                (i32.or
                  (i32.or (i32.shl (i32.and (local.get $b) (i32.const 0x0F)) (i32.const 12))
                    (i32.shl (i32.and (local.get $c1) (i32.const 0x3F)) (i32.const 6)))
                  (i32.and (local.get $c2) (i32.const 0x3F))))
              (local.set $i (i32.add (local.get $i) (i32.const 3)))
              (local.set $o (i32.add (local.get $o) (i32.const 2)))
              (br $next)))
          ;; Four bytes: F0 90..BF, F1..F3 80..BF or F4 80..8F (up to U+10FFFF); then two of 80..BF. They
          ;; become a surrogate pair.
          (br_if $invalid (i32.gt_u (local.get $b) (i32.const 0xF4)))
          (br_if $invalid (i32.ge_u (i32.add (local.get $i) (i32.const 3)) (local.get $length)))
          (local.set $c1 (i32.load8_u offset=1 (local.get $at)))
          (local.set $c2 (i32.load8_u offset=2 (local.get $at)))
          (local.set $c3 (i32.load8_u offset=3 (local.get $at)))
          (br_if $invalid
            (i32.lt_u (local.get $c1)
              (select (i32.const 0x90) (i32.const 0x80) (i32.eq (local.get $b) (i32.const 0xF0)))))
          (br_if $invalid
            (i32.gt_u (local.get $c1)
              (select (i32.const 0x8F) (i32.const 0xBF) (i32.eq (local.get $b) (i32.const 0xF4)))))
          (br_if $invalid
            (i32.ne (i32.and (i32.or (local.get $c2) (i32.shl (local.get $c3) (i32.const 8))) (i32.const 0xC0C0))
              (i32.const 0x8080)))
          (local.set $c1
            (i32.sub
              (i32.or
                (i32.or (i32.shl (i32.and (local.get $b) (i32.const 0x07)) (i32.const 18))
                  (i32.shl (i32.and (local.get $c1) (i32.const 0x3F)) (i32.const 12)))
                (i32.or (i32.shl (i32.and (local.get $c2) (i32.const 0x3F)) (i32.const 6))
                  (i32.and (local.get $c3) (i32.const 0x3F))))
              (i32.const 0x10000)))
          (i32.store16 (local.get $o) (i32.or (i32.const 0xD800) (i32.shr_u (local.get $c1) (i32.const 10))))
          (i32.store16 offset=2 (local.get $o) (i32.or (i32.const 0xDC00) (i32.and (local.get $c1) (i32.const 0x3FF))))
          (local.set $i (i32.add (local.get $i) (i32.const 4)))
          (local.set $o (i32.add (local.get $o) (i32.const 4)))
          (br $next)))
      (return (i32.shr_u (i32.sub (local.get $o) (local.get $dst)) (i32.const 1))))
    (i32.const -1)))
