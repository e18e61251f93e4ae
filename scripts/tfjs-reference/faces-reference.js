// Reference outputs of face-api's SSD-MobileNetV1 face detector (@vladmandic/face-api, the
// face-api.js network on TF.js weights), computed by face-api's own network code on TensorFlow.js
// (pure-JS CPU backend, float32), for the face detector's fidelity test on the Java side.
//
// Usage: node faces-reference.js MODEL_DIR IMAGE_DIR OUT_JSON OUT_F32
//   MODEL_DIR holds ssd_mobilenetv1_model-weights_manifest.json and ssd_mobilenetv1_model.bin
//   (asset face-api-ssd-mobilenet-v1, package/model), IMAGE_DIR the scikit-image photographs
//   (asset skimage-backgrounds); ./regenerate finds both.
//
// The input is scikit-image's astronaut.png as it is: 512x512 RGB, float32 values 0..255, one
// face. Its pixel sum is written so that a decoder that differs on one side fails the test instead
// of comparing different images. face-api scales it itself (x / 127.5 - 1) in forwardInput.
// Written: in OUT_F32 (float32 little-endian) the 5118 decoded boxes [ymin, xmin, ymax, xmax]
// (normalised, unclamped, face-api's order) row-major, then the 5118 face scores (sigmoid of
// class column 1); in OUT_JSON the detections of locateFaces, the first anchors, for each backbone
// stage the Java side checks its mean, mean |x| and values at fixed NHWC positions, and the sum of
// the dequantised float32 weights.
//
// face-api ships a Node bundle for the wasm backend (dist/face-api.node-wasm.js) that takes
// @tensorflow/tfjs as an external; its one other import, @tensorflow/tfjs-backend-wasm, is only
// re-exported (face-api never calls it), so it is answered with an empty module here and the
// pure-JS CPU backend of the pinned @tensorflow/tfjs runs everything. face-api does not export
// its internal mobileNetV1 / predictionLayer functions; the stage tensors are the outputs of the
// ClipByValue kernels (the ReLU6 that ends every pointwise and depthwise layer) that face-api's
// forwardInput runs, recorded by wrapping the CPU backend's kernel, in the order face-api calls
// them (checked by their shapes).
'use strict';

const fs = require('fs');
const path = require('path');
const Module = require('module');
const tf = require('@tensorflow/tfjs');
const { sampleIndices, round } = require('./samples');
const { PNG } = require('pngjs');

const loadModule = Module._load;
Module._load = function load(request, ...rest) {
  return request === '@tensorflow/tfjs-backend-wasm' ? {} : loadModule.call(this, request, ...rest);
};
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

Module._load = loadModule;

const SIZE = 512;
const IMAGE = 'astronaut.png';
const MODEL = 'ssd_mobilenetv1_model';
const MIN_CONFIDENCE = 0.5;
const MAX_RESULTS = 100;
// ClipByValue calls of one forwardInput: mobileNetV1 runs conv_0 (pointwise) and then 13 pairs
// (depthwise, pointwise), 27 in all; predictionLayer then runs its conv_0 .. conv_7 (pointwise).
const CLIPS = 27 + 8;
const STAGES = [
  { name: 'conv11', clip: 22, shape: [1, 32, 32, 512], what: 'mobileNetV1 conv_11 pointwise (features.conv11)' },
  { name: 'mobilenet', clip: 26, shape: [1, 16, 16, 1024], what: 'mobileNetV1 conv_13 pointwise (features.out)' },
  { name: 'conv1', clip: 28, shape: [1, 8, 8, 512], what: 'predictionLayer conv1' },
  { name: 'conv3', clip: 30, shape: [1, 4, 4, 256], what: 'predictionLayer conv3' },
  { name: 'conv5', clip: 32, shape: [1, 2, 2, 256], what: 'predictionLayer conv5' },
  { name: 'conv7', clip: 34, shape: [1, 1, 1, 128], what: 'predictionLayer conv7' },
];

function inputTensor(imageDir) {
  const png = PNG.sync.read(fs.readFileSync(path.join(imageDir, IMAGE)));
  if (png.width !== SIZE || png.height !== SIZE) {
    throw new Error(`${IMAGE} is ${png.width}x${png.height}, expected ${SIZE}x${SIZE}`);
  }
  const data = new Float32Array(SIZE * SIZE * 3);
  let sum = 0;
  for (let i = 0; i < SIZE * SIZE; i++) {
    for (let c = 0; c < 3; c++) {
      const v = png.data[i * 4 + c]; // pngjs gives RGBA; the alpha is dropped
      data[i * 3 + c] = v;
      sum += v;
    }
  }
  return { tensor: tf.tensor4d(data, [1, SIZE, SIZE, 3]), pixelSum: sum };
}

/** Runs fn while recording the output of every ClipByValue kernel on the CPU backend. */
function recordClips(fn) {
  const original = tf.getKernel('ClipByValue', 'cpu');
  const recorded = [];
  tf.unregisterKernel('ClipByValue', 'cpu');
  tf.registerKernel({
    ...original,
    kernelFunc: (args) => {
      const out = original.kernelFunc(args);
      recorded.push({ shape: out.shape.slice(), values: Float32Array.from(args.backend.readSync(out.dataId)) });
      return out;
    },
  });
  try {
    return { result: fn(), recorded };
  } finally {
    tf.unregisterKernel('ClipByValue', 'cpu');
    tf.registerKernel(original);
  }
}

async function main() {
  const [modelDir, imageDir, outJson, outF32] = process.argv.slice(2);
  if (!outF32) {
    console.error('usage: node faces-reference.js MODEL_DIR IMAGE_DIR OUT_JSON OUT_F32');
    process.exit(2);
  }
  await tf.setBackend('cpu');
  if (faceapi.tf.engine() !== tf.engine()) {
    throw new Error('face-api does not use the pinned @tensorflow/tfjs');
  }

  // face-api's own loader (fs + tf.io.weightsLoaderFactory -> loadFromWeightMap).
  const net = new faceapi.SsdMobilenetv1();
  await net.loadFromDisk(modelDir);

  // TF.js's own decoding of the same weights: uint8-quantised tensors become
  // Float32Array(q * scale + min) (the product and sum in float64, then rounded to float32);
  // summed in float64 over the float32 tensors (the 15 int32 ones are graph constants).
  const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, `${MODEL}-weights_manifest.json`), 'utf8'));
  const weightSpecs = manifest.flatMap((g) => g.weights);
  const bins = manifest.flatMap((g) => g.paths).map((p) => fs.readFileSync(path.join(modelDir, p)));
  const bin = Buffer.concat(bins);
  const decoded = tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), weightSpecs);
  let weightSum = 0;
  let weightCount = 0;
  let weightTensors = 0;
  for (const spec of weightSpecs) {
    if (spec.dtype === 'float32') {
      const values = decoded[spec.name].dataSync();
      values.forEach((v) => { weightSum += v; });
      weightCount += values.length;
      weightTensors++;
    }
  }
  const anchors = decoded['Output/extra_dim'];
  const anchorCount = anchors.shape[1];
  let anchorSum = 0;
  anchors.dataSync().forEach((v) => { anchorSum += v; });

  const { tensor, pixelSum } = inputTensor(imageDir);
  const netInput = await faceapi.toNetInput(tensor);

  // At 512x512 toBatchTensor(512, false) is an identity: the image is square (padToSquare returns
  // it), already 512 (no resizeBilinear) and already float32. Checked value by value.
  const batch = netInput.toBatchTensor(SIZE, false);
  const batchDiff = tf.max(tf.abs(tf.sub(batch, tensor))).dataSync()[0];
  if (batchDiff !== 0 || batch.shape.join() !== tensor.shape.join()) {
    throw new Error(`toBatchTensor changed the image (max |diff| ${batchDiff})`);
  }
  batch.dispose();

  const { result, recorded } = recordClips(() => net.forwardInput(netInput));
  if (recorded.length !== CLIPS) {
    throw new Error(`expected ${CLIPS} ClipByValue kernels in forwardInput, saw ${recorded.length}`);
  }
  const stages = STAGES.map((s) => {
    const { shape, values } = recorded[s.clip];
    if (shape.join() !== s.shape.join()) {
      throw new Error(`${s.name}: ClipByValue #${s.clip} has shape ${shape}, expected ${s.shape}`);
    }
    const idx = sampleIndices(values.length);
    const t = tf.tensor(values, shape);
    const stage = {
      name: s.name,
      node: s.what,
      shape,
      mean: t.mean().dataSync()[0],
      absMean: t.abs().mean().dataSync()[0],
      sampleIndex: idx,
      samples: round(idx.map((k) => values[k]), 7),
    };
    t.dispose();
    return stage;
  });

  const boxes = result.boxes[0].dataSync();
  const scores = result.scores[0].dataSync();
  if (boxes.length !== anchorCount * 4 || scores.length !== anchorCount) {
    throw new Error(`outputs ${boxes.length / 4} boxes and ${scores.length} scores, ${anchorCount} anchors`);
  }

  const found = await net.locateFaces(tensor, { minConfidence: MIN_CONFIDENCE, maxResults: MAX_RESULTS });
  const detections = found.map((d) => {
    const r = d.relativeBox;
    const anchor = Array.prototype.findIndex.call(scores, (v) => v === d.score);
    return {
      score: d.score,
      anchor,
      box: [r.x, r.y, r.width, r.height],
      rawBox: anchor >= 0 ? Array.from(boxes.slice(anchor * 4, anchor * 4 + 4)) : null,
    };
  });
  detections.forEach((d) => console.log('face', d.score.toFixed(4), 'anchor', d.anchor,
    'box [x y w h]', d.box.map((v) => v.toFixed(4)).join(' ')));
  const scoreMax = scores.reduce((m, v) => Math.max(m, v), 0);

  const out = {
    generatedBy: 'scripts/tfjs-reference/faces-reference.js',
    tfjs: tf.version.tfjs,
    faceApi: faceapi.version,
    backend: tf.getBackend(),
    image: IMAGE,
    imageSize: SIZE,
    pixelSum,
    inputScaling: 'float32 0..255 RGB; face-api forwardInput: x / 127.5 - 1',
    toBatchTensorIdentity: true,
    anchors: anchorCount,
    anchorLayout: '[ymin, xmin, ymax, xmax] (corners, normalised), as face-api decodes them',
    anchorsFirst: Array.from(anchors.dataSync().slice(0, 8 * 4)).reduce((rows, v, i) => {
      if (i % 4 === 0) rows.push([]);
      rows[rows.length - 1].push(v);
      return rows;
    }, []),
    outputFile: path.basename(outF32),
    outputLayout: 'float32 little-endian: boxes [5118][4] (ymin, xmin, ymax, xmax; normalised, unclamped) '
      + 'then scores [5118] (sigmoid of class column 1)',
    scoreMax,
    weightTensors,
    weightCount,
    weightSum,
    weightSumNote: 'float64 sum over every float32 tensor of the manifest, Output/extra_dim included; '
      + 'uint8 ones as Float32Array(q * scale + min), computed in float64 and rounded to float32 (tf.io.decodeWeights)',
    anchorSum,
    stages,
    minConfidence: MIN_CONFIDENCE,
    maxResults: MAX_RESULTS,
    iouThreshold: 0.5,
    detectionBox: 'relative [x, y, width, height] of the image, clamped to 0..1 (locateFaces)',
    detections,
  };
  fs.writeFileSync(outJson, JSON.stringify(out) + '\n');
  const all = Buffer.alloc((boxes.length + scores.length) * 4);
  boxes.forEach((v, i) => all.writeFloatLE(v, i * 4));
  scores.forEach((v, i) => all.writeFloatLE(v, (boxes.length + i) * 4));
  fs.writeFileSync(outF32, all);
  console.log('wrote', outJson, outF32);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
