package io.transferbench.tasks;

/** The colour each class is drawn in, the same in every task's pictures. */
public final class ClassPalette {

    /** Tableau 10, whose colours stay apart for most readers. */
    private static final int[] PALETTE = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1,
        0xff9da7, 0x9c755f, 0xbab0ac};

    private ClassPalette() {
    }

    /** The colour of class {@code c} (1 and up; 0 is the background and has none), as 0xrrggbb. */
    public static int colour(int c) {
        return PALETTE[(c - 1) % PALETTE.length];
    }

    /** {@code #rrggbb}, as legends give it. */
    public static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xffffff);
    }
}
