/**
 * The boundary between Connect data and bytes, and the source offset store as tasks see it:
 * {@link io.aqueduct.connect.storage.Converter} and {@link io.aqueduct.connect.storage.HeaderConverter}
 * turn keys, values and headers into bytes and back, {@link io.aqueduct.connect.storage.StringConverter}
 * is the simplest of them, and {@link io.aqueduct.connect.storage.OffsetStorageReader} reads committed
 * source offsets.
 */
package io.aqueduct.connect.storage;
