package dev.boulevard.architecture;

import static dev.boulevard.architecture.BoulevardClasses.MAIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaPackage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every library jar is an explicit Java module and every one of its packages is null-marked. The
 * rules read the reactor's sources, so a library module added to the root pom is held to them at
 * once; see docs/modules.md for what a new module adds.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ModuleDescriptorRulesTest {

  private static final Pattern NULL_MARKED =
      Pattern.compile("^@(org\\.jspecify\\.annotations\\.)?NullMarked\\b", Pattern.MULTILINE);

  static List<ReactorModule> libraries() {
    return ReactorModule.libraries();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("libraries")
  void a_library_module_has_a_module_info_declaring_the_module_name_its_pom_sets(
      ReactorModule module) {
    Optional<String> property = module.moduleNameProperty();
    assertThat(property)
        .as("%s/pom.xml sets the module.name property, the module's name", module)
        .isPresent();

    assertThat(module.declaredModuleName())
        .as(
            "%s/src/main/java/module-info.java exists and declares module %s",
            module, property.orElseThrow())
        .contains(property.orElseThrow());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("libraries")
  void every_package_of_a_library_module_has_a_package_info_annotated_null_marked(
      ReactorModule module) {
    assertThat(module.packageDirectories()).as("%s has main sources", module).isNotEmpty();
    assertThat(module.packageDirectories())
        .allSatisfy(
            directory -> {
              Path packageInfo = directory.resolve("package-info.java");
              assertThat(Files.isRegularFile(packageInfo))
                  .as("%s: package %s has a package-info.java", module, module.packageAt(directory))
                  .isTrue();
              assertThat(NULL_MARKED.matcher(ReactorModule.read(packageInfo)).find())
                  .as(
                      "%s: package %s's package-info.java is annotated @NullMarked",
                      module, module.packageAt(directory))
                  .isTrue();
            });
  }

  @Test
  void every_library_module_is_listed_in_the_rules_the_consumer_check_and_the_bom() {
    List<String> libraries =
        ReactorModule.libraries().stream().map(ReactorModule::artifactId).toList();
    Path root = ReactorModule.root();
    String consumer =
        ReactorModule.read(root.resolve("modular-consumer-check/src/main/java/module-info.java"));
    String bom = ReactorModule.read(root.resolve("bom/pom.xml"));

    assertThat(Arrays.stream(LibraryModule.values()).map(LibraryModule::toString))
        .as("LibraryModule (architecture-tests) lists every library module of the root pom")
        .containsExactlyInAnyOrderElementsOf(libraries);
    assertThat(ReactorModule.libraries())
        .allSatisfy(
            module -> {
              String name = module.moduleNameProperty().orElse(module.artifactId());
              assertThat(consumer)
                  .as("modular-consumer-check's module-info.java requires %s", name)
                  .containsPattern("requires\\s+(transitive\\s+)?" + Pattern.quote(name) + ";");
              assertThat(bom)
                  .as("bom/pom.xml manages %s", module)
                  .contains("<artifactId>" + module.artifactId() + "</artifactId>");
            });
  }

  @Test
  void every_compiled_library_package_carries_null_marked_at_run_time() {
    List<JavaPackage> packages =
        MAIN.stream()
            .filter(javaClass -> LibraryModule.of(javaClass).isPresent())
            .map(javaClass -> javaClass.getPackage())
            .distinct()
            .toList();

    assertThat(packages).isNotEmpty();
    assertThat(packages)
        .allSatisfy(
            javaPackage ->
                assertThat(javaPackage.isAnnotatedWith(NullMarked.class))
                    .as("package %s is annotated @NullMarked", javaPackage.getName())
                    .isTrue());
  }
}
