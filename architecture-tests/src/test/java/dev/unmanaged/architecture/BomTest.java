package dev.unmanaged.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The BOM is what an application imports to get matching versions: it must name every library module the parent
 * manages, and nothing that is not published.
 */
@DisplayName("The unmanaged-bom")
class BomTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    @DisplayName("manages exactly the library modules the parent manages, at the project's version")
    void managesEveryLibraryModule() throws Exception {
        List<String> inBom = managedUnmanagedArtifacts(ROOT.resolve("unmanaged-bom/pom.xml"));
        List<String> inParent = managedUnmanagedArtifacts(ROOT.resolve("pom.xml"));

        assertThat(inBom).containsExactlyInAnyOrderElementsOf(inParent)
                .containsExactlyInAnyOrder("unmanaged-api", "hardened-xml", "unmanaged-core", "unmanaged-json",
                        "hypervisor-kvm", "hypervisor-vsphere", "hypervisor-spi-tck", "inventory-jdbc");
        for (String artifact : inBom) {
            assertThat(ROOT.resolve(artifact).resolve("pom.xml")).as("module of %s", artifact).exists();
        }
        assertThat(Files.readString(ROOT.resolve("unmanaged-bom/pom.xml")))
                .as("the BOM's version is the parent's").contains("<version>" + projectVersion() + "</version>");
    }

    private static String projectVersion() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ROOT.resolve("pom.xml").toFile()).getDocumentElement();
        NodeList children = project.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals("version")) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError("the parent pom has no version");
    }

    private static List<String> managedUnmanagedArtifacts(Path pom) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        Element management = (Element) project.getElementsByTagName("dependencyManagement").item(0);
        NodeList dependencies = management.getElementsByTagName("dependency");
        List<String> artifacts = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (text(dependency, "groupId").equals("dev.unmanaged")) {
                artifacts.add(text(dependency, "artifactId"));
            }
        }
        return artifacts;
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
    }
}
