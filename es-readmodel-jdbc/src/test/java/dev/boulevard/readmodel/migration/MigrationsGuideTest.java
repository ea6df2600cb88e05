package dev.boulevard.readmodel.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** docs/migrations.md shows the Flyway configuration and calls that FlywayMigrationTest runs. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MigrationsGuideTest {

  private static final Path TESTS = Path.of("src/test/java/dev/boulevard/readmodel/migration");

  @Test
  void the_guide_shows_the_flyway_configuration_of_the_test_verbatim() throws IOException {
    assertThat(guide())
        .contains(
            between(
                TESTS.resolve("FlywayTables.java"),
                "// docs/migrations.md: begin",
                "// docs/migrations.md: end"));
  }

  @Test
  void the_guide_shows_the_flyway_calls_of_the_test_verbatim() throws IOException {
    assertThat(guide())
        .contains(
            between(
                TESTS.resolve("FlywayMigrationTest.java"),
                "// docs/migrations.md: calls begin",
                "// docs/migrations.md: calls end"));
  }

  private static String guide() throws IOException {
    return Files.readString(Path.of("../docs/migrations.md"));
  }

  /** {@return the lines between two markers, without their indentation, as the guide shows them} */
  private static String between(Path file, String begin, String end) throws IOException {
    String text = Files.readString(file);
    String block = text.substring(text.indexOf(begin) + begin.length(), text.indexOf(end));
    int indent =
        block
            .lines()
            .filter(l -> !l.isBlank())
            .mapToInt(MigrationsGuideTest::indent)
            .min()
            .orElse(0);
    // Only the leading newline goes: stripping would take the first line's indentation too.
    return block
        .stripTrailing()
        .lines()
        .filter(line -> !line.isBlank())
        .map(line -> line.substring(indent))
        .collect(Collectors.joining("\n"));
  }

  private static int indent(String line) {
    return line.length() - line.stripLeading().length();
  }
}
