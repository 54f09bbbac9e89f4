package io.aqueduct.connect.json;

import io.aqueduct.connect.errors.DataException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A conversion failure somewhere inside a nested value or schema. Each enclosing level adds its field
 * name, index or map key while the exception propagates, so the final message says where the problem
 * is ({@code at address.zip: ...}) without any bookkeeping on the path that succeeds.
 */
final class PathedDataException extends DataException {

    private final String problem;
    private final Deque<String> segments = new ArrayDeque<>();

    PathedDataException(String problem) {
        super(problem);
        this.problem = problem;
    }

    PathedDataException(String problem, Throwable cause) {
        super(problem, cause);
        this.problem = problem;
    }

    /** Returns {@code e} itself if it already tracks a path, or a path-tracking wrapper of it. */
    static PathedDataException of(DataException e) {
        return e instanceof PathedDataException pathed ? pathed : new PathedDataException(e.getMessage(), e);
    }

    /** Records that the failure happened inside the named field, map key or schema part. */
    PathedDataException inside(String name) {
        segments.addFirst(name);
        return this;
    }

    /** Records that the failure happened inside the array element at {@code index}. */
    PathedDataException insideElement(int index) {
        segments.addFirst("[" + index + "]");
        return this;
    }

    /** The dotted path to the failing part, for example {@code address.zip} or {@code tags[2]}; empty at the root. */
    String path() {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (path.length() > 0 && !segment.startsWith("[")) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.toString();
    }

    @Override
    public String getMessage() {
        return segments.isEmpty() ? problem : "at " + path() + ": " + problem;
    }
}
