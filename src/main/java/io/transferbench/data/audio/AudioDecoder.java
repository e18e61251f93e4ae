package io.transferbench.data.audio;

import org.jflac.FLACDecoder;
import org.jflac.PCMProcessor;
import org.jflac.metadata.StreamInfo;
import org.jflac.util.ByteData;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an audio file into a mono {@link Waveform} (channels averaged): FLAC through jFLAC's
 * decoder, everything else (WAV, AIFF) through Java Sound. PCM of 8 to 32 bits, either byte
 * order, and 32-bit float are accepted; anything else fails with the file and its format named.
 */
public final class AudioDecoder {

    private AudioDecoder() {
    }

    public static Waveform read(Path file) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) == 4 && head[0] == 'f' && head[1] == 'L' && head[2] == 'a' && head[3] == 'C') {
                return readFlac(file);
            }
        }
        return readJavaSound(file);
    }

    private static Waveform readFlac(Path file) throws IOException {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        StreamInfo[] info = new StreamInfo[1];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            FLACDecoder decoder = new FLACDecoder(in);
            decoder.addPCMProcessor(new PCMProcessor() {
                @Override
                public void processStreamInfo(StreamInfo streamInfo) {
                    info[0] = streamInfo;
                }

                @Override
                public void processPCM(ByteData data) {
                    pcm.write(data.getData(), 0, data.getLen());
                }
            });
            decoder.decode();
            if (decoder.getBadFrames() > 0) {
                throw new IOException(file + ": " + decoder.getBadFrames() + " FLAC frames failed to decode");
            }
        }
        if (info[0] == null) {
            throw new IOException(file + ": FLAC stream without STREAMINFO");
        }
        StreamInfo s = info[0];
        // jFLAC hands out little-endian interleaved PCM; 8-bit as unsigned, like WAV.
        boolean signed = s.getBitsPerSample() > 8;
        return toMono(pcm.toByteArray(), s.getChannels(), s.getBitsPerSample(), signed, false, false,
                s.getSampleRate(), file);
    }

    private static Waveform readJavaSound(Path file) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            boolean floating = f.getEncoding().equals(AudioFormat.Encoding.PCM_FLOAT);
            boolean signed = f.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED);
            if (!floating && !signed && !f.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED)) {
                throw new IOException(file + ": unsupported audio encoding " + f);
            }
            if (floating && f.getSampleSizeInBits() != 32) {
                throw new IOException(file + ": only 32-bit float samples are supported, not " + f);
            }
            return toMono(in.readAllBytes(), f.getChannels(), f.getSampleSizeInBits(), signed, f.isBigEndian(),
                    floating, Math.round(f.getSampleRate()), file);
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + ": not a readable audio file (WAV, AIFF or FLAC): " + e.getMessage(), e);
        }
    }

    static Waveform toMono(byte[] pcm, int channels, int bits, boolean signed, boolean bigEndian, boolean floating,
                           int sampleRate, Path file) throws IOException {
        if (bits < 8 || bits > 32 || bits % 8 != 0 || channels < 1) {
            throw new IOException(file + ": unsupported PCM layout: " + bits + " bits, " + channels + " channels");
        }
        int width = bits / 8;
        int frames = pcm.length / (width * channels);
        float[] mono = new float[frames];
        double scale = 1.0 / (1L << (bits - 1));
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * width;
                long v = 0;
                for (int b = 0; b < width; b++) {
                    int unsigned = pcm[at + (bigEndian ? b : width - 1 - b)] & 0xff;
                    v = (v << 8) | unsigned;
                }
                if (floating) {
                    sum += Float.intBitsToFloat((int) v);
                } else if (signed) {
                    sum += ((v << (64 - bits)) >> (64 - bits)) * scale;
                } else {
                    sum += (v - (1L << (bits - 1))) * scale;
                }
            }
            mono[i] = (float) (sum / channels);
        }
        return new Waveform(mono, sampleRate);
    }
}
