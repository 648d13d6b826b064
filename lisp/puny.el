;;; puny.el --- Punycode (RFC 3492) for internationalized domain names  -*- lexical-binding: t -*-

;; A label with non-ASCII characters is written as "xn--" then its ASCII characters,
;; a "-", and the rest as a base-36 string of insertion deltas (RFC 3492 with the
;; IDNA parameters).  The decoder takes any label, and gives an invalid one back
;; unchanged, as GNU Emacs does; like Emacs's it reads letters of either case.

;;; Code:

(defconst puny-initial-n 128 "The first code point the deltas count from.")
(defconst puny-initial-bias 72 "The bias before the first delta.")
(defconst puny-base 36 "The number of digits.")
(defconst puny-damp 700 "How much the first delta is damped when adapting the bias.")
(defconst puny-tmin 1 "The smallest threshold.")
(defconst puny-tmax 26 "The largest threshold.")
(defconst puny-skew 38 "The skew of the bias adaptation.")

(defun puny-encode-digit (d)
  "The character of digit D: 0-25 are a-z, 26-35 are 0-9."
  (if (< d 26) (+ ?a d) (+ ?0 (- d 26))))

(defun puny-decode-digit (cp)
  "The digit value of character CP (`puny-base' for a character after z).
Digits 0-9 are 26-35, letters of either case are 0-25."
  (cond ((<= cp ?9) (+ 26 (- cp ?0)))
        ((<= cp ?Z) (- cp ?A))
        ((<= cp ?z) (- cp ?a))
        (t puny-base)))

(defun puny-adapt (delta num-points first-time)
  "The new bias after DELTA, with NUM-POINTS characters handled so far.
FIRST-TIME is non-nil for the first delta, which is damped more."
  (let ((delta (/ delta (if first-time puny-damp 2)))
        (k 0)
        (limit (/ (* (- puny-base puny-tmin) puny-tmax) 2)))
    (setq delta (+ delta (/ delta num-points)))
    (while (> delta limit)
      (setq delta (/ delta (- puny-base puny-tmin))
            k (+ k puny-base)))
    (+ k (/ (* (1+ (- puny-base puny-tmin)) delta)
            (+ delta puny-skew)))))

(defun puny--threshold (k bias)
  "The threshold of the digit at position K with BIAS, clamped to tmin..tmax."
  (max puny-tmin (min puny-tmax (- k bias))))

(defun puny--encode-deltas (basic-count string)
  "The digits (a list of characters) encoding the non-ASCII characters of STRING.
BASIC-COUNT is the number of its ASCII characters."
  (let ((n puny-initial-n)
        (delta 0)
        (bias puny-initial-bias)
        (handled basic-count)
        (total (length string))
        (digits nil))
    (while (< handled total)
      ;; The next code point to insert: the smallest not yet handled.
      (let ((m nil))
        (mapc (lambda (c) (when (and (>= c n) (or (null m) (< c m))) (setq m c)))
              string)
        (setq delta (+ delta (* (- m n) (1+ handled)))
              n m))
      (mapc (lambda (c)
              (when (< c n)
                (setq delta (1+ delta)))
              (when (= c n)
                (let ((q delta) (k puny-base) (done nil))
                  (while (not done)
                    (let ((th (puny--threshold k bias)))
                      (if (< q th)
                          (setq done t)
                        (push (puny-encode-digit (+ th (% (- q th) (- puny-base th))))
                              digits)
                        (setq q (/ (- q th) (- puny-base th))
                              k (+ k puny-base)))))
                  (push (puny-encode-digit q) digits)
                  (setq bias (puny-adapt delta (1+ handled) (= handled basic-count))
                        delta 0
                        handled (1+ handled)))))
            string)
      (setq delta (1+ delta)
            n (1+ n)))
    (nreverse digits)))

(defun puny-encode-string (string)
  "STRING in Punycode with the \"xn--\" prefix, or STRING itself if all ASCII.
For instance \"bücher\" gives \"xn--bcher-kva\"."
  (let ((basic (apply #'string (delq nil (mapcar (lambda (c) (and (< c 128) c))
                                                 string)))))
    (if (= (length basic) (length string))
        string
      (concat "xn--"
              (if (equal basic "") "" (concat basic "-"))
              (puny--encode-deltas (length basic) string)))))

(defun puny-encode-domain (domain)
  "DOMAIN with each non-ASCII label in Punycode (see `puny-encode-string').
For instance \"fśf.org\" gives \"xn--ff-2sa.org\"."
  (if (string-match "\\`[[:ascii:]]+\\'" domain)
      domain
    (mapconcat #'puny-encode-string (split-string domain "[.]") ".")))

(defun puny--decode (string)
  "Decode the Punycode STRING (without its \"xn--\").
A digit missing at the end of STRING signals `args-out-of-range'."
  (let* ((dash (let ((i (1- (length string))))
                 (while (and (>= i 0) (/= (aref string i) ?-))
                   (setq i (1- i)))
                 (and (>= i 0) i)))
         (output (if dash (append (substring string 0 dash) nil) nil))
         (size (length output))
         (ic (if dash (1+ dash) 0))
         (len (length string))
         (i 0)
         (bias puny-initial-bias)
         (n puny-initial-n))
    (while (< ic len)
      (let ((old-i i) (w 1) (k puny-base) (more t))
        (while more
          (let ((digit (puny-decode-digit (aref string ic)))
                th)
            (setq ic (1+ ic)
                  i (+ i (* digit w))
                  th (puny--threshold k bias))
            (if (< digit th)
                (setq more nil)
              (setq w (* w (- puny-base th))
                    k (+ k puny-base)))))
        (setq size (1+ size)
              bias (puny-adapt (- i old-i) size (= old-i 0))
              n (+ n (/ i size))
              i (mod i size))
        (if (= i 0)
            (push n output)
          (let ((cell (nthcdr (1- i) output)))
            (setcdr cell (cons n (cdr cell)))))
        (setq i (1+ i))))
    (apply #'string output)))

(defun puny-decode-string (string)
  "The label STRING decoded from Punycode when it starts with \"xn--\".
Any other string, or one that is not valid Punycode, is returned unchanged.
For instance \"xn--bcher-kva\" gives \"bücher\"."
  (if (string-match "\\`xn--" string)
      (condition-case nil
          (puny--decode (substring string 4))
        (args-out-of-range string))
    string))

(defun puny-decode-domain (domain)
  "DOMAIN with each Punycode label decoded (see `puny-decode-string').
For instance \"xn--ff-2sa.org\" gives \"fśf.org\"."
  (mapconcat #'puny-decode-string (split-string domain "[.]") "."))

(provide 'puny)

;;; puny.el ends here
