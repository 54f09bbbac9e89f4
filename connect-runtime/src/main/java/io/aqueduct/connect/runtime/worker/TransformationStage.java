package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.connector.ConnectRecord;
import io.aqueduct.connect.transforms.Transformation;
import io.aqueduct.connect.transforms.predicates.Predicate;

/**
 * One transformation of a chain with its optional predicate: the transformation applies to a record
 * when the predicate holds, or when it does not hold if {@code negate} is set; other records pass
 * unchanged.
 */
record TransformationStage<R extends ConnectRecord<R>>(String alias, Transformation<R> transformation,
                                                       Predicate<R> predicate, boolean negate) {

    R apply(R record) {
        if (predicate != null && predicate.test(record) == negate) {
            return record;
        }
        return transformation.apply(record);
    }
}
