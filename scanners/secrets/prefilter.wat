;; The keyword prefilter's scan loops (see prefilter.ts), compiled by `npm run build:wasm` into
;; prefilter-wasm.ts.
;;
;; The automaton lives in memory:
;; - classMap: for each UTF-16 code unit, its column times 4 (u16); all non-ASCII ones share column 0's;
;; - table: for each row (a byte offset) plus column, the next row, or -(row) - 1 where a keyword ends.
;; Each time a keyword ends, a hit is written to an output area: the row, and the index of the code unit that
;; ended it, counted from `base`.
(module
  (memory (export "memory") 1)

  ;; Runs over the code units in [$text, $textEnd) from row 0, writing hits from $out until $outEnd. Returns
  ;; where the hits end.
  (func (export "scan") (param $text i32) (param $textEnd i32) (param $base i32) (param $classMap i32)
        (param $table i32) (param $out i32) (param $outEnd i32) (result i32)
    (local $row i32) (local $p i32)
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
                  (i32.shl (i32.load16_u (local.get $p)) (i32.const 1)))))))
        (if (i32.lt_s (local.get $row) (i32.const 0))
          (then
            (local.set $row (i32.sub (i32.const -1) (local.get $row)))
            (i32.store (local.get $out) (local.get $row))
            (i32.store offset=4 (local.get $out) (i32.shr_s (i32.sub (local.get $p) (local.get $base)) (i32.const 1)))
            (local.set $out (i32.add (local.get $out) (i32.const 8)))
            (br_if $done (i32.ge_u (local.get $out) (local.get $outEnd)))))
        (local.set $p (i32.add (local.get $p) (i32.const 2)))
        (br $next)))
    (local.get $out))

  ;; Four parts of a text at once, from row 0, each $steps code units long, from $p0, $p1, $p2 and $p3. Each
  ;; step waits for the table read of the step before; independent automata let the processor overlap those
  ;; waits (on node_modules, measured interleaved on a Xeon: 5-7% faster than two parts). $outs holds, for
  ;; each lane, where its next hit goes and where its area ends (two i32): a lane writes no more once its area
  ;; is full.
  (func (export "scanQuad") (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $steps i32)
        (param $base i32) (param $classMap i32) (param $table i32) (param $outs i32)
    (local $end i32) (local $out0 i32) (local $out1 i32) (local $out2 i32) (local $out3 i32)
    (local $row0 i32) (local $row1 i32) (local $row2 i32) (local $row3 i32)
    (local.set $end (i32.add (local.get $p0) (i32.shl (local.get $steps) (i32.const 1))))
    (local.set $out0 (i32.load offset=0 (local.get $outs)))
    (local.set $out1 (i32.load offset=8 (local.get $outs)))
    (local.set $out2 (i32.load offset=16 (local.get $outs)))
    (local.set $out3 (i32.load offset=24 (local.get $outs)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p0) (local.get $end)))
        ;; The step, written out four times: V8 does not inline calls between WebAssembly functions.
        (local.set $row0
          (i32.load
            (i32.add
              (i32.add (local.get $table) (local.get $row0))
              (i32.load16_u
                (i32.add (local.get $classMap)
                  (i32.shl (i32.load16_u (local.get $p0)) (i32.const 1)))))))
        (if (i32.lt_s (local.get $row0) (i32.const 0))
          (then
            (local.set $row0 (i32.sub (i32.const -1) (local.get $row0)))
            (if (i32.lt_u (local.get $out0) (i32.load offset=4 (local.get $outs)))
              (then
                (i32.store (local.get $out0) (local.get $row0))
                (i32.store offset=4 (local.get $out0) (i32.shr_s (i32.sub (local.get $p0) (local.get $base)) (i32.const 1)))
                (local.set $out0 (i32.add (local.get $out0) (i32.const 8)))))))
        (local.set $row1
          (i32.load
            (i32.add
              (i32.add (local.get $table) (local.get $row1))
              (i32.load16_u
                (i32.add (local.get $classMap)
                  (i32.shl (i32.load16_u (local.get $p1)) (i32.const 1)))))))
        (if (i32.lt_s (local.get $row1) (i32.const 0))
          (then
            (local.set $row1 (i32.sub (i32.const -1) (local.get $row1)))
            (if (i32.lt_u (local.get $out1) (i32.load offset=12 (local.get $outs)))
              (then
                (i32.store (local.get $out1) (local.get $row1))
                (i32.store offset=4 (local.get $out1) (i32.shr_s (i32.sub (local.get $p1) (local.get $base)) (i32.const 1)))
                (local.set $out1 (i32.add (local.get $out1) (i32.const 8)))))))
        (local.set $row2
          (i32.load
            (i32.add
              (i32.add (local.get $table) (local.get $row2))
              (i32.load16_u
                (i32.add (local.get $classMap)
                  (i32.shl (i32.load16_u (local.get $p2)) (i32.const 1)))))))
        (if (i32.lt_s (local.get $row2) (i32.const 0))
          (then
            (local.set $row2 (i32.sub (i32.const -1) (local.get $row2)))
            (if (i32.lt_u (local.get $out2) (i32.load offset=20 (local.get $outs)))
              (then
                (i32.store (local.get $out2) (local.get $row2))
                (i32.store offset=4 (local.get $out2) (i32.shr_s (i32.sub (local.get $p2) (local.get $base)) (i32.const 1)))
                (local.set $out2 (i32.add (local.get $out2) (i32.const 8)))))))
        (local.set $row3
          (i32.load
            (i32.add
              (i32.add (local.get $table) (local.get $row3))
              (i32.load16_u
                (i32.add (local.get $classMap)
                  (i32.shl (i32.load16_u (local.get $p3)) (i32.const 1)))))))
        (if (i32.lt_s (local.get $row3) (i32.const 0))
          (then
            (local.set $row3 (i32.sub (i32.const -1) (local.get $row3)))
            (if (i32.lt_u (local.get $out3) (i32.load offset=28 (local.get $outs)))
              (then
                (i32.store (local.get $out3) (local.get $row3))
                (i32.store offset=4 (local.get $out3) (i32.shr_s (i32.sub (local.get $p3) (local.get $base)) (i32.const 1)))
                (local.set $out3 (i32.add (local.get $out3) (i32.const 8)))))))
        (local.set $p0 (i32.add (local.get $p0) (i32.const 2)))
        (local.set $p1 (i32.add (local.get $p1) (i32.const 2)))
        (local.set $p2 (i32.add (local.get $p2) (i32.const 2)))
        (local.set $p3 (i32.add (local.get $p3) (i32.const 2)))
        (br $next)))
    (i32.store offset=0 (local.get $outs) (local.get $out0))
    (i32.store offset=8 (local.get $outs) (local.get $out1))
    (i32.store offset=16 (local.get $outs) (local.get $out2))
    (i32.store offset=24 (local.get $outs) (local.get $out3))))
