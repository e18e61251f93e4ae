// Reference outputs of the NSFWJS MobileNetV2 layers model, computed by TensorFlow.js itself
// (the pure-JS CPU backend, float32), for MobileNetV2FidelityTest on the Java side.
//
// Usage: node reference.js MODEL_DIR OUT_JSON
//   MODEL_DIR holds model.min.js and group1-shard1of1.min.js as the asset fetcher unpacks them
//   (`bench assets fetch nsfwjs-mobilenet-v2`); ./regenerate finds it and runs this script.
//
// The inputs are generated from integer formulas that the Java test reproduces exactly (see
// `pixel` below and FidelityInputs.java); their pixel sums are written too, so a formula that
// drifts on one side fails the test instead of comparing different images. Each input is scaled
// as NSFWJS does before predict (x / 255), which is also what the Java family does internally.
'use strict';

const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { round } = require('./samples');

const SIZE = 224;
const INPUTS = ['gradient', 'stripes', 'noise', 'blend'];
// The layer that ends each stage of the Java backbone (MobileNetV2Family.STAGES), in order.
const STAGE_ENDS = ['Conv1_relu', 'expanded_conv_project_BN', 'block_2_add', 'block_5_add',
  'block_12_add', 'block_16_project_BN', 'out_relu'];

function hashNoise(x, y, c) {
  return (Math.imul(x, 73856093) ^ Math.imul(y, 19349663) ^ Math.imul(c + 1, 83492791)) & 255;
}

/** Pixel value 0..255 of input `name` at row y, column x, channel c (RGB). */
function pixel(name, y, x, c) {
  switch (name) {
    case 'gradient': return (x + 2 * y + 60 * c) % 256;
    case 'stripes': return ((Math.floor(x / 8) + Math.floor(y / 12)) % 2) * 180 + 30 * c + 10;
    case 'noise': return hashNoise(x, y, c);
    case 'blend': return Math.floor((3 * hashNoise(x, y, c) + 7 * ((x * c + y) % 256)) / 10);
    default: throw new Error(name);
  }
}

function inputTensor(name) {
  const data = new Float32Array(SIZE * SIZE * 3);
  let sum = 0;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      for (let c = 0; c < 3; c++) {
        const v = pixel(name, y, x, c);
        data[(y * SIZE + x) * 3 + c] = v;
        sum += v;
      }
    }
  }
  return { tensor: tf.tensor4d(data, [1, SIZE, SIZE, 3]).div(255), pixelSum: sum };
}

async function main() {
  const [modelDir, out] = process.argv.slice(2);
  if (!modelDir || !out) {
    console.error('usage: node reference.js MODEL_DIR OUT_JSON');
    process.exit(2);
  }
  // The .min.js files are UMD bundles: require() returns the model JSON and the base64 shard.
  const model = require(path.resolve(modelDir, 'model.min.js'));
  const shard = Buffer.from(require(path.resolve(modelDir, 'group1-shard1of1.min.js')), 'base64');
  await tf.setBackend('cpu');
  const net = await tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: model.modelTopology,
    weightSpecs: model.weightsManifest.flatMap((g) => g.weights),
    weightData: shard.buffer.slice(shard.byteOffset, shard.byteOffset + shard.byteLength),
  }));
  const probe = tf.model({
    inputs: net.inputs,
    outputs: [...STAGE_ENDS, 'average_pooling2d_1', 'dense_3'].map((n) => net.getLayer(n).output),
  });

  const results = [];
  for (const name of INPUTS) {
    const { tensor, pixelSum } = inputTensor(name);
    const outputs = probe.predict(tensor);
    const stageMeans = [];
    const stageAbsMeans = [];
    for (let i = 0; i < STAGE_ENDS.length; i++) {
      stageMeans.push(outputs[i].mean().dataSync()[0]);
      stageAbsMeans.push(outputs[i].abs().mean().dataSync()[0]);
    }
    results.push({
      name,
      pixelSum,
      stageMeans: round(stageMeans, 7),
      stageAbsMeans: round(stageAbsMeans, 7),
      features: round(outputs[STAGE_ENDS.length].dataSync(), 7),
      probabilities: round(outputs[STAGE_ENDS.length + 1].dataSync(), 8),
    });
    console.log(name, 'probabilities', results[results.length - 1].probabilities.join(' '));
  }
  const json = {
    generatedBy: 'scripts/tfjs-reference/reference.js',
    tfjs: tf.version.tfjs,
    backend: tf.getBackend(),
    imageSize: SIZE,
    inputScaling: 'x / 255 (NSFWJS core.js normalizationOffset)',
    stageEnds: STAGE_ENDS,
    inputs: results,
  };
  fs.writeFileSync(out, JSON.stringify(json) + '\n');
  console.log('wrote', out);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
