/**
 * Reference structure for a p5.js generative sketch.
 *
 * Principles:
 *  - Every random choice flows from params.seed (randomSeed + noiseSeed).
 *  - params holds only the handful of values worth exposing as controls.
 *  - regenerate() is the single entry point the viewer calls.
 */

let params = {
  seed: 12345,
  particleCount: 2500,
  noiseScale: 0.004,
  stepLength: 1.6,
  steps: 120,
  palette: ['#1f1d1a', '#c2573a', '#3f6e8c', '#d9b26f'],
  background: '#f6f3ee',
};

let particles = [];

function setup() {
  createCanvas(1200, 1200);
  noLoop();
  regenerate();
}

function regenerate() {
  randomSeed(params.seed);
  noiseSeed(params.seed);
  particles = initParticles(params.particleCount);
  redraw();
}

function initParticles(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push({
      x: random(width),
      y: random(height),
      color: color(random(params.palette)),
    });
  }
  return out;
}

function fieldAngle(x, y) {
  // Two octaves: broad currents plus finer turbulence.
  const broad = noise(x * params.noiseScale, y * params.noiseScale);
  const fine = noise(x * params.noiseScale * 4 + 100, y * params.noiseScale * 4 + 100);
  return (broad * 0.8 + fine * 0.2) * TWO_PI * 2;
}

function draw() {
  background(params.background);
  strokeWeight(0.7);
  for (const p of particles) {
    const c = p.color;
    c.setAlpha(22);
    stroke(c);
    let { x, y } = p;
    for (let s = 0; s < params.steps; s++) {
      const a = fieldAngle(x, y);
      const nx = x + cos(a) * params.stepLength;
      const ny = y + sin(a) * params.stepLength;
      if (nx < 0 || nx > width || ny < 0 || ny > height) break;
      line(x, y, nx, ny);
      x = nx;
      y = ny;
    }
  }
}
