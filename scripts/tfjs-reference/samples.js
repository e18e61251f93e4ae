// What the reference scripts share: how a feature map is sampled for the Java fidelity tests
// (TfjsSamples on the Java side reads the same NHWC positions) and how numbers are rounded.
'use strict';

const SAMPLES = 256;

/** NHWC flat positions sampled from a tensor of `count` values. */
function sampleIndices(count) {
  const idx = [];
  for (let k = 0; k < SAMPLES; k++) {
    idx.push((k * 2654435761) % count);
  }
  return idx;
}

function round(values, digits) {
  const f = 10 ** digits;
  return Array.from(values, (v) => Math.round(v * f) / f);
}

module.exports = { sampleIndices, round };
