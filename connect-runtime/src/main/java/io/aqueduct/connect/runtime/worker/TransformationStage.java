package io.aqueduct.connect.runtime.worker;

import io.aqueduct.connect.connector.ConnectRecord;
import io.aqueduct.connect.runtime.errors.Operation;
import io.aqueduct.connect.runtime.errors.ProcessingContext;
import io.aqueduct.connect.runtime.errors.RetryWithToleranceOperator;
import io.aqueduct.connect.runtime.errors.Stage;
import io.aqueduct.connect.transforms.Transformation;
import io.aqueduct.connect.transforms.predicates.Predicate;

/**
 * One transformation of a chain with its optional predicate: the transformation applies to a record
 * when the predicate holds, or when it does not hold if {@code negate} is set; other records pass
 * unchanged.
 *
 * <p>The predicate test and the transformation each run through the task's
 * {@link RetryWithToleranceOperator} (stage {@link Stage#TRANSFORMATION}) with the plugin's own class
 * loader as context loader. The operations are bound once, and the record they work on is a field, so a
 * healthy record costs no allocation here. Used by the task thread only.
 */
final class TransformationStage<R extends ConnectRecord<R>> {

    private final String alias;
    private final Transformation<R> transformation;
    private final ClassLoader transformationLoader;
    private final Predicate<R> predicate;
    private final ClassLoader predicateLoader;
    private final boolean negate;
    private final Operation<R> transform = this::transform;
    private final Operation<Boolean> test = this::test;
    private R input;

    TransformationStage(String alias, Transformation<R> transformation, ClassLoader transformationLoader,
                        Predicate<R> predicate, ClassLoader predicateLoader, boolean negate) {
        this.alias = alias;
        this.transformation = transformation;
        this.transformationLoader = transformationLoader;
        this.predicate = predicate;
        this.predicateLoader = predicateLoader;
        this.negate = negate;
    }

    String alias() {
        return alias;
    }

    Transformation<R> transformation() {
        return transformation;
    }

    ClassLoader transformationLoader() {
        return transformationLoader;
    }

    Predicate<R> predicate() {
        return predicate;
    }

    ClassLoader predicateLoader() {
        return predicateLoader;
    }

    /**
     * @return the record to hand to the next stage; null when the transformation dropped it or when an
     *         operation failed for good ({@code context.failed()} tells which)
     */
    R apply(RetryWithToleranceOperator operator, ProcessingContext<?> context, R record) {
        input = record;
        try {
            if (predicate != null) {
                Boolean holds = operator.execute(context, Stage.TRANSFORMATION, predicate.getClass(), test);
                if (context.failed()) {
                    return null;
                }
                if (holds == negate) {
                    return record;
                }
            }
            return operator.execute(context, Stage.TRANSFORMATION, transformation.getClass(), transform);
        } finally {
            input = null;
        }
    }

    private R transform() {
        ClassLoader previous = ContextLoader.swap(transformationLoader);
        try {
            return transformation.apply(input);
        } finally {
            ContextLoader.restore(previous);
        }
    }

    private Boolean test() {
        ClassLoader previous = ContextLoader.swap(predicateLoader);
        try {
            return predicate.test(input);
        } finally {
            ContextLoader.restore(previous);
        }
    }
}
