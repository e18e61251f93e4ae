package io.transferbench.data.audio;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One Hydrogen drum kit as its {@code drumkit.xml} describes it: the kit's directory name and its
 * instruments, each with the sample files of its velocity layers. Both layouts Hydrogen has
 * written are read: {@code <layer><filename>} (0.9.4 and later) and a bare {@code <filename>}
 * under the instrument (older kits). Namespaces are ignored (some kits declare one, some not).
 *
 * @param name the kit's directory, which is how suites name it
 */
public record DrumKit(String name, Path dir, List<Instrument> instruments) {

    public static final String DESCRIPTOR = "drumkit.xml";

    /** @param files sample files relative to the kit directory, without duplicates, in file order */
    public record Instrument(String name, List<String> files) {
        public Instrument {
            files = List.copyOf(files);
        }
    }

    public DrumKit {
        instruments = List.copyOf(instruments);
    }

    public static DrumKit read(Path dir) throws IOException {
        Path xml = dir.resolve(DESCRIPTOR);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc;
            try (var in = Files.newInputStream(xml)) {
                doc = factory.newDocumentBuilder().parse(in);
            }
            List<Instrument> instruments = new ArrayList<>();
            NodeList nodes = doc.getElementsByTagName("instrument");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element instrument = (Element) nodes.item(i);
                Set<String> files = new LinkedHashSet<>();
                collectFiles(instrument, files);
                instruments.add(new Instrument(childText(instrument, "name"), new ArrayList<>(files)));
            }
            if (instruments.isEmpty()) {
                throw new IOException(xml + ": no <instrument> elements");
            }
            return new DrumKit(dir.getFileName().toString(), dir, instruments);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(xml + ": not a readable Hydrogen drumkit.xml: " + e.getMessage(), e);
        }
    }

    /** Every {@code filename} below the instrument, whether in a layer or directly under it. */
    private static void collectFiles(Element element, Set<String> files) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                if (e.getTagName().equals("filename")) {
                    String file = e.getTextContent().trim();
                    if (!file.isEmpty()) {
                        files.add(file);
                    }
                } else {
                    collectFiles(e, files);
                }
            }
        }
    }

    private static String childText(Element element, String tag) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }
}
