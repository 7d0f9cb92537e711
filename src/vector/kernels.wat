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
  (import "env" "memory" (memory 1))

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
  ;; $out. Each of the three chains is exactly the chain of $dot, so the values equal three
  ;; separate calls bit for bit; the fused loop only saves loads.
  (func $cos_parts (export "cos_parts") (param $a i32) (param $b i32) (param $n i32) (param $out i32)
    (local $end i32) (local $x v128) (local $y v128)
    (local $d0 v128) (local $d1 v128) (local $d2 v128) (local $d3 v128)
    (local $p0 v128) (local $p1 v128) (local $p2 v128) (local $p3 v128)
    (local $q0 v128) (local $q1 v128) (local $q2 v128) (local $q3 v128)
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
      (loop $next
        (local.set $x (v128.load offset=0 (local.get $a)))
        (local.set $y (v128.load offset=0 (local.get $b)))
        (local.set $d0 (f32x4.add (local.get $d0) (f32x4.mul (local.get $x) (local.get $y))))
        (local.set $p0 (f32x4.add (local.get $p0) (f32x4.mul (local.get $x) (local.get $x))))
        (local.set $q0 (f32x4.add (local.get $q0) (f32x4.mul (local.get $y) (local.get $y))))
        (local.set $x (v128.load offset=16 (local.get $a)))
        (local.set $y (v128.load offset=16 (local.get $b)))
        (local.set $d1 (f32x4.add (local.get $d1) (f32x4.mul (local.get $x) (local.get $y))))
        (local.set $p1 (f32x4.add (local.get $p1) (f32x4.mul (local.get $x) (local.get $x))))
        (local.set $q1 (f32x4.add (local.get $q1) (f32x4.mul (local.get $y) (local.get $y))))
        (local.set $x (v128.load offset=32 (local.get $a)))
        (local.set $y (v128.load offset=32 (local.get $b)))
        (local.set $d2 (f32x4.add (local.get $d2) (f32x4.mul (local.get $x) (local.get $y))))
        (local.set $p2 (f32x4.add (local.get $p2) (f32x4.mul (local.get $x) (local.get $x))))
        (local.set $q2 (f32x4.add (local.get $q2) (f32x4.mul (local.get $y) (local.get $y))))
        (local.set $x (v128.load offset=48 (local.get $a)))
        (local.set $y (v128.load offset=48 (local.get $b)))
        (local.set $d3 (f32x4.add (local.get $d3) (f32x4.mul (local.get $x) (local.get $y))))
        (local.set $p3 (f32x4.add (local.get $p3) (f32x4.mul (local.get $x) (local.get $x))))
        (local.set $q3 (f32x4.add (local.get $q3) (f32x4.mul (local.get $y) (local.get $y))))
        (local.set $a (i32.add (local.get $a) (i32.const 64)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $a) (local.get $end)))))
    (f32.store offset=0 (local.get $out)
      (call $hsum (local.get $d0) (local.get $d1) (local.get $d2) (local.get $d3)))
    (f32.store offset=4 (local.get $out)
      (call $hsum (local.get $p0) (local.get $p1) (local.get $p2) (local.get $p3)))
    (f32.store offset=8 (local.get $out)
      (call $hsum (local.get $q0) (local.get $q1) (local.get $q2) (local.get $q3))))

  ;; The row kernels: out[r] = kernel(row r of the matrix at $m, q) for r in [0, rows), rows
  ;; $stride bytes apart. Each row goes through the single-pair function, so a row's result is
  ;; bit for bit the single-pair result. (Interleaving two rows' chains was tried: no faster on
  ;; cache-resident rows, slower on rows streamed from memory.)
  (func (export "dot_rows")
    (param $m i32) (param $rows i32) (param $stride i32) (param $q i32) (param $n i32) (param $out i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $rows) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
      (loop $next
        (f32.store (local.get $out) (call $dot (local.get $m) (local.get $q) (local.get $n)))
        (local.set $m (i32.add (local.get $m) (local.get $stride)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br_if $next (i32.lt_u (local.get $out) (local.get $end))))))

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
        (br_if $next (i32.lt_u (local.get $out) (local.get $end)))))))
