package io.transferbench.data.scenes;

import io.transferbench.BenchException;
import io.transferbench.IoReason;
import io.transferbench.assets.AssetAccess;
import io.transferbench.assets.LocalFiles;
import io.transferbench.data.LocalDataset;
import io.transferbench.data.Splits;
import io.transferbench.data.images.Augmentation;
import io.transferbench.data.images.RasterImage;
import io.transferbench.data.images.RgbaPixels;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.Rule;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Your own segmentation data: {@code images/} and {@code masks/} with one single-channel PNG mask
 * per image (same name, {@code .png}; each pixel its class index, 255 ignored, grey or palette
 * PNG as Pascal VOC's), and {@code classes.txt}, one class name per line, the background first.
 * Each pair is fitted into the model's square ({@link Letterbox}: the margin ignored). A mask
 * whose size differs from its image, an image without a mask, and fewer than two classes stop
 * the suite before anything runs; a mask value beyond the classes stops it when the data is read;
 * an image that cannot be decoded is skipped and counted.
 */
public final class MaskFolderDataset implements LocalDataset {

    static final String CLASSES = "classes.txt";

    @Override
    public String name() {
        return "mask-folder";
    }

    @Override
    public String description() {
        return "your segmentation data at dataset.path: images/, masks/ (class index per pixel) and classes.txt";
    }

    @Override
    public String inputKind() {
        return "image";
    }

    @Override
    public Set<String> tasks() {
        return Set.of(StampScenesDataset.SEGMENTATION);
    }

    @Override
    public Rule.ObjectRule optionsRule() {
        return Rule.object()
                .optional("image-size", Rule.integer(32, 1024), 128)
                .optional("augment", Rule.choice("augmentation", Augmentation.NAMES), Augmentation.NONE.name())
                .build();
    }

    @Override
    public String version() {
        return "mask-folder/1";
    }

    /** One image and its mask. */
    private record Pair(Path image, Path mask) {}

    @Override
    public List<String> checkFiles(DatasetSpec spec) {
        List<String> problems = new ArrayList<>();
        Layout layout = layout(LocalDataset.path(spec), problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        for (Pair p : layout.pairs()) {
            Optional<int[]> image = dimensions(p.image());
            Optional<int[]> mask = dimensions(p.mask());
            if (mask.isEmpty()) {
                problems.add(p.mask() + ": not a readable PNG");
            } else if (image.isPresent() && (image.get()[0] != mask.get()[0] || image.get()[1] != mask.get()[1])) {
                problems.add(p.mask() + ": " + mask.get()[0] + "x" + mask.get()[1] + " pixels, but its image "
                        + p.image().getFileName() + " has " + image.get()[0] + "x" + image.get()[1]);
            }
        }
        return problems;
    }

    @Override
    public Splits load(DatasetSpec spec, AssetAccess assets) {
        Path root = assets.directory(assetIds(spec).get(0));
        List<String> problems = new ArrayList<>();
        Layout layout = layout(root, problems);
        LocalFiles.refuseIfAny(problems);
        List<String> classNames = layout.classNames();
        int size = spec.intOption("image-size", 128);
        AnnotatedImages images = new AnnotatedImages();
        for (Pair p : layout.pairs()) {
            Optional<RgbaPixels> pixels = RgbaPixels.read(p.image());
            if (pixels.isEmpty()) {
                images.skip();
                continue;
            }
            RasterImage image = pixels.get().over(Letterbox.GREY);
            byte[] labels = labels(p.mask(), image, classNames.size());
            Letterbox fit = Letterbox.of(image.width(), image.height(), size);
            images.add(new Scene(fit.image(image), fit.labels(labels), List.of()),
                    root.relativize(p.image()).toString().replace('\\', '/'));
        }
        return images.splits(spec, size, new SceneMasks(size), classNames, Map.of());
    }

    /** The classes and the image-mask pairs of a mask folder. */
    private record Layout(List<String> classNames, List<Pair> pairs) {}

    /** The folder's classes and every image under {@code images/} with its mask; what is wrong goes to {@code problems}. */
    private static Layout layout(Path root, List<String> problems) {
        Optional<String> notAFolder = LocalFiles.notAFolder(root);
        if (notAFolder.isPresent()) {
            problems.add(notAFolder.get());
            return new Layout(List.of(), List.of());
        }
        return new Layout(classNames(root, problems), pairs(root, problems));
    }

    /** Every image under {@code images/} with its mask; what is missing goes to {@code problems}. */
    private static List<Pair> pairs(Path root, List<String> problems) {
        Path images = root.resolve("images");
        Path masks = root.resolve("masks");
        for (Path dir : List.of(images, masks)) {
            if (!Files.isDirectory(dir)) {
                problems.add(dir + ": no such folder; a mask folder holds images/, masks/ and " + CLASSES);
            }
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<Pair> pairs = new ArrayList<>();
        try (Stream<Path> files = Files.list(images)) {
            for (Path image : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString()
                    .startsWith(".")).sorted().toList()) {
                String name = image.getFileName().toString();
                Path mask = masks.resolve((name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name) + ".png");
                if (Files.isRegularFile(mask)) {
                    pairs.add(new Pair(image, mask));
                } else {
                    problems.add(image + ": no mask " + root.relativize(mask));
                }
            }
        } catch (IOException e) {
            problems.add(images + ": cannot list: " + IoReason.of(e));
        }
        if (pairs.isEmpty() && problems.isEmpty()) {
            problems.add(images + ": holds no images");
        }
        return pairs;
    }

    private static List<String> classNames(Path root, List<String> problems) {
        Path file = root.resolve(CLASSES);
        try {
            List<String> names = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            if (names.size() < 2) {
                problems.add(file + ": needs the background and at least one class, one name per line; found "
                        + names);
            }
            return names;
        } catch (IOException e) {
            problems.add(file + ": " + (Files.exists(file) ? "cannot read: " + IoReason.of(e)
                    : "no such file; it names the classes, one per line, the background first"));
            return List.of();
        }
    }

    /** Width and height from the file's header, without decoding it; empty when no reader knows it. */
    private static Optional<int[]> dimensions(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return Optional.empty();
            }
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return Optional.of(new int[] {reader.getWidth(0), reader.getHeight(0)});
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The mask's class per pixel, checked against the classes and its image's size. */
    private static byte[] labels(Path mask, RasterImage image, int classes) {
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(mask.toFile());
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, mask + ": cannot read: " + IoReason.of(e), e);
        }
        if (decoded == null || decoded.getRaster().getNumBands() != 1) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, mask + ": a mask must be a single-channel PNG"
                    + " (grey or palette) holding each pixel's class index");
        }
        if (decoded.getWidth() != image.width() || decoded.getHeight() != image.height()) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, mask + ": " + decoded.getWidth() + "x"
                    + decoded.getHeight() + " pixels, but its image has " + image.width() + "x" + image.height());
        }
        Raster raster = decoded.getRaster();
        byte[] labels = new byte[image.width() * image.height()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int v = raster.getSample(x, y, 0);
                if (v >= classes && v != Scene.IGNORE) {
                    throw new BenchException(BenchException.EXIT_BAD_INPUT, mask + ": pixel (" + x + ", " + y
                            + ") holds class " + v + ", but " + CLASSES + " names " + classes + " classes (0-"
                            + (classes - 1) + "; 255 is ignored)");
                }
                labels[y * image.width() + x] = (byte) v;
            }
        }
        return labels;
    }
}
