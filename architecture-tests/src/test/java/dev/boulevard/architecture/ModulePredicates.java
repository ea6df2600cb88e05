package dev.boulevard.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Arrays;
import java.util.Optional;

/** The predicates the rules are written in: which module a class belongs to, and what it uses. */
final class ModulePredicates {

  private static final String BOULEVARD = "dev.boulevard";

  private ModulePredicates() {}

  /** {@return a predicate for the classes of the module} */
  static DescribedPredicate<JavaClass> belongTo(LibraryModule module) {
    return DescribedPredicate.describe(
        "belong to " + module,
        javaClass -> LibraryModule.of(javaClass).equals(Optional.of(module)));
  }

  /** {@return a predicate for the classes of any module} */
  static DescribedPredicate<JavaClass> belongToALibraryModule() {
    return DescribedPredicate.describe(
        "belong to a library module", javaClass -> LibraryModule.of(javaClass).isPresent());
  }

  /**
   * {@return a predicate for the classes the module may use: not Boulevard's, or of a module it may
   * use}
   */
  static DescribedPredicate<JavaClass> mayBeUsedBy(LibraryModule module) {
    return DescribedPredicate.describe(
        "are not Boulevard's or belong to "
            + Arrays.stream(LibraryModule.values()).filter(module::mayUse).toList(),
        target ->
            !isBoulevard(target) || LibraryModule.of(target).filter(module::mayUse).isPresent());
  }

  /** {@return a predicate for dependencies that stay out of other modules' internal packages} */
  static DescribedPredicate<Dependency> stayOutOfOtherModulesInternalPackages() {
    return DescribedPredicate.describe(
        "the target is in no other module's internal package",
        dependency -> {
          JavaClass target = dependency.getTargetClass().getBaseComponentType();
          return !isBoulevard(target)
              || !isInternal(target.getPackageName())
              || LibraryModule.of(target).equals(LibraryModule.of(dependency.getOriginClass()));
        });
  }

  private static boolean isBoulevard(JavaClass javaClass) {
    String name = javaClass.getBaseComponentType().getPackageName();
    return name.equals(BOULEVARD) || name.startsWith(BOULEVARD + ".");
  }

  private static boolean isInternal(String packageName) {
    return Arrays.asList(packageName.split("\\.")).contains("internal");
  }
}
