;;; heap.el --- a heap with every dumpable type, for the round-trip tests  -*- lexical-binding: t -*-

;; Only built-ins are used, so this runs in the bare runtime (no library).
(define-hash-table-test 'my-test 'equal 'sxhash-equal)
(setq shared-string "shared")
(setq roots
      (car (read-from-string
            "[#1=(a b . #1#)
              #2=(shared-car . tail)
              (#2# #2# #2#)
              #3=#:uninterned
              (#3# #3#)
              #:other-uninterned
              0 -1 2305843009213693951 -2305843009213693952
              2305843009213693952 -99999999999999999999999999999999
              1.5 -0.0 0.0 1.0e+INF -1.0e+INF 0.0e+NaN 1e-300 123456789.125
              \"ascii\" \"héllo wörld\" \"日本語\" \"\\377\\200unibyte\" \"\" \"😀 non-BMP\"
              [nested [vector #4=[self #4#]]]
              #&10\"\\377\\3\"
              #&0\"\"
              #s(hash-table test eq data (k1 v1 k2 (v2 list)))
              #s(hash-table test eql data (1.5 float 3 three))
              #s(hash-table test equal data (\"key\" str (1 2) list))
              #5=(deep . #6=(cycle . #5#))
              (a . b)
              #s(point 1 \"two\" (3) [4])
              #s(#s(class named-by-class) 5)
              #7=#s(node #7# nil)
              (#8=#s(shared) #8#)]")))
(setq ht-my (make-hash-table :test 'my-test))
(puthash "a" 1 ht-my)
(puthash '(x y) 2 ht-my)
(fset 'square (function (lambda (x) (* x x))))
(fset 'closure-maker (function (lambda (n) (function (lambda () n)))))
(setq a-closure (closure-maker 42))
(put 'square 'doc "The square of X.")
(setq big-record (make-record 'big 4094 0))
(setq roots-all (vector roots ht-my a-closure (symbol-function 'square) (symbol-plist 'square) big-record))
