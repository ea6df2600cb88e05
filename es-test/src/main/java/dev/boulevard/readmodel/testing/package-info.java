/**
 * Given-when-then scenarios that test a projector against in-memory read models, or read models of
 * the test's choosing, without a store or a runner: {@link
 * dev.boulevard.readmodel.testing.ProjectorScenario}, with {@link
 * dev.boulevard.readmodel.testing.ReadModels} for a projector that writes several.
 *
 * <p>Part of the es-test artifact, which belongs on a test classpath only. Parameters and return
 * values are non-null unless documented otherwise.
 */
@NullMarked
package dev.boulevard.readmodel.testing;

import org.jspecify.annotations.NullMarked;
