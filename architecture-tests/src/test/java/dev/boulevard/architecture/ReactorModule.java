package dev.boulevard.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A module of the Maven reactor as its source tree shows it: the rules on module descriptors and
 * nullness read the sources, so that a module added to the root pom is checked even before it is
 * added to {@link LibraryModule} or to this module's dependencies.
 */
record ReactorModule(String artifactId, Path dir) {

  /** The reactor modules that are not published libraries; every other one is a library. */
  static final Set<String> NOT_LIBRARIES =
      Set.of(
          "bom",
          "wallet-example",
          "es-benchmarks",
          "architecture-tests",
          "es-readmodel-inmemory-check",
          "modular-consumer-check");

  private static final Pattern MODULE_ENTRY = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern MODULE_NAME_PROPERTY =
      Pattern.compile("<module\\.name>([^<]+)</module\\.name>");
  private static final Pattern MODULE_DECLARATION =
      Pattern.compile("^\\s*(?:open\\s+)?module\\s+([\\w.]+)\\s*\\{", Pattern.MULTILINE);

  /** {@return the reactor's root directory: the parent of this module's directory} */
  static Path root() {
    Path root = Path.of("").toAbsolutePath().getParent();
    if (root == null || !read(root.resolve("pom.xml")).contains("<module>architecture-tests<")) {
      throw new IllegalStateException(
          "Run these tests from the architecture-tests directory (Maven does); the parent of "
              + Path.of("").toAbsolutePath()
              + " is not Boulevard's reactor root");
    }
    return root;
  }

  /** {@return the library modules the root pom lists, in its order} */
  static List<ReactorModule> libraries() {
    Path root = root();
    Matcher entries = MODULE_ENTRY.matcher(read(root.resolve("pom.xml")));
    return entries
        .results()
        .map(entry -> entry.group(1).trim())
        .filter(artifactId -> !NOT_LIBRARIES.contains(artifactId))
        .map(artifactId -> new ReactorModule(artifactId, root.resolve(artifactId)))
        .toList();
  }

  /** {@return the main source root, src/main/java} */
  Path mainSources() {
    return dir.resolve("src/main/java");
  }

  /** {@return the module.name property the module's pom sets, if any} */
  Optional<String> moduleNameProperty() {
    Matcher matcher = MODULE_NAME_PROPERTY.matcher(read(dir.resolve("pom.xml")));
    return matcher.find() ? Optional.of(matcher.group(1).trim()) : Optional.empty();
  }

  /** {@return the module name src/main/java/module-info.java declares, if the file exists} */
  Optional<String> declaredModuleName() {
    Path descriptor = mainSources().resolve("module-info.java");
    if (!Files.isRegularFile(descriptor)) {
      return Optional.empty();
    }
    Matcher matcher = MODULE_DECLARATION.matcher(read(descriptor));
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.of("");
  }

  /** {@return the directories under src/main/java that hold Java sources other than module-info} */
  List<Path> packageDirectories() {
    if (!Files.isDirectory(mainSources())) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(mainSources())) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(file -> !file.getFileName().toString().equals("module-info.java"))
          .map(Path::getParent)
          .distinct()
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@return the package a directory under src/main/java holds} */
  String packageAt(Path directory) {
    return mainSources().relativize(directory).toString().replace(java.io.File.separatorChar, '.');
  }

  /** {@return the file's text} */
  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** {@return the artifact id, which names the module in test output} */
  @Override
  public String toString() {
    return artifactId;
  }
}
