package dev.boulevard.wallet.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.wallet.domain.WalletCommand;
import dev.boulevard.wallet.domain.WalletCommand.AddBonusCredits;
import dev.boulevard.wallet.domain.WalletCommand.AddRefundCredits;
import dev.boulevard.wallet.domain.WalletCommand.AddWalletCredits;
import dev.boulevard.wallet.domain.WalletCommand.ExpireCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubBonusCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubRefundCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubWalletCredits;
import dev.boulevard.wallet.domain.WalletLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Turns a command's name and JSON body into a {@link WalletCommand}, refusing anything but exactly
 * the fields the command takes, of exactly the right types and ranges.
 */
final class CommandRequests {

  private static final Map<String, BiFunction<String, Long, WalletCommand>> COMMANDS =
      Map.of(
          "AddWalletCredits", AddWalletCredits::new,
          "AddBonusCredits", AddBonusCredits::new,
          "AddRefundCredits", AddRefundCredits::new,
          "SubWalletCredits", SubWalletCredits::new,
          "SubBonusCredits", SubBonusCredits::new,
          "SubRefundCredits", SubRefundCredits::new,
          "SubCredits", SubCredits::new,
          "ExpireCredits", (userId, amount) -> new ExpireCredits(userId));

  private final ObjectMapper mapper;

  CommandRequests(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  static boolean isKnown(String name) {
    return COMMANDS.containsKey(name);
  }

  /**
   * Parses a command's body.
   *
   * @param name a known command's name
   * @param body the request's body
   * @return the command
   * @throws ApiException 400 for anything but a well-formed command
   */
  WalletCommand parse(String name, byte[] body) {
    JsonNode json = readObject(body);
    List<String> fields =
        name.equals("ExpireCredits") ? List.of("userId") : List.of("userId", "amount");
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!fields.contains(field)) {
        throw ApiException.invalidRequest(
            "Unknown field '" + Texts.shorten(field) + "'; " + name + " takes " + fields);
      }
    }
    String userId = UserIds.check(textField(json, "userId"));
    Long amount = fields.contains("amount") ? amount(json) : null;
    return COMMANDS.get(name).apply(userId, amount);
  }

  private JsonNode readObject(byte[] body) {
    JsonNode json;
    try {
      // Parsed from checked text, not bytes: Jackson 2.22's byte parser, once it has seen a key,
      // takes the same key with a stray 0xFF byte in it ("amou\xFFnt") for that key.
      json = mapper.readTree(utf8(body));
    } catch (IOException e) {
      throw ApiException.invalidRequest("Malformed JSON: " + Texts.shorten(firstLine(e)));
    }
    if (json == null || !json.isObject()) {
      throw ApiException.invalidRequest("The body must be a JSON object");
    }
    return json;
  }

  /** {@return the body as text, refusing anything but well-formed UTF-8} */
  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiException.invalidRequest("The body is not well-formed UTF-8");
    }
  }

  private static String textField(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null) {
      throw ApiException.invalidRequest("Missing field '" + field + "'");
    }
    if (!value.isTextual()) {
      throw ApiException.invalidRequest("Field '" + field + "' must be a string");
    }
    return value.textValue();
  }

  private static long amount(JsonNode json) {
    JsonNode value = json.get("amount");
    if (value == null) {
      throw ApiException.invalidRequest("Missing field 'amount'");
    }
    if (!value.isIntegralNumber()) {
      throw ApiException.invalidRequest("Field 'amount' must be a whole number");
    }
    if (!value.canConvertToLong()
        || value.longValue() < WalletLimits.MIN_AMOUNT
        || value.longValue() > WalletLimits.MAX_AMOUNT) {
      throw ApiException.invalidRequest(
          "Field 'amount' must be from "
              + WalletLimits.MIN_AMOUNT
              + " to "
              + WalletLimits.MAX_AMOUNT
              + ", not "
              + Texts.shorten(value.asText()));
    }
    return value.longValue();
  }

  private static String firstLine(IOException e) {
    String message =
        e instanceof com.fasterxml.jackson.core.JsonProcessingException json
            ? json.getOriginalMessage()
            : e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }
}
