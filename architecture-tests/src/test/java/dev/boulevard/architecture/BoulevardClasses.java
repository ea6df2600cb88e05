package dev.boulevard.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The main classes of every Boulevard module on the test classpath, imported once per run. */
final class BoulevardClasses {

  /** The classes: main code only, so test code may share packages across modules. */
  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.boulevard");

  private BoulevardClasses() {}
}
