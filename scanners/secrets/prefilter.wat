;; The keyword prefilter's scan loops (see prefilter.ts), compiled by `npm run build:wasm` into
;; prefilter-wasm.ts.
;;
;; The automaton lives in memory:
;; - the column map, at address 0: for each UTF-16 code unit, its column times 4 (u16); all non-ASCII ones
;;   share column 0's;
;; - the table: for each row's address plus a column, the next row's address, or -(address) - 1 where a
;;   keyword ends.
;; Each time a keyword ends, a hit is written to the lane's output area: the row's address, and the index of
;; the code unit that ended it, counted from the text's start.
;;
;; The loops keep few values live (no table or column map base, one text pointer): with a pointer, a row and
;; an output pointer per lane, V8 kept some of them on the stack and the loop ran no faster on real text than
;; on text that never leaves the first row.
(module
  (memory (export "memory") 1)

  ;; Records a hit (the row's address) for the code unit at $at, in the lane whose record is at $lane:
  ;; where its next hit goes and where its area ends. A full area takes no more.
  (func $hit (param $lane i32) (param $row i32) (param $at i32) (param $text i32)
    (local $out i32)
    (local.set $out (i32.load (local.get $lane)))
    (if (i32.lt_u (local.get $out) (i32.load offset=4 (local.get $lane)))
      (then
        (i32.store (local.get $out) (local.get $row))
        (i32.store offset=4 (local.get $out)
          (i32.shr_u (i32.sub (local.get $at) (local.get $text)) (i32.const 1)))
        (i32.store (local.get $lane) (i32.add (local.get $out) (i32.const 8))))))

  ;; One automaton over the code units in [$text, $textEnd), from the row at $root; the lane record is at
  ;; $lane.
  (func (export "scan") (param $text i32) (param $textEnd i32) (param $root i32) (param $lane i32)
    (local $p i32) (local $row0 i32)
    (local.set $p (local.get $text))
    (local.set $row0 (local.get $root))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $textEnd)))
        (local.set $row0
          (i32.load (i32.add (local.get $row0)
            (i32.load16_u (i32.shl (i32.load16_u (local.get $p)) (i32.const 1))))))
        (if (i32.lt_s (local.get $row0) (i32.const 0))
          (then
            (local.set $row0 (i32.sub (i32.const -1) (local.get $row0)))
            (call $hit (local.get $lane) (local.get $row0) (local.get $p) (local.get $text))))
        (local.set $p (i32.add (local.get $p) (i32.const 2)))
        (br $next))))

  ;; Four automata at once, from the row at $root, each over $steps code units: from $p, $p + $stride,
  ;; $p + 2 $stride and $p + 3 $stride. Their lane records are at $lanes, 8 bytes apart; hits count from $text.
  ;; Each step waits for the table read of the step before; independent automata let the processor overlap
  ;; those waits (on node_modules, measured interleaved on a Xeon: 5-7% faster than two parts).
  (func (export "scanQuad") (param $p i32) (param $stride i32) (param $steps i32) (param $root i32)
        (param $lanes i32) (param $text i32)
    (local $end i32) (local $stride2 i32) (local $stride3 i32)
    (local $row0 i32) (local $row1 i32) (local $row2 i32) (local $row3 i32)
    (local.set $stride2 (i32.shl (local.get $stride) (i32.const 1)))
    (local.set $stride3 (i32.add (local.get $stride2) (local.get $stride)))
    (local.set $row0 (local.get $root))
    (local.set $row1 (local.get $root))
    (local.set $row2 (local.get $root))
    (local.set $row3 (local.get $root))
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $steps) (i32.const 1))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        ;; The step, written out four times: V8 does not inline calls between WebAssembly functions.
        (local.set $row0
          (i32.load (i32.add (local.get $row0)
            (i32.load16_u (i32.shl (i32.load16_u (local.get $p)) (i32.const 1))))))
        (if (i32.lt_s (local.get $row0) (i32.const 0))
          (then
            (local.set $row0 (i32.sub (i32.const -1) (local.get $row0)))
            (call $hit (local.get $lanes) (local.get $row0) (local.get $p) (local.get $text))))
        (local.set $row1
          (i32.load (i32.add (local.get $row1)
            (i32.load16_u (i32.shl (i32.load16_u (i32.add (local.get $p) (local.get $stride))) (i32.const 1))))))
        (if (i32.lt_s (local.get $row1) (i32.const 0))
          (then
            (local.set $row1 (i32.sub (i32.const -1) (local.get $row1)))
            (call $hit (i32.add (local.get $lanes) (i32.const 8)) (local.get $row1) (i32.add (local.get $p) (local.get $stride)) (local.get $text))))
        (local.set $row2
          (i32.load (i32.add (local.get $row2)
            (i32.load16_u (i32.shl (i32.load16_u (i32.add (local.get $p) (local.get $stride2))) (i32.const 1))))))
        (if (i32.lt_s (local.get $row2) (i32.const 0))
          (then
            (local.set $row2 (i32.sub (i32.const -1) (local.get $row2)))
            (call $hit (i32.add (local.get $lanes) (i32.const 16)) (local.get $row2) (i32.add (local.get $p) (local.get $stride2)) (local.get $text))))
        (local.set $row3
          (i32.load (i32.add (local.get $row3)
            (i32.load16_u (i32.shl (i32.load16_u (i32.add (local.get $p) (local.get $stride3))) (i32.const 1))))))
        (if (i32.lt_s (local.get $row3) (i32.const 0))
          (then
            (local.set $row3 (i32.sub (i32.const -1) (local.get $row3)))
            (call $hit (i32.add (local.get $lanes) (i32.const 24)) (local.get $row3) (i32.add (local.get $p) (local.get $stride3)) (local.get $text))))
        (local.set $p (i32.add (local.get $p) (i32.const 2)))
        (br $next)))))
