/**
 * Audio datasets: decoding (WAV and AIFF through Java Sound, FLAC through jFLAC) to mono float
 * samples, resampling to 16 kHz with a windowed-sinc anti-aliasing filter, fixed-length clips as
 * examples, and the datasets built from locked recordings (the Hydrogen drum kits).
 */
package io.transferbench.data.audio;
