/**
 * Interfaces shared by every kind of plugin.
 */
package io.aqueduct.connect.components;
