package dev.boulevard.tracing;

/** Parses and checks the W3C Trace Context headers. */
final class TraceFormat {

  private static final int VERSION_00_LENGTH = 55;
  private static final int MAX_TRACESTATE = 512;

  private TraceFormat() {}

  static TraceContext parse(String traceparent, String tracestate) {
    String value = traceparent.strip();
    if (value.length() < VERSION_00_LENGTH) {
      throw InvalidTraceContextException.badTraceparent(traceparent, "it is too short");
    }
    String version = value.substring(0, 2);
    if (!isHex(version) || version.equals("ff")) {
      throw InvalidTraceContextException.badTraceparent(
          traceparent, "version " + version + " is not 2 lowercase hex digits other than ff");
    }
    boolean exact = value.length() == VERSION_00_LENGTH;
    if (version.equals("00") ? !exact : !exact && value.charAt(VERSION_00_LENGTH) != '-') {
      throw InvalidTraceContextException.badTraceparent(
          traceparent, "version " + version + " has 55 characters, not " + value.length());
    }
    if (value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
      throw InvalidTraceContextException.badTraceparent(
          traceparent, "its four parts are not separated by dashes");
    }
    String flags = value.substring(53, 55);
    if (!isHex(flags)) {
      throw InvalidTraceContextException.badTraceparent(
          traceparent, "flags " + flags + " are not 2 lowercase hex digits");
    }
    requireId(traceparent, "trace id", value.substring(3, 35), 32);
    requireId(traceparent, "parent id", value.substring(36, 52), 16);
    return new TraceContext(
        value.substring(3, 35),
        value.substring(36, 52),
        Integer.parseInt(flags, 16),
        tracestate.strip());
  }

  static void requireId(String shown, String what, String id, int digits) {
    if (id.length() != digits || !isHex(id)) {
      throw InvalidTraceContextException.badTraceparent(
          shown, "the " + what + " is not " + digits + " lowercase hex digits");
    }
    if (id.chars().allMatch(c -> c == '0')) {
      throw InvalidTraceContextException.badTraceparent(shown, "the " + what + " is all zeros");
    }
  }

  static void requireTracestate(String tracestate) {
    if (tracestate.length() > MAX_TRACESTATE) {
      throw InvalidTraceContextException.badTracestate(
          tracestate.substring(0, 40) + "...", "it is longer than " + MAX_TRACESTATE + " chars");
    }
    if (tracestate.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
      throw InvalidTraceContextException.badTracestate(
          tracestate, "it holds characters other than printable ASCII");
    }
    if (!tracestate.isEmpty() && tracestate.indexOf('=') < 0) {
      throw InvalidTraceContextException.badTracestate(tracestate, "it has no key=value member");
    }
  }

  private static boolean isHex(String text) {
    return text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }
}
