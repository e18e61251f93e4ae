package io.transferbench.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Small folders of images and sounds, and tables of texts, that stand in for a user's own data, made deterministically. */
public final class LocalFixtures {

    private LocalFixtures() {}

    /** {@code perClass} 40x40 PNGs of filled circles and of squares, at seeded places and sizes, in {@code dir/circle} and {@code dir/square}. */
    public static Path shapes(Path dir, int perClass, long seed) {
        Random random = new Random(seed);
        for (String shape : List.of("circle", "square")) {
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setColor(new Color(random.nextInt(80), random.nextInt(80), random.nextInt(80)));
                g.fillRect(0, 0, 40, 40);
                g.setColor(new Color(155 + random.nextInt(100), 155 + random.nextInt(100), 155 + random.nextInt(100)));
                int size = 12 + random.nextInt(16);
                int x = random.nextInt(40 - size);
                int y = random.nextInt(40 - size);
                if (shape.equals("circle")) {
                    g.fillOval(x, y, size, size);
                } else {
                    g.fillRect(x, y, size, size);
                }
                g.dispose();
                write(image, dir.resolve(shape).resolve(String.format("%03d.png", i)));
            }
        }
        return dir;
    }

    /** {@code perClass} half-second 16 kHz WAV tones each, low (200-400 Hz) in {@code dir/low} and high (1-2 kHz) in {@code dir/high}, seeded. */
    public static Path tones(Path dir, int perClass, long seed) {
        Random random = new Random(seed);
        for (String pitch : List.of("low", "high")) {
            for (int i = 0; i < perClass; i++) {
                double hz = pitch.equals("low") ? 200 + 200 * random.nextDouble() : 1000 + 1000 * random.nextDouble();
                double amplitude = 0.2 + 0.6 * random.nextDouble();
                byte[] pcm = new byte[8000 * 2];
                for (int t = 0; t < 8000; t++) {
                    short v = (short) Math.round(32767 * amplitude * Math.sin(2 * Math.PI * hz * t / 16_000));
                    pcm[2 * t] = (byte) v;
                    pcm[2 * t + 1] = (byte) (v >> 8);
                }
                AudioFormat format = new AudioFormat(16_000, 16, 1, true, false);
                Path file = dir.resolve(pitch).resolve(String.format("%03d.wav", i));
                try (AudioInputStream in = new AudioInputStream(new java.io.ByteArrayInputStream(pcm), format, 8000)) {
                    Files.createDirectories(file.getParent());
                    AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return dir;
    }

    /**
     * {@code count} 48x40 pictures of a filled circle and a square at seeded places, as a mask
     * folder ({@code images/}, {@code masks/} with class indices 1 and 2, {@code classes.txt}) and
     * as COCO ({@code annotations.json}, each shape's box), in {@code dir}.
     */
    public static Path annotatedShapes(Path dir, int count, long seed) {
        Random random = new Random(seed);
        StringBuilder images = new StringBuilder();
        StringBuilder annotations = new StringBuilder();
        int box = 0;
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
            BufferedImage mask = new BufferedImage(48, 40, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = image.createGraphics();
            Graphics2D m = mask.createGraphics();
            g.setColor(new Color(random.nextInt(80), random.nextInt(80), random.nextInt(80)));
            g.fillRect(0, 0, 48, 40);
            for (int shape = 1; shape <= 2; shape++) {
                int size = 10 + random.nextInt(8);
                int x = shape == 1 ? random.nextInt(20 - size + 4) : 24 + random.nextInt(24 - size);
                int y = random.nextInt(40 - size);
                g.setColor(new Color(155 + random.nextInt(100), 155 + random.nextInt(100), 155 + random.nextInt(100)));
                m.setColor(new Color(shape, shape, shape));
                if (shape == 1) {
                    g.fillOval(x, y, size, size);
                    m.fillOval(x, y, size, size);
                } else {
                    g.fillRect(x, y, size, size);
                    m.fillRect(x, y, size, size);
                }
                annotations.append(annotations.isEmpty() ? "" : ",\n").append(String.format(
                        "{\"id\": %d, \"image_id\": %d, \"category_id\": %d, \"bbox\": [%d, %d, %d, %d], \"iscrowd\": 0}",
                        ++box, i + 1, shape == 1 ? 7 : 9, x, y, size, size));
            }
            g.dispose();
            m.dispose();
            String name = String.format("%03d", i);
            write(image, dir.resolve("images/" + name + ".png"));
            write(mask, dir.resolve("masks/" + name + ".png"));
            images.append(images.isEmpty() ? "" : ",\n").append(String.format(
                    "{\"id\": %d, \"file_name\": \"%s.png\", \"width\": 48, \"height\": 40}", i + 1, name));
        }
        try {
            Files.writeString(dir.resolve("classes.txt"), "background\ncircle\nsquare\n");
            Files.writeString(dir.resolve("annotations.json"), "{\"images\": [" + images + "],\n\"annotations\": ["
                    + annotations + "],\n\"categories\": [{\"id\": 7, \"name\": \"circle\"}, {\"id\": 9, \"name\": \"square\"}]}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    public static void write(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code perClass} rows each of spam-like and ham-like texts of varied length, seeded, as CSV lines with a header. */
    public static List<String> messagesCsv(int perClass, long seed) {
        Random random = new Random(seed);
        String[] spam = {"win", "prize", "free", "click", "offer", "cash", "winner", "urgent", "claim", "now"};
        String[] ham = {"meeting", "lunch", "report", "tomorrow", "agenda", "thanks", "project", "call", "notes", "team"};
        List<String> lines = new ArrayList<>(List.of("text,label"));
        for (int i = 0; i < perClass; i++) {
            lines.add("\"" + words(spam, random) + "\",spam");
            lines.add("\"" + words(ham, random) + "\",ham");
        }
        return lines;
    }

    private static String words(String[] vocabulary, Random random) {
        StringBuilder text = new StringBuilder();
        int n = 2 + random.nextInt(12);
        for (int w = 0; w < n; w++) {
            text.append(w == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return text.toString();
    }
}
