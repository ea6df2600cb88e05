/**
 * The wallet's HTTP API on the JDK's own HTTP server: routes, strict request parsing, and JSON
 * answers and errors. Parameters and return values are non-null unless documented otherwise.
 */
package dev.boulevard.wallet.http;
