# pdmacs build. `make` builds the jar, ./temacs, the dump and ./emacs; `make check` runs every test.
SHELL := /bin/bash
MVN ?= mvn -B -q
JAVA ?= java
JAR := target/pdmacs.jar
CLASSES := target/classes
# Flags every launcher uses: SerialGC (no GC threads to start, no pauses while the dump loads)
# and the CDS archive of pdmacs's classes when it exists (-Xshare:auto; the -Xlog flags keep a
# JDK that cannot use it, e.g. another version, from complaining at every start).
# Not G1, though JDK 17 maps a CDS archive's heap objects, and with them the archived module
# graph, only under G1: that saves the 10-13 ms of "Initialize module system" SerialGC pays
# (-Xlog:startuptime), and ./emacs starts 8 ms sooner with an archive dumped under G1; but the
# interpreter runs fib 30 16% slower and the list workload 58% slower (12% with -Xmn128m
# -XX:ParallelGCThreads=1): G1 copies a long list of conses two to three times slower than
# Serial does (docs/BENCHMARKS.md, "The garbage collector").
# The JIT stays the default tiered C1+C2: C1 alone (-XX:TieredStopAtLevel=1) starts a few ms
# sooner but runs fib 30 about 1.6x slower (docs/BENCHMARKS.md).
# -XX:-UsePerfData: no hsperfdata file to create and map, 2-3 ms of every start (jps and
# jstat do not see the process; attach with -XX:+UsePerfData in PDMACS_JAVA_OPTS to debug).
# The compile thresholds, five times the defaults for C1 (tier 3, by invocations: loops keep
# the default back-edge threshold) and for C2 (tier 4), keep the JIT from compiling the hundreds
# of methods a start-up runs briefly: on two cores its threads took CPU from the two start-up
# threads (2 ms), and a JVM that exits while a compiler thread is compiling waits for it in
# steps of 10 ms (HotSpot's VM_Exit), which a third of the runs of ./emacs --batch --eval
# '(kill-emacs)' paid. Long runs reach the compilers a little later: fib 30 got faster, the
# list, string and hash workloads did not change beyond noise (docs/BENCHMARKS.md).
# -XX:MaxRecursiveInlineLevel=0: the evaluator is recursive (eval, evalCall, evalSubrCall,
# evalDataCall, eval) and C2, which by default inlines a method once more into itself, made its
# first compilation of Eval.eval four times larger (127 methods inlined, 31 KB of code): 50 to
# 180 ms of the C2 thread, all the while the Lisp thread ran C1's profiling code. Without it
# C2's code arrives about 100 ms sooner: bench-string and bench-hash 1e5 about 20% faster,
# fib 30 10%, start-up unchanged (numbers in the commit that added it).
# -XX:CompileCommand=dontinline Eval.evalCall: each compiled caller of eval (progn, let, setq,
# if, funcallLambda...) otherwise carried its own copy of the whole call machinery (evalCall,
# evalSubrCall, evalDataCall, the fast paths; some 30 methods), and a program that starts
# taking new paths (bench-hash's second loop: gethash with an optional argument left out, a
# fns.c subr) deoptimized every copy at once and waited for C2 to recompile them all. Now eval
# keeps its quick cases (symbols, constants) inline and the call machinery is compiled once:
# bench-hash 1e5 10-20% faster, the other workloads and fib unchanged (numbers in the commit
# that added it). Likewise Eval.evalDataCall (one- and two-argument data.c calls: car, +, <...)
# and SpecialForms.dispatch (if, let, setq...): C2's first compilation of evalSubrCall, which
# calls both, took them in with Data.fastCall2, a 4 KB compilation of 24 to 44 ms during which
# C2 compiled nothing else and the evaluator ran C1's profiling code; short interpreted runs
# spend most of their time there. Each compiled once on its own: C2's CPU for fib 25 about 38 to
# 26 ms, fib 25 and 30 (both bindings) 5 to 10% faster, a warm fib unchanged (numbers in the
# commit that added them). quiet: no line about them on stdout.
# PDMACS_JAVA_OPTS adds more (e.g. -Dpdmacs.dump.verbose=true).
TIERS := -XX:Tier3InvocationThreshold=1000 -XX:Tier3MinInvocationThreshold=500 -XX:Tier3CompileThreshold=10000 \
  -XX:Tier4InvocationThreshold=25000 -XX:Tier4MinInvocationThreshold=3000 -XX:Tier4CompileThreshold=30000 -XX:Tier4BackEdgeThreshold=200000
JVM_FLAGS := -XX:+UseSerialGC -XX:-UsePerfData $(TIERS) -XX:MaxRecursiveInlineLevel=0 \
  -XX:CompileCommand=quiet -XX:CompileCommand=dontinline,pdmacs.eval.Eval::evalCall \
  -XX:CompileCommand=dontinline,pdmacs.eval.Eval::evalDataCall -XX:CompileCommand=dontinline,pdmacs.eval.SpecialForms::dispatch -Xshare:auto -XX:SharedArchiveFile="$$here/target/pdmacs.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off $${PDMACS_JAVA_OPTS:-}

# The launchers' first line: the directory the script is in, from $0 by parameter expansion
# (running dirname and a subshell cost 1-2 ms of every start); only a bare name, which the
# kernel never passes for a script found through PATH, falls back to dirname.
FIND_HERE := 'case $$0 in' \
  '  /*) here=$${0%/*} ;;' \
  '  ./*) here=$$PWD/$${0\#./}; here=$${here%/*} ;;' \
  '  */*) here=$$PWD/$${0%/*} ;;' \
  '  *) here=$$(cd "$$(dirname "$$0")" && pwd) ;;' \
  'esac'

.PHONY: all build check test run bench jmh clean dump fuzz

all: emacs target/emacs.jar target/pdmacs.jsa

build: $(JAR)

SOURCES := $(shell find src/main -type f) pom.xml

$(JAR): $(SOURCES)
	$(MVN) package -DskipTests
	# The jar's copy of FingerprintStamp carries the fingerprint (target/classes keeps the placeholder).
	rm -rf target/stamp
	$(JAVA) -cp $(CLASSES) pdmacs.dump.Fingerprint $(CLASSES) target/stamp > /dev/null
	cd target/stamp && jar uf ../pdmacs.jar pdmacs/dump/FingerprintStamp.class
	@touch $(JAR)

temacs: $(JAR) Makefile
	@printf '%s\n' '#!/bin/sh' \
	  '# Generated by make: the bare runtime (no dump).' \
	  $(FIND_HERE) \
	  'exec $${JAVA:-java} $(JVM_FLAGS) -Dpdmacs.home="$$here" -cp "$$here/$(JAR):$$here/target/lib/*" pdmacs.cli.Main --temacs "$$@"' > $@
	@chmod +x $@

emacs.pdmp: temacs loadup.el $(wildcard lisp/*.el)
	./temacs -l loadup pdump

emacs: emacs.pdmp Makefile
	@printf '%s\n' '#!/bin/sh' \
	  '# Generated by make: pdmacs started from its dump (emacs.pdmp next to this script).' \
	  $(FIND_HERE) \
	  'exec $${JAVA:-java} $(JVM_FLAGS) -Dpdmacs.home="$$here" -cp "$$here/$(JAR):$$here/target/lib/*" pdmacs.cli.Main "$$@"' > $@
	@chmod +x $@

# The CDS archive: a static archive (-Xshare:dump) of the classes a batch run of ./emacs loads,
# JDK classes included, listed by one such run. One static archive maps and links faster than
# the JDK's default archive with a dynamic one (-XX:ArchiveClassesAtExit) on top: 42.6 against
# 46.3 ms per start (docs/BENCHMARKS.md). The class path must be the launchers' own.
# The listing run is every test of the Lisp library in one session, after building every dumped
# symbol (mapatoms), not only a start-up: a class the archive lacks is parsed and verified at
# first use (LVector, Record and HashTable, which a bare start never loads, were about 0.8 ms of
# the first mapatoms), the first one from the class path opens the jars, and a lambda
# (java.util.regex and java.time use them) bootstraps java.lang.invoke, the archive keeping the
# lambda proxies the listing run made. That was milliseconds at the first string-match,
# format-time-string or float-time of a run (first string-match 23.6 to 3.7 ms, by medians of
# interleaved runs); a class in the archive costs nothing until it is loaded, but the bigger
# archive (10 MB, 6.5 before) takes about 2 ms more of a start-up to relocate (this JDK maps
# it at a new address each time: ArchiveRelocationMode 1). A test that fails only leaves the
# list shorter, so the run's status is ignored.
CDS_CP = "$(CURDIR)/$(JAR):$(CURDIR)/target/lib/*"
CDS_TRAINING := --eval '(mapatoms (function ignore))' -l ert $(foreach f,$(sort $(wildcard test/lisp/*-tests.el)),-l $(f)) -f ert-run-tests-batch
target/pdmacs.jsa: emacs
	rm -f $@ target/classes.lst
	$(JAVA) -XX:DumpLoadedClassList=target/classes.lst -XX:+UseSerialGC -Dpdmacs.home="$(CURDIR)" \
	  -cp $(CDS_CP) pdmacs.cli.Main --batch $(CDS_TRAINING) > /dev/null 2>&1 || true
	$(JAVA) -Xshare:dump -XX:+UseSerialGC -XX:SharedClassListFile=target/classes.lst -XX:SharedArchiveFile=$@ \
	  -cp $(CDS_CP) > /dev/null 2>&1 || rm -f $@

target/emacs.jar: $(JAR) emacs.pdmp
	$(JAVA) -cp $(JAR) pdmacs.dump.JarBuilder $(JAR) emacs.pdmp target/lib $@

dump: emacs.pdmp

check: all
	$(MVN) test
	@echo "make check: all tests passed"

# Coverage-guided fuzzing with Jazzer, one target per JVM, 60 s each (the @FuzzTest maxDuration).
# Findings are written under src/test/resources/pdmacs/fuzz/*Inputs/: fix them, commit them.
FUZZ_TARGETS := pdmacs.fuzz.DumpLoaderFuzzTest\#loader pdmacs.fuzz.ReaderFuzzTest\#reader
fuzz:
	for t in $(FUZZ_TARGETS); do \
	  JAZZER_FUZZ=1 $(MVN) test -Dtest="$$t" -Dsurefire.failIfNoSpecifiedTests=false || exit 1; \
	done

run: all
	./emacs

bench: all
	./bench/run

# JMH microbenchmarks (src/test/java/pdmacs/bench), brief runs; JMH_ARGS adds or overrides options.
jmh: $(JAR)
	$(MVN) test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
	$(JAVA) -cp "target/test-classes:$(CLASSES):$$(cat target/test.classpath)" org.openjdk.jmh.Main \
	  -wi 2 -w 1 -i 3 -r 1 -f 1 $${JMH_ARGS:-} 'pdmacs\.bench\..*'

clean:
	rm -rf target temacs emacs emacs.pdmp
