;; The keyword prefilter's scan loop (see prefilter.ts), compiled by `npm run build:wasm` into
;; prefilter-wasm.ts. A dense automaton costs one table read per character; in WebAssembly that read is
;; about twice as fast as the same loop in JavaScript.
(module
  (memory (export "memory") 1)
  ;; Runs the automaton over the UTF-16 code units in [text, textEnd), from row 0.
  ;; - classMap: for each ASCII code unit, its column times 4 (u16); every other code unit is column 0.
  ;; - table: for each row (a byte offset) plus column, the next row; where a keyword ends, -(row) - 1.
  ;; Each time a keyword ends, writes (row, code-unit index of the last character) to out, and stops once
  ;; outEnd is reached. Returns the number of pairs written.
  (func (export "scan") (param $text i32) (param $textEnd i32) (param $classMap i32) (param $table i32)
        (param $out i32) (param $outEnd i32) (result i32)
    (local $p i32) (local $code i32) (local $row i32) (local $o i32)
    (local.set $p (local.get $text))
    (local.set $o (local.get $out))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $textEnd)))
        (local.set $code (i32.load16_u (local.get $p)))
        (local.set $row
          (i32.load
            (i32.add
              (i32.add (local.get $table) (local.get $row))
              (i32.load16_u
                (i32.add (local.get $classMap)
                  (i32.shl
                    (select (local.get $code) (i32.const 0) (i32.lt_u (local.get $code) (i32.const 128)))
                    (i32.const 1)))))))
        (if (i32.lt_s (local.get $row) (i32.const 0))
          (then
            (local.set $row (i32.sub (i32.const -1) (local.get $row)))
            (i32.store (local.get $o) (local.get $row))
            (i32.store offset=4 (local.get $o)
              (i32.shr_u (i32.sub (local.get $p) (local.get $text)) (i32.const 1)))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (br_if $done (i32.ge_u (local.get $o) (local.get $outEnd)))))
        (local.set $p (i32.add (local.get $p) (i32.const 2)))
        (br $next)))
    (i32.shr_u (i32.sub (local.get $o) (local.get $out)) (i32.const 3))))
