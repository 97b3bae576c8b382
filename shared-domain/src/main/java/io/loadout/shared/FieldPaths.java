package io.loadout.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * The input field a bean-validation violation names, as the client wrote it: {@code items[2].store},
 * {@code clients[0].stores[1]}. Method and parameter nodes are left out; container elements add only their index.
 */
public final class FieldPaths {

    private static final Set<ElementKind> NOT_INPUT = EnumSet.of(ElementKind.METHOD, ElementKind.CONSTRUCTOR,
            ElementKind.PARAMETER, ElementKind.CROSS_PARAMETER, ElementKind.RETURN_VALUE);

    private FieldPaths() {
    }

    /** The field's path, or null when the violation is on the input as a whole. */
    public static String of(ConstraintViolation<?> violation) {
        var path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (NOT_INPUT.contains(node.getKind())) {
                continue;
            }
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return path.length() == 0 ? null : path.toString();
    }
}
