package dev.boulevard.architecture;

import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.boulevard.architecture.BoulevardClasses.MAIN;
import static dev.boulevard.architecture.ModulePredicates.belongTo;
import static dev.boulevard.architecture.ModulePredicates.belongToALibraryModule;
import static dev.boulevard.architecture.ModulePredicates.mayBeUsedBy;
import static dev.boulevard.architecture.ModulePredicates.stayOutOfOtherModulesInternalPackages;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ModuleRulesTest {

  @Test
  void every_library_module_is_on_the_classpath_and_each_package_lies_in_one_module() {
    Map<String, Set<Optional<LibraryModule>>> modulesByPackage =
        MAIN.stream()
            .collect(groupingBy(JavaClass::getPackageName, mapping(LibraryModule::of, toSet())));

    assertThat(modulesByPackage)
        .allSatisfy(
            (name, modules) ->
                assertThat(modules).as(name).hasSize(1).doesNotContain(Optional.empty()));
    assertThat(
            modulesByPackage.values().stream()
                .flatMap(Set::stream)
                .flatMap(Optional::stream)
                .distinct())
        .containsExactlyInAnyOrder(LibraryModule.values());
  }

  @Test
  void no_module_imports_another_modules_internal_package() {
    classes()
        .that(belongToALibraryModule())
        .should(onlyHaveDependenciesWhere(stayOutOfOtherModulesInternalPackages()))
        .check(MAIN);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(LibraryModule.class)
  void a_module_uses_only_the_modules_below_it_in_the_declared_order(LibraryModule module) {
    classes()
        .that(belongTo(module))
        .should()
        .onlyDependOnClassesThat(mayBeUsedBy(module))
        .check(MAIN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modulesWithBannedPackages")
  void a_module_uses_none_of_its_banned_packages(LibraryModule module) {
    noClasses()
        .that(belongTo(module))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(module.bannedPackages().toArray(String[]::new))
        .check(MAIN);
  }

  @Test
  void no_library_module_uses_axon_framework_which_only_the_benchmarks_run_beside_boulevard() {
    noClasses()
        .that(belongToALibraryModule())
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.axonframework..")
        .check(MAIN);
  }

  static Stream<LibraryModule> modulesWithBannedPackages() {
    return Arrays.stream(LibraryModule.values()).filter(m -> !m.bannedPackages().isEmpty());
  }
}
