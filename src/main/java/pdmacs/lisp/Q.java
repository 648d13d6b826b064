package pdmacs.lisp;

/** Symbols the Java side refers to by name, interned once (Emacs calls these Qfoo). */
public final class Q {
  private Q() {}

  private static Symbol s(String name) {
    return Lisp.intern(name);
  }

  public static final Symbol quote = s("quote");
  public static final Symbol function = s("function");
  public static final Symbol lambda = s("lambda");
  public static final Symbol closure = s("closure");
  public static final Symbol macro = s("macro");
  public static final Symbol andOptional = s("&optional");
  public static final Symbol andRest = s("&rest");
  public static final Symbol backquote = s("`");
  public static final Symbol comma = s(",");
  public static final Symbol commaAt = s(",@");
  public static final Symbol interactive = s("interactive");
  public static final Symbol autoload = s("autoload");
  public static final Symbol error = s("error");
  public static final Symbol quit = s("quit");
  public static final Symbol userError = s("user-error");
  public static final Symbol errorConditions = s("error-conditions");
  public static final Symbol errorMessage = s("error-message");
  public static final Symbol voidVariable = s("void-variable");
  public static final Symbol voidFunction = s("void-function");
  public static final Symbol invalidFunction = s("invalid-function");
  public static final Symbol wrongTypeArgument = s("wrong-type-argument");
  public static final Symbol wrongNumberOfArguments = s("wrong-number-of-arguments");
  public static final Symbol argsOutOfRange = s("args-out-of-range");
  public static final Symbol settingConstant = s("setting-constant");
  public static final Symbol noCatch = s("no-catch");
  public static final Symbol endOfFile = s("end-of-file");
  public static final Symbol invalidReadSyntax = s("invalid-read-syntax");
  public static final Symbol arithError = s("arith-error");
  public static final Symbol overflowError = s("overflow-error");
  public static final Symbol rangeError = s("range-error");
  public static final Symbol circularList = s("circular-list");
  public static final Symbol excessiveLispNesting = s("excessive-lisp-nesting");
  public static final Symbol excessiveVariableBinding = s("excessive-variable-binding");
  public static final Symbol cyclicFunctionIndirection = s("cyclic-function-indirection");
  public static final Symbol fileError = s("file-error");
  public static final Symbol fileMissing = s("file-missing");
  public static final Symbol invalidRegexp = s("invalid-regexp");
  public static final Symbol success = s(":success");
  public static final Symbol debug = s("debug");

  // Type predicates named in wrong-type-argument data.
  public static final Symbol listp = s("listp");
  public static final Symbol consp = s("consp");
  public static final Symbol symbolp = s("symbolp");
  public static final Symbol stringp = s("stringp");
  public static final Symbol integerp = s("integerp");
  public static final Symbol fixnump = s("fixnump");
  public static final Symbol natnump = s("natnump");
  public static final Symbol numberp = s("numberp");
  public static final Symbol numberOrMarkerP = s("number-or-marker-p");
  public static final Symbol integerOrMarkerP = s("integer-or-marker-p");
  public static final Symbol floatp = s("floatp");
  public static final Symbol characterp = s("characterp");
  public static final Symbol vectorp = s("vectorp");
  public static final Symbol arrayp = s("arrayp");
  public static final Symbol sequencep = s("sequencep");
  public static final Symbol boolVectorP = s("bool-vector-p");
  public static final Symbol hashTableP = s("hash-table-p");
  public static final Symbol functionp = s("functionp");
  public static final Symbol stringOrNullP = s("string-or-null-p");
  public static final Symbol charOrStringP = s("char-or-string-p");
  public static final Symbol wholenump = s("wholenump");
  public static final Symbol plistp = s("plistp");
  public static final Symbol subrp = s("subrp");

  // Variables the Java side reads.
  public static final Symbol lexicalBinding = s("lexical-binding");
  public static final Symbol standardOutput = s("standard-output");
  public static final Symbol printEscapeNewlines = s("print-escape-newlines");
  public static final Symbol printCircle = s("print-circle");
  public static final Symbol printLength = s("print-length");
  public static final Symbol printLevel = s("print-level");
  public static final Symbol printQuoted = s("print-quoted");
  public static final Symbol printGensym = s("print-gensym");
  public static final Symbol printEscapeNonascii = s("print-escape-nonascii");
  public static final Symbol floatOutputFormat = s("float-output-format");
  public static final Symbol maxLispEvalDepth = s("max-lisp-eval-depth");
  public static final Symbol loadPath = s("load-path");
  public static final Symbol loadFileName = s("load-file-name");
  public static final Symbol loadInProgress = s("load-in-progress");
  public static final Symbol features = s("features");
  public static final Symbol noninteractive = s("noninteractive");
  public static final Symbol commandLineArgs = s("command-line-args");
  public static final Symbol debugOnError = s("debug-on-error");
  public static final Symbol inhibitQuit = s("inhibit-quit");
  public static final Symbol macroexpandAllEnvironment = s("macroexpand-all-environment");
  public static final Symbol internalInterpreterEnvironment = s("internal-interpreter-environment");
  public static final Symbol throwOnInput = s("throw-on-input");
  public static final Symbol t = Lisp.T;
  public static final Symbol nil = Lisp.NIL;

  // Hash table tests and keywords.
  public static final Symbol eq = s("eq");
  public static final Symbol eql = s("eql");
  public static final Symbol equal = s("equal");
  public static final Symbol hashTable = s("hash-table");
  public static final Symbol kTest = s(":test");
  public static final Symbol kSize = s(":size");
  public static final Symbol kWeakness = s(":weakness");
  public static final Symbol kRehashSize = s(":rehash-size");
  public static final Symbol kRehashThreshold = s(":rehash-threshold");
  public static final Symbol kPurecopy = s(":purecopy");
  public static final Symbol test = s("test");
  public static final Symbol size = s("size");
  public static final Symbol data = s("data");
  public static final Symbol weakness = s("weakness");
  public static final Symbol rehashSize = s("rehash-size");
  public static final Symbol rehashThreshold = s("rehash-threshold");

  // type-of results.
  public static final Symbol integer = s("integer");
  public static final Symbol symbol = s("symbol");
  public static final Symbol string = s("string");
  public static final Symbol cons = s("cons");
  public static final Symbol vector = s("vector");
  public static final Symbol boolVector = s("bool-vector");
  public static final Symbol floatSym = s("float");
  public static final Symbol subr = s("subr");
  public static final Symbol obarray = s("obarray");
  public static final Symbol many = s("many");
  public static final Symbol unevalled = s("unevalled");
}
