;; Float32 inner loops of the vector layer, hand-written with (non-relaxed) WebAssembly SIMD.
;; Assembled at build time by scripts/assemble-wasm.mjs into dist/src/vector/kernels.wasm.
;;
;; Contract with the callers (src/vector/wasm.ts):
;;   - pointers are byte offsets into the imported memory;
;;   - `n` is a multiple of 16 and the vectors are zero-padded up to it, so the loops have no
;;     scalar tail (a padded zero adds +0 to a lane, which leaves the lane unchanged because a
;;     lane that starts at +0 can never become -0 under round-to-nearest);
;;   - results are f32.
;;
;; Determinism: every reduction keeps 16 lane accumulators, lane l summing the terms of the
;; elements i with i % 16 == l in increasing i, held in four f32x4 registers (lanes 0-3, 4-7,
;; 8-11, 12-15). The final sum is fixed by $hsum below. Only IEEE-exact operations are used
;; (f32x4.add/sub/mul/abs; no fused multiply-add, no relaxed SIMD), so every engine gives the same
;; bits, and src/vector/lanes.ts reproduces them in plain TypeScript with Math.fround.
(module
  ;; The maximum is declared so that the same bytes with the limits' flag set to "shared" are the
  ;; module that runs on shared memory, for worker threads (see wasm.ts, sharedKernelModule).
  (import "env" "memory" (memory 1 65536))

  ;; w = (v0 + v1) + (v2 + v3) lane-wise, then (w0 + w1) + (w2 + w3).
  (func $hsum (param $v0 v128) (param $v1 v128) (param $v2 v128) (param $v3 v128) (result f32)
    (local $w v128)
    (local.set $w
      (f32x4.add
        (f32x4.add (local.get $v0) (local.get $v1))
        (f32x4.add (local.get $v2) (local.get $v3))))
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $w)) (f32x4.extract_lane 1 (local.get $w)))
      (f32.add (f32x4.extract_lane 2 (local.get $w)) (f32x4.extract_lane 3 (local.get $w)))))

  ;; Σ a[i]·b[i]
  (func $dot (export "dot") (param $a i32) (param $b i32) (param $n i32) (result f32)
    (local $end i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
      (loop $next
        (local.set $v0 (f32x4.add (local.get $v0)
          (f32x4.mul (v128.load offset=0 (local.get $a)) (v128.load offset=0 (local.get $b)))))
        (local.set $v1 (f32x4.add (local.get $v1)
          (f32x4.mul (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b)))))
        (local.set $v2 (f32x4.add (local.get $v2)
          (f32x4.mul (v128.load offset=32 (local.get $a)) (v128.load offset=32 (local.get $b)))))
        (local.set $v3 (f32x4.add (local.get $v3)
          (f32x4.mul (v128.load offset=48 (local.get $a)) (v128.load offset=48 (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 64)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $a) (local.get $end)))))
    (call $hsum (local.get $v0) (local.get $v1) (local.get $v2) (local.get $v3)))

  ;; Σ (a[i] − b[i])²
  (func $sqdist (export "sqdist") (param $a i32) (param $b i32) (param $n i32) (result f32)
    (local $end i32) (local $d v128)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
      (loop $next
        (local.set $d (f32x4.sub (v128.load offset=0 (local.get $a)) (v128.load offset=0 (local.get $b))))
        (local.set $v0 (f32x4.add (local.get $v0) (f32x4.mul (local.get $d) (local.get $d))))
        (local.set $d (f32x4.sub (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b))))
        (local.set $v1 (f32x4.add (local.get $v1) (f32x4.mul (local.get $d) (local.get $d))))
        (local.set $d (f32x4.sub (v128.load offset=32 (local.get $a)) (v128.load offset=32 (local.get $b))))
        (local.set $v2 (f32x4.add (local.get $v2) (f32x4.mul (local.get $d) (local.get $d))))
        (local.set $d (f32x4.sub (v128.load offset=48 (local.get $a)) (v128.load offset=48 (local.get $b))))
        (local.set $v3 (f32x4.add (local.get $v3) (f32x4.mul (local.get $d) (local.get $d))))
        (local.set $a (i32.add (local.get $a) (i32.const 64)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $a) (local.get $end)))))
    (call $hsum (local.get $v0) (local.get $v1) (local.get $v2) (local.get $v3)))

  ;; Σ |a[i] − b[i]|
  (func $absdist (export "absdist") (param $a i32) (param $b i32) (param $n i32) (result f32)
    (local $end i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
      (loop $next
        (local.set $v0 (f32x4.add (local.get $v0)
          (f32x4.abs (f32x4.sub (v128.load offset=0 (local.get $a)) (v128.load offset=0 (local.get $b))))))
        (local.set $v1 (f32x4.add (local.get $v1)
          (f32x4.abs (f32x4.sub (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b))))))
        (local.set $v2 (f32x4.add (local.get $v2)
          (f32x4.abs (f32x4.sub (v128.load offset=32 (local.get $a)) (v128.load offset=32 (local.get $b))))))
        (local.set $v3 (f32x4.add (local.get $v3)
          (f32x4.abs (f32x4.sub (v128.load offset=48 (local.get $a)) (v128.load offset=48 (local.get $b))))))
        (local.set $a (i32.add (local.get $a) (i32.const 64)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $a) (local.get $end)))))
    (call $hsum (local.get $v0) (local.get $v1) (local.get $v2) (local.get $v3)))

  ;; One pass over a and b for cosine: writes dot(a, b), dot(a, a), dot(b, b) as three f32 at
  ;; $out (which needs 208 bytes: the rest is scratch). Each of the three chains is exactly the
  ;; chain of $dot, so the values equal three separate calls bit for bit; fusing only saves loads.
  ;; Two passes over lane groups {0, 1} and {2, 3} rather than one over all four: V8 loads every
  ;; vector of a loop iteration before using any, so one pass would need 8 loaded vectors and 12
  ;; accumulators live at once, more than the 15 XMM registers it allocates, and spill.
  (func $cos_parts (export "cos_parts") (param $a i32) (param $b i32) (param $n i32) (param $out i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 2))))
    (call $cos_pass (local.get $a) (local.get $b) (local.get $end) (i32.add (local.get $out) (i32.const 16)))
    (call $cos_pass (i32.add (local.get $a) (i32.const 32)) (i32.add (local.get $b) (i32.const 32))
      (i32.add (local.get $end) (i32.const 32)) (i32.add (local.get $out) (i32.const 112)))
    ;; Lane groups 0 and 1 of each chain are at out+16.., groups 2 and 3 at out+112.. (see $cos_pass).
    (f32.store offset=0 (local.get $out) (call $fold_pair (i32.add (local.get $out) (i32.const 16))))
    (f32.store offset=4 (local.get $out) (call $fold_pair (i32.add (local.get $out) (i32.const 48))))
    (f32.store offset=8 (local.get $out) (call $fold_pair (i32.add (local.get $out) (i32.const 80)))))

  ;; $hsum of the lane groups $cos_pass left for one chain: groups 0, 1 at $p, groups 2, 3 at $p + 96.
  (func $fold_pair (param $p i32) (result f32)
    (local $w v128)
    (local.set $w (f32x4.add
      (f32x4.add (v128.load offset=0 (local.get $p)) (v128.load offset=16 (local.get $p)))
      (f32x4.add (v128.load offset=96 (local.get $p)) (v128.load offset=112 (local.get $p)))))
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $w)) (f32x4.extract_lane 1 (local.get $w)))
      (f32.add (f32x4.extract_lane 2 (local.get $w)) (f32x4.extract_lane 3 (local.get $w)))))

  ;; Two lane groups (the 8 floats at $a and $b, then every 64 bytes up to $end) of the three
  ;; chains of $cos_parts; stores a·b, a·a, b·b for the first group, then for the second, at $t.
  (func $cos_pass (param $a i32) (param $b i32) (param $end i32) (param $t i32)
    (local $x0 v128) (local $x1 v128) (local $y0 v128) (local $y1 v128)
    (local $d0 v128) (local $d1 v128) (local $p0 v128) (local $p1 v128) (local $q0 v128) (local $q1 v128)
    (block $done
      (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
      (loop $next
        (local.set $x0 (v128.load offset=0 (local.get $a)))
        (local.set $y0 (v128.load offset=0 (local.get $b)))
        (local.set $x1 (v128.load offset=16 (local.get $a)))
        (local.set $y1 (v128.load offset=16 (local.get $b)))
        (local.set $d0 (f32x4.add (local.get $d0) (f32x4.mul (local.get $x0) (local.get $y0))))
        (local.set $p0 (f32x4.add (local.get $p0) (f32x4.mul (local.get $x0) (local.get $x0))))
        (local.set $q0 (f32x4.add (local.get $q0) (f32x4.mul (local.get $y0) (local.get $y0))))
        (local.set $d1 (f32x4.add (local.get $d1) (f32x4.mul (local.get $x1) (local.get $y1))))
        (local.set $p1 (f32x4.add (local.get $p1) (f32x4.mul (local.get $x1) (local.get $x1))))
        (local.set $q1 (f32x4.add (local.get $q1) (f32x4.mul (local.get $y1) (local.get $y1))))
        (local.set $a (i32.add (local.get $a) (i32.const 64)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $a) (local.get $end)))))
    (v128.store offset=0 (local.get $t) (local.get $d0))
    (v128.store offset=16 (local.get $t) (local.get $d1))
    (v128.store offset=32 (local.get $t) (local.get $p0))
    (v128.store offset=48 (local.get $t) (local.get $p1))
    (v128.store offset=64 (local.get $t) (local.get $q0))
    (v128.store offset=80 (local.get $t) (local.get $q1)))

  ;; The row kernels: out[r] = kernel(row r of the matrix at $m, q) for r in [0, rows), rows
  ;; $stride bytes apart. Each row goes through the single-pair function, so a row's result is
  ;; bit for bit the single-pair result. (Interleaving two rows' chains was tried: no faster on
  ;; cache-resident rows, slower on rows streamed from memory.)
  ;; dot_rows has $dot's loop and $hsum written out in it rather than called: the two calls per
  ;; row cost ~15% of a 384-dim row. Same operations, same order, so the same bits.
  (func (export "dot_rows")
    (param $m i32) (param $rows i32) (param $stride i32) (param $q i32) (param $n i32) (param $out i32)
    (local $end i32) (local $a i32) (local $b i32) (local $last i32) (local $w v128)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $rows) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
      (loop $next_row
        (local.set $v0 (v128.const i64x2 0 0))
        (local.set $v1 (v128.const i64x2 0 0))
        (local.set $v2 (v128.const i64x2 0 0))
        (local.set $v3 (v128.const i64x2 0 0))
        (local.set $a (local.get $m))
        (local.set $b (local.get $q))
        (local.set $last (i32.add (local.get $m) (i32.shl (local.get $n) (i32.const 2))))
        (block $row_done
          (br_if $row_done (i32.ge_u (local.get $a) (local.get $last)))
          (loop $next
            (local.set $v0 (f32x4.add (local.get $v0)
              (f32x4.mul (v128.load offset=0 (local.get $a)) (v128.load offset=0 (local.get $b)))))
            (local.set $v1 (f32x4.add (local.get $v1)
              (f32x4.mul (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b)))))
            (local.set $v2 (f32x4.add (local.get $v2)
              (f32x4.mul (v128.load offset=32 (local.get $a)) (v128.load offset=32 (local.get $b)))))
            (local.set $v3 (f32x4.add (local.get $v3)
              (f32x4.mul (v128.load offset=48 (local.get $a)) (v128.load offset=48 (local.get $b)))))
            (local.set $a (i32.add (local.get $a) (i32.const 64)))
            (local.set $b (i32.add (local.get $b) (i32.const 64)))
            (br_if $next (i32.lt_u (local.get $a) (local.get $last)))))
        (local.set $w (f32x4.add
          (f32x4.add (local.get $v0) (local.get $v1))
          (f32x4.add (local.get $v2) (local.get $v3))))
        (f32.store (local.get $out) (f32.add
          (f32.add (f32x4.extract_lane 0 (local.get $w)) (f32x4.extract_lane 1 (local.get $w)))
          (f32.add (f32x4.extract_lane 2 (local.get $w)) (f32x4.extract_lane 3 (local.get $w)))))
        (local.set $m (i32.add (local.get $m) (local.get $stride)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br_if $next_row (i32.lt_u (local.get $out) (local.get $end))))))

  (func (export "sqdist_rows")
    (param $m i32) (param $rows i32) (param $stride i32) (param $q i32) (param $n i32) (param $out i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $rows) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
      (loop $next
        (f32.store (local.get $out) (call $sqdist (local.get $m) (local.get $q) (local.get $n)))
        (local.set $m (i32.add (local.get $m) (local.get $stride)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br_if $next (i32.lt_u (local.get $out) (local.get $end))))))

  (func (export "absdist_rows")
    (param $m i32) (param $rows i32) (param $stride i32) (param $q i32) (param $n i32) (param $out i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $rows) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
      (loop $next
        (f32.store (local.get $out) (call $absdist (local.get $m) (local.get $q) (local.get $n)))
        (local.set $m (i32.add (local.get $m) (local.get $stride)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br_if $next (i32.lt_u (local.get $out) (local.get $end))))))

  ;; out[r] = dot(row r, row r): squared L2 norms.
  (func (export "sqnorm_rows")
    (param $m i32) (param $rows i32) (param $stride i32) (param $n i32) (param $out i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $rows) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
      (loop $next
        (f32.store (local.get $out) (call $dot (local.get $m) (local.get $m) (local.get $n)))
        (local.set $m (i32.add (local.get $m) (local.get $stride)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br_if $next (i32.lt_u (local.get $out) (local.get $end))))))

  ;; The block kernel: out + j·$ostride + 4r ← dot(row r, query j) for r < $rows, j < $nq, rows
  ;; $stride bytes apart at $m, queries $qstride apart at $q. Each result is bit for bit $dot's.
  ;; It walks query triples, and row pairs under each, through $tile; past the last query or row,
  ;; a tile repeats it, which writes the same value to the same place twice. $tmp: 384 bytes.
  (func (export "dot_block")
    (param $m i32) (param $rows i32) (param $stride i32) (param $q i32) (param $nq i32)
    (param $qstride i32) (param $n i32) (param $out i32) (param $ostride i32) (param $tmp i32)
    (local $j i32) (local $r i32) (local $x0 i32) (local $x1 i32) (local $y1 i32) (local $y2 i32)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $dr i32) (local $more i32)
    (block $queries_done
      (loop $queries
        (br_if $queries_done (i32.ge_u (local.get $j) (local.get $nq)))
        (local.set $more (i32.lt_u (i32.add (local.get $j) (i32.const 1)) (local.get $nq)))
        (local.set $y1 (select (i32.add (local.get $q) (local.get $qstride)) (local.get $q) (local.get $more)))
        (local.set $o1 (select (i32.add (local.get $out) (local.get $ostride)) (local.get $out) (local.get $more)))
        (local.set $more (i32.lt_u (i32.add (local.get $j) (i32.const 2)) (local.get $nq)))
        (local.set $y2 (select (i32.add (local.get $y1) (local.get $qstride)) (local.get $y1) (local.get $more)))
        (local.set $o2 (select (i32.add (local.get $o1) (local.get $ostride)) (local.get $o1) (local.get $more)))
        (local.set $o0 (local.get $out))
        (local.set $x0 (local.get $m))
        (local.set $r (i32.const 0))
        (block $rows_done
          (loop $row_pairs
            (br_if $rows_done (i32.ge_u (local.get $r) (local.get $rows)))
            (local.set $more (i32.lt_u (i32.add (local.get $r) (i32.const 1)) (local.get $rows)))
            (local.set $x1 (select (i32.add (local.get $x0) (local.get $stride)) (local.get $x0) (local.get $more)))
            (local.set $dr (i32.shl (local.get $more) (i32.const 2)))
            (call $tile (local.get $x0) (local.get $x1) (local.get $q) (local.get $y1) (local.get $y2)
              (local.get $n) (local.get $tmp))
            (f32.store (local.get $o0) (call $fold (local.get $tmp)))
            (f32.store (local.get $o1) (call $fold (i32.add (local.get $tmp) (i32.const 16))))
            (f32.store (local.get $o2) (call $fold (i32.add (local.get $tmp) (i32.const 32))))
            (f32.store (i32.add (local.get $o0) (local.get $dr)) (call $fold (i32.add (local.get $tmp) (i32.const 48))))
            (f32.store (i32.add (local.get $o1) (local.get $dr)) (call $fold (i32.add (local.get $tmp) (i32.const 64))))
            (f32.store (i32.add (local.get $o2) (local.get $dr)) (call $fold (i32.add (local.get $tmp) (i32.const 80))))
            (local.set $x0 (i32.add (local.get $x1) (local.get $stride)))
            (local.set $o0 (i32.add (local.get $o0) (i32.const 8)))
            (local.set $o1 (i32.add (local.get $o1) (i32.const 8)))
            (local.set $o2 (i32.add (local.get $o2) (i32.const 8)))
            (local.set $r (i32.add (local.get $r) (i32.const 2)))
            (br $row_pairs)))
        (local.set $q (i32.add (local.get $y2) (local.get $qstride)))
        (local.set $out (i32.add (local.get $o2) (local.get $ostride)))
        (local.set $out (i32.sub (local.get $out) (i32.shl (local.get $r) (i32.const 2))))
        (local.set $j (i32.add (local.get $j) (i32.const 3)))
        (br $queries))))

  ;; The six dots of rows x0, x1 with queries y0, y1, y2, left unreduced: lane group g of pair
  ;; (xi, yj) at tmp + 96g + 16(3i + j), to be reduced by $fold. Lane group g holds the elements i
  ;; with i % 16 in [4g, 4g + 4), so it is exactly $dot's accumulator $v<g>, term for term; the
  ;; groups are done one after another, in four passes, because one pass over all four would need
  ;; 24 accumulators (and V8 keeps a whole iteration's loads live: 5 here, next to 6 accumulators).
  (func $tile (param $x0 i32) (param $x1 i32) (param $y0 i32) (param $y1 i32) (param $y2 i32)
    (param $n i32) (param $tmp i32)
    (local $k i32) (local $end i32) (local $g i32)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128) (local $e v128)
    (local $s00 v128) (local $s01 v128) (local $s02 v128) (local $s10 v128) (local $s11 v128) (local $s12 v128)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (loop $passes
      (local.set $s00 (v128.const i64x2 0 0))
      (local.set $s01 (v128.const i64x2 0 0))
      (local.set $s02 (v128.const i64x2 0 0))
      (local.set $s10 (v128.const i64x2 0 0))
      (local.set $s11 (v128.const i64x2 0 0))
      (local.set $s12 (v128.const i64x2 0 0))
      (local.set $k (local.get $g))
      (block $done
        (br_if $done (i32.ge_u (local.get $k) (local.get $end)))
        (loop $next
          (local.set $a (v128.load (i32.add (local.get $x0) (local.get $k))))
          (local.set $b (v128.load (i32.add (local.get $x1) (local.get $k))))
          (local.set $c (v128.load (i32.add (local.get $y0) (local.get $k))))
          (local.set $d (v128.load (i32.add (local.get $y1) (local.get $k))))
          (local.set $e (v128.load (i32.add (local.get $y2) (local.get $k))))
          (local.set $s00 (f32x4.add (local.get $s00) (f32x4.mul (local.get $a) (local.get $c))))
          (local.set $s01 (f32x4.add (local.get $s01) (f32x4.mul (local.get $a) (local.get $d))))
          (local.set $s02 (f32x4.add (local.get $s02) (f32x4.mul (local.get $a) (local.get $e))))
          (local.set $s10 (f32x4.add (local.get $s10) (f32x4.mul (local.get $b) (local.get $c))))
          (local.set $s11 (f32x4.add (local.get $s11) (f32x4.mul (local.get $b) (local.get $d))))
          (local.set $s12 (f32x4.add (local.get $s12) (f32x4.mul (local.get $b) (local.get $e))))
          (local.set $k (i32.add (local.get $k) (i32.const 64)))
          (br_if $next (i32.lt_u (local.get $k) (local.get $end)))))
      (v128.store offset=0 (local.get $tmp) (local.get $s00))
      (v128.store offset=16 (local.get $tmp) (local.get $s01))
      (v128.store offset=32 (local.get $tmp) (local.get $s02))
      (v128.store offset=48 (local.get $tmp) (local.get $s10))
      (v128.store offset=64 (local.get $tmp) (local.get $s11))
      (v128.store offset=80 (local.get $tmp) (local.get $s12))
      (local.set $tmp (i32.add (local.get $tmp) (i32.const 96)))
      (local.set $g (i32.add (local.get $g) (i32.const 16)))
      (br_if $passes (i32.lt_u (local.get $g) (i32.const 64)))))

  ;; $hsum of the four lane groups a tile left for one pair (written out: a call less per pair).
  (func $fold (param $p i32) (result f32)
    (local $w v128)
    (local.set $w (f32x4.add
      (f32x4.add (v128.load offset=0 (local.get $p)) (v128.load offset=96 (local.get $p)))
      (f32x4.add (v128.load offset=192 (local.get $p)) (v128.load offset=288 (local.get $p)))))
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $w)) (f32x4.extract_lane 1 (local.get $w)))
      (f32.add (f32x4.extract_lane 2 (local.get $w)) (f32x4.extract_lane 3 (local.get $w)))))

  ;; Cosine scores from float32 sums, in double precision: out[i·s + r] (f64) = the cosine of
  ;; dot dots[i·s + r] with squared norms norms[r] (rows) and qnorms[i] (queries), for i < n,
  ;; r < m. The function of scores.ts's cosineScore with the same correctly rounded operations (×,
  ;; √, ÷, then min and max, which order −0 below +0 and pass NaN on as Math.min and Math.max do),
  ;; so the same values; 0 where either norm is 0. Two scores at a time, one for an odd last.
  (func (export "cos_scores") (param $dots i32) (param $norms i32) (param $m i32)
    (param $qnorms i32) (param $n i32) (param $out i32) (param $s i32)
    (local $i i32) (local $r i32) (local $d i32) (local $o i32) (local $qn f64) (local $q2 v128)
    (local $x v128) (local $rn f64)
    (block $done
      (loop $queries
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $qn (f64.promote_f32 (f32.load (i32.add (local.get $qnorms) (i32.shl (local.get $i) (i32.const 2))))))
        (local.set $q2 (f64x2.splat (local.get $qn)))
        (local.set $d (i32.add (local.get $dots) (i32.shl (i32.mul (local.get $i) (local.get $s)) (i32.const 2))))
        (local.set $o (i32.add (local.get $out) (i32.shl (i32.mul (local.get $i) (local.get $s)) (i32.const 3))))
        (local.set $r (i32.const 0))
        (block $pairs_done
          (loop $pairs
            (br_if $pairs_done (i32.gt_u (i32.add (local.get $r) (i32.const 2)) (local.get $m)))
            (local.set $x (f64x2.promote_low_f32x4
              (v128.load64_zero (i32.add (local.get $norms) (i32.shl (local.get $r) (i32.const 2))))))
            (v128.store (i32.add (local.get $o) (i32.shl (local.get $r) (i32.const 3)))
              (v128.bitselect
                (v128.const i64x2 0 0)
                (f64x2.max (v128.const f64x2 -1 -1) (f64x2.min (v128.const f64x2 1 1)
                  (f64x2.div
                    (f64x2.promote_low_f32x4
                      (v128.load64_zero (i32.add (local.get $d) (i32.shl (local.get $r) (i32.const 2)))))
                    (f64x2.sqrt (f64x2.mul (local.get $x) (local.get $q2))))))
                (v128.or (f64x2.eq (local.get $x) (v128.const f64x2 0 0))
                  (f64x2.eq (local.get $q2) (v128.const f64x2 0 0)))))
            (local.set $r (i32.add (local.get $r) (i32.const 2)))
            (br $pairs)))
        (if (i32.lt_u (local.get $r) (local.get $m))
          (then
            (local.set $rn (f64.promote_f32 (f32.load (i32.add (local.get $norms) (i32.shl (local.get $r) (i32.const 2))))))
            (f64.store (i32.add (local.get $o) (i32.shl (local.get $r) (i32.const 3)))
              (select
                (f64.const 0)
                (f64.max (f64.const -1) (f64.min (f64.const 1)
                  (f64.div (f64.promote_f32 (f32.load (i32.add (local.get $d) (i32.shl (local.get $r) (i32.const 2)))))
                    (f64.sqrt (f64.mul (local.get $rn) (local.get $qn))))))
                (i32.or (f64.eq (local.get $rn) (f64.const 0)) (f64.eq (local.get $qn) (f64.const 0)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $queries))))

  ;; x[i] ← x[i] / d for i < n (n a multiple of 4): each quotient in double, rounded to float32,
  ;; exactly what `f32[i] = f32[i] / d` does in JavaScript (normalizing a vector).
  (func (export "div") (param $x i32) (param $n i32) (param $d f64)
    (local $end i32) (local $v v128) (local $d2 v128)
    (local.set $d2 (f64x2.splat (local.get $d)))
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
      (loop $next
        (local.set $v (v128.load (local.get $x)))
        (v128.store (local.get $x) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (f64x2.div (f64x2.promote_low_f32x4 (local.get $v)) (local.get $d2)))
          (f32x4.demote_f64x2_zero (f64x2.div
            (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))
            (local.get $d2)))))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (br_if $next (i32.lt_u (local.get $x) (local.get $end)))))))
