/**
 * Reference structure for a p5.js generative piece.
 * Shows organisation principles (parameters, seeding, classes), not an algorithm to copy.
 */

// 1. Parameters: everything tunable lives here, seed first.
const params = {
  seed: 12345,
  count: 1500,
  scale: 0.003,
  speed: 1.2,
  palette: ['#141413', '#d97757', '#6a9bcc', '#788c5d'],
};

// 2. Entities as small classes with update/draw.
class Agent {
  constructor() {
    this.pos = createVector(random(width), random(height));
    this.prev = this.pos.copy();
    this.color = color(random(params.palette));
    this.life = random(200, 600);
  }

  update() {
    this.prev.set(this.pos);
    const angle = noise(this.pos.x * params.scale, this.pos.y * params.scale, frameCount * 0.001) * TAU * 2;
    this.pos.add(p5.Vector.fromAngle(angle).mult(params.speed));
    this.life -= 1;
  }

  draw() {
    this.color.setAlpha(18);
    stroke(this.color);
    line(this.prev.x, this.prev.y, this.pos.x, this.pos.y);
  }

  get dead() {
    return this.life <= 0 || this.pos.x < 0 || this.pos.x > width || this.pos.y < 0 || this.pos.y > height;
  }
}

let agents = [];

// 3. Seed everything in one place so a seed always reproduces the same image.
function init() {
  randomSeed(params.seed);
  noiseSeed(params.seed);
  background('#faf9f5');
  agents = Array.from({ length: params.count }, () => new Agent());
}

function setup() {
  createCanvas(1200, 1200);
  init();
}

function draw() {
  for (const a of agents) {
    a.update();
    a.draw();
  }
  agents = agents.filter((a) => !a.dead);
  if (agents.length === 0) noLoop();
}
