;; The keyword prefilter's scan loops (see prefilter.ts), compiled by `npm run build:wasm` into
;; prefilter-wasm.ts.
;;
;; The automaton lives in memory:
;; - classMap: for each ASCII code unit, its column times 4 (u16); every other code unit is column 0;
;; - table: for each row (a byte offset) plus column, the next row, or -(row) - 1 where a keyword ends.
;; Each time a keyword ends, a hit is written to an output area: the row, the index of the code unit that
;; ended it and the index where its line starts (after the last newline), both counted from `base`.
;; The loops also follow the last newline, which costs nothing next to the table read they wait for, and
;; spares the engine a search back for each line's start.
(module
  (memory (export "memory") 1)

  ;; Runs over the code units in [$text, $textEnd) from $row, with the last newline at $nl, writing hits from
  ;; $out until $outEnd. Stores the last row and newline at $result and returns where the hits end.
  (func (export "scan") (param $text i32) (param $textEnd i32) (param $base i32) (param $row i32)
        (param $nl i32) (param $classMap i32) (param $table i32) (param $out i32) (param $outEnd i32)
        (param $result i32) (result i32)
    (local $p i32) (local $code i32)
    (local.set $p (local.get $text))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $textEnd)))
        (local.set $row
          (i32.load
            (i32.add
              (i32.add (local.get $table) (local.get $row))
              (i32.load16_u
                (i32.add (local.get $classMap)
                  (i32.shl
                    (select (local.tee $code (i32.load16_u (local.get $p))) (i32.const 0)
                      (i32.lt_u (local.get $code) (i32.const 128)))
                    (i32.const 1)))))))
        (local.set $nl (select (local.get $p) (local.get $nl) (i32.eq (local.get $code) (i32.const 10))))
        (if (i32.lt_s (local.get $row) (i32.const 0))
          (then
            (local.set $row (i32.sub (i32.const -1) (local.get $row)))
            (i32.store (local.get $out) (local.get $row))
                (i32.store offset=4 (local.get $out) (i32.shr_s (i32.sub (local.get $p) (local.get $base)) (i32.const 1)))
                (i32.store offset=8 (local.get $out) (i32.add (i32.shr_s (i32.sub (local.get $nl) (local.get $base)) (i32.const 1)) (i32.const 1)))
                (local.set $out (i32.add (local.get $out) (i32.const 12)))
            (br_if $done (i32.ge_u (local.get $out) (local.get $outEnd)))))
        (local.set $p (i32.add (local.get $p) (i32.const 2)))
        (br $next)))
    (i32.store (local.get $result) (local.get $row))
    (i32.store offset=4 (local.get $result) (local.get $nl))
    (local.get $out))

  ;; Two halves of a text at once, from row 0: $bytes bytes from $a and from $b. Each step waits for the
  ;; table read of the step before; two independent automata let the processor overlap those waits.
  ;; $nlB is where B takes the last newline to be until it meets one. Stops when A's output is full; B stops
  ;; writing when its own is. Stores A's and B's output ends and B's last row and newline at $result.
  (func (export "scanPair") (param $a i32) (param $b i32) (param $bytes i32) (param $base i32)
        (param $nlB i32) (param $classMap i32) (param $table i32) (param $outA i32) (param $outAEnd i32)
        (param $outB i32) (param $outBEnd i32) (param $result i32)
    (local $i i32) (local $codeA i32) (local $codeB i32) (local $rowA i32) (local $rowB i32) (local $nlA i32)
    (local.set $nlA (i32.sub (local.get $base) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $bytes)))
        ;; The step, written out twice: V8 does not inline calls between WebAssembly functions.
        (local.set $rowA
          (i32.load
            (i32.add
              (i32.add (local.get $table) (local.get $rowA))
              (i32.load16_u
                (i32.add (local.get $classMap)
                  (i32.shl
                    (select (local.tee $codeA (i32.load16_u (i32.add (local.get $a) (local.get $i)))) (i32.const 0)
                      (i32.lt_u (local.get $codeA) (i32.const 128)))
                    (i32.const 1)))))))
        (local.set $rowB
          (i32.load
            (i32.add
              (i32.add (local.get $table) (local.get $rowB))
              (i32.load16_u
                (i32.add (local.get $classMap)
                  (i32.shl
                    (select (local.tee $codeB (i32.load16_u (i32.add (local.get $b) (local.get $i)))) (i32.const 0)
                      (i32.lt_u (local.get $codeB) (i32.const 128)))
                    (i32.const 1)))))))
        (local.set $nlA
          (select (i32.add (local.get $a) (local.get $i)) (local.get $nlA) (i32.eq (local.get $codeA) (i32.const 10))))
        (local.set $nlB
          (select (i32.add (local.get $b) (local.get $i)) (local.get $nlB) (i32.eq (local.get $codeB) (i32.const 10))))
        (if (i32.lt_s (i32.or (local.get $rowA) (local.get $rowB)) (i32.const 0))
          (then
            (if (i32.lt_s (local.get $rowB) (i32.const 0))
              (then
                (local.set $rowB (i32.sub (i32.const -1) (local.get $rowB)))
                (if (i32.lt_u (local.get $outB) (local.get $outBEnd))
                  (then
                (i32.store (local.get $outB) (local.get $rowB))
                (i32.store offset=4 (local.get $outB) (i32.shr_s (i32.sub (i32.add (local.get $b) (local.get $i)) (local.get $base)) (i32.const 1)))
                (i32.store offset=8 (local.get $outB) (i32.add (i32.shr_s (i32.sub (local.get $nlB) (local.get $base)) (i32.const 1)) (i32.const 1)))
                (local.set $outB (i32.add (local.get $outB) (i32.const 12)))))))
            (if (i32.lt_s (local.get $rowA) (i32.const 0))
              (then
                (local.set $rowA (i32.sub (i32.const -1) (local.get $rowA)))
                (i32.store (local.get $outA) (local.get $rowA))
                (i32.store offset=4 (local.get $outA) (i32.shr_s (i32.sub (i32.add (local.get $a) (local.get $i)) (local.get $base)) (i32.const 1)))
                (i32.store offset=8 (local.get $outA) (i32.add (i32.shr_s (i32.sub (local.get $nlA) (local.get $base)) (i32.const 1)) (i32.const 1)))
                (local.set $outA (i32.add (local.get $outA) (i32.const 12)))
                (br_if $done (i32.ge_u (local.get $outA) (local.get $outAEnd)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $next)))
    (i32.store (local.get $result) (local.get $outA))
    (i32.store offset=4 (local.get $result) (local.get $outB))
    (i32.store offset=8 (local.get $result) (local.get $rowB))
    (i32.store offset=12 (local.get $result) (local.get $nlB))))
