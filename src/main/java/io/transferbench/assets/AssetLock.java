package io.transferbench.assets;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.transferbench.BenchException;
import io.transferbench.IoReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code datasets.lock}: the pinned list of assets, read from and written to YAML that diffs
 * line by line (one field per line, entries in file order, never reordered on write).
 *
 * @param file where the lock lives; named in every error message
 * @param entries assets in file order
 */
public record AssetLock(Path file, List<AssetEntry> entries) {

    /** The lock's name at the repository root. */
    public static final Path DEFAULT_FILE = Path.of("datasets.lock");

    private static final int FORMAT_VERSION = 1;
    private static final String HEADER = """
            # datasets.lock: every dataset and pretrained-weights asset TransferBench uses, pinned to
            # a registry package and the sha256 of the package and of each file used inside it.
            # file-sets lock many files as one digest: sha256 of the `sha256sum` listing of the set,
            # sorted by path (LC_ALL=C), paths relative to the package root; reproduce it with
            #   find DIR -type f -name '*SUFFIX' | LC_ALL=C sort | xargs sha256sum | sha256sum
            # After a deliberate version change, recompute an entry with `bench assets lock ID`.
            """;

    public AssetLock {
        entries = List.copyOf(entries);
    }

    public Optional<AssetEntry> find(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The entry named {@code id}, or an error that lists the ids the lock has. */
    public AssetEntry entry(String id) {
        return find(id).orElseThrow(() -> new BenchException(BenchException.EXIT_BAD_INPUT,
                file + ": no asset '" + id + "'; the lock has " + entries.stream().map(AssetEntry::id).toList()));
    }

    /** A copy with {@code replacement} in place of the entry of the same id. */
    public AssetLock with(AssetEntry replacement) {
        List<AssetEntry> updated = new ArrayList<>(entries);
        updated.replaceAll(e -> e.id().equals(replacement.id()) ? replacement : e);
        return new AssetLock(file, updated);
    }

    /**
     * Reads and validates a lock.
     *
     * @throws AssetException naming the file, the entry id and the field when it is malformed
     */
    public static AssetLock read(Path file) {
        JsonNode root;
        try {
            root = yaml().readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new AssetException(file + ": lock file not found");
        } catch (JacksonException e) {
            throw new AssetException(file + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new AssetException(file + ": cannot read: " + IoReason.of(e), e);
        }
        return new LockParser(file).parse(root);
    }

    /** Writes the lock atomically (temp file + rename), so a crash never leaves half a lock. */
    public void write() {
        ObjectNode root = yaml().createObjectNode();
        root.put("lock-version", FORMAT_VERSION);
        ArrayNode assets = root.putArray("assets");
        entries.forEach(e -> assets.add(toNode(e)));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Path temp = Files.createTempFile(parent, ".datasets-lock", ".tmp");
            try {
                Files.writeString(temp, HEADER + yaml().writeValueAsString(root));
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new AssetException(file + ": cannot write: " + IoReason.of(e), e);
        }
    }

    private static ObjectNode toNode(AssetEntry e) {
        ObjectNode node = yaml().createObjectNode();
        node.put("id", e.id());
        node.put("kind", e.kind().lockName());
        node.put("source", e.source().toString());
        if (!e.parameters().isEmpty()) {
            ObjectNode parameters = node.putObject("parameters");
            new java.util.TreeMap<>(e.parameters()).forEach(parameters::put);
        }
        if (e.packageDigest() != null) {
            ObjectNode pkg = node.putObject("package");
            pkg.put("file", e.packageDigest().file());
            pkg.put("size", e.packageDigest().size());
            pkg.put("sha256", e.packageDigest().sha256());
        }
        if (!e.files().isEmpty()) {
            ArrayNode files = node.putArray("files");
            for (LockedFile f : e.files()) {
                ObjectNode file = files.addObject();
                file.put("path", f.path());
                if (f.sha256() != null) {
                    file.put("size", f.size());
                    file.put("sha256", f.sha256());
                }
            }
        }
        if (!e.fileSets().isEmpty()) {
            ArrayNode sets = node.putArray("file-sets");
            for (FileSet s : e.fileSets()) {
                ObjectNode set = sets.addObject();
                set.put("dir", s.dir());
                if (!s.suffix().isEmpty()) {
                    set.put("suffix", s.suffix());
                }
                if (s.digest() != null) {
                    set.put("count", s.count());
                    set.put("total-size", s.totalSize());
                    set.put("digest", s.digest());
                }
            }
        }
        node.put("licence", e.licence());
        node.put("provenance", e.provenance());
        return node;
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build());
    }

    /** Walks the YAML tree, keeping the entry id at hand so every error can name it. */
    private static final class LockParser {
        private static final java.util.regex.Pattern SHA256 = java.util.regex.Pattern.compile("[0-9a-f]{64}");
        private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]*");

        private final Path file;

        LockParser(Path file) {
            this.file = file;
        }

        AssetLock parse(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw fail(null, "(top level)", "expected a mapping with 'lock-version' and 'assets'");
            }
            JsonNode version = root.get("lock-version");
            if (version == null || !version.isInt() || version.intValue() != FORMAT_VERSION) {
                throw fail(null, "lock-version", "expected " + FORMAT_VERSION);
            }
            JsonNode assets = root.get("assets");
            if (assets == null || !assets.isArray()) {
                throw fail(null, "assets", "expected a list of entries");
            }
            List<AssetEntry> entries = new ArrayList<>();
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (int i = 0; i < assets.size(); i++) {
                AssetEntry entry = entry(assets.get(i), "assets[" + i + "]");
                if (seen.putIfAbsent(entry.id(), i) != null) {
                    throw fail(entry.id(), "id", "duplicate id (also assets[" + seen.get(entry.id()) + "])");
                }
                entries.add(entry);
            }
            return new AssetLock(file, entries);
        }

        private AssetEntry entry(JsonNode node, String where) {
            if (!node.isObject()) {
                throw fail(null, where, "expected a mapping");
            }
            String id = text(node, "id", where);
            if (!ID.matcher(id).matches()) {
                throw fail(id, "id", "must match " + ID.pattern());
            }
            AssetKind kind = kind(id, text(node, "kind", id));
            PackageSource source;
            try {
                source = PackageSource.parse(text(node, "source", id));
            } catch (IllegalArgumentException e) {
                throw fail(id, "source", e.getMessage());
            }
            if ((kind == AssetKind.GENERATOR) != (source.registry() == PackageSource.Registry.GENERATOR)) {
                throw fail(id, "source", "kind '" + kind.lockName() + "' does not match source '" + source + "'");
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            JsonNode params = node.get("parameters");
            if (params != null) {
                if (!params.isObject()) {
                    throw fail(id, "parameters", "expected a mapping of name: value");
                }
                params.fields().forEachRemaining(p -> parameters.put(p.getKey(), p.getValue().asText()));
            }
            PackageDigest digest = null;
            JsonNode pkg = node.get("package");
            if (pkg != null) {
                digest = new PackageDigest(text(pkg, "file", id, "package.file"),
                        size(pkg, "size", id, "package.size"), sha(pkg, "sha256", id, "package.sha256"));
            }
            List<LockedFile> files = new ArrayList<>();
            JsonNode filesNode = list(node, "files", id);
            for (int i = 0; i < filesNode.size(); i++) {
                JsonNode f = filesNode.get(i);
                String field = "files[" + i + "]";
                String path = path(text(f, "path", id, field + ".path"), id, field + ".path");
                boolean locked = f.has("sha256");
                files.add(new LockedFile(path, locked ? size(f, "size", id, field + ".size") : -1,
                        locked ? sha(f, "sha256", id, field + ".sha256") : null));
            }
            List<FileSet> sets = new ArrayList<>();
            JsonNode setsNode = list(node, "file-sets", id);
            for (int i = 0; i < setsNode.size(); i++) {
                JsonNode s = setsNode.get(i);
                String field = "file-sets[" + i + "]";
                String dir = path(text(s, "dir", id, field + ".dir"), id, field + ".dir");
                String suffix = s.has("suffix") ? text(s, "suffix", id, field + ".suffix") : "";
                boolean locked = s.has("digest");
                sets.add(new FileSet(dir, suffix,
                        locked ? (int) size(s, "count", id, field + ".count") : -1,
                        locked ? size(s, "total-size", id, field + ".total-size") : -1,
                        locked ? sha(s, "digest", id, field + ".digest") : null));
            }
            if (kind != AssetKind.GENERATOR && files.isEmpty() && sets.isEmpty()) {
                throw fail(id, "files", "a fetched asset needs at least one entry in 'files' or 'file-sets'");
            }
            return new AssetEntry(id, kind, source, digest, files, sets, text(node, "licence", id),
                    text(node, "provenance", id), parameters);
        }

        private AssetKind kind(String id, String value) {
            for (AssetKind k : AssetKind.values()) {
                if (k.lockName().equals(value)) {
                    return k;
                }
            }
            throw fail(id, "kind", "'" + value + "' is not one of dataset, weights, generator");
        }

        private String text(JsonNode node, String name, String id) {
            return text(node, name, id, name);
        }

        private String text(JsonNode node, String name, String id, String field) {
            JsonNode value = node.get(name);
            if (value == null || !value.isValueNode() || value.asText().isBlank()) {
                throw fail(id, field, "missing or empty");
            }
            return value.asText();
        }

        private long size(JsonNode node, String name, String id, String field) {
            JsonNode value = node.get(name);
            if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() < 0) {
                throw fail(id, field, "expected a non-negative integer");
            }
            return value.longValue();
        }

        private String sha(JsonNode node, String name, String id, String field) {
            String value = text(node, name, id, field);
            if (!SHA256.matcher(value).matches()) {
                throw fail(id, field, "expected 64 lower-case hex digits, found '" + value + "'");
            }
            return value;
        }

        private JsonNode list(JsonNode node, String name, String id) {
            JsonNode value = node.get(name);
            if (value == null) {
                return yaml().createArrayNode();
            }
            if (!value.isArray()) {
                throw fail(id, name, "expected a list");
            }
            return value;
        }

        private String path(String value, String id, String field) {
            String normal = value.startsWith("./") ? value.substring(2) : value;
            if (normal.startsWith("/") || normal.endsWith("/") || List.of(normal.split("/")).contains("..")
                    || List.of(normal.split("/")).contains("")) {
                throw fail(id, field, "'" + value + "' must be a relative path inside the package, without '..'");
            }
            return normal;
        }

        private AssetException fail(String id, String field, String problem) {
            return new AssetException(file + (id == null ? "" : ": entry '" + id + "'") + ": field '" + field
                    + "': " + problem);
        }
    }
}
