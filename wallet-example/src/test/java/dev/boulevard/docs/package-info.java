/**
 * The Java samples of the guides under docs/, word for word, so that they keep compiling; the
 * methods are compiled and not run: the features they show are tested in their own modules.
 */
package dev.boulevard.docs;
