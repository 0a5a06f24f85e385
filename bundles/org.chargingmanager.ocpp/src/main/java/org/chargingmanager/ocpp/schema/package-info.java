/**
 * Annotations that describe the wire schema of a message record: which fields may be absent,
 * string lengths, numeric ranges, list sizes. The codec validates every decoded and every
 * encoded message against them, so a record's declaration is its specification.
 *
 * <p>Fields without {@link org.chargingmanager.ocpp.schema.OptionalField} are required. An
 * absent optional field is {@code null} in the record; an absent optional list is empty.
 */
@Export
@Version("1.0.0")
package org.chargingmanager.ocpp.schema;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
