/**
 * Tests of the documentation: every Java sample is compiled code, and every relative link resolves.
 */
package dev.boulevard.docs;
