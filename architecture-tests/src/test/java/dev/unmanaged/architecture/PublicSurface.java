package dev.unmanaged.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a provider module offers its callers: the public members of its exported packages, and what they expose. */
final class PublicSurface {
    private PublicSurface() {
    }

    static DescribedPredicate<JavaMember> arePublicMembersOfPublicClassesIn(Set<String> packages) {
        return DescribedPredicate.describe("are public members of public classes in exported packages " + packages,
                member -> member.getModifiers().contains(JavaModifier.PUBLIC)
                        && member.getOwner().getModifiers().contains(JavaModifier.PUBLIC)
                        && packages.contains(member.getOwner().getPackageName()));
    }

    static ArchCondition<JavaMember> exposeNoTypeFrom(Set<String> forbiddenPrefixes) {
        return new ArchCondition<>("expose no type of " + forbiddenPrefixes) {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                Set<JavaClass> exposed = new LinkedHashSet<>();
                if (member instanceof JavaField field) {
                    exposed.addAll(field.getType().getAllInvolvedRawTypes());
                } else if (member instanceof JavaCodeUnit code) {
                    exposed.addAll(code.getReturnType().getAllInvolvedRawTypes());
                    code.getParameterTypes().forEach(t -> exposed.addAll(t.getAllInvolvedRawTypes()));
                    code.getExceptionTypes().forEach(t -> exposed.addAll(t.getAllInvolvedRawTypes()));
                }
                Set<String> forbidden = exposed.stream().map(JavaClass::getName)
                        .filter(name -> forbiddenPrefixes.stream().anyMatch(name::startsWith))
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                if (!forbidden.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(member,
                            member.getFullName() + " exposes " + forbidden + " in " + member.getSourceCodeLocation()));
                }
            }
        };
    }

    /**
     * The packages the descriptor of {@code module} exports without qualification. Before the module has a
     * descriptor, {@code root} is taken as its public API.
     */
    static Set<String> exportedPackagesOf(String module, String root) throws IOException {
        Enumeration<URL> descriptors = PublicSurface.class.getClassLoader().getResources("module-info.class");
        while (descriptors.hasMoreElements()) {
            try (InputStream in = descriptors.nextElement().openStream()) {
                ModuleDescriptor descriptor = ModuleDescriptor.read(in);
                if (descriptor.name().equals(module)) {
                    return descriptor.exports().stream()
                            .filter(e -> !e.isQualified())
                            .map(ModuleDescriptor.Exports::source)
                            .collect(Collectors.toCollection(LinkedHashSet::new));
                }
            }
        }
        return Set.of(root);
    }
}
