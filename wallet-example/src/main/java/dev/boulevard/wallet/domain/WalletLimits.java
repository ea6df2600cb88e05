package dev.boulevard.wallet.domain;

import java.time.Duration;

/** Every limit the wallet checks its input against, in one place, for the domain, app and API. */
public final class WalletLimits {

  /** The smallest amount that one command may add or spend. */
  public static final long MIN_AMOUNT = 1;

  /** The largest amount that one command may add or spend: 10^12 credits. */
  public static final long MAX_AMOUNT = 1_000_000_000_000L;

  /** The longest user id; ids are 1 to this many characters of {@code A-Z a-z 0-9 _ -}. */
  public static final int MAX_USER_ID_LENGTH = 64;

  /**
   * The longest {@code Idempotency-Key} header the API takes; keys are 1 to this many visible ASCII
   * characters, 0x21 to 0x7E.
   */
  public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 128;

  /** How long the app keeps an idempotency key: a repeat within it is answered, not applied. */
  public static final Duration KEEP_IDEMPOTENCY_KEYS = Duration.ofHours(24);

  /** The largest request body the API reads: 64 KiB. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** The deepest nesting of arrays and objects the app's JSON reader accepts. */
  public static final int MAX_JSON_NESTING = 32;

  /** The most digits of a whole-number query parameter, such as {@code after} or {@code limit}. */
  public static final int MAX_NUMBER_DIGITS = 18;

  /** The number of audit entries answered unless {@code limit} says otherwise. */
  public static final int DEFAULT_AUDIT_LIMIT = 50;

  /** The largest {@code limit} of the audit. */
  public static final int MAX_AUDIT_LIMIT = 1_000;

  /** How long a read with {@code ?after=} waits at most for the read models to catch up. */
  public static final Duration MAX_AFTER_WAIT = Duration.ofSeconds(5);

  /** The most characters of a caller's input quoted back in an error message. */
  public static final int MAX_QUOTED_INPUT = 80;

  /** The most characters of each cause quoted in an unreadable history's message. */
  public static final int MAX_REASON_LENGTH = 300;

  /** The most causes followed down an unreadable history's chain of causes. */
  public static final int MAX_REASON_CAUSES = 16;

  private WalletLimits() {}
}
