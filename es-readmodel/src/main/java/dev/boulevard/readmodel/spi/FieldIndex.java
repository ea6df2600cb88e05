package dev.boulevard.readmodel.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Defines what {@code findBy} compares: the index entries of a model and the entry a clause must
 * match, as canonical text that every repository compares exactly; immutable and thread-safe.
 *
 * <p>Each top-level JSON field of a model gives one entry for a scalar value and one per scalar
 * element for an array; objects and nested arrays are not indexed. A value's key is {@code s:} and
 * a string, {@code n:} and a number in plain notation without trailing zeros (so that {@code 5}
 * equals {@code 5.0}), {@code b:true} or {@code b:false}, or {@code z:} for null. A key or field
 * name longer than {@value #MAX_LENGTH} characters is replaced by {@code h:} and its SHA-256 in
 * hex, so that it fits an index.
 */
public final class FieldIndex {

  /** The longest key or field name kept as it is; longer ones are hashed. */
  public static final int MAX_LENGTH = 190;

  private static final HexFormat HEX = HexFormat.of();

  private final ObjectMapper mapper;

  /**
   * Creates the index of models written by a mapper.
   *
   * @param mapper the mapper that writes the models as JSON
   */
  public FieldIndex(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /**
   * One field's value as an index compares it.
   *
   * @param field the field's name, hashed if long
   * @param key the value's canonical text, hashed if long
   */
  public record Entry(String field, String key) {}

  /**
   * Computes the entries of a model.
   *
   * @param model the model
   * @return its entries, without duplicates
   * @throws IllegalArgumentException if the mapper cannot write the model
   */
  public Set<Entry> entriesOf(Object model) {
    JsonNode document = mapper.valueToTree(model);
    return entriesOf(document);
  }

  /**
   * Computes the entries of a model already written as a JSON tree.
   *
   * @param document the model's JSON tree; a tree that is not an object has no entries
   * @return its entries, without duplicates
   */
  public Set<Entry> entriesOf(JsonNode document) {
    if (document == null || !document.isObject()) {
      return Set.of();
    }
    var entries = new LinkedHashSet<Entry>();
    for (Map.Entry<String, JsonNode> field : document.properties()) {
      String name = fieldKey(field.getKey());
      JsonNode value = field.getValue();
      if (value.isArray()) {
        for (JsonNode element : value) {
          addScalar(entries, name, element);
        }
      } else {
        addScalar(entries, name, value);
      }
    }
    return Collections.unmodifiableSet(entries);
  }

  private static void addScalar(Set<Entry> entries, String field, JsonNode value) {
    String key = scalarKey(value);
    if (key != null) {
      entries.add(new Entry(field, key));
    }
  }

  /**
   * Turns the clauses of a {@code findBy} into the entries a model must all have.
   *
   * @param clauses the field names and their values
   * @return the entries, one per clause
   * @throws NullPointerException if the clauses or a field name are null
   * @throws IllegalArgumentException if a value would be written as a JSON object or array
   */
  public List<Entry> clauses(Map<String, ?> clauses) {
    Objects.requireNonNull(clauses, "clauses");
    var entries = new ArrayList<Entry>(clauses.size());
    clauses.forEach((field, value) -> entries.add(clause(field, value)));
    return entries;
  }

  /**
   * Turns one clause of a {@code findBy} into the entry a model must have.
   *
   * @param field the field's name
   * @param value the value, or null to match a field that is null
   * @return the entry
   * @throws NullPointerException if the field name is null
   * @throws IllegalArgumentException if the value would be written as a JSON object or array
   */
  public Entry clause(String field, @Nullable Object value) {
    Objects.requireNonNull(field, "findBy needs field names, but one is null");
    JsonNode node;
    try {
      node = value == null ? null : mapper.valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "findBy cannot write the value of field '" + field + "' as JSON: " + e.getMessage(), e);
    }
    String key = node == null ? "z:" : scalarKey(node);
    if (key == null) {
      throw new IllegalArgumentException(
          "findBy compares fields with strings, numbers, booleans or null, but the value of field '"
              + field
              + "' is written as JSON "
              + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return new Entry(fieldKey(field), key);
  }

  /**
   * Computes the name a field is indexed under.
   *
   * @param field the field's name
   * @return the name, hashed if longer than {@value #MAX_LENGTH} characters
   */
  public static String fieldKey(String field) {
    return field.length() > MAX_LENGTH ? hashed(field) : field;
  }

  /** {@return the key of a scalar value, or null for an object, array or other node} */
  private static String scalarKey(JsonNode value) {
    String text;
    if (value.isTextual() || value.isBinary()) {
      text = "s:" + value.asText();
    } else if (value.isNumber()) {
      text = "n:" + number(value);
    } else if (value.isBoolean()) {
      text = value.booleanValue() ? "b:true" : "b:false";
    } else if (value.isNull()) {
      text = "z:";
    } else {
      return null;
    }
    return text.length() > MAX_LENGTH ? hashed(text) : text;
  }

  private static String number(JsonNode value) {
    if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
      return value.asText(); // NaN or an infinity, which no BigDecimal holds
    }
    BigDecimal decimal =
        value.isFloat() ? new BigDecimal(Float.toString(value.floatValue())) : value.decimalValue();
    return decimal.stripTrailingZeros().toPlainString();
  }

  private static String hashed(String text) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return "h:" + HEX.formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
