/**
 * The read side: read models stored as JSON documents, projectors that write them from events, and
 * the storages they live in.
 */
@NullMarked
package dev.boulevard.readmodel;

import org.jspecify.annotations.NullMarked;
