package dev.boulevard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The README's "Tested with" table names the versions the build really uses. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TestedVersionsTest {

  /** README column to the parent POM's property that sets its version. */
  private static final Map<String, String> COLUMNS = columns();

  private static Map<String, String> columns() {
    var columns = new LinkedHashMap<String, String>();
    columns.put("H2", "h2.version");
    columns.put("pgJDBC", "postgresql.version");
    columns.put("MariaDB Connector/J", "mariadb.version");
    columns.put("HikariCP", "hikaricp.version");
    columns.put("Jackson", "jackson.version");
    columns.put("Jdbi", "jdbi.version");
    columns.put("SLF4J", "slf4j.version");
    columns.put("kafka-clients", "kafka.version");
    columns.put("jnats", "jnats.version");
    return columns;
  }

  @Test
  void the_readme_names_the_versions_of_the_parent_pom() throws IOException {
    String pom = Files.readString(Repository.ROOT.resolve("pom.xml"));
    Map<String, String> table = table(Files.readString(Repository.ROOT.resolve("README.md")));

    COLUMNS.forEach(
        (column, property) ->
            assertThat(table.get(column))
                .as("README's tested version of %s (pom property %s)", column, property)
                .isEqualTo(property(pom, property)));
  }

  private static Map<String, String> table(String readme) {
    int section = readme.indexOf("## Tested with");
    assertThat(section).as("README has a 'Tested with' section").isNotNegative();
    List<String> rows =
        readme.substring(section).lines().filter(l -> l.startsWith("|")).limit(3).toList();
    assertThat(rows).as("the section's table: header, rule, versions").hasSize(3);
    String[] names = cells(rows.get(0));
    String[] versions = cells(rows.get(2));
    var table = new LinkedHashMap<String, String>();
    for (int i = 0; i < names.length; i++) {
      table.put(names[i], versions[i]);
    }
    return table;
  }

  private static String[] cells(String row) {
    String inner = row.strip();
    return inner.substring(1, inner.length() - 1).strip().split("\\s*\\|\\s*");
  }

  private static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertThat(m.find()).as("pom.xml sets %s", name).isTrue();
    return m.group(1).strip();
  }
}
