/**
 * The read side: read models stored as JSON documents, projectors that write them from events, and
 * the storages they live in.
 */
package dev.boulevard.readmodel;
