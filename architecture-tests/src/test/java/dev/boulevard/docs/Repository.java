package dev.boulevard.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's root directory and the Markdown files whose samples and links are checked. */
final class Repository {

  /**
   * The root: the nearest directory above the working directory that holds README.md and es-core.
   */
  static final Path ROOT = findRoot(Path.of("").toAbsolutePath());

  private Repository() {}

  private static Path findRoot(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md"))
          && Files.isDirectory(dir.resolve("es-core"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no directory above "
            + start
            + " holds README.md and es-core: run the test in the repository");
  }

  /** README.md, wallet-example/README.md and every Markdown file under docs/. */
  static List<Path> markdownFiles() {
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      return Stream.concat(
              Stream.of(ROOT.resolve("README.md"), ROOT.resolve("wallet-example/README.md")),
              docs.filter(p -> p.toString().endsWith(".md")).sorted())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every Java source file under a module's src/main/java or src/test/java. */
  static List<Path> javaSources() {
    try (Stream<Path> modules = Files.list(ROOT)) {
      return modules
          .flatMap(m -> Stream.of(m.resolve("src/main/java"), m.resolve("src/test/java")))
          .filter(Files::isDirectory)
          .flatMap(Repository::javaFilesUnder)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> javaFilesUnder(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's text. */
  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's path relative to the root, for messages. */
  static String relative(Path file) {
    return ROOT.relativize(file).toString();
  }
}
