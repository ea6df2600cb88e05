package dev.boulevard.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The library modules in their declared order, each with its rank (a module uses only modules of a
 * lower rank) and the packages its main code must not use at all.
 */
enum LibraryModule {
  ES_CORE(
      "es-core",
      0,
      "com.fasterxml..",
      "org.jdbi..",
      "java.sql..",
      "javax.sql..",
      "io.micrometer..",
      "io.opentelemetry.."),
  ES_SERIALIZER_JACKSON("es-serializer-jackson", 1, "org.jdbi..", "java.sql..", "javax.sql.."),
  ES_EVENTSTORE_INMEMORY(
      "es-eventstore-inmemory", 2, "com.fasterxml..", "org.jdbi..", "java.sql..", "javax.sql.."),
  ES_EVENTSTORE_JDBC("es-eventstore-jdbc", 2),
  ES_READMODEL(
      "es-readmodel",
      2,
      "org.jdbi..",
      "java.sql..",
      "javax.sql..",
      "dev.boulevard.eventstore.jdbc..",
      "dev.boulevard.readmodel.jdbc..",
      "io.micrometer..",
      "io.opentelemetry.."),
  ES_READMODEL_JDBC("es-readmodel-jdbc", 3),
  ES_TEST(
      "es-test",
      3,
      "org.jdbi..",
      "java.sql..",
      "javax.sql..",
      "dev.boulevard.eventstore.jdbc..",
      "dev.boulevard.readmodel.jdbc..",
      "org.junit..",
      "org.assertj..",
      "org.testng..",
      "org.hamcrest.."),
  ES_MESSAGING(
      "es-messaging",
      3,
      "org.jdbi..",
      "java.sql..",
      "javax.sql..",
      "dev.boulevard.eventstore.jdbc..",
      "dev.boulevard.readmodel.jdbc.."),
  ES_MESSAGING_KAFKA(
      "es-messaging-kafka",
      4,
      "org.jdbi..",
      "java.sql..",
      "javax.sql..",
      "dev.boulevard.eventstore.jdbc..",
      "dev.boulevard.readmodel.jdbc.."),
  ES_MESSAGING_NATS(
      "es-messaging-nats",
      4,
      "org.jdbi..",
      "java.sql..",
      "javax.sql..",
      "dev.boulevard.eventstore.jdbc..",
      "dev.boulevard.readmodel.jdbc.."),
  ES_MICROMETER(
      "es-micrometer",
      3,
      "org.jdbi..",
      "java.sql..",
      "javax.sql..",
      "dev.boulevard.eventstore.jdbc..",
      "dev.boulevard.readmodel.jdbc..",
      "io.opentelemetry.."),
  ES_OPENTELEMETRY(
      "es-opentelemetry",
      3,
      "org.jdbi..",
      "java.sql..",
      "javax.sql..",
      "dev.boulevard.eventstore.jdbc..",
      "dev.boulevard.readmodel.jdbc..",
      "io.micrometer.."),
  // Wires the JDBC store, read models and process managers into Spring Boot: it uses them all.
  ES_SPRING_BOOT_STARTER("es-spring-boot-starter", 5);

  private static final Pattern VERSIONED_JAR = Pattern.compile("(.+?)-\\d[^/]*\\.jar");
  private static final String CLASSES_DIR = "/target/classes/";

  private final String artifactId;
  private final int rank;
  private final List<String> bannedPackages;

  LibraryModule(String artifactId, int rank, String... bannedPackages) {
    this.artifactId = artifactId;
    this.rank = rank;
    this.bannedPackages = List.of(bannedPackages);
  }

  /** {@return the packages, in ArchUnit's notation, that the module's main code must not use} */
  List<String> bannedPackages() {
    return bannedPackages;
  }

  /** {@return whether the module's main code may use the other module's classes} */
  boolean mayUse(LibraryModule other) {
    return other == this || other.rank < rank;
  }

  /** {@return the module whose jar or classes directory the class was loaded from, if any} */
  static Optional<LibraryModule> of(JavaClass javaClass) {
    return javaClass
        .getBaseComponentType()
        .getSource()
        .map(source -> artifactIdAt(source.getUri()))
        .flatMap(LibraryModule::named);
  }

  /** {@return the module's Maven artifact id} */
  @Override
  public String toString() {
    return artifactId;
  }

  private static Optional<LibraryModule> named(String artifactId) {
    return Arrays.stream(values()).filter(m -> m.artifactId.equals(artifactId)).findFirst();
  }

  /** Reads the artifact id from a reactor jar, a local-repository jar or a classes directory. */
  private static String artifactIdAt(URI uri) {
    String location = uri.toString();
    if (location.startsWith("jar:")) {
      String jar = location.substring("jar:".length(), location.indexOf("!/"));
      var matcher = VERSIONED_JAR.matcher(jar.substring(jar.lastIndexOf('/') + 1));
      return matcher.matches() ? matcher.group(1) : jar;
    }
    int classes = location.indexOf(CLASSES_DIR);
    if (classes < 0) {
      return location;
    }
    String moduleDir = location.substring(0, classes);
    return moduleDir.substring(moduleDir.lastIndexOf('/') + 1);
  }
}
