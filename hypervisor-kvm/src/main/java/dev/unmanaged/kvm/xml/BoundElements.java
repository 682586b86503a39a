package dev.unmanaged.kvm.xml;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The element tree the JAXB model binds, read once from the model's {@link XmlElement} and {@link XmlValue}
 * fields: for each bound element, the child elements it binds and whether it binds its text. Everything else
 * in a document is never looked at by the binding.
 */
final class BoundElements {
    private static final BoundElements LEAF = new BoundElements(true);

    private final Map<String, BoundElements> children = new HashMap<>();
    private boolean bindsText;

    private BoundElements(boolean bindsText) {
        this.bindsText = bindsText;
    }

    /** The tree under the root element bound to {@code rootType}. */
    static BoundElements of(Class<?> rootType) {
        return of(rootType, new HashMap<>());
    }

    private static BoundElements of(Class<?> type, Map<Class<?>, BoundElements> done) {
        BoundElements known = done.get(type);
        if (known != null) {
            return known;
        }
        if (type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.")) {
            return LEAF;
        }
        BoundElements node = new BoundElements(false);
        done.put(type, node);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                node.bindsText |= field.isAnnotationPresent(XmlValue.class);
                XmlElement element = field.getAnnotation(XmlElement.class);
                if (element != null) {
                    String name = "##default".equals(element.name()) ? field.getName() : element.name();
                    node.children.put(name, of(elementType(field), done));
                }
            }
        }
        return node;
    }

    /** The bound type: the field's own, or a collection's element type. */
    private static Class<?> elementType(Field field) {
        if (Collection.class.isAssignableFrom(field.getType())
                && field.getGenericType() instanceof ParameterizedType generic) {
            Type argument = generic.getActualTypeArguments()[0];
            if (argument instanceof Class<?> element) {
                return element;
            }
        }
        return field.getType();
    }

    /** Whether the element's text is bound (a text value, or a type with an {@link XmlValue} field). */
    boolean bindsText() {
        return bindsText;
    }

    /** The bound child element named {@code localName} (without a namespace), or null when none is. */
    BoundElements child(String localName) {
        return children.get(localName);
    }
}
