package dev.boulevard.eventstore.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One of the SQL files shipped with the store, with its table name filled in. */
final class SqlScript {

  private SqlScript() {}

  /** {@return the statements of a shipped script, in order, with the table name filled in} */
  static List<String> statements(
      SchemaScripts scripts, Dialect dialect, String file, String table) {
    String path = "/" + scripts.folder(dialect) + "/" + file;
    // The anchor's own class loads the file, which reaches into its module's packages.
    try (InputStream in = scripts.anchor().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing SQL script " + path);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return split(text.replace("${table}", TableName.check(table)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read SQL script " + path, e);
    }
  }

  /** Splits at semicolons that end a line, except inside dollar-quoted bodies. */
  static List<String> split(String script) {
    var statements = new ArrayList<String>();
    var current = new StringBuilder();
    boolean inBody = false;
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (current.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
        continue;
      }
      current.append(line).append('\n');
      if (countDollarQuotes(line) % 2 == 1) {
        inBody = !inBody;
      }
      if (!inBody && trimmed.endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  private static int countDollarQuotes(String line) {
    int count = 0;
    for (int i = line.indexOf("$$"); i >= 0; i = line.indexOf("$$", i + 2)) {
      count++;
    }
    return count;
  }
}
