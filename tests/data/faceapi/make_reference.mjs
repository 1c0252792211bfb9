// Reference outputs of face-api.js for Facet's parity tests, computed with tfjs's pure-JavaScript CPU backend.
// Usage (Node >= 18; the package and pngjs come from npm, nothing native):
//   cd /tmp && npm pack @vladmandic/face-api && tar xzf vladmandic-face-api-*.tgz && npm install pngjs
//   node make_reference.mjs /tmp/package /tmp/node_modules/pngjs > reference.json
// Weights are decoded by tfjs's own tf.io.decodeWeights, so the dequantisation is the reference too.
import fs from 'fs';
import path from 'path';
import { createRequire } from 'module';

const [pkgDir, pngjsDir] = process.argv.slice(2);
const require = createRequire(import.meta.url);
// The ESM bundle's Node platform needs a util module it does not carry; letting it take its browser platform
// (Node 20 has TextEncoder and fetch globally) changes nothing in the CPU kernels.
globalThis.window = globalThis;
globalThis.document = {};
const faceapi = await import(path.resolve(pkgDir, 'dist/face-api.esm.js'));
const { PNG } = require(path.resolve(pngjsDir));
const { tf } = faceapi;
await tf.setBackend('cpu');
await tf.ready();

async function load(net, name) {
  const modelDir = path.resolve(pkgDir, 'model');
  const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, `${name}-weights_manifest.json`)));
  const buffers = manifest[0].paths.map((p) => fs.readFileSync(path.join(modelDir, p)));
  const all = Buffer.concat(buffers);
  const weightMap = tf.io.decodeWeights(all.buffer.slice(all.byteOffset, all.byteOffset + all.length),
    manifest.flatMap((g) => g.weights));
  net.loadFromWeightMap(weightMap);
  return net;
}

const recognition = await load(new faceapi.FaceRecognitionNet(), 'face_recognition_model');
const ageGender = await load(new faceapi.AgeGenderNet(), 'age_gender_model');
const expression = await load(new faceapi.FaceExpressionNet(), 'face_expression_model');

const here = path.dirname(new URL(import.meta.url).pathname);
const names = ['astronaut_square', 'astronaut_tall', 'astronaut_mirror', 'astronaut_small'];
const out = { backend: tf.getBackend(), tfjs: tf.version_core, faceapi: faceapi.version, images: {} };
for (const name of names) {
  const png = PNG.sync.read(fs.readFileSync(path.join(here, `${name}.png`)));
  const rgb = new Int32Array(png.width * png.height * 3);
  for (let i = 0; i < png.width * png.height; i += 1) {
    for (let c = 0; c < 3; c += 1) rgb[i * 3 + c] = png.data[i * 4 + c];
  }
  const image = tf.tensor3d(rgb, [png.height, png.width, 3], 'int32');
  const descriptor = Array.from(await recognition.computeFaceDescriptor(image));
  const ag = await ageGender.forward(image);
  const age = (await ag.age.data())[0];
  const genderProbs = Array.from(await ag.gender.data());
  const expr = await expression.forward(image);
  const expressions = Array.from(await expr.data());
  out.images[name] = { width: png.width, height: png.height, descriptor, age, gender: genderProbs, expressions };
  image.dispose();
}
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
